"""Render every page of three sample signed marking sheets to PNG, to look at before release.

    .venv/bin/python scripts/render_sheet.py [OUT_DIR]      (default: out/sheet-pages)

Invented sessions in a throwaway database, each written as OUT_DIR/NAME.pdf and rendered page
by page with pdftoppm (poppler-utils) at 80 dpi as OUT_DIR/NAME-page-N.png:
- sample-sheet: Kent (ten areas), two members with Welsh names, ordinary notes, one drawn
  signature;
- six-by-two: Gwent (six areas), two members;
- ten-by-five: Kent, five members, one note of 6,000 characters;
- reopened-v2: the first sample reopened by HR, regraded and signed again (version 2);
- every-script: Gwent, five members whose names (and typed signatures) are in Arabic, Hebrew,
  Chinese, Japanese and Korean, a candidate with a Welsh name and an Arabic one, the venue in
  Devanagari, notes, area notes, questions and rationale in every one of those scripts and
  emoji: to see Arabic joined and right to left, Hebrew right to left, CJK and Devanagari
  (conjuncts, vowel signs) shaped, and no empty boxes.
Prints the paths written.
"""

from __future__ import annotations

import argparse
import base64
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from pcso_interview.demo import sign_for_demo, signature_png  # noqa: E402
from pcso_interview.profiles import load_profiles  # noqa: E402
from pcso_interview.session import Member  # noqa: E402
from pcso_interview.store import Store  # noqa: E402
from reports.marking_sheet import build_sheet  # noqa: E402

PROFILE_ID = "kent-crime-prevention-pcso"
PANEL = (
    Member("m1", "Llŷr Ŵyn", "chair", "PS 1207"),
    Member("m2", "Gwenllïan Ŵyn", "member", "C-3031"),
)
NOTES = (
    "Described calming a neighbour dispute by listening to both sides first, then agreeing "
    "a time for the music to stop; checked back with both a week later.",
    "Example was vague; probed twice, little detail on own actions.",
    "Spoke about working with the council to close an alleyway used for dealing.",
    "Mentioned asking a colleague for help after a difficult call; siaradodd â'r teulu.",
)


class Clock:
    """Fixed times, so the sample looks the same on every run."""

    def __init__(self) -> None:
        self.now = datetime(2025, 11, 23, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=7)
        return self.now


# Invented people and words, one script each (issue 14, "every script prints as typed").
SCRIPT_PANEL = (
    Member("m1", "ليلى حداد", "chair", "PS 2201"),  # Arabic
    Member("m2", "נועה לוי", "member", "C-3302"),  # Hebrew
    Member("m3", "王小明", "member", "45121"),  # Chinese
    Member("m4", "山田さくら", "member", "DC 7782"),  # Japanese
    Member("m5", "김민준", "member", "PC 9914"),  # Korean
)
SCRIPT_CANDIDATE = "Siôn Ŵyn ap محمد"  # Welsh with an Arabic word
SCRIPT_VENUE = "किशोर सभागार, कक्ष 2"  # Devanagari
SCRIPT_NOTES = (
    "قال المرشح إنه استمع إلى الطرفين (الجار والمالك) قبل أن يقرر.",  # Arabic
    "המועמד נשאר רגוע והסביר את ההחלטה לשני הצדדים.",  # Hebrew
    "候选人冷静地处理了邻里纠纷，并在一周后回访。",  # Chinese
    "候補者は落ち着いて両方の話を聞きました。",  # Japanese
    "지원자는 침착하게 양측의 이야기를 들었습니다.",  # Korean
    "उम्मीदवार ने शांति से विवाद सुलझाया और क्षमा माँगी।",  # Devanagari
    "Stayed calm throughout 👍🏽 😀 and followed up a week later 📞",  # emoji
)
SCRIPT_QUESTIONS = (
    "상황을 어떻게 해결했습니까?",
    "その時、どのように対応しましたか？",
    "你当时是怎么做的？",
    "كيف تصرفت في ذلك الموقف؟",
    "מה עשית במצב הזה?",
    "आपने उस स्थिति में क्या किया?",
)


def every_script_session(store: Store) -> str:
    """Gwent scored by five members with names in five scripts; notes, questions, rationale
    and venue in every script the sheet must print."""
    profile = load_profiles([]).get("gwent-cso")
    sid = store.create_session(
        profile,
        candidate_name=SCRIPT_CANDIDATE,
        candidate_ref="C-0501",
        date="2025-11-23",
        venue=SCRIPT_VENUE,
        panel=SCRIPT_PANEL,
        questions={
            a.id: SCRIPT_QUESTIONS[n % len(SCRIPT_QUESTIONS)]
            for n, a in enumerate(profile.planned_areas)
        },
    )
    for n, member in enumerate(SCRIPT_PANEL):
        for a_no, area in enumerate(profile.planned_areas):
            for i_no, indicator in enumerate(area.indicators):
                kind = ("demonstrated", "partly", "demonstrated", "contrary", "none")[
                    (i_no + a_no + n) % 5
                ]
                store.classify(sid, member.id, indicator.id, kind)
                if (i_no + n + a_no) % 4 == 0:
                    note = SCRIPT_NOTES[(i_no + a_no + n) % len(SCRIPT_NOTES)]
                    store.note(sid, member.id, indicator.id, note)
            area_note = SCRIPT_NOTES[(a_no + n + 3) % len(SCRIPT_NOTES)]
            store.area_note(sid, member.id, area.id, area_note)
            store.grade(sid, member.id, area.id, 3 + (a_no + n) % 2 if n else 3)
    for area in profile.planned_areas:
        store.agree(sid, area.id, 3, "经过讨论后达成一致 — تم الاتفاق بعد النقاش 🤝")
    return sid


FIVE = (
    *PANEL,
    Member("m3", "Angharad Ŷr Lewis-Morgan", "member", "45120"),
    Member("m4", "Bartholomew Whitlow-Carraway", "member", "DC 7781"),
    Member("m5", "Ffion Eluned Ŵyn-Thackeray", "member", "PC 9913"),
)


def scored_session(
    store: Store, profile_id: str, panel: tuple[Member, ...], ref: str, long_note: str = ""
) -> str:
    """An invented session every member classified, noted and graded, with agreed grades."""
    profile = load_profiles([]).get(profile_id)
    sid = store.create_session(
        profile,
        candidate_name="Siôn Ŷr ap Dafydd",
        candidate_ref=ref,
        date="2025-11-23",
        venue="Maidstone Police Station, Interview Room 2",
        panel=panel,
        questions={
            a.id: f"Describe a time you showed '{a.name}'. What did you do, and how did "
            "it turn out?"
            for a in profile.planned_areas
        },
    )
    grades = [3, 4, 3, 3, 2, 4, 3, 3, 4, 3]
    for n, member in enumerate(panel):
        for a_no, area in enumerate(profile.planned_areas):
            for i_no, indicator in enumerate(area.indicators):
                kind = ("demonstrated", "partly", "demonstrated", "contrary", "none")[
                    (i_no + a_no + n) % 5
                ]
                store.classify(sid, member.id, indicator.id, kind)
                if (i_no + n) % 3 == 0:
                    store.note(sid, member.id, indicator.id, NOTES[(i_no + a_no) % 4])
            store.area_note(sid, member.id, area.id, f"Clear STAR example ({member.name}).")
            store.grade(sid, member.id, area.id, grades[a_no % 10] if n == 0 else 3)
    if long_note:
        first = profile.planned_areas[0].indicators[0].id
        store.note(sid, panel[0].id, first, long_note)
    for a_no, area in enumerate(profile.planned_areas):
        store.agree(sid, area.id, 3, "Agreed after discussion." if grades[a_no % 10] != 3 else "")
    return sid


def sign_everyone(store: Store, sid: str, drawn: bool = True) -> None:
    panel = store.load(sid).panel
    png = base64.b64encode(signature_png(240, 70)).decode("ascii")
    for member in panel:
        if drawn and member.is_chair:
            sign_for_demo(store, sid, member.id, signature_png_b64=png)
        else:
            sign_for_demo(store, sid, member.id, typed_name=member.name)


def samples(db_path: Path) -> dict[str, bytes]:
    store = Store.open(db_path, clock=Clock())
    try:
        made = {}
        main = scored_session(store, PROFILE_ID, PANEL, "C-0412")
        sign_everyone(store, main)
        made["sample-sheet"] = build_sheet(store.load(main))
        six = scored_session(store, "gwent-cso", PANEL, "C-0413")
        sign_everyone(store, six)
        made["six-by-two"] = build_sheet(store.load(six))
        words = " ".join(f"word{n:04d}" for n in range(1, 700))
        ten = scored_session(store, PROFILE_ID, FIVE, "C-0414", long_note=words)
        sign_everyone(store, ten, drawn=False)
        made["ten-by-five"] = build_sheet(store.load(ten))
        store.reopen(main, "Integrity was graded against the wrong evidence", "Rhian Evans")
        for member in PANEL:
            store.grade(main, member.id, "integrity", 4)
        store.agree(main, "integrity", 4, "Regraded after HR's review of the evidence.")
        sign_everyone(store, main)
        made["reopened-v2"] = build_sheet(store.load(main))
        scripts = every_script_session(store)
        sign_everyone(store, scripts, drawn=False)  # typed signatures: each member's own name
        made["every-script"] = build_sheet(store.load(scripts))
        return made
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", type=Path, default=Path("out/sheet-pages"))
    args = parser.parse_args(argv)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print(
            "error: pdftoppm is missing; install poppler-utils "
            "(Debian/Ubuntu: sudo apt-get install poppler-utils)",
            file=sys.stderr,
        )
        return 1
    out: Path = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        made = samples(Path(tmp) / "sample.db")
    for name, data in made.items():
        pdf = out / f"{name}.pdf"
        pdf.write_bytes(data)
        done = subprocess.run(
            [pdftoppm, "-r", "80", "-png", str(pdf), str(out / f"{name}-page")],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            print(f"error: pdftoppm failed: {done.stderr.strip()}", file=sys.stderr)
            return 1
        print(pdf)
        for page in sorted(out.glob(f"{name}-page-*.png")):
            print(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())

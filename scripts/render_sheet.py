"""Render every page of a sample signed marking sheet to PNG, to look at before release.

    .venv/bin/python scripts/render_sheet.py [OUT_DIR]      (default: out/sheet-pages)

Builds an invented signed session (Kent profile, two panel members with Welsh names,
ordinary notes, one drawn signature) in a throwaway database, writes OUT_DIR/sample-sheet.pdf
and renders each page with pdftoppm (poppler-utils) at 80 dpi. Prints the paths written.
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


def sample_sheet(db_path: Path) -> bytes:
    """An invented, fully signed Kent session with ordinary notes and one drawn signature."""
    profile = load_profiles([]).get(PROFILE_ID)
    if profile is None:
        raise SystemExit(f"the built-in profile {PROFILE_ID!r} is missing")
    store = Store.open(db_path, clock=Clock())
    try:
        sid = store.create_session(
            profile,
            candidate_name="Siôn Ŷr ap Dafydd",
            candidate_ref="C-0412",
            date="2025-11-23",
            venue="Maidstone Police Station, Interview Room 2",
            panel=PANEL,
            questions={
                a.id: f"Describe a time you showed '{a.name}'. What did you do, and how did "
                "it turn out?"
                for a in profile.planned_areas
            },
        )
        grades = [3, 4, 3, 3, 2, 4, 3, 3, 4, 3]
        for n, member in enumerate(PANEL):
            for a_no, area in enumerate(profile.planned_areas):
                for i_no, indicator in enumerate(area.indicators):
                    kind = ("demonstrated", "partly", "demonstrated", "contrary", "none")[
                        (i_no + a_no + n) % 5
                    ]
                    store.classify(sid, member.id, indicator.id, kind)
                    if (i_no + n) % 3 == 0:
                        store.note(sid, member.id, indicator.id, NOTES[(i_no + a_no) % 4])
                store.area_note(sid, member.id, area.id, f"Clear STAR example ({member.name}).")
                store.grade(sid, member.id, area.id, grades[a_no] if n == 0 else 3)
        for a_no, area in enumerate(profile.planned_areas):
            store.agree(sid, area.id, 3, "Agreed after discussion." if grades[a_no] != 3 else "")
        png = base64.b64encode(signature_png(240, 70)).decode("ascii")
        sign_for_demo(store, sid, PANEL[0].id, signature_png_b64=png)
        sign_for_demo(store, sid, PANEL[1].id, typed_name=PANEL[1].name)
        return build_sheet(store.load(sid), invariant=True)
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
    for old in out.glob("page-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        data = sample_sheet(Path(tmp) / "sample.db")
    pdf = out / "sample-sheet.pdf"
    pdf.write_bytes(data)
    done = subprocess.run(
        [pdftoppm, "-r", "80", "-png", str(pdf), str(out / "page")],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        print(f"error: pdftoppm failed: {done.stderr.strip()}", file=sys.stderr)
        return 1
    print(pdf)
    for page in sorted(out.glob("page-*.png")):
        print(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())

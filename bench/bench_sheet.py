"""Benchmark of the PDF marking sheet (not a test; prints its figures).

    .venv/bin/python bench/bench_sheet.py [--runs 20] [--batch 100]

Targets (issue 14): a typical sheet (six areas, two members, ordinary notes) builds in at
most 0.08 s in-process; 100 demo sheets in at most 5 s; a profile of 2,000 indicators in one
sheet in at most 30 s; one note of 100,000 characters in at most 5 s (in Welsh and English,
and again in Arabic, Chinese and Devanagari, which go through shaping and fallback fonts).
The sheet is shown beside a minimal reportlab document (one page, one paragraph, the same
bundled font) built the same number of times in the same run, so a slow machine can be told
apart from a slow sheet. Then a batch of different invented sessions (every profile, as
`pdf --date` would meet them), total and per sheet; then the three large sheets, each with its
ratio to the minimal document.
"""

from __future__ import annotations

import argparse
import copy
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from pcso_interview.demo import NOTES, demo_sessions, sign_for_demo  # noqa: E402
from pcso_interview.profiles import Profile, load_profiles  # noqa: E402
from pcso_interview.session import Member, Session  # noqa: E402
from pcso_interview.store import Store  # noqa: E402
from reports.fonts import REGULAR, register_fonts  # noqa: E402
from reports.issue import built_sheets  # noqa: E402
from reports.marking_sheet import build_sheet  # noqa: E402

TARGET_S = 0.08
BATCH_TARGET_S = 5.0  # for 100 sheets
INDICATORS, INDICATORS_TARGET_S = 2_000, 30.0
NOTE_CHARS, NOTE_TARGET_S = 100_000, 5.0
SCRIPT_WORDS = (
    "قال المرشح إنه استمع إلى الطرفين قبل أن يقرر 候选人冷静地处理了纠纷 उम्मीदवार ने शांति से "
)
PROFILE_ID = "gwent-cso"
PANEL = (
    Member("m1", "Llŷr Ŵyn", "chair", "PS 1207"),
    Member("m2", "Gwenllïan Ŵyn", "member", "C-3031"),
)
CLASSES = ("demonstrated", "partly", "demonstrated", "contrary", "demonstrated", "none")


def typical_session(db_path: Path) -> Session:
    """Gwent (six areas), two members, every indicator classified, about a third noted."""
    profile = load_profiles([]).get(PROFILE_ID)
    assert profile is not None, PROFILE_ID
    store = Store.open(db_path)
    try:
        sid = store.create_session(
            profile,
            candidate_name="Siôn Ŷr ap Dafydd",
            candidate_ref="C-0412",
            date="2025-11-23",
            venue="Headquarters, Interview Room 1",
            panel=PANEL,
        )
        assert len(profile.planned_areas) == 6
        for n, member in enumerate(PANEL):
            for a_no, area in enumerate(profile.planned_areas):
                for i_no, indicator in enumerate(area.indicators):
                    kind = CLASSES[(i_no + a_no + n) % len(CLASSES)]
                    store.classify(sid, member.id, indicator.id, kind)
                    if (i_no + n) % 3 == 0:
                        store.note(sid, member.id, indicator.id, NOTES[(i_no + a_no) % len(NOTES)])
                store.area_note(sid, member.id, area.id, f"Clear STAR example ({member.name}).")
                store.grade(sid, member.id, area.id, 3 + (a_no + n) % 2)
        for area in profile.planned_areas:
            store.agree(sid, area.id, 3, "")
        for member in PANEL:
            sign_for_demo(store, sid, member.id, typed_name=member.name)
        return store.load(sid)
    finally:
        store.close()


def big_profile(total: int = INDICATORS) -> Profile:
    """Gwent's profile with ``total`` indicators spread over its planned areas."""
    base = load_profiles([]).get(PROFILE_ID)
    assert base is not None
    data = copy.deepcopy(base.to_dict())
    planned = [p["area"] for p in data["interview_plan"]]
    each = -(-total // len(planned))
    made = 0
    for area in data["areas"]:
        if area["id"] in planned:
            count = min(each, total - made)
            area["indicators"] = [
                {
                    "id": f"{area['id']}-{n}",
                    "text": f"I show {area['name'].lower()} in the way number {n} of this"
                    " force's profile describes, with an example from my own experience.",
                }
                for n in range(1, count + 1)
            ]
            made += count
    data["id"] = f"bench-{total}-indicators"
    return Profile.from_dict(data)


def noted_session(db_path: Path, profile: Profile, note: str = "") -> Session:
    """Two members who graded every area and classified each area's first indicator; the
    chair's note on the first indicator is ``note``."""
    store = Store.open(db_path)
    try:
        sid = store.create_session(
            profile,
            candidate_name="Siôn Ŷr ap Dafydd",
            candidate_ref="C-0413",
            date="2025-11-23",
            venue="Headquarters, Interview Room 1",
            panel=PANEL,
        )
        for member in PANEL:
            for area in profile.planned_areas:
                store.classify(sid, member.id, area.indicators[0].id, "demonstrated")
                store.grade(sid, member.id, area.id, 3)
        if note:
            first = profile.planned_areas[0].indicators[0].id
            store.note(sid, PANEL[0].id, first, note)
        return store.load(sid)
    finally:
        store.close()


def long_note(words: str) -> str:
    return (words * (NOTE_CHARS // len(words) + 1))[:NOTE_CHARS]


def minimal_document() -> bytes:
    """One page, one paragraph, the same font registration as the sheet."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=REGULAR)
    style = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11.5)
    doc.build([Paragraph("Llŷr Ŵyn and Gwenllïan Ŵyn: one paragraph, one page.", style)])
    return buffer.getvalue()


def timed(build: Callable[[], bytes], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build()
        times.append(time.perf_counter() - start)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="builds of each document")
    parser.add_argument("--batch", type=int, default=100, help="sheets in the batch")
    args = parser.parse_args(argv)
    runs, batch = max(1, args.runs), max(1, args.batch)

    with tempfile.TemporaryDirectory() as tmp:
        session = typical_session(Path(tmp) / "bench.db")

    start = time.perf_counter()
    data = build_sheet(session)  # first build: imports warm, fonts registered
    cold = time.perf_counter() - start
    minimal_document()

    sheet_times = timed(lambda: build_sheet(session), runs)
    minimal_times = timed(minimal_document, runs)
    sheet_median, minimal_median = statistics.median(sheet_times), statistics.median(minimal_times)

    profiles = list(load_profiles([]))
    sessions = list(demo_sessions(profiles, batch, seed=2026))
    pages = 0
    start = time.perf_counter()
    for each in sessions:
        pages += build_sheet(each).count(b"/Type /Page\n")
    sequential = time.perf_counter() - start
    start = time.perf_counter()
    pooled = sum(1 for _ in built_sheets(sessions))  # as the pdf verb and HR reprint build them
    batch_total = time.perf_counter() - start
    assert pooled == batch

    gwent = load_profiles([]).get(PROFILE_ID)
    assert gwent is not None
    with tempfile.TemporaryDirectory() as tmp:
        big = noted_session(Path(tmp) / "big.db", big_profile())
        latin = noted_session(Path(tmp) / "latin.db", gwent, long_note("Siaradodd â'r cymydog. "))
        scripts = noted_session(Path(tmp) / "scripts.db", gwent, long_note(SCRIPT_WORDS))
    large = []
    for label, each, target in (
        (f"{INDICATORS:,} indicators in one sheet", big, INDICATORS_TARGET_S),
        (f"one note of {NOTE_CHARS:,} characters (Latin)", latin, NOTE_TARGET_S),
        (
            f"one note of {NOTE_CHARS:,} characters (Arabic, CJK, Devanagari)",
            scripts,
            NOTE_TARGET_S,
        ),
    ):
        start = time.perf_counter()
        built = build_sheet(each)
        took = time.perf_counter() - start
        large.append((label, took, target, built.count(b"/Type /Page\n")))

    verdict = "PASS" if sheet_median <= TARGET_S else "FAIL"
    batch_target = BATCH_TARGET_S * batch / 100
    batch_verdict = "PASS" if batch_total <= batch_target else "FAIL"
    print(f"typical sheet: {PROFILE_ID}, 6 areas, 2 members, {len(data):,} bytes")
    print(f"  first build (cold)      {cold:7.3f} s")
    print(
        f"  typical sheet x{runs:<4}     median {sheet_median:.3f} s   p95 {p95(sheet_times):.3f} s"
    )
    print(
        f"  minimal document x{runs:<4}  median {minimal_median:.4f} s   "
        f"p95 {p95(minimal_times):.4f} s"
    )
    print(f"  ratio sheet / minimal    {sheet_median / minimal_median:7.1f} x")
    print(
        f"batch: {batch} different demo sessions ({len(profiles)} profiles), {pages} pages: "
        f"one after another {sequential:.2f} s; in a pool of {os.cpu_count()} processes"
        f" {batch_total:.2f} s ({batch_total / batch:.3f} s per sheet)"
    )
    print(
        f"{verdict}: typical sheet median {sheet_median:.3f} s against the target of "
        f"at most {TARGET_S} s (p95 {p95(sheet_times):.3f} s;"
        f" {sheet_median / minimal_median:.1f}x the minimal document)"
    )
    print(
        f"{batch_verdict}: {batch} sheets in {batch_total:.2f} s against the target of at most"
        f" {batch_target:.1f} s (the pool, as the pdf verb and HR reprint build them)"
    )
    large_ok = True
    for label, took, target, pages in large:
        ok = took <= target
        large_ok = large_ok and ok
        print(
            f"{'PASS' if ok else 'FAIL'}: {label}: {took:.2f} s against the target of at most"
            f" {target:.0f} s ({pages} pages; {took / minimal_median:,.0f}x the minimal document)"
        )
    return 0 if verdict == batch_verdict == "PASS" and large_ok else 1


if __name__ == "__main__":
    sys.exit(main())

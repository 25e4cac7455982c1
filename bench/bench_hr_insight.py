"""Benchmark of HR insight on a big demo database: the window never freezes (not a test; prints
its figures).

    .venv/bin/python bench/bench_hr_insight.py [--sessions 50000] [--db PATH]

On the database bench/bench_hr.py builds (or reuses), with invented equality-monitoring data
imported for every candidate, everything runs in this process, offscreen, as the app runs it.
A 10 ms QTimer on the window's thread records every gap in its event loop while:

- select-all: Ctrl+A in HR review over every session, until painted;
- export: every session to CSV through Export CSV (a job on its own thread), until written;
- Stop: an export stopped after half a second, until it has ended (no file left);
- statistics: the Statistics screen's figures for every profile, until shown;

and prints, for each, how long it took and the longest stall of the event loop (the target:
under 100 ms). Beside them: the same export and statistics run in the foreground without a
window, so a slow machine can be told apart from a slow screen.

Waiting is done in a QEventLoop, never a loop of QApplication.processEvents(): in PySide6 6.12
each such call loses a reference to None, and a few thousand of them abort the interpreter.
"""

from __future__ import annotations

import argparse
import atexit
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
REPO_ROOT = Path(__file__).resolve().parent.parent
for folder in (REPO_ROOT, REPO_ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench_hr import ensure_database  # noqa: E402

STALL_TARGET_MS = 100.0
GROUPS = (("White", 80), ("Asian", 9), ("Black", 5), ("Mixed", 4), ("Other", 2))


def equality_csv(refs: list[str]) -> str:
    rng = random.Random(16)
    names, weights = [g for g, _ in GROUPS], [w for _, w in GROUPS]
    lines = ["Candidate reference,Ethnicity,Sex"]
    lines += [
        f"{ref},{rng.choices(names, weights)[0]},{rng.choice(['Female', 'Male'])}" for ref in refs
    ]
    return "\n".join(lines) + "\n"


def main_bench(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args(argv)
    path = args.db or REPO_ROOT / "out" / f"bench-hr-{args.sessions // 1000}k.db"
    ensure_database(path, args.sessions)

    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer, qInstallMessageHandler
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pcso_interview.equality import parse_equality_csv
    from pcso_interview.hr_export import export_csv_file
    from pcso_interview.insight import Selection, compute, gather
    from pcso_interview.profiles import load_profiles
    from pcso_interview.store import SessionQuery, Store
    from pcso_interview.store.identity import User
    from ui.hr.browser import HrBrowser
    from ui.hr.statistics_view import StatisticsView

    _app = QApplication.instance() or QApplication([])  # keeps Qt alive
    qInstallMessageHandler(
        lambda _kind, _context, message: (
            None if "propagateSizeHints" in message else print(message, file=sys.stderr)
        )
    )
    profiles = load_profiles([])
    store = Store.open(path, thorough=False)
    total = store.count_sessions()
    if store.sessions_with_equality_data() < total:
        refs = [r[0] for r in store.conn.execute("SELECT candidate_ref FROM sessions")]
        started = time.perf_counter()
        result = store.import_equality(parse_equality_csv(equality_csv(refs)), "Bench HR")
        print(
            f"equality data imported in {time.perf_counter() - started:.1f} s: {result.describe()}"
        )
    print(f"\n{total:,} sessions in {path} ({path.stat().st_size / 2**20:.0f} MB)")

    class Stalls:
        """The gaps between ticks of a 10 ms timer on the window's thread."""

        def __init__(self) -> None:
            self.gaps: list[int] = []
            self.clock = QElapsedTimer()
            self.since = QElapsedTimer()
            self.timer = QTimer()
            self.timer.setInterval(10)
            self.timer.timeout.connect(self._tick)
            self.when: list[tuple[int, int]] = []  # (ms since the start, gap) of long gaps

        def _tick(self) -> None:
            gap = self.clock.restart()
            self.gaps.append(gap)
            if gap >= STALL_TARGET_MS / 2:
                self.when.append((self.since.elapsed(), gap))

        def __enter__(self) -> Stalls:
            self.clock.start()
            self.since.start()
            self.timer.start()
            return self

        def __exit__(self, *_exc: object) -> None:
            self.timer.stop()
            self.gaps.append(self.clock.elapsed())  # the stretch after the last tick
            if os.environ.get("BENCH_VERBOSE"):
                print("  gaps of 50 ms or more (at ms, gap ms):", self.when)

        @property
        def longest(self) -> int:
            return max(self.gaps, default=0)

    def until(done) -> None:
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(20)
        poll.timeout.connect(lambda: loop.quit() if done() else None)
        poll.start()
        loop.exec()
        poll.stop()

    def wait_for(job) -> None:
        if job is not None and job.running:
            loop = QEventLoop()
            job.finished.connect(loop.quit)
            loop.exec()

    results: list[tuple[str, float, int]] = []
    browser = HrBrowser(store, profiles, User("Bench HR", "admin"))
    browser.resize(1366, 768)
    browser.show()
    QTest.qWait(300)
    out = Path(tempfile.mkdtemp(prefix="bench-insight-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)

    # select-all
    browser.table.setFocus()
    with Stalls() as stalls:
        started = time.perf_counter()
        QTest.keyClick(browser.table, "a", Qt.KeyboardModifier.ControlModifier)
        QTest.qWait(200)
    results.append(
        ("select-all (+200 ms of painting)", time.perf_counter() - started, stalls.longest)
    )
    assert browser.selected_count() == total

    # export everything
    target = out / "everything.csv"
    with Stalls() as stalls:
        started = time.perf_counter()
        job = browser.export_csv(target)
        wait_for(job)
        elapsed = time.perf_counter() - started
    assert job is not None and job.state == "done", job.error if job else None
    results.append((f"export of {total:,} sessions to CSV", elapsed, stalls.longest))
    size = target.stat().st_size
    print(f"\nexport: {browser.job_bar.label.text()} ({size / 2**20:.1f} MB)")

    # Stop half a second into an export
    stopped = out / "stopped.csv"
    with Stalls() as stalls:
        job = browser.export_csv(stopped)
        QTest.qWait(500)
        started = time.perf_counter()
        browser.job_bar.stop()
        wait_for(job)
        elapsed = time.perf_counter() - started
    results.append(("Stop during an export (to stopped)", elapsed, stalls.longest))
    left = sorted(p.name for p in out.iterdir() if p.name != "everything.csv")
    print(f"stop: {job.state}; files left besides the full export: {left or 'none'}")

    # group by day, then by campaign; then one campaign's sessions
    for by in ("day", "campaign"):
        with Stalls() as stalls:
            started = time.perf_counter()
            browser.grouping.setCurrentIndex(browser.grouping.findData(by))
            until(lambda: not browser.groups_busy)
            QTest.qWait(50)
            elapsed = time.perf_counter() - started
        count = browser.groups_model.rowCount()
        results.append((f"group by {by} ({count:,} groups)", elapsed, stalls.longest))
    with Stalls() as stalls:
        started = time.perf_counter()
        browser.open_group(0)
        until(lambda: not browser.groups_busy)
        QTest.qWait(50)
        elapsed = time.perf_counter() - started
    results.append((f"one campaign ({browser.model.total:,} sessions)", elapsed, stalls.longest))
    browser.close()

    # the Statistics screen: shown (its first figures worked out), then worked out again
    view = StatisticsView(store, profiles)
    view.resize(1366, 768)
    with Stalls() as stalls:
        started = time.perf_counter()
        view.show()  # works the figures out for the first selection: every profile
        until(lambda: not view.busy)
        QTest.qWait(100)
        elapsed = time.perf_counter() - started
    assert view.insight is not None
    results.append(("Statistics shown, first figures", elapsed, stalls.longest))
    with Stalls() as stalls:
        started = time.perf_counter()
        job = view.refresh()
        stages: list[tuple[int, str]] = []
        job.progressed.connect(lambda _d, _t, what: stages.append((stalls.since.elapsed(), what)))
        until(lambda: not view.busy)
        QTest.qWait(100)
        elapsed = time.perf_counter() - started
    if os.environ.get("BENCH_VERBOSE"):
        print("  stages (at ms, what):", stages)
    assert view.insight is not None
    results.append(
        (f"statistics, every profile ({view.insight.candidates:,} signed)", elapsed, stalls.longest)
    )
    view.close()

    # the same work in the foreground, no window
    started = time.perf_counter()
    ids = store.session_ids(SessionQuery())
    export_csv_file(store, ids, out / "foreground.csv")
    bare_export = time.perf_counter() - started
    started = time.perf_counter()
    compute(gather(store, Selection()), Selection())
    bare_statistics = time.perf_counter() - started
    store.close()

    print(f"\nlongest stall of the window's event loop (target < {STALL_TARGET_MS:.0f} ms):")
    for name, seconds, stall in results:
        verdict = "PASS" if stall < STALL_TARGET_MS else "FAIL"
        print(f"  {verdict}  {name:<44} {seconds:7.2f} s   longest stall {stall:4d} ms")
    print("\nthe same work in the foreground, no window:")
    print(f"  export of {len(ids):,} sessions: {bare_export:.2f} s")
    print(f"  statistics, every profile: {bare_statistics:.2f} s")
    return 0 if all(stall < STALL_TARGET_MS for _, _, stall in results) else 1


if __name__ == "__main__":
    sys.exit(main_bench())

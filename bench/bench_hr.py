"""Benchmark of HR's sessions browser on a big demo database (not a test; prints its figures).

    .venv/bin/python bench/bench_hr.py [--sessions 50000] [--db PATH] [--runs 5]

Targets from the issue, on 50,000 sessions: the browser shows its first page in under 300 ms,
applies a text filter in under 100 ms, and the process stays under 400 MB resident.

The database is built (or reused when it already holds enough sessions) by the app's own
``main.main([... "demo" ...])`` in chunks of 5,000, in a forked child so that the build's memory
does not count against the browser. Everything measured then runs in this process, offscreen,
on a store opened as the app opens it (``Store.open(path, thorough=False)``):

- first page: construct an HrBrowser, show it, and turn the event loop until the table's
  viewport has painted rows (cold, then the median of further fresh browsers);
- text filter: Enter in the search field (the typing debounce is not counted) until the table
  has painted the result, for a candidate's name, a reference fragment, a panel member's name
  and a text that matches nothing (the whole table is scanned);
- memory: peak resident size (getrusage) and VmRSS after scrolling through 20 pages.

Beside each timing: the same work as a bare sqlite3 ``SELECT ... LIMIT 100`` on the same file,
so a slow machine can be told apart from a slow browser.
"""

from __future__ import annotations

import argparse
import atexit
import multiprocessing
import os
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from demo_db import count_sessions  # noqa: E402

FIRST_PAGE_TARGET_MS = 300.0
FILTER_TARGET_MS = 100.0
RSS_TARGET_MB = 400.0
CHUNK = 5000
SCROLL_PAGES = 20
ROW_COLUMNS = (
    "id, date, candidate_name, candidate_ref, profile_id, force, role_title, chair_name,"
    " status, outcome, weighted_total, percentage, version, venue, updated_at"
)


def ms(seconds: float) -> float:
    return seconds * 1000.0


def _build(path: Path, wanted: int) -> None:
    """In the child: add demo sessions chunk by chunk through the app's own command line."""
    import main
    from pcso_interview import paths

    no_extra = Path(tempfile.mkdtemp(prefix="bench-hr-profiles-"))
    atexit.register(shutil.rmtree, no_extra, ignore_errors=True)
    paths.user_profiles_dir = lambda: no_extra  # only the built-in profiles
    have = count_sessions(path)
    start = time.perf_counter()
    while have < wanted:
        chunk = min(CHUNK, wanted - have)
        # A new seed per chunk: the same seed again would make the same session ids.
        seed = 2026 + have
        args = ["--db", str(path), "demo", "--sessions", str(chunk), "--seed", str(seed)]
        if main.main(args) != 0:
            raise SystemExit(f"building the demo database failed at {have} sessions")
        have += chunk
        print(
            f"  {have:,} of {wanted:,} sessions ({time.perf_counter() - start:.0f} s)", flush=True
        )


def ensure_database(path: Path, wanted: int) -> None:
    have = count_sessions(path)
    if have >= wanted:
        print(f"reusing {path}: {have:,} sessions")
        return
    print(f"building {path}: {have:,} sessions now, {wanted:,} wanted (takes a while)")
    path.parent.mkdir(parents=True, exist_ok=True)
    child = multiprocessing.get_context("fork").Process(target=_build, args=(path, wanted))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"building the demo database failed (exit {child.exitcode})")


def rss_mb() -> tuple[float, float]:
    """(peak resident MB from getrusage, current VmRSS MB from /proc)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    current = float("nan")
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak, current


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main_bench(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5, help="repeats of each timing")
    args = parser.parse_args(argv)
    default_name = (
        f"bench-hr-{args.sessions // 1000}k.db"
        if args.sessions % 1000 == 0
        else f"bench-hr-{args.sessions}.db"
    )
    path = args.db or REPO_ROOT / "out" / default_name
    ensure_database(path, args.sessions)

    from PySide6.QtCore import QEvent, QObject, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from pcso_interview.profiles import load_profiles
    from pcso_interview.store import Store
    from pcso_interview.store.identity import User
    from ui.hr.browser import HrBrowser
    from ui.hr.sessions_model import PAGE

    app = QApplication.instance() or QApplication([])
    qInstallMessageHandler(  # the offscreen plugin's notice about size hints is noise here
        lambda _kind, _context, message: (
            None if "propagateSizeHints" in message else print(message, file=sys.stderr)
        )
    )
    after_imports = rss_mb()
    profiles = load_profiles([])
    started = time.perf_counter()
    store = Store.open(path, thorough=False)
    open_ms = ms(time.perf_counter() - started)
    total = store.count_sessions()

    class Paints(QObject):
        """Counts paint events of the table's viewport: rows are on screen when one arrives."""

        count = 0

        def eventFilter(self, _watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    def painted(browser: HrBrowser, paints: Paints, before: int, timeout: float = 30.0) -> None:
        deadline = time.perf_counter() + timeout
        while paints.count <= before or (browser.model.total and not browser.model.cached_rows):
            app.processEvents()
            if time.perf_counter() > deadline:
                raise SystemExit("the browser never painted its rows")

    def first_page() -> tuple[float, HrBrowser, Paints]:
        paints = Paints()
        started = time.perf_counter()
        browser = HrBrowser(store, profiles, User("Bench HR", "admin"))
        browser.table.viewport().installEventFilter(paints)
        browser.resize(1366, 768)
        browser.show()
        painted(browser, paints, 0)
        return ms(time.perf_counter() - started), browser, paints

    print(f"\n{total:,} sessions in {path} ({path.stat().st_size / 2**20:.0f} MB)")
    print(f"Store.open(thorough=False): {open_ms:.1f} ms")

    # (a) first page
    cold, browser, paints = first_page()
    warm = []
    for _ in range(args.runs):
        elapsed, other, _ = first_page()
        warm.append(elapsed)
        other.close()
        other.deleteLater()
    app.processEvents()
    rows = browser.model.rowCount()
    shown = browser.model.row(0)

    conn = sqlite3.connect(path)

    def baseline(sql: str, params: list) -> float:
        timings = []
        for _ in range(max(3, args.runs)):
            started = time.perf_counter()
            conn.execute(sql, params).fetchall()
            timings.append(ms(time.perf_counter() - started))
        return statistics.median(timings)

    first_sql = (
        f"SELECT {ROW_COLUMNS} FROM sessions ORDER BY date DESC, created_at DESC, id DESC LIMIT 100"
    )
    base_first = baseline(first_sql, [])

    # (b) text filter: Enter applies at once; the 150 ms typing pause is by design, not cost
    member = conn.execute(
        "SELECT name FROM members WHERE role = 'member' ORDER BY session_id LIMIT 1"
    ).fetchone()[0]
    texts = {
        "candidate name": shown.candidate_name,
        "reference fragment": shown.candidate_ref[:-2],
        "panel member": member,
        "no match (full scan)": "zzqx",
    }
    filter_times: dict[str, list[float]] = {}
    matches: dict[str, int] = {}
    base_filter: dict[str, float] = {}
    for label, text in texts.items():
        runs = []
        for _ in range(args.runs):
            browser.text.setText("")
            browser.apply_filters()
            app.processEvents()
            browser.text.blockSignals(True)  # no debounce timer: Enter is what is timed
            browser.text.setText(text)
            browser.text.blockSignals(False)
            before = paints.count
            started = time.perf_counter()
            browser.text.returnPressed.emit()
            painted(browser, paints, before)
            runs.append(ms(time.perf_counter() - started))
        filter_times[label] = runs
        matches[label] = browser.model.total
        pattern = f"%{text.casefold()}%"
        base_filter[label] = baseline(
            f"SELECT {ROW_COLUMNS} FROM sessions WHERE search LIKE ?"
            " ORDER BY date DESC, created_at DESC, id DESC LIMIT 100",
            [pattern],
        )
    browser.text.setText("")
    browser.apply_filters()
    app.processEvents()

    # (c) memory after scrolling through 20 pages
    for page in range(1, SCROLL_PAGES + 1):
        before = paints.count
        row = min(browser.model.rowCount() - 1, page * PAGE + PAGE // 2)
        browser.table.scrollTo(browser.model.index(row, 0))
        painted(browser, paints, before)
    peak, current = rss_mb()
    conn.close()

    all_filters = [t for runs in filter_times.values() for t in runs]
    worst_filter = max(all_filters)
    print(f"\nfirst page, {rows:,} rows listed (construct + show + rows painted):")
    print(
        f"  cold {cold:.1f} ms; warm median {statistics.median(warm):.1f} ms,"
        f" max {max(warm):.1f} ms  [target < {FIRST_PAGE_TARGET_MS:.0f} ms]"
    )
    print(f"  baseline sqlite3 SELECT ... LIMIT 100: {base_first:.2f} ms")
    print(f"  ratio cold / baseline: {cold / base_first:.0f}x")
    print("\ntext filter (Enter to rows painted), median / max over runs:")
    for label, runs in filter_times.items():
        print(
            f"  {label:<22} {texts[label]!r:<26} {matches[label]:>6,} found"
            f"  {statistics.median(runs):7.1f} / {max(runs):7.1f} ms"
            f"  baseline {base_filter[label]:6.2f} ms"
            f"  ratio {statistics.median(runs) / base_filter[label]:5.1f}x"
        )
    print(
        f"  all texts: median {statistics.median(all_filters):.1f} ms, max {worst_filter:.1f} ms"
        f"  [target < {FILTER_TARGET_MS:.0f} ms]"
    )
    print(f"\nmemory after scrolling {SCROLL_PAGES} pages (pages loaded so far:", end=" ")
    print(f"{browser.model.pages_loaded}, rows cached: {browser.model.cached_rows}):")
    print(f"  after imports: peak {after_imports[0]:.0f} MB")
    print(f"  peak resident (ru_maxrss) {peak:.0f} MB, VmRSS now {current:.0f} MB")
    print(f"  [target < {RSS_TARGET_MB:.0f} MB]")
    results = {
        "first page": cold < FIRST_PAGE_TARGET_MS,
        "text filter": worst_filter < FILTER_TARGET_MS,
        "resident memory": peak < RSS_TARGET_MB,
    }
    print()
    for name, ok in results.items():
        print(f"{verdict(ok)}  {name}")
    if total < 50_000:
        print(f"(note: {total:,} sessions; the targets are for 50,000)")
    browser.close()
    store.close()
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main_bench())

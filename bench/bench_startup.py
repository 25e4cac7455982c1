"""Benchmark: process start to the main window shown, beside a bare PySide6 window (not a test).

    .venv/bin/python bench/bench_startup.py [--sessions 5000] [--runs 41] [--db PATH] [--profile]

Target from the issue: on a database of 5,000 sessions the app takes at most 1.5 times as long
as a bare PySide6 QMainWindow started the same way in the same run.

Both are started the same way: a fresh ``python -c`` child with QT_QPA_PLATFORM=offscreen. The
parent reads the wall clock (time.time()) just before Popen; the child prints time.time() on the
first turn of the event loop after its window's show() and quits; the difference is the figure.
The app child runs the real start-up path, ``main.main(["--db", PATH])`` and so ui.app.run_app
(argument parsing, opening and checking the store, MainWindow with the first page of the panel's
list, show); the only addition is a wrapper around MainWindow.show that schedules the report.
Runs alternate app and baseline after one untimed warm-up of each. The verdict compares the
best (shortest) start of each, as timeit advises for timings on a shared machine: other work
only ever adds time, and on a two-core laptop or CI box a start is often held up by tens of
milliseconds. The medians and their ratio are printed beside it.

What the app leaves for the event loop's first turn, right after the window is shown: reading
the profiles (the list does not need them; broken force files are reported then) and starting
the thorough integrity check and backup on a background thread. The window's first paint
itself is not left out: Qt asks the list for its headers before show() returns.

``--profile`` also runs the app child once under ``-X importtime`` and once under cProfile and
prints where its start-up time goes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from demo_db import build, count_sessions  # noqa: E402

RATIO_TARGET = 1.5
CHILD_TIMEOUT_S = 120

REPORT = """
def _report_and_quit():
    print("SHOWN", repr(time.time()), flush=True)
    QApplication.quit()
"""

APP_CHILD = (
    """
import sys, time
sys.path.insert(0, {repo!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
"""
    + REPORT
    + """
import ui.main_window
_show = ui.main_window.MainWindow.show
def _show_then_report(self):
    _show(self)
    QTimer.singleShot(0, _report_and_quit)
ui.main_window.MainWindow.show = _show_then_report
import main
sys.exit(main.main(["--db", {db!r}]))
"""
)

BASELINE_CHILD = (
    """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
"""
    + REPORT
    + """
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
window.show()
QTimer.singleShot(0, _report_and_quit)
sys.exit(app.exec())
"""
)

# Beside the verdict, not instead of it: the same bare window holding one empty QTableView and
# the Qt namespace's enums, which any window with a table pays for (the first QTableView alone
# costs Qt about 25 ms here) and the bare window does not.
TABLE_CHILD = BASELINE_CHILD.replace(
    "window = QMainWindow()",
    "from PySide6.QtCore import Qt\n"
    "from PySide6.QtWidgets import QTableView\n"
    "window = QMainWindow()\n"
    "window.setCentralWidget(QTableView())\n"
    "window.setWindowState(Qt.WindowState.WindowNoState)",
)


def run_child(*args: str) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in the repository, offscreen, its output captured."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )


def time_child(code: str) -> float:
    """Seconds from just before Popen to the child's report that its window is shown."""
    started = time.time()
    done = run_child("-c", code)
    shown = re.search(r"^SHOWN (\S+)$", done.stdout, re.MULTILINE)
    if done.returncode != 0 or shown is None:
        raise SystemExit(
            f"the child failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr[-3000:]}"
        )
    return float(shown.group(1)) - started


def profile_app(app_code: str) -> None:
    """Where the app's start-up goes: the slowest imports, then the costliest calls."""
    done = run_child("-X", "importtime", "-c", app_code)
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            rows.append((int(match.group(2)), len(match.group(3)) // 2, match.group(4)))
    top_level = sum(r[0] for r in rows if r[1] == 0)
    print(f"\nimports: {top_level / 1000:.0f} ms in all (-X importtime, one app start)")
    print("heaviest imports, cumulative, at any depth (indented by depth):")
    for cumulative, depth, name in sorted(rows, reverse=True)[:20]:
        print(f"    {cumulative / 1000:8.1f} ms  {'  ' * depth}{name}")

    folder = Path(tempfile.mkdtemp(prefix="pcso-bench-startup-"))
    script, stats_file = folder / "app_start.py", folder / "app_start.prof"
    script.write_text(app_code, encoding="utf-8")
    run_child("-m", "cProfile", "-o", str(stats_file), str(script))
    import pstats

    print("\ncostliest calls by cumulative time (cProfile, one app start):")
    stats = pstats.Stats(str(stats_file))
    stats.sort_stats("cumulative").print_stats(
        r"pcso_interview|ui/|reports|main\.py|sqlite|PySide6|jsonschema", 25
    )
    shutil.rmtree(folder, ignore_errors=True)


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=41)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--profile", action="store_true", help="also show where time goes")
    args = parser.parse_args(argv)
    folder = Path(tempfile.gettempdir()) / "pcso-bench-startup"
    path = args.db or folder / f"sessions-{args.sessions}.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    build(path, args.sessions)

    # The app is measured as installed: with its bytecode compiled (pip does this for an
    # installed package; `make` does it for this checkout). PYTHONDONTWRITEBYTECODE would
    # otherwise make every start compile the sources again.
    import compileall

    for package in ("pcso_interview", "ui", "reports"):
        compileall.compile_dir(str(REPO_ROOT / package), quiet=1)
    compileall.compile_file(str(REPO_ROOT / "main.py"), quiet=1)
    app_code = APP_CHILD.format(repo=str(REPO_ROOT), db=str(path))
    time_child(app_code)  # warm-up, untimed: file cache
    time_child(BASELINE_CHILD)
    time_child(TABLE_CHILD)
    app_times: list[float] = []
    bare_times: list[float] = []
    table_times: list[float] = []
    for _ in range(args.runs):
        app_times.append(time_child(app_code))
        bare_times.append(time_child(BASELINE_CHILD))
        table_times.append(time_child(TABLE_CHILD))

    app, bare = min(app_times), min(bare_times)
    ratio = app / bare
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    print(f"\ndatabase: {path}, {count_sessions(path)} sessions")
    print(f"{args.runs} runs each, alternating, after one untimed warm-up of each")
    print("process start to main window shown (offscreen):")
    print(f"    app       best {app * 1000:5.0f} ms  median {app_median * 1000:5.0f} ms")
    print(f"    baseline  best {bare * 1000:5.0f} ms  median {bare_median * 1000:5.0f} ms")
    print(f"    app runs:      {fmt(app_times)}")
    print(f"    baseline runs: {fmt(bare_times)}")
    print(f"    ratio app / baseline: best {ratio:.2f}x, median {app_median / bare_median:.2f}x")
    table, table_median = min(table_times), statistics.median(table_times)
    print(
        f"    (for reference: the bare window with an empty table, best {table * 1000:.0f} ms,"
        f" median {table_median * 1000:.0f} ms; app / it: best {app / table:.2f}x)"
    )
    ok = ratio <= RATIO_TARGET
    verdict = "PASS" if ok else "FAIL"
    print(f"\n{verdict}  start-up ratio {ratio:.2f}x, best of each (at most {RATIO_TARGET}x)")
    if args.profile or not ok:
        profile_app(app_code)
    return 0 if ok else 1


def fmt(times: list[float]) -> str:
    return " ".join(f"{t * 1000:.0f}" for t in times)


if __name__ == "__main__":
    sys.exit(main_())

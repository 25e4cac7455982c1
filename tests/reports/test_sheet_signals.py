"""A batch of sheets stopped by a signal, as a user or the system stops `pdf`: the real
command line in a process of its own, with its pool of worker processes (a day of more than
POOL_FROM sheets), signalled once its first sheet is written.

Ctrl+C at a terminal is SIGINT to the whole process group; `kill PID` is SIGTERM to the batch's
process alone. Either way the batch says "error: interrupted" (exit 1) without a traceback,
every file in the folder is a whole, registered sheet it printed, and no process of its group
is left (a worker, the fork server, the resource tracker). A batch killed outright (SIGKILL)
cannot tidy up, but its processes still all end.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pcso_interview.signing_key import installation_key
from reports.issue import POOL_FROM
from tests.reports.sheet_support import open_store, scored, sign

pytestmark = [
    pytest.mark.usefixtures("empty_user_profiles"),
    pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups and signals"),
]

REPO_ROOT = Path(__file__).resolve().parents[2]
DAY = "2025-11-23"
SHEETS = POOL_FROM + 4
DEADLINE_S = 30.0  # for the batch to end once signalled, and its processes with it


@pytest.fixture(scope="module")
def day_db(tmp_path_factory) -> Path:
    """A day of signed sessions, enough for the pool; the installation's key made already,
    so every run starts alike."""
    path = tmp_path_factory.mktemp("signals") / "sessions.db"
    store = open_store(path)
    try:
        for n in range(SHEETS):
            sign(store, scored(store, ref=f"C-{n:04d}", day=DAY))
    finally:
        store.close()
    installation_key(path)
    return path


def living(group: int) -> list[str]:
    """The processes of a process group still running (a zombie has ended: it holds nothing,
    and waits only for its parent, or init, to reap it)."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return []
        return [f"group {group}"]
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # ended meanwhile
            continue
        state, _ppid, pgrp = stat.rsplit(")", 1)[1].split()[:3]
        if int(pgrp) == group and state != "Z":
            found.append(f"{entry.name} {state} {cmdline[:120]}")
    return found


def first_line(child: subprocess.Popen[str]) -> str:
    """The batch's first printed line (its first sheet written), within the deadline."""
    assert child.stdout is not None
    ready, _, _ = select.select([child.stdout], [], [], DEADLINE_S)
    assert ready, "no sheet written within the deadline"
    line = child.stdout.readline()
    assert line, f"the batch ended before writing a sheet: {child.communicate()[1]}"
    return line


def interrupted_batch(db: Path, out: Path, signum: int, *, group: bool) -> tuple[int, str, str]:
    """Run `pdf --date` into ``out``, send ``signum`` (to the whole process group, as a
    terminal's Ctrl+C does, or to the batch's process) once its first sheet is written, and
    wait for it: its status, stdout and stderr. Whatever it leaves running is killed, and the
    test fails."""
    child = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(db), "pdf", "--date", DAY, "-o", str(out)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,  # a process group of its own, as a terminal gives a command
    )
    group_id = child.pid
    try:
        printed = first_line(child)
        if group:
            os.killpg(group_id, signum)
        else:
            child.send_signal(signum)
        # Every process of the batch holds its stdout and stderr: they close when all have
        # ended.
        try:
            rest, err = child.communicate(timeout=DEADLINE_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running {DEADLINE_S} s after the signal: {living(group_id)}")
        deadline = time.monotonic() + DEADLINE_S
        while (left := living(group_id)) and time.monotonic() < deadline:
            select.select([], [], [], 0.05)  # polled, not slept: the deadline bounds it
        assert not left, f"processes left after the batch ended: {left}"
        return child.returncode, printed + rest, err
    finally:
        if child.poll() is None or living(group_id):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group_id, signal.SIGKILL)
            child.wait()


def assert_tidy(db: Path, out: Path, stdout: str, err: str) -> None:
    """Stopped as a user error is: one line saying so, no traceback; the folder holds exactly
    the sheets printed, each whole and registered, and no temporary file."""
    assert "Traceback" not in err, err
    assert err.splitlines()[-1] == "error: interrupted", err
    printed = sorted(Path(line.split("  ")[0]).name for line in stdout.splitlines())
    assert 1 <= len(printed) < SHEETS
    assert sorted(p.name for p in out.iterdir()) == printed  # no ".name.xxxx" left either
    store = open_store(db)
    try:
        for name in printed:
            digest = hashlib.sha256((out / name).read_bytes()).hexdigest()
            assert store.issued(digest), f"{name} is not registered"
    finally:
        store.close()


def test_ctrl_c_stops_a_pooled_batch_with_every_process_and_no_traceback(day_db, tmp_path):
    """Ctrl+C hung `pdf` for ever in 2 runs of 12 (a worker blocked handing back a sheet
    nobody read, the exit waiting for that worker), or printed the fork server's traceback;
    where it lands varies from run to run, so three runs."""
    for run in range(3):
        out = tmp_path / f"run{run}"
        status, stdout, err = interrupted_batch(day_db, out, signal.SIGINT, group=True)
        assert status == 1
        assert_tidy(day_db, out, stdout, err)


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_sigterm_stops_a_pooled_batch_as_ctrl_c_does(day_db, tmp_path, name):
    """`kill PID` (and a closed terminal's SIGHUP) to the batch's process alone: it used to
    die where it stood, its fork server, resource tracker and workers left running for good,
    holding candidates' records."""
    signum = getattr(signal, name)
    out = tmp_path / "out"
    status, stdout, err = interrupted_batch(day_db, out, signum, group=False)
    assert status == 1
    assert_tidy(day_db, out, stdout, err)


def test_the_workers_end_when_the_batch_is_killed_outright(day_db, tmp_path):
    """SIGKILL leaves the batch's process no chance to stop its workers: each finds its pipe
    closed and ends, and the fork server and resource tracker with them."""
    status, _, _ = interrupted_batch(day_db, tmp_path / "out", signal.SIGKILL, group=False)
    assert status == -signal.SIGKILL

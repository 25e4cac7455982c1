"""Nothing is lost when the laptop dies: SIGKILL mid-write, and two writers at once.

A child process classifies in a loop and prints "try ..." before and "ok ..." after each call.
Whatever was printed "ok" had returned, so it must be in the database afterwards; the one
call that was under way when the child was killed may or may not have landed.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pcso_interview.store import Store
from tests.store_support import PANEL, new_session

REPO_ROOT = Path(__file__).resolve().parents[2]
KILLS = 20

CHILD = """
import sys
from pathlib import Path

sys.path.insert(0, sys.argv[1])
from pcso_interview.store import Store

db, session_id, members = Path(sys.argv[2]), sys.argv[3], sys.argv[4].split(",")
start, stop = int(sys.argv[5]), int(sys.argv[6])
CLASSES = ("demonstrated", "partly", "contrary", "none")
store = Store.open(db)
session = store.load(session_id)
indicators = [i.id for area in session.planned_areas for i in area.indicators]
for n in range(start, stop):
    member = members[n % len(members)]
    step = n // len(members)
    indicator = indicators[step % len(indicators)]
    value = CLASSES[(step // len(indicators)) % len(CLASSES)]
    print("try", member, indicator, value, n, flush=True)
    store.classify(session_id, member, indicator, value)
    print("ok", member, indicator, value, n, flush=True)
store.close()
"""

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX only")


@pytest.fixture
def setup(tmp_path):
    """A database with one session, and the child script beside it."""
    db = tmp_path / "sessions.db"
    store = Store.open(db)
    sid = new_session(store, panel=PANEL)
    store.close()
    script = tmp_path / "classify_loop.py"
    script.write_text(CHILD, encoding="utf-8")
    return db, sid, script


def child(script: Path, db: Path, sid: str, members: str, start: int, stop: int):
    return subprocess.Popen(
        [sys.executable, str(script), str(REPO_ROOT), str(db), sid, members, str(start), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def stored_marks(db: Path, sid: str) -> dict[tuple[str, str], str]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT member_id, indicator_id, classification FROM marks WHERE session_id = ?",
            [sid],
        ).fetchall()
    finally:
        conn.close()
    return {(m, i): c for m, i, c in rows}


def last_audited(db: Path, sid: str) -> dict[tuple[str, str], str]:
    """The newest classification each key's audit trail records."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT subject, new FROM audit WHERE session_id = ? AND action = 'classify'"
            " ORDER BY id",
            [sid],
        ).fetchall()
    finally:
        conn.close()
    return {tuple(subject.split("/", 1)): new for subject, new in rows}


def integrity(db: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def test_every_printed_change_survives_sigkill(setup):
    """Killed at random moments 20 times: every change that returned is on disk, file sound."""
    db, sid, script = setup
    rng = random.Random(20261123)
    printed: dict[tuple[str, str], str] = {}  # what the last returned call set, per key
    in_flight: dict[tuple[str, str], set[str]] = {}  # what unfinished calls may have set
    total_ok = 0
    for run in range(KILLS):
        proc = child(script, db, sid, "m1,m2", run * 1000, 10**9)
        wanted = rng.randint(5, 60)
        lines: list[str] = []
        seen = 0
        while seen < wanted:
            line = proc.stdout.readline()
            if not line:
                proc.kill()
                err = proc.stderr.read()
                proc.wait()
                pytest.fail(f"run {run}: the child stopped on its own: {err}")
            lines.append(line)
            seen += line.startswith("ok ")
        proc.send_signal(signal.SIGKILL)
        # Read on through the same buffered pipes (communicate() would skip what they hold);
        # the child is dead, so both reach their end.
        rest = proc.stdout.read()
        err = proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
        assert proc.wait(timeout=30) == -signal.SIGKILL
        assert err == ""
        # A line the kill cut short (no newline) was being printed, not yet a call: drop it.
        lines += [line for line in rest.splitlines(keepends=True) if line.endswith("\n")]

        pending = None
        for line in lines:
            fields = line.split()
            assert len(fields) == 5, line
            kind, member, indicator, value, _ = fields
            if kind == "try":
                pending = ((member, indicator), value)
            else:
                assert pending == ((member, indicator), value)
                printed[(member, indicator)] = value
                in_flight.pop((member, indicator), None)
                pending = None
                total_ok += 1
        if pending is not None:
            in_flight.setdefault(pending[0], set()).add(pending[1])

    assert total_ok >= KILLS * 5
    assert integrity(db) == [("ok",)]
    stored = stored_marks(db, sid)
    for key in printed.keys() | in_flight.keys():
        allowed = {printed.get(key, "none"), *in_flight.get(key, ())}
        assert stored.get(key, "none") in allowed, key
    audited = last_audited(db, sid)
    for key, value in stored.items():
        assert audited[key] == value, key  # the mark and its audit row land together

    store = Store.open(db)  # and the app still opens it
    try:
        assert store.load(sid).marks
    finally:
        store.close()


def test_two_processes_writing_at_once_lose_nothing(setup):
    """Chair and member laptops on a shared file: no error, no corruption, nothing lost."""
    db, sid, script = setup
    calls = 200
    procs = {m: child(script, db, sid, m, 0, calls) for m in ("m1", "m2")}
    results = {m: p.communicate(timeout=120) for m, p in procs.items()}
    for member, proc in procs.items():
        out, err = results[member]
        assert proc.returncode == 0, err
        assert err == ""
        oks = [line.split() for line in out.splitlines() if line.startswith("ok ")]
        assert len(oks) == calls
        last: dict[tuple[str, str], str] = {}
        for _, m, indicator, value, _ in oks:
            last[(m, indicator)] = value
        stored = stored_marks(db, sid)
        assert {k: stored.get(k) for k in last} == last
    assert integrity(db) == [("ok",)]
    conn = sqlite3.connect(db)
    try:
        per_member = dict(
            conn.execute(
                "SELECT substr(subject, 1, 2), count(*) FROM audit"
                " WHERE session_id = ? AND action = 'classify' GROUP BY 1",
                [sid],
            ).fetchall()
        )
    finally:
        conn.close()
    assert per_member == {"m1": calls, "m2": calls}  # every call changed something, all kept


def test_the_app_syncs_every_commit_to_disk(tmp_path):
    """The suite lowers synchronous to NORMAL for speed (tests/conftest.py); the app, in a
    process of its own, runs with FULL, so that a power cut loses no returned change."""
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from pathlib import Path\n"
        "from pcso_interview.store import Store\n"
        "store = Store.open(Path(sys.argv[2]))\n"
        "print(store.conn.execute('PRAGMA synchronous').fetchone()[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(REPO_ROOT), str(tmp_path / "app.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "2"  # FULL

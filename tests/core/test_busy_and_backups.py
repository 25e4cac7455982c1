"""Busy is not damaged, and a backup is only a backup when it is a whole, checked database.

Another process holds the database (PRAGMA locking_mode=EXCLUSIVE, a long write): the app and
the CLI say "in use", never "damaged", and nothing restores over or renames the live file. A
backup that would be empty or broken (a full disk) leaves no file; restore-backup lists what it
finds with dates and session counts, and refuses what is empty or failing.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pcso_interview.store import (
    BusyDatabaseError,
    CorruptDatabaseError,
    Store,
    backup_candidates,
    list_backups,
    opening,
    restore_backup,
)
from tests.cli_support import cli
from tests.store_support import new_session, signed_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("INSERT INTO app_state (key, value) VALUES ('held', 'yes')")
print("holding", flush=True)
sys.stdin.read()  # until the test closes our stdin
conn.execute("COMMIT")
"""


def make_db(path: Path, sessions: int) -> list[str]:
    store = Store.open(path)
    try:
        return [signed_session(store, ref=f"C-{n:04d}") for n in range(sessions)]
    finally:
        store.close()


@pytest.fixture
def held(tmp_path):
    """A 6-session database that another process holds with an exclusive lock."""
    path = tmp_path / "sessions.db"
    make_db(path, 6)
    opening.backup_database(path)  # a good backup exists
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "holding"
    yield path, process
    process.stdin.close()
    process.wait(timeout=30)


def test_a_held_database_is_busy_not_damaged(held, monkeypatch):
    path, process = held
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 200)
    with pytest.raises(BusyDatabaseError) as caught:
        opening.check_database_file(path, thorough=True, timeout=0.2)
    assert not isinstance(caught.value, CorruptDatabaseError)
    message = str(caught.value)
    assert "in use by another program" in message and "damaged" not in message
    if Path("/proc/locks").exists():
        assert f"pid {process.pid}" in message  # who holds it, when the system says


def test_a_backup_of_a_held_database_gives_up_in_words(held, monkeypatch):
    """Python's backup() would wait for ever; the start-up backup must not hang the app."""
    path, _ = held
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 200)
    with pytest.raises(BusyDatabaseError):
        opening.backup_database(path, "start")
    assert len(list_backups(path)) == 1  # only the one made before: nothing half-made


def test_the_cli_on_a_held_database_says_in_use_in_one_line(held, capsys, monkeypatch):
    path, _ = held
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 200)
    status, _, err = cli(capsys, "--db", path, "sessions")
    assert status == 1
    (line,) = err.splitlines()
    assert "in use by another program" in line and "damaged" not in line
    assert "restore-backup" not in line


def test_restore_never_touches_a_held_database(held, capsys, monkeypatch):
    """The reported accident: Yes renamed the live file while another process wrote on."""
    path, _ = held
    before = sorted(p.name for p in path.parent.iterdir())
    inode = path.stat().st_ino
    with pytest.raises(BusyDatabaseError):
        restore_backup(path, list_backups(path)[0])
    status, _, err = cli(capsys, "--db", path, "restore-backup", "--yes", "--force")
    assert status == 1 and "in use by another program" in err
    assert sorted(p.name for p in path.parent.iterdir()) == before
    assert path.stat().st_ino == inode


@pytest.fixture
def backed_up(tmp_path):
    path = tmp_path / "sessions.db"
    make_db(path, 2)
    good = opening.backup_database(path, "start")
    return path, good


def test_a_backup_cut_short_by_a_full_disk_leaves_no_file(backed_up, monkeypatch):
    path, good = backed_up

    def full_disk(source, target):
        source.close()
        target.write_bytes(b"")  # what was left on a full disk: a 0-byte file
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(opening, "_copy", full_disk)
    for _ in range(3):
        with pytest.raises(OSError):
            opening.backup_database(path, "start")
    assert sorted(p.name for p in good.parent.iterdir()) == [good.name]


def test_a_backup_is_checked_before_it_is_kept(backed_up, monkeypatch):
    """A copy that does not pass integrity_check and the schema is removed, not kept."""
    path, good = backed_up

    def hollow(source, target):
        source.close()
        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE unrelated (x)")
        conn.close()

    monkeypatch.setattr(opening, "_copy", hollow)
    with pytest.raises(Exception, match="not a pcso-interview database"):
        opening.backup_database(path, "start")
    assert [p.name for p in good.parent.iterdir()] == [good.name]


def test_restore_lists_backups_and_refuses_empty_and_damaged_ones(backed_up, capsys):
    path, good = backed_up
    time.sleep(0.002)  # a newer stamp
    empty = opening.backups_dir(path) / f"sessions-{opening._stamp()}-start.db"
    empty.write_bytes(b"")
    time.sleep(0.002)
    broken = opening.backups_dir(path) / f"sessions-{opening._stamp()}-start.db"
    broken.write_bytes(os.urandom(8192))
    found = backup_candidates(path)
    assert [c.path for c in found] == [broken, empty, good]
    assert [c.good for c in found] == [False, False, True]
    assert found[1].problem == "empty (0 bytes)"
    assert found[2].sessions == 2
    path.write_bytes(os.urandom(8192))  # now the live file is damaged
    status, out, err = cli(capsys, "--db", path, "restore-backup", "--yes")
    assert status == 0, err
    lines = out.splitlines()
    assert "refused: empty (0 bytes)" in lines[2]
    assert "refused: damaged" in lines[1]
    assert "2 session(s)" in lines[3]
    assert f"restored {good} (2 session(s))" in lines[-1]
    with pytest.raises(Exception, match="empty"):
        restore_backup(path, empty)


def test_restore_backup_refuses_over_a_healthy_database(backed_up, capsys):
    path, _ = backed_up
    status, _, err = cli(capsys, "--db", path, "restore-backup", "--yes")
    assert status == 1 and "is not damaged, so nothing was restored" in err


def test_orphans_in_the_backups_folder_are_cleaned(backed_up):
    """Checking a WAL-mode backup read-only used to leave its -wal and -shm behind."""
    path, good = backed_up
    folder = good.parent
    for name in (f"{good.name}-wal", f"{good.name}-shm", "old.db-journal"):
        (folder / name).write_bytes(b"x")
    stale = folder / ".sessions-x-start.db.partial"
    stale.write_bytes(b"x")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    fresh = folder / ".sessions-y-start.db.partial"
    fresh.write_bytes(b"x")  # perhaps another window's copy in progress: left alone
    opening.backup_database(path, "start")
    names = {p.name for p in folder.iterdir()}
    assert not any(n.endswith(("-wal", "-shm", "-journal")) for n in names)
    assert stale.name not in names and fresh.name in names
    # and reading every backup leaves nothing beside them
    backup_candidates(path)
    assert not any(p.name.endswith(("-wal", "-shm")) for p in folder.iterdir())


def test_thirty_starts_leave_ten_backups_and_nothing_else(tmp_path):
    path = tmp_path / "sessions.db"
    make_db(path, 1)
    for n in range(30):
        store = Store.open(path)
        new_session(store, ref=f"N-{n}")  # a change, so the copy is not skipped
        store.close()
        opening.backup_database(path, "start", skip_if_unchanged=True)
        backup_candidates(path)
    names = sorted(p.name for p in opening.backups_dir(path).iterdir())
    assert len(names) == 10
    assert all(n.endswith("-start.db") for n in names)

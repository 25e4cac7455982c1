"""Start-up safety: newer, older, corrupt and read-only database files, and the backups kept."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

import main
from pcso_interview.demo import demo_sessions
from pcso_interview.profiles import load_profiles
from pcso_interview.store import (
    SCHEMA_VERSION,
    CorruptDatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    Store,
    StoreError,
    list_backups,
    newest_good_backup,
    opening,
    restore_backup,
)
from tests.store_support import old_database, sign_as, signed_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def make_db(path: Path, sessions: int = 1) -> list[str]:
    """A closed, current database holding some signed sessions."""
    store = Store.open(path)
    try:
        return [signed_session(store, ref=f"C-{n:04d}") for n in range(sessions)]
    finally:
        store.close()


def make_big_db(path: Path) -> list[str]:
    """Signed sessions plus 40 invented ones: big enough that damage shows as many problems."""
    ids = make_db(path, sessions=3)
    store = Store.open(path)
    try:
        store.insert_many(demo_sessions(list(load_profiles([])), 40, seed=5), "test")
    finally:
        store.close()
    return ids


def one_line_error(capsys) -> str:
    """The CLI's failure: nothing on stdout's behalf of a traceback, one line on stderr."""
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("error: ")
    return lines[0]


# --- (a) a database from a newer version -------------------------------------------------------


def test_a_newer_database_is_refused_and_left_untouched(tmp_path, capsys):
    """An older app must not 'migrate' a file it does not understand."""
    path = tmp_path / "sessions.db"
    make_db(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = sha256(path)
    with pytest.raises(NewerDatabaseError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert str(path) in message
    assert "newer version of pcso-interview" in message
    assert f"schema {SCHEMA_VERSION + 1}" in message
    assert "has not been changed" in message
    assert sha256(path) == before
    assert user_version(path) == SCHEMA_VERSION + 1
    assert list_backups(path) == []

    assert main.main(["--db", str(path), "sessions"]) == 1
    assert "newer version" in one_line_error(capsys)
    assert sha256(path) == before


# --- (b) a database from an older version ------------------------------------------------------


def test_an_older_database_is_backed_up_then_migrated(tmp_path):
    """A file written by the previous version (schema 3: signed, reopened and signed again,
    half signed, withdrawn, open) keeps a copy as it was, then gains the audit chain, the
    sheet register and the new locks, and every record in it still verifies."""
    path = old_database(tmp_path / "sessions.db")
    assert user_version(path) == 3
    store = Store.open(path)
    try:
        refs = {r.candidate_ref: r.id for r in store.panel_sessions("2025-03-03")}
        assert set(refs) == {"OLD-SIGNED", "OLD-V2", "OLD-PART", "OLD-WD", "OLD-OPEN"}
        for ref in ("OLD-SIGNED", "OLD-V2", "OLD-WD"):
            assert store.load(refs[ref]).record_problems == (), ref
        assert [str(f) for f in store.check()] == []
        assert [v.version for v in store.signed_versions(refs["OLD-V2"])] == [1, 2]
        assert store.load(refs["OLD-WD"]).withdrawn_by == "HR Officer"
        half = store.load(refs["OLD-PART"])
        assert half.signoffs[0].content_digest == half.content_digest()
        # The old file's work goes on under the new rules.
        sign_as(store, refs["OLD-PART"], "m2", typed_name="Bob Member")
        assert store.load(refs["OLD-PART"]).record_problems == ()
        store.set_state("last_session", refs["OLD-OPEN"])
        assert store.get_state("last_session") == refs["OLD-OPEN"]
        assert [str(f) for f in store.check()] == []
    finally:
        store.close()
    assert user_version(path) == SCHEMA_VERSION
    assert "issued_sheets" in tables(path)

    backups = list_backups(path)
    assert len(backups) == 1
    backup = backups[0]
    assert backup.parent == tmp_path / "backups"
    assert backup.name.endswith("-before-upgrade.db")
    assert user_version(backup) == 3
    assert "issued_sheets" not in tables(backup)


def test_a_current_database_is_not_backed_up_on_open(tmp_path):
    """Only an upgrade makes a 'before-upgrade' copy; the app's start backup is its own call."""
    path = tmp_path / "sessions.db"
    make_db(path)
    Store.open(path).close()
    assert list_backups(path) == []


# --- (c) a corrupt database --------------------------------------------------------------------


def test_garbage_is_reported_as_damaged_without_a_backup(tmp_path):
    path = tmp_path / "sessions.db"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    before = sha256(path)
    with pytest.raises(CorruptDatabaseError) as caught:
        Store.open(path)
    assert caught.value.newest_good_backup is None
    assert "damaged" in str(caught.value)
    assert "No good backup was found" in str(caught.value)
    assert sha256(path) == before


def test_a_copy_over_a_database_whose_wal_stayed_behind_names_the_wal(tmp_path):
    """A good file copied by hand over sessions.db while the old one's -wal is still beside
    it reads as damaged: SQLite lays the old frames over the new pages. The message says
    which file to move aside, and with it moved the copy opens whole."""
    path = tmp_path / "sessions.db"
    make_big_db(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")  # the frames stay in the -wal, as mid-day
    conn.execute("CREATE TABLE scratch (x)")
    conn.executemany("INSERT INTO scratch VALUES (?)", [("y" * 500,)] * 2000)
    conn.commit()
    stale = tmp_path / "stale-wal"
    stale.write_bytes(Path(f"{path}-wal").read_bytes())
    conn.close()
    copy = tmp_path / "copy.db"
    ids = make_db(copy, sessions=2)
    path.write_bytes(copy.read_bytes())
    Path(f"{path}-wal").write_bytes(stale.read_bytes())

    with pytest.raises(CorruptDatabaseError) as caught:
        Store.open(path)
    assert f"A file {path}-wal lies beside it: if the database was copied or restored by" in str(
        caught.value
    )
    assert "\n" not in str(caught.value)
    Path(f"{path}-wal").rename(tmp_path / "moved-aside-wal")
    store = Store.open(path)
    try:
        assert sorted(r.id for r in store.query_sessions().rows) == sorted(ids)
    finally:
        store.close()


def test_a_folder_given_as_the_database_is_named_a_folder_not_damaged(tmp_path, capsys):
    folder = tmp_path / "sessions"
    folder.mkdir()
    with pytest.raises(StoreError) as caught:
        Store.open(folder)
    assert not isinstance(caught.value, CorruptDatabaseError)
    assert str(caught.value) == (
        f"{folder} is a folder, not a database file: give the path of the database file itself."
    )
    assert list(folder.iterdir()) == []


def overwrite_middle(path: Path) -> None:
    """Trash the middle third of the file, as a failing disk might."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 3)
        handle.write(b"\xff" * (size // 3))


def test_damaged_pages_name_the_newest_good_backup_and_restore_keeps_the_damaged_file(tmp_path):
    """The user is offered the newest good backup; restoring sets the damaged file aside."""
    path = tmp_path / "sessions.db"
    ids = make_big_db(path)
    old_backup = opening.backup_database(path)
    newest = opening.backup_database(path)
    overwrite_middle(newest)  # a damaged backup is skipped in favour of an older good one
    overwrite_middle(path)
    damaged = sha256(path)

    with pytest.raises(CorruptDatabaseError) as caught:
        Store.open(path)
    error = caught.value
    assert error.newest_good_backup == old_backup
    assert str(old_backup) in str(error)
    assert "\n" not in str(error)
    assert newest_good_backup(path) == old_backup
    assert sha256(path) == damaged

    kept = restore_backup(path, old_backup)
    assert kept.parent == path.parent
    assert kept.name.startswith("sessions.db.damaged-")
    assert sha256(kept) == damaged
    store = Store.open(path)
    try:
        restored = {r.id for r in store.query_sessions().rows}
        assert len(restored) == 43
        assert set(ids) <= restored
        assert all(store.verify(sid).matches for sid in ids)
    finally:
        store.close()


@pytest.mark.parametrize("damage", ["garbage", "pages"])
def test_the_cli_on_a_damaged_file_says_so_in_one_line(tmp_path, capsys, damage):
    """Never a traceback: one line naming the file, and the backup when there is one."""
    path = tmp_path / "sessions.db"
    if damage == "garbage":
        path.write_bytes(os.urandom(8192))
    else:
        make_big_db(path)
        backup = opening.backup_database(path)
        overwrite_middle(path)
    assert main.main(["--db", str(path), "sessions"]) == 1
    line = one_line_error(capsys)
    assert str(path) in line
    assert "damaged" in line
    if damage == "pages":
        assert str(backup) in line
        assert "restore-backup" in line


def test_restore_backup_verb_puts_the_newest_good_backup_back(tmp_path, capsys):
    path = tmp_path / "sessions.db"
    ids = make_big_db(path)
    opening.backup_database(path)
    overwrite_middle(path)
    damaged = sha256(path)

    assert main.main(["--db", str(path), "restore-backup", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "\nrestored " in out
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("sessions.db.damaged-")]
    assert [sha256(p) for p in kept] == [damaged]

    assert main.main(["--db", str(path), "sessions", "--json"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 43
    assert set(ids) <= {json.loads(line)["id"] for line in listed}


def test_restore_backup_verb_without_a_backup_is_a_one_line_error(tmp_path, capsys):
    path = tmp_path / "sessions.db"
    path.write_bytes(os.urandom(4096))
    assert main.main(["--db", str(path), "restore-backup", "--yes"]) == 1
    assert "no good backup" in one_line_error(capsys)


# --- (d) a read-only database ------------------------------------------------------------------


def assert_read_only_refused(path: Path) -> None:
    folder = sorted(p.name for p in path.parent.iterdir())
    before = sha256(path)
    with pytest.raises(ReadOnlyDatabaseError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    assert "read-only" in str(caught.value)
    assert "has not been changed" in str(caught.value)
    assert sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == folder  # no -wal, -shm or backups


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_database_in_a_read_only_folder_is_refused(tmp_path):
    """Nothing could be saved there, so say so at once instead of failing mid-interview."""
    if os.geteuid() == 0:
        pytest.skip("running as root, which ignores file permissions")
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "sessions.db"
    make_db(path)
    folder.chmod(0o555)
    try:
        assert_read_only_refused(path)
    finally:
        folder.chmod(0o755)


def test_read_only_is_reported_when_the_os_says_so(tmp_path, monkeypatch, capsys):
    """The same refusal, made to happen for any user (root included) through os.access."""
    path = tmp_path / "sessions.db"
    make_db(path)
    monkeypatch.setattr(opening.os, "access", lambda *args, **kwargs: False)
    assert_read_only_refused(path)
    assert main.main(["--db", str(path), "sessions"]) == 1
    assert "read-only" in one_line_error(capsys)


# --- (e) backups ---------------------------------------------------------------------------------


def test_each_backup_adds_a_file_and_only_the_last_ten_are_kept(tmp_path):
    """A copy per start, made with SQLite's backup API; the oldest go beyond ten."""
    path = tmp_path / "sessions.db"
    ids = make_db(path)
    made = []
    for n in range(13):
        made.append(opening.backup_database(path))
        assert len(list_backups(path)) == min(n + 1, 10)
    kept = list_backups(path)
    assert kept == sorted(made[-10:], reverse=True)
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == sorted(p.name for p in kept)
    store = Store.open(kept[0])
    try:
        assert store.verify(ids[0]).matches
    finally:
        store.close()


def test_backups_of_a_neighbouring_database_are_not_counted_as_ours(tmp_path):
    """sessions.db and sessions-training.db share a backups folder; neither prunes the other."""
    real = tmp_path / "sessions.db"
    training = tmp_path / "sessions-training.db"
    make_db(real)
    Store.open(training).close()
    ours = opening.backup_database(real)
    theirs = [opening.backup_database(training) for _ in range(opening.BACKUPS_KEPT)]
    assert list_backups(real) == [ours]
    assert newest_good_backup(real) == ours
    assert list_backups(training) == sorted(theirs, reverse=True)
    opening.backup_database(real)
    assert len(list_backups(training)) == opening.BACKUPS_KEPT

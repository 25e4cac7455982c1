"""The suite's new databases are copies of one the migrations made (tests/conftest.py): the
copy must be exactly the database the migrations make, or the suite would test another one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pcso_interview.store import Store, opening
from pcso_interview.store.schema import SCHEMA_VERSION


def made(path: Path) -> list[object]:
    """What a database is made of: its objects and their SQL, its version, its journal mode,
    the migrations recorded and the rows they wrote."""
    conn = sqlite3.connect(path)
    try:
        return [
            conn.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
            ).fetchall(),
            conn.execute("PRAGMA user_version").fetchone(),
            conn.execute("PRAGMA journal_mode").fetchone(),
            conn.execute(
                "SELECT migration_set, name FROM _sqlite_migrations ORDER BY id"
            ).fetchall(),
            conn.execute("SELECT * FROM sessions_fts_config").fetchall(),
            conn.execute("SELECT count(*) FROM sessions_fts_data").fetchone(),
        ]
    finally:
        conn.close()


def test_a_new_database_in_the_suite_is_the_one_the_migrations_make(tmp_path, monkeypatch):
    copied = tmp_path / "copied.db"
    Store.open(copied).close()
    real = getattr(opening.prepare_path, "__wrapped__", opening.prepare_path)
    monkeypatch.setattr(opening, "prepare_path", real)
    migrated = tmp_path / "migrated.db"
    Store.open(migrated).close()
    assert made(copied) == made(migrated)
    assert made(migrated)[1] == (SCHEMA_VERSION,) and made(migrated)[2] == ("wal",)
    assert copied.stat().st_mode & 0o777 == migrated.stat().st_mode & 0o777 == 0o600

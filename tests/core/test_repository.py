"""What the repository itself may hold: sessions hold personal data and live in the user's
data folder, so no database file is ever committed (test fixtures are SQL text)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def tracked_files() -> list[Path]:
    if shutil.which("git") is None or not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [REPO_ROOT / name for name in listed.split("\0") if name]


def test_no_database_file_is_committed():
    """By name, and by content (an SQLite file under any name)."""
    found = []
    for path in tracked_files():
        if path.suffix.lower() in {".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm"}:
            found.append(path.name)
        elif path.is_file():
            with path.open("rb") as handle:
                if handle.read(16) == b"SQLite format 3\x00":
                    found.append(path.name)
    assert found == []


def test_the_old_database_fixture_builds_from_its_sql(tmp_path):
    from tests.store_support import old_database

    path = old_database(tmp_path / "old.db")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (3,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()

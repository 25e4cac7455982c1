"""The app meets a damaged or busy database: damage anywhere gets the same calm restore offer;
busy gets a retry, never a restore, and the live file is never touched."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from pcso_interview.demo import demo_sessions
from pcso_interview.profiles import load_profiles
from pcso_interview.store import Store, opening
from ui import app as ui_app


def args_for(db: Path) -> argparse.Namespace:
    from pcso_interview.app_args import app_parser

    return app_parser().parse_args(["--db", str(db)])


@pytest.fixture
def answers(monkeypatch):
    """Every question asked, answered Yes; every message shown, recorded."""
    asked: list[str] = []

    def question(_parent, title, text, *_args, **_kwargs):
        asked.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Yes

    def shown(_parent, title, text, *_args, **_kwargs):
        asked.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(shown))
    return asked


def big_db(path: Path) -> None:
    store = Store.open(path)
    try:
        store.insert_many(demo_sessions(list(load_profiles([])), 60, seed=7), "test")
    finally:
        store.close()


def damage_the_sessions_table(path: Path) -> None:
    """Overwrite the middle of the file: the header and schema still read, the list does not."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 3)
        handle.write(b"\xff" * (size // 3))


def test_damage_found_by_the_first_window_is_offered_the_backup(qtbot, tmp_path, answers):
    """It used to end in "Something went wrong ... What you had saved is safe" and exit 1."""
    db = tmp_path / "sessions.db"
    big_db(db)
    backup = opening.backup_database(db)
    damage_the_sessions_table(db)
    opening.check_database_file(db, thorough=False)  # the quick check at opening passes
    window = ui_app.start_window(args_for(db))
    assert window is not None
    qtbot.addWidget(window)
    assert answers[0].startswith("Database damaged: ")
    assert backup.name in answers[0] and "kept beside it" in answers[0]
    assert answers[1].startswith("Backup restored: ")
    assert [p for p in tmp_path.iterdir() if p.name.startswith("sessions.db.damaged-")]
    assert window.session_list.model.rowCount() > 0
    qtbot.waitUntil(lambda: window.findChild(ui_app.StartupCheck) is not None)
    window.findChild(ui_app.StartupCheck).thread.join(timeout=30)


def test_damage_met_in_a_later_read_gets_the_same_offer(qtbot, tmp_path, answers, monkeypatch):
    db = tmp_path / "sessions.db"
    big_db(db)
    opening.backup_database(db)
    window = ui_app.start_window(args_for(db))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(ui_app.StartupCheck) is not None)
    window.findChild(ui_app.StartupCheck).thread.join(timeout=30)
    damage_the_sessions_table(db)
    quits = []
    monkeypatch.setattr(ui_app.QApplication, "quit", staticmethod(lambda: quits.append(1)))
    monkeypatch.setattr(ui_app.QApplication, "activeWindow", staticmethod(lambda: window))
    import sqlite3

    ui_app.install_error_hook(tmp_path / "error.log")
    sys.excepthook(
        sqlite3.DatabaseError, sqlite3.DatabaseError("database disk image is malformed"), None
    )
    assert answers[0].startswith("Database damaged: ")
    assert answers[1].startswith("Backup restored: ")
    assert quits == [1]
    assert not (tmp_path / "error.log").exists()


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
print("holding", flush=True)
sys.stdin.read()
"""


def test_a_database_held_by_another_program_is_offered_a_retry_not_a_restore(tmp_path, monkeypatch):
    db = tmp_path / "sessions.db"
    big_db(db)
    opening.backup_database(db)
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 100)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert holder.stdout.readline().strip() == b"holding"
    asked: list[str] = []

    def question(_parent, title, text, *_args, **_kwargs):
        asked.append(f"{title}: {text}")
        if len(asked) == 2:  # the second time round, the other program has let go
            holder.stdin.close()
            holder.wait(timeout=30)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    before = sorted(p.name for p in tmp_path.iterdir())
    store = ui_app.open_store_or_explain(db)
    try:
        assert store is not None
        assert [a.split(":")[0] for a in asked] == ["Database in use", "Database in use"]
        assert "in use by another program" in asked[0] and "damaged" not in asked[0]
        assert sorted(p.name for p in tmp_path.iterdir() if "damaged" in p.name) == []
        assert {p.name for p in tmp_path.iterdir()} >= set(before)
    finally:
        if store is not None:
            store.close()
        if holder.poll() is None:
            holder.stdin.close()
            holder.wait(timeout=30)

"""The app's start (ui.app.start_window): the list first, profiles on the first turn, then the
background check and backup; a bad force file or database is explained, never fatal."""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from pcso_interview import paths
from pcso_interview.store import SCHEMA_VERSION, Store
from ui import app as ui_app


def args_for(db: Path, profiles: list[Path] | None = None) -> argparse.Namespace:
    from pcso_interview.app_args import app_parser

    words = ["--db", str(db)]
    for file in profiles or []:
        words += ["--profiles", str(file)]
    return app_parser().parse_args(words)


def check_thread(qtbot, window):
    """The start-up check's thread, once the loop's first turn has started it."""
    qtbot.waitUntil(lambda: window.findChild(ui_app.StartupCheck) is not None)
    return window.findChild(ui_app.StartupCheck).thread


@pytest.fixture
def started(qtbot):
    """start_window(args), with the window closed and the check thread joined afterwards."""
    opened = []

    def start(args: argparse.Namespace):
        window = ui_app.start_window(args)
        if window is not None:
            qtbot.addWidget(window)
            opened.append(window)
        return window

    yield start
    for window in opened:
        check_thread(qtbot, window).join(timeout=30)


def test_the_window_shows_the_sessions_before_reading_any_profile(
    started, qtbot, tmp_path, new_session, monkeypatch
):
    db = tmp_path / "sessions.db"
    store = Store.open(db)
    new_session(store, ref="C-0001")
    new_session(store, ref="C-0002")
    store.close()
    reads: list[list[Path]] = []
    real = ui_app.collect_profiles
    monkeypatch.setattr(
        ui_app, "collect_profiles", lambda extra: reads.append(extra) or real(extra)
    )

    window = started(args_for(db))

    assert window.isVisible()
    assert window.session_list.model.rowCount() == 2
    assert reads == []  # nothing read yet: the list did not need it
    qtbot.waitUntil(lambda: reads != [])  # the loop's first turn reads them
    assert {p.id for p in window.profiles} >= {"gwent-cso", "kent-crime-prevention-pcso"}
    assert len(reads) == 1  # read once, then kept
    check_thread(qtbot, window).join(timeout=30)
    qtbot.waitUntil(lambda: "Backup" in window.statusBar().currentMessage())
    assert list((db.parent / "backups").glob("*.db"))


def test_a_broken_force_file_is_reported_once_the_window_is_up(
    started, qtbot, tmp_path, warnings_shown
):
    folder = paths.user_profiles_dir()
    folder.mkdir(parents=True, exist_ok=True)
    broken = folder / "broken-force.json"
    broken.write_text('{"profiles": [', encoding="utf-8")
    try:
        window = started(args_for(tmp_path / "sessions.db"))
        assert warnings_shown == []
        qtbot.waitUntil(lambda: warnings_shown != [])
    finally:
        broken.unlink()
    assert len(warnings_shown) == 1
    assert "broken-force.json" in warnings_shown[0] and "not valid JSON" in warnings_shown[0]
    assert "gwent-cso" in {p.id for p in window.profiles}  # the good ones still load


def test_an_extra_profiles_file_named_on_the_command_line_is_merged(
    started, qtbot, tmp_path, builtin_data, warnings_shown
):
    extra = dict(builtin_data["profiles"][0], id="invented-force-pcso")
    file = tmp_path / "invented.json"
    file.write_text(json.dumps({**builtin_data, "profiles": [extra]}), encoding="utf-8")

    window = started(args_for(tmp_path / "sessions.db", [file]))

    assert "invented-force-pcso" in {p.id for p in window.profiles}
    assert warnings_shown == []


def test_a_database_from_a_newer_version_is_explained_and_left_as_it_was(
    started, tmp_path, monkeypatch
):
    db = tmp_path / "sessions.db"
    Store.open(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        staticmethod(lambda _parent, title, text, *a, **k: shown.append(f"{title}: {text}")),
    )

    assert started(args_for(db)) is None

    assert len(shown) == 1 and "newer version" in shown[0]
    assert db.read_bytes() == before


def test_run_app_keeps_its_window_until_the_user_closes_it(qtbot, tmp_path, monkeypatch):
    """run_app shows one window, which outlives the first turns (and a garbage collection),
    and returns 0 once the user closes it."""
    import gc

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    monkeypatch.setattr(ui_app, "install_error_hook", lambda: None)  # keep pytest-qt's hook
    checks: list[ui_app.StartupCheck] = []
    real_start_backup = ui_app.start_backup
    monkeypatch.setattr(
        ui_app, "start_backup", lambda *a: checks.append(real_start_backup(*a)) or checks[-1]
    )
    seen: list[int] = []

    def windows() -> list[MainWindow]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]

    def later(turns: int) -> None:
        if turns:
            QTimer.singleShot(0, lambda: later(turns - 1))
            return
        gc.collect()
        shown = [w for w in windows() if w.isVisible()]
        seen.append(len(shown))
        for window in shown:
            window.close()  # the last window closed ends app.exec()

    before = set(map(id, windows()))
    QTimer.singleShot(0, lambda: later(5))
    assert ui_app.run_app(args_for(tmp_path / "sessions.db")) == 0
    assert seen == [1]
    assert not [w for w in windows() if id(w) not in before and w.isVisible()]
    for check in checks:
        check.thread.join(timeout=30)


def test_a_database_changed_outside_the_app_is_named_at_start_and_not_backed_up(
    started, qtbot, tmp_path
):
    """A protective trigger dropped with sqlite3: the start-up check says so, and makes no
    backup of the file (the copy would become the anchor a cut audit trail is compared with)."""
    db = tmp_path / "sessions.db"
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER sessions_retained")
    conn.close()
    window = started(args_for(db))
    check_thread(qtbot, window).join(timeout=30)
    qtbot.waitUntil(lambda: "sessions_retained" in window.statusBar().currentMessage())
    shown = window.statusBar().currentMessage()
    assert shown.startswith("The database was changed outside the app: ")
    assert "someone changed the file outside the app" in shown
    assert "`pcso-interview check` lists them). No backup was made of it." in shown
    assert not list((db.parent / "backups").glob("*.db"))


def test_a_comparison_that_fails_is_not_taken_for_a_change_outside_the_app(
    started, qtbot, tmp_path, monkeypatch
):
    """The protections and the audit trail's end could not be compared (the file busy, a
    backup unreadable): the check says it failed, as the damage check does, and claims no
    change it did not find; no backup is made of a file it could not vouch for."""
    db = tmp_path / "sessions.db"
    Store.open(db).close()

    def cannot_compare(_path):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(ui_app, "changed_outside", cannot_compare)
    window = started(args_for(db))
    check_thread(qtbot, window).join(timeout=30)
    qtbot.waitUntil(lambda: "database is locked" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == "Start-up check failed: database is locked"
    assert not list((db.parent / "backups").glob("*.db"))

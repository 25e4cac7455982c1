"""One database in two windows: the second opens read-only, says so, and shows what the first
saves within a second. The reported sequence (B's P replacing A's D, then A's undo restoring a
stale value; a note typed in A replaced by B's) can no longer happen."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pcso_interview.scoring import Classification
from pcso_interview.store import Store
from tests.ui.keys import press
from ui import app as ui_app


def args_for(db: Path) -> argparse.Namespace:
    from pcso_interview.app_args import app_parser

    return app_parser().parse_args(["--db", str(db)])


@pytest.fixture
def two_windows(qtbot, tmp_path, new_session, monkeypatch):
    db = tmp_path / "sessions.db"
    store = Store.open(db)
    sid = new_session(store)
    store.close()
    windows = []
    for _ in range(2):
        window = ui_app.start_window(args_for(db))
        assert window is not None
        qtbot.addWidget(window)
        window.open_session(sid, "", "m1")
        windows.append(window)
    yield windows[0], windows[1], sid
    for window in windows:
        checker = window.findChild(ui_app.StartupCheck)
        if checker is not None and checker.thread is not None:
            checker.thread.join(timeout=30)
        window.close()


def started(window) -> None:
    """The start-up check has said its word in the status bar (its thread ended)."""
    checker = window.findChild(ui_app.StartupCheck)
    if checker is not None and checker.thread is not None:
        checker.thread.join(timeout=30)
    QApplication.processEvents()


def focus(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.interview.area_page.table.setFocus()


def test_the_second_window_is_read_only_and_says_so(qtbot, two_windows):
    a, b, _ = two_windows
    assert not a.read_only_banner.isVisibleTo(a)
    assert b.read_only_banner.isVisibleTo(b)
    assert "open in another window (pid " in b.read_only_banner.text()
    assert "read-only" in b.read_only_banner.text()
    assert b.interview.read_only and not a.interview.read_only


def test_the_reported_sequence_loses_nothing(qtbot, two_windows):
    a, b, sid = two_windows
    first = a.interview.session.planned_areas[0].indicators[0].id
    focus(qtbot, a)
    press("D")  # A: demonstrated
    qtbot.waitUntil(
        lambda: a.store.load(sid).mark("m1", first).classification is Classification.DEMONSTRATED
    )
    focus(qtbot, b)
    press("P")  # B: partly, in a read-only window: nothing happens to the record
    assert a.store.load(sid).mark("m1", first).classification is Classification.DEMONSTRATED
    # B shows what A saved, within a second, without anyone pressing anything.
    model = b.interview.area_page.model
    qtbot.waitUntil(
        lambda: model.rows[0].classification is Classification.DEMONSTRATED, timeout=3000
    )
    focus(qtbot, a)
    press("Ctrl+Z")  # A's undo takes A's own change back, to what A saw before it
    qtbot.waitUntil(
        lambda: a.store.load(sid).mark("m1", first).classification is Classification.NONE
    )


def test_the_second_window_writes_nothing_even_if_asked(two_windows):
    _, b, sid = two_windows
    from pcso_interview.store import OpenElsewhereError

    with pytest.raises(OpenElsewhereError, match="open in another window"):
        b.store.grade(sid, "m1", b.interview.session.planned_areas[0].id, 3)


def test_closing_the_first_window_lets_a_new_one_write(qtbot, two_windows, tmp_path):
    a, _, _ = two_windows
    checker = a.findChild(ui_app.StartupCheck)
    if checker is not None and checker.thread is not None:
        checker.thread.join(timeout=30)
    a.close()
    third = ui_app.start_window(args_for(a.store.path))
    qtbot.addWidget(third)
    try:
        assert not third.store.read_only_reason
    finally:
        checker = third.findChild(ui_app.StartupCheck)
        qtbot.waitUntil(lambda: third.findChild(ui_app.StartupCheck) is not None)
        third.findChild(ui_app.StartupCheck).thread.join(timeout=30)
        third.close()


def test_the_second_window_switches_language_for_itself_and_says_it_is_not_remembered(
    qtbot, two_windows
):
    """The read-only window cannot remember the choice (the first window writes): it switches
    anyway, its banner and refusals in the new language, and the status bar says so."""
    from pcso_interview.store import OpenElsewhereError
    from ui import i18n

    a, b, sid = two_windows
    started(b)
    try:
        b.language_actions["cy"].trigger()
        QApplication.processEvents()
        assert b.modes.tabText(1) == "Cyfweliad (&I)"
        assert b.read_only_banner.text().startswith("Mae'r gronfa ddata hon ar agor mewn ffenestr")
        note = b.statusBar().currentMessage()
        assert note.startswith("Cymraeg yn y ffenestr hon nes iddi gau; nid oedd modd cofio")
        assert "ddarllen yn unig" in note
        with pytest.raises(OpenElsewhereError) as refused:
            b.store.grade(sid, "m1", b.interview.session.planned_areas[0].id, 3)
        assert str(refused.value).startswith("Mae'r gronfa ddata hon ar agor")
        assert a.store.get_state(i18n.STATE_KEY, "en") == "en"  # nothing written
        b.language_actions["en"].trigger()
        QApplication.processEvents()
        assert b.read_only_banner.text().startswith("This database is open in another window")
        assert "English in this window until it closes" in b.statusBar().currentMessage()
    finally:
        i18n.install("en")


def test_a_language_switch_that_cannot_be_written_still_switches_and_says_why(
    qtbot, two_windows, monkeypatch
):
    """A busy database (another program's lock) refuses the remembering, not the switch."""
    import sqlite3

    from ui import i18n

    a, _, _ = two_windows

    def busy(*_args):
        raise sqlite3.OperationalError("database is locked")

    started(a)
    monkeypatch.setattr(a.store, "set_state", busy)
    try:
        a.language_actions["cy"].trigger()
        QApplication.processEvents()
        assert a.modes.tabText(1) == "Cyfweliad (&I)"
        assert "nid oedd modd cofio'r dewis" in a.statusBar().currentMessage()
        assert "database is locked" in a.statusBar().currentMessage()
    finally:
        i18n.install("en")

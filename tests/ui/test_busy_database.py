"""Another program holds the write lock: the window stays responsive, keeps the change on
screen, says it is waiting, and writes it when the lock frees (the rules still apply then)."""

from __future__ import annotations

import sqlite3
import time

from pcso_interview.scoring import Classification
from tests.store_support import grade_all
from tests.ui.keys import press, type_text


def hold_write_lock(path) -> sqlite3.Connection:
    """Another connection (as another program would) takes the write lock and keeps it."""
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_key_pressed_while_the_database_is_held_waits_without_freezing(
    qtbot, store, new_session, open_window
):
    sid = new_session(store)
    store.wait_when_busy(200)
    window = open_window(store, sid)
    view = window.interview
    first = view.session.planned_areas[0].indicators[0].id
    view.area_page.table.setFocus()
    other = hold_write_lock(store.path)
    try:
        started = time.monotonic()
        press("D")
        assert time.monotonic() - started < 2  # was 10 s per key
        assert view.area_page.model.rows[0].classification is Classification.DEMONSTRATED
        assert "Waiting: the database is in use by another program" in view.save_state.text()
        press("P")  # on the next indicator: a second change waits behind the first, in order
        assert view.area_page.model.rows[1].classification is Classification.PARTLY
        assert "2 change(s) kept" in view.save_state.text()
        check = sqlite3.connect(store.path)
        assert check.execute("SELECT count(*) FROM marks").fetchone() == (0,)
        check.close()
    finally:
        other.rollback()
        other.close()
    qtbot.waitUntil(
        lambda: store.load(sid).mark("m1", first).classification.value == "demonstrated"
    )
    second = view.session.planned_areas[0].indicators[1].id
    qtbot.waitUntil(lambda: store.load(sid).mark("m1", second).classification.value == "partly")
    qtbot.waitUntil(lambda: "Saved" in view.save_state.text())


def test_a_note_typed_while_held_is_saved_when_free(qtbot, store, new_session, open_window):
    sid = new_session(store)
    store.wait_when_busy(200)
    window = open_window(store, sid)
    view = window.interview
    first = view.session.planned_areas[0].indicators[0].id
    view.area_page.table.setFocus()
    other = hold_write_lock(store.path)
    try:
        press("Return")  # into the note
        type_text("Listened before acting")
        qtbot.waitUntil(lambda: "Waiting" in view.save_state.text())
        assert view.area_page.note.toPlainText() == "Listened before acting"
    finally:
        other.rollback()
        other.close()
    qtbot.waitUntil(lambda: store.load(sid).mark("m1", first).note == "Listened before acting")


def test_a_kept_change_the_rules_refuse_is_said_not_dropped_silently(
    qtbot, store, new_session, open_window, monkeypatch
):
    """While it waited, the session was withdrawn elsewhere: the kept grade is refused in words."""
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, t, text, *a: told.append(text))
    )
    sid = new_session(store)
    grade_all(store, sid)
    store.wait_when_busy(200)
    window = open_window(store, sid)
    view = window.interview
    view.area_page.table.setFocus()
    other = hold_write_lock(store.path)
    press("4")  # a grade, kept
    assert "Waiting" in view.save_state.text()
    other.rollback()
    other.close()
    store.withdraw(sid, "Left early", "Rhian HR")
    qtbot.waitUntil(lambda: bool(told))
    assert "withdrawn" in told[0]
    assert store.load(sid).grades[("m1", view.session.planned_areas[0].id)] == 3

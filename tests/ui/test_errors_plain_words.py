"""When the store refuses a change, the user reads why in plain words and loses nothing typed."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox

from pcso_interview.lifecycle import Status
from pcso_interview.scoring import Classification
from pcso_interview.store import Store
from tests.store_support import agree_all, grade_all, sign_as
from tests.ui.keys import focused, press, type_text
from ui.scoring import note_editor

NOTE = "Asked the neighbour to step back; siaradodd yn dawel."


def signed_elsewhere(store, session_id: str) -> None:
    """Everything graded, agreed and signed through a second Store on the same file."""
    other = Store.open(store.path)
    try:
        for area in other.load(session_id).planned_areas:
            for member in ("m1", "m2"):
                other.grade(session_id, member, area.id, 3)
            other.agree(session_id, area.id, 3)
        for member in ("m1", "m2"):
            sign_as(other, session_id, member, signature_png_b64="iVBORw0KGgo=")
    finally:
        other.close()
    assert store.load(session_id).status is Status.SIGNED


def assert_plain(message: str) -> None:
    for technical in ("Traceback", 'File "', "Error:", "sqlite3", "IntegrityError"):
        assert technical not in message


def test_a_refused_classification_is_explained(
    qtbot, store, new_session, open_window, warnings_shown
):
    """Signed on another laptop, then C is pressed here: a sentence, 'Not saved', DB unchanged."""
    session_id = new_session(store)
    first = store.load(session_id).planned_areas[0].indicators[0].id
    window = open_window(store, session_id)
    view = window.interview
    press("D")
    signed_elsewhere(store, session_id)
    before = store.load(session_id)

    press("C")
    assert len(warnings_shown) == 1
    assert "signed off and locked" in warnings_shown[0]
    assert_plain(warnings_shown[0])
    assert view.save_state.text().startswith("✗ Not saved")
    assert "locked" in view.save_state.text()
    assert store.load(session_id) == before
    assert before.mark("m1", first).classification is Classification.DEMONSTRATED
    assert "Signed off and locked" in view.banner.text()
    assert view.area_page.model.row(0).classification is Classification.DEMONSTRATED


def test_a_refused_note_stays_on_screen(
    qtbot, store, new_session, open_window, warnings_shown, monkeypatch, no_unexpected_questions
):
    """The note cannot be saved any more, but what was typed is still in the editor."""
    monkeypatch.setattr(note_editor, "SAVE_AFTER_MS", 60_000)  # Esc is what saves here
    session_id = new_session(store)
    first = store.load(session_id).planned_areas[0].indicators[0].id
    window = open_window(store, session_id)
    view = window.interview
    signed_elsewhere(store, session_id)

    press("Return")
    type_text(NOTE)
    press("Escape")
    # Esc saves and is refused: one plain sentence (leaving the field does not say it again).
    assert len(warnings_shown) == 1
    assert "signed off and locked" in warnings_shown[0]
    assert_plain(warnings_shown[0])
    assert view.save_state.text().startswith("✗ Not saved")
    assert store.load(session_id).mark("m1", first).note == ""
    assert view.area_page.note.toPlainText() == NOTE

    press("C")  # and a classification key afterwards: refused by the locked screen
    assert focused() is view.area_page.table
    assert view.area_page.note.toPlainText() == NOTE
    assert store.load(session_id).mark("m1", first).classification is Classification.NONE

    # The note can never be saved now: closing says so before the text goes.
    window.close()
    assert len(no_unexpected_questions) == 1 and NOTE in no_unexpected_questions[0]
    no_unexpected_questions.clear()
    assert window.isVisible()  # answered No: still open, the text still there
    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: yes))
    window.close()
    assert not window.isVisible()


def test_a_note_that_failed_to_save_stays_with_its_member(
    qtbot, store, new_session, open_window, warnings_shown, monkeypatch
):
    """A busy database refuses Ann's note; switching to Bob must not save it as Bob's."""
    session_id = new_session(store)
    first = store.load(session_id).planned_areas[0].indicators[0].id
    window = open_window(store, session_id)
    view = window.interview
    real_note = store.note
    # Esc saves and switching member retries: the database is busy for both. (Leaving the
    # field does not retry text just refused; showing Bob's note retries it once more.)
    failures = iter([sqlite3.OperationalError("database is locked")] * 2)

    def busy_once(*args, **kwargs):
        error = next(failures, None)
        if error is not None:
            raise error
        return real_note(*args, **kwargs)

    monkeypatch.setattr(store, "note", busy_once)
    press("Return")
    type_text("Ann's own evidence.")
    press("Escape")  # refused: the text stays on screen, marked unsaved
    assert store.load(session_id).mark("m1", first).note == ""
    press("Ctrl+M")
    press("Down")  # Bob is now scoring; the pending note is retried as it leaves
    assert view.member_id == "m2"
    held = store.load(session_id)
    assert held.mark("m2", first).note == ""
    qtbot.waitUntil(lambda: store.load(session_id).mark("m1", first).note == "Ann's own evidence.")


def busy_notes(store, monkeypatch) -> dict[str, bool]:
    """store.note fails as a locked database does while the returned switch says "on"."""
    real_note = store.note
    busy = {"on": True}

    def maybe_busy(*args, **kwargs):
        if busy["on"]:
            raise sqlite3.OperationalError("database is locked")
        return real_note(*args, **kwargs)

    monkeypatch.setattr(store, "note", maybe_busy)
    return busy


def test_a_note_refused_again_as_another_member_is_shown_is_held_not_lost(
    qtbot, store, new_session, open_window, warnings_shown, monkeypatch
):
    """Busy for every try while Ann's note leaves the screen: it is held, shown again when
    Ann is back, and saved under Ann once the database answers."""
    session_id = new_session(store)
    first = store.load(session_id).planned_areas[0].indicators[0].id
    window = open_window(store, session_id)
    view = window.interview
    busy = busy_notes(store, monkeypatch)
    press("Return")
    type_text("Ann's own evidence.")
    press("Escape")
    press("Ctrl+M")
    press("Down")  # Bob: every retry of Ann's note is refused on the way
    assert view.member_id == "m2"
    assert view.area_page.note.toPlainText() == ""  # Bob's own (empty) note
    assert store.load(session_id).mark("m1", first).note == ""
    assert store.load(session_id).mark("m2", first).note == ""

    busy["on"] = False
    press("Ctrl+M")
    press("Up")  # back to Ann: her held note is saved, under her, and shown
    assert view.member_id == "m1"
    qtbot.waitUntil(lambda: store.load(session_id).mark("m1", first).note == "Ann's own evidence.")
    assert view.area_page.note.toPlainText() == "Ann's own evidence."
    assert store.load(session_id).mark("m2", first).note == ""
    assert warnings_shown == []  # busy is waited for, not a box at every key


def test_a_refused_note_follows_its_own_session(
    qtbot, store, new_session, open_window, warnings_shown, monkeypatch
):
    """Refused in one session, retried after another is opened: saved where it was typed."""
    first_id = new_session(store, ref="C-0001")
    other_id = new_session(store, ref="C-0002")
    indicator = store.load(first_id).planned_areas[0].indicators[0].id
    window = open_window(store, first_id)
    busy = busy_notes(store, monkeypatch)
    press("Return")
    type_text("Typed in the first interview.")
    press("Escape")  # refused
    window.open_session(other_id)  # still busy: the note is held, not shown in this one
    assert window.interview.session.id == other_id
    assert window.interview.area_page.note.toPlainText() == ""

    busy["on"] = False
    press("Return")
    type_text("Typed in the second.")
    press("Escape")  # this note waits behind the held one; both are written in turn
    qtbot.waitUntil(
        lambda: store.load(other_id).mark("m1", indicator).note == "Typed in the second."
    )
    assert store.load(first_id).mark("m1", indicator).note == "Typed in the first interview."


def test_closing_with_a_refused_note_asks_first(
    qtbot, store, new_session, open_window, warnings_shown, monkeypatch
):
    """The database still refuses the note: closing says so, and No keeps the window open."""
    session_id = new_session(store)
    window = open_window(store, session_id)

    def always_busy(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "note", always_busy)
    press("Return")
    type_text("Evidence that must not vanish.")
    press("Escape")
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def question(_parent, title, text, *_args, **_kwargs):
        asked.append(f"{title}: {text}")
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window.close()
    assert window.isVisible()  # No: nothing closed, the text is still there
    assert len(asked) == 1 and "Evidence that must not vanish." in asked[0]
    assert window.interview.area_page.note.toPlainText() == "Evidence that must not vanish."
    window.close()
    assert not window.isVisible()
    assert len(asked) == 2


def test_a_refused_signature_keeps_what_the_member_typed(
    qtbot, store, new_session, open_window, warnings_shown, monkeypatch
):
    """The database is busy as Ann signs: the tick and her typed name stay for the retry."""
    session_id = new_session(store)
    grade_all(store, session_id)
    agree_all(store, session_id)
    window = open_window(store, session_id)
    page = window.interview.signoff_page
    real_sign = store.sign
    busy = {"on": True}

    def maybe_busy(*args, **kwargs):
        if busy["on"]:
            raise sqlite3.OperationalError("database is locked")
        return real_sign(*args, **kwargs)

    monkeypatch.setattr(store, "sign", maybe_busy)
    press("Ctrl+Shift+S")
    press("Space")
    press("Tab")
    type_text("Ann Chair")
    press("Return")
    assert len(warnings_shown) == 1 and "not saved" in warnings_shown[0]
    assert store.load(session_id).signoffs == ()
    assert page.confirm.isChecked() and page.typed_name.text() == "Ann Chair"

    busy["on"] = False
    page.typed_name.setFocus()
    press("Return")
    assert [s.typed_name for s in store.load(session_id).signoffs] == ["Ann Chair"]
    assert page.typed_name.text() == "" and not page.confirm.isChecked()  # Bob's turn

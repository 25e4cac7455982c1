"""Nothing typed is lost when the window closes mid-scoring, and the app reopens where it was."""

from __future__ import annotations

from pcso_interview.scoring import Classification
from pcso_interview.store import Store
from tests.ui.keys import focused, press, type_text
from ui.scoring import note_editor

NOTE = "Stayed calm; siaradodd â'r cymydog yn dawel (ŵ ŷ)."


def test_close_mid_scoring_then_reopen_on_the_same_file(
    qtbot, store, new_session, open_window, monkeypatch
):
    """Marks, the grade and an unsaved note survive window.close(); same session, area, member."""
    # A save timer far longer than the test: only closing the window can save the note.
    monkeypatch.setattr(note_editor, "SAVE_AFTER_MS", 60_000)
    session_id = new_session(store)
    window = open_window(store, session_id)
    view = window.interview
    third = store.load(session_id).planned_areas[2]

    press("Ctrl+M")
    press("Down")
    assert view.member_id == "m2"
    press("Ctrl+PgDown")
    press("Ctrl+PgDown")
    assert view.page_key == third.id
    assert focused() is view.area_page.table
    press("D")  # and on to the next indicator
    press("P")
    press("Up")  # back to the second indicator, for its note
    press("4")
    press("Return")
    assert focused() is view.area_page.note
    type_text(NOTE)
    assert view.area_page.note.toPlainText() == NOTE
    assert store.load(session_id).mark("m2", third.indicators[1].id).note == ""  # not yet saved
    path = store.path
    window.close()

    reopened = Store.open(path)
    try:
        stored = reopened.load(session_id)
        first, second = third.indicators[0].id, third.indicators[1].id
        assert stored.mark("m2", first).classification is Classification.DEMONSTRATED
        assert stored.mark("m2", second).classification is Classification.PARTLY
        assert stored.mark("m2", second).note == NOTE
        assert stored.grades == {("m2", third.id): 4}
        assert not any(member == "m1" for member, _ in stored.marks)  # nothing as the chair

        again = open_window(reopened)
        assert again.modes.currentWidget() is again.interview_tab
        assert again.interview.session.id == session_id
        assert again.interview.page_key == third.id
        assert again.interview.member_id == "m2"
        shown = again.interview.area_page.model.rows
        assert shown[0].classification is Classification.DEMONSTRATED
        assert shown[1].note == NOTE
        again.close()
    finally:
        reopened.close()


def test_a_note_reaches_the_database_while_still_typing(qtbot, store, new_session, open_window):
    """Within the editor's save interval the text is committed, without leaving the field."""
    session_id = new_session(store)
    window = open_window(store, session_id)
    view = window.interview
    indicator = store.load(session_id).planned_areas[0].indicators[0].id

    press("Return")
    type_text("Listened first")
    assert focused() is view.area_page.note
    qtbot.waitUntil(
        lambda: store.load(session_id).mark("m1", indicator).note == "Listened first",
        timeout=note_editor.SAVE_AFTER_MS + 700,
    )
    assert focused() is view.area_page.note  # still typing: nothing had to leave the field
    type_text(", then asked questions.")
    qtbot.waitUntil(
        lambda: (
            store.load(session_id).mark("m1", indicator).note
            == "Listened first, then asked questions."
        ),
        timeout=note_editor.SAVE_AFTER_MS + 700,
    )
    assert view.save_state.text().startswith("✓ Saved")

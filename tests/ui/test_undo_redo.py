"""Undo and redo are store changes: each one is committed and audited, and a lock stops them."""

from __future__ import annotations

from pcso_interview.lifecycle import Status
from pcso_interview.scoring import Classification
from pcso_interview.store import Store
from tests.store_support import agree_all, grade_all, sign_as
from tests.ui.keys import focused, press, sign_in_turn, type_text


def test_undo_and_redo_a_classification_and_a_grade(qtbot, store, new_session, open_window):
    """Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y each change the database and add an audit row."""
    session_id = new_session(store)
    area = store.load(session_id).planned_areas[0]
    first = area.indicators[0].id
    window = open_window(store, session_id)
    table = window.interview.area_page.table

    def classification():
        return store.load(session_id).mark("m1", first).classification

    def audited() -> list[tuple[str, str, str]]:
        return [(e.action, e.old, e.new) for e in store.audit_trail(session_id)]

    press("D")
    assert classification() is Classification.DEMONSTRATED
    rows = len(audited())
    press("Ctrl+Z")
    assert classification() is Classification.NONE
    assert audited()[rows:] == [("classify", "demonstrated", "none")]
    press("Ctrl+Shift+Z")
    assert classification() is Classification.DEMONSTRATED
    press("Ctrl+Z")
    assert classification() is Classification.NONE
    press("Ctrl+Y")
    assert classification() is Classification.DEMONSTRATED
    assert [a for a in audited()[rows:] if a[0] == "classify"] == [
        ("classify", "demonstrated", "none"),
        ("classify", "none", "demonstrated"),
        ("classify", "demonstrated", "none"),
        ("classify", "none", "demonstrated"),
    ]
    assert focused() is table

    press("4")
    assert store.load(session_id).grades == {("m1", area.id): 4}
    press("2")
    press("Ctrl+Z")
    assert store.load(session_id).grades == {("m1", area.id): 4}
    press("Ctrl+Z")
    assert store.load(session_id).grades == {}
    assert audited()[-1][0] == "grade"
    press("Ctrl+Y")
    assert store.load(session_id).grades == {("m1", area.id): 4}
    assert window.interview.area_page.grade_group.checkedId() == 4
    press("Ctrl+Z")  # the grade again, then the classification
    press("Ctrl+Z")
    assert classification() is Classification.NONE


def test_undo_an_agreed_grade(qtbot, store, new_session, open_window):
    """The chair's agreed grade comes off and goes back on, in the database."""
    session_id = new_session(store)
    grade_all(store, session_id)
    area = store.load(session_id).planned_areas[0]
    window = open_window(store, session_id)

    press("Ctrl+K")
    press("4")
    press("Return")
    qtbot.waitUntil(lambda: store.load(session_id).agreed_grade(area.id) == 4)
    press("Right")
    type_text("Better than either member's grade on reflection.")
    press("Return")
    qtbot.waitUntil(lambda: store.load(session_id).rationale(area.id) != "")

    press("Ctrl+Z")
    qtbot.waitUntil(lambda: store.load(session_id).rationale(area.id) == "")
    assert store.load(session_id).agreed_grade(area.id) == 4
    press("Ctrl+Z")
    qtbot.waitUntil(lambda: store.load(session_id).agreed == {})
    model = window.interview.consensus_page.model
    qtbot.waitUntil(lambda: model.index(0, model.agreed_column).data() == "")
    press("Ctrl+Shift+Z")
    qtbot.waitUntil(lambda: store.load(session_id).agreed_grade(area.id) == 4)
    assert "agree" in [e.action for e in store.audit_trail(session_id)][-1:]


def test_undo_after_signing_behind_the_windows_back_changes_nothing(
    qtbot, store, new_session, open_window, warnings_shown
):
    """Another laptop signed the session: Ctrl+Z is refused in words; the database is untouched."""
    session_id = new_session(store)
    grade_all(store, session_id)
    agree_all(store, session_id)
    first = store.load(session_id).planned_areas[0].indicators[0].id
    window = open_window(store, session_id)
    press("D")
    assert store.load(session_id).mark("m1", first).classification is Classification.DEMONSTRATED

    other = Store.open(store.path)
    try:
        for member in ("m1", "m2"):
            sign_as(other, session_id, member, signature_png_b64="iVBORw0KGgo=")
    finally:
        other.close()
    before = store.load(session_id)
    audit_before = store.audit_trail(session_id)
    assert before.status is Status.SIGNED

    press("Ctrl+Z")
    press("Ctrl+Y")
    press("Ctrl+Z")
    after = store.load(session_id)
    assert after == before
    assert store.audit_trail(session_id) == audit_before
    assert store.verify(session_id).matches
    assert len(warnings_shown) == 1
    assert "locked" in warnings_shown[0]
    assert "Signed off and locked" in window.interview.banner.text()
    assert not window.interview.undo_stack.canUndo()


def test_signing_in_the_window_ends_undo(qtbot, store, new_session, open_window):
    """Once both have signed here, Ctrl+Z has nothing to undo and the lock holds."""
    session_id = new_session(store)
    grade_all(store, session_id)
    agree_all(store, session_id)
    first = store.load(session_id).planned_areas[0].indicators[0].id
    window = open_window(store, session_id)
    view = window.interview
    press("C")
    sign_in_turn(view, ("Ann Chair", "Bob Member"))
    signed = store.load(session_id)
    assert signed.status is Status.SIGNED
    assert signed.mark("m1", first).classification is Classification.CONTRARY
    audit = store.audit_trail(session_id)

    press("Ctrl+Z")
    press("Ctrl+Shift+Z")
    assert store.load(session_id) == signed
    assert store.audit_trail(session_id) == audit
    assert not view.undo_stack.canUndo() and not view.undo_stack.canRedo()

"""The agreed-grade rules as the chair meets them in the consensus table and at sign-off."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pcso_interview.profiles import Profile
from pcso_interview.scoring import Result
from tests.store_support import grade_all
from tests.ui.keys import focused, press, type_text

RATIONALE = "Strongest example of the day; the panel agreed after discussion."


def test_an_agreed_grade_outside_the_range_needs_a_rationale(
    qtbot, store, new_session, open_window
):
    """Agreed 5 against 3 and 4: 'required' shows, sign-off is blocked until a rationale."""
    session_id = new_session(store)
    grade_all(store, session_id, {"m1": 3, "m2": 4})
    areas = store.load(session_id).planned_areas
    for area in areas[1:]:
        store.agree(session_id, area.id, 4)
    window = open_window(store, session_id)
    view = window.interview
    model = view.consensus_page.model

    press("Ctrl+K")
    table = view.consensus_page.table
    assert focused() is table
    assert table.currentIndex().column() == model.agreed_column
    press("5")
    press("Return")
    qtbot.waitUntil(lambda: store.load(session_id).agreed_grade(areas[0].id) == 5)
    assert store.load(session_id).rationale_missing(areas[0].id)
    qtbot.waitUntil(lambda: "required" in model.index(0, model.rationale_column).data())

    press("Ctrl+Shift+S")
    signoff = view.signoff_page
    assert areas[0].name in signoff.state.text()
    assert "a rationale is required" in signoff.state.text()
    assert signoff.form.isHidden()

    press("Ctrl+K")
    assert focused() is table
    assert table.currentIndex() == model.index(0, model.agreed_column)
    press("Right")
    type_text(RATIONALE)
    press("Return")
    qtbot.waitUntil(lambda: store.load(session_id).rationale(areas[0].id) == RATIONALE)
    stored = store.load(session_id)
    assert stored.agreed_grade(areas[0].id) == 5
    assert stored.signoff_blockers() == []
    qtbot.waitUntil(lambda: model.index(0, model.rationale_column).data() == RATIONALE)

    press("Ctrl+Shift+S")
    assert "Ready" in signoff.state.text()
    assert not signoff.form.isHidden()


def test_a_member_who_is_not_the_chair_cannot_type_agreed_grades(
    qtbot, store, new_session, open_window
):
    """Bob sees the consensus table but his keys change nothing in the database."""
    session_id = new_session(store)
    grade_all(store, session_id, {"m1": 3, "m2": 4})
    area = store.load(session_id).planned_areas[0]
    store.agree(session_id, area.id, 4)
    audit_before = len(store.audit_trail(session_id))
    window = open_window(store, session_id)
    view = window.interview
    model = view.consensus_page.model

    press("Ctrl+M")
    press("Down")
    assert view.member_id == "m2"
    press("Ctrl+K")
    assert model.index(0, 2).data() == "4"  # Bob has graded everything: he sees the grades
    for column in (model.agreed_column, model.rationale_column):
        assert not model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    assert "chair" in view.consensus_page.explanation.text()
    assert focused() is view.consensus_page.table
    for key in ("2", "Return", "Right", "x", "Return"):
        press(key)
    assert focused() is view.consensus_page.table  # no editor opened
    stored = store.load(session_id)
    assert stored.agreed_grade(area.id) == 4
    assert stored.rationale(area.id) == ""
    added = [e.action for e in store.audit_trail(session_id)][audit_before:]
    assert added == ["set PIN", "set PIN"]  # each member chose a PIN on first use; nothing else


def test_the_mean_method_derives_agreed_grades_rounded_half_up(
    qtbot, store, profiles, new_session, open_window
):
    """3 and 4 agree as 4 (not 3.5 rounded to even); a spread of 2 shows ⚑ in words."""
    data = profiles.get("gwent-cso").to_dict()
    data["id"] = "gwent-cso-mean"
    data["agreed_grade_method"] = "mean"
    mean_profile = Profile.from_dict(data)
    session_id = new_session(store, mean_profile)
    areas = store.load(session_id).planned_areas
    grades = {0: (3, 4), 1: (2, 4), 2: (5, 4)}  # means 3.5, 3, 4.5
    for n, area in enumerate(areas):
        ann, bob = grades.get(n, (3, 3))
        store.grade(session_id, "m1", area.id, ann)
        store.grade(session_id, "m2", area.id, bob)
    window = open_window(store, session_id)
    view = window.interview
    model = view.consensus_page.model

    press("Ctrl+K")
    agreed = [model.index(r, model.agreed_column).data() for r in range(model.rowCount())]
    assert agreed == ["4", "3", "5"] + ["3"] * (len(areas) - 3)
    assert [store.load(session_id).agreed_grade(a.id) for a in areas[:3]] == [4, 3, 5]
    spread = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert "⚑" in spread[1] and "2+" in spread[1]
    assert [s for n, s in enumerate(spread) if n != 1] == [""] * (len(areas) - 1)
    outcome = store.load(session_id).outcome
    assert outcome.result is Result.PASS
    assert "Outcome:" in view.consensus_page.outcome.text()
    assert "Pass" in view.consensus_page.outcome.text()
    assert "'mean' method" in view.consensus_page.explanation.text()

    # Even the chair has nothing to type: the method derives the grade.
    assert not model.flags(model.index(0, model.agreed_column)) & Qt.ItemFlag.ItemIsEditable
    press("1")
    press("Return")
    assert store.load(session_id).agreed == {}


def test_a_grade_off_the_scale_is_refused_in_words_and_a_rationale_waits_for_a_grade(
    qtbot, store, new_session, open_window, warnings_shown
):
    """Typing 7 says why nothing was stored; the rationale cell opens only once agreed."""
    session_id = new_session(store)
    grade_all(store, session_id, {"m1": 3, "m2": 4})
    first = store.load(session_id).planned_areas[0]
    window = open_window(store, session_id)
    view = window.interview
    model, table = view.consensus_page.model, view.consensus_page.table
    audit_before = len(store.audit_trail(session_id))

    press("Ctrl+K")
    press("7")
    press("Return")
    qtbot.waitUntil(lambda: len(warnings_shown) == 1)  # said once the editor has closed
    assert "7 is not a grade on this scale (1, 2, 3, 4, 5)." in warnings_shown[0]
    assert store.load(session_id).agreed_grade(first.id) is None

    press("Right")  # the rationale of an area with no agreed grade yet
    assert table.currentIndex() == model.index(0, model.rationale_column)
    press("W")
    assert table.state() != table.State.EditingState  # no editor to type into and lose
    assert len(store.audit_trail(session_id)) == audit_before

    press("Left")
    press("4")
    press("Return")
    qtbot.waitUntil(lambda: store.load(session_id).agreed_grade(first.id) == 4)
    press("Right")
    type_text("Both examples were strong.")
    press("Return")
    qtbot.waitUntil(
        lambda: store.load(session_id).rationale(first.id) == "Both examples were strong."
    )


def test_a_rationale_typed_just_before_the_window_closes_is_kept(
    qtbot, store, new_session, open_window
):
    """The chair types the rationale and closes the laptop's window at once (before the
    editor's draft timer, without Enter): every character is in the database, and no editor
    is left to write to the closed database afterwards."""
    from pcso_interview.store import Store

    session_id = new_session(store)
    grade_all(store, session_id, {"m1": 3, "m2": 4})
    area = store.load(session_id).planned_areas[0]
    window = open_window(store, session_id)
    view = window.interview
    press("Ctrl+K")
    press("5")
    press("Return")
    qtbot.waitUntil(lambda: store.load(session_id).agreed_grade(area.id) == 5)
    press("Right")
    type_text(RATIONALE)
    assert view.consensus_page.delegate.open_editor is not None
    window.close()
    assert view.consensus_page.delegate.open_editor is None
    reopened = Store.open(store.path)
    try:
        assert reopened.load(session_id).rationale(area.id) == RATIONALE
    finally:
        reopened.close()


def test_the_editor_freed_late_does_not_hide_the_one_now_open(
    qtbot, store, new_session, open_window
):
    """Qt frees a closed rationale editor later: when the chair goes straight from one
    rationale to the next, the first is freed while the second is open, and the second must
    still be the one saved when the window closes."""
    import shiboken6
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

    session_id = new_session(store)
    grade_all(store, session_id, {"m1": 3, "m2": 4})
    for area in store.load(session_id).planned_areas[:2]:
        store.agree(session_id, area.id, 5)
    window = open_window(store, session_id)
    page = window.interview.consensus_page
    press("Ctrl+K")
    column = page.model.rationale_column
    first = page.delegate.createEditor(
        page.table.viewport(), QStyleOptionViewItem(), page.model.index(0, column)
    )
    second = page.delegate.createEditor(
        page.table.viewport(), QStyleOptionViewItem(), page.model.index(1, column)
    )
    first.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # freed now, late
    assert not shiboken6.isValid(first)
    assert page.delegate.open_editor is second
    second.deleteLater()

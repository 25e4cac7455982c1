"""A whole interview played from the keyboard only, checked against what the database holds."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pcso_interview.lifecycle import SessionRuleError, Status
from pcso_interview.scoring import Classification
from tests.ui.keys import focused, press, sign_in_turn, type_text
from ui.main_window import MainWindow
from ui.new_session_dialog import NewSessionDialog

TODAY = date(2026, 11, 23)


def when_dialog_open(action, attempts: int = 200) -> None:
    """Run ``action(dialog)`` once the modal dialog is up; reject it if the action fails."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, NewSessionDialog) or not dialog.isVisible():
        if attempts:
            QTimer.singleShot(10, lambda: when_dialog_open(action, attempts - 1))
        return
    try:
        action(dialog)
    finally:
        if dialog.isVisible():
            dialog.reject()


def fill_new_session_dialog(dialog: NewSessionDialog, done: list) -> None:
    """Types the set-up as a user would, then Enter."""
    dialog.activateWindow()
    for _ in range(200):
        if QApplication.activeWindow() is dialog:
            break
        QTest.qWait(10)
    dialog.profile_box.setFocus()
    assert focused() is dialog.profile_box
    # Profile: Gwent is first; Tab through the form.
    press("Tab")
    type_text("Gwenllïan Ŵyn")
    press("Tab")
    type_text("C-0412")
    press("Tab")  # date: today by default
    press("Tab")
    type_text("HQ Interview Room 1")
    press("Tab")  # campaign: the default (profile and month) kept
    press("Tab")  # recent panels (disabled on a new database) is skipped
    type_text("Ann Chair")
    press("Tab")
    type_text("1234")
    press("Tab")
    type_text("Llŷr Member")
    press("Tab")
    type_text("PC 5678")
    done.append(dialog.candidate_name.text())
    press("Return")


@pytest.fixture
def window(qtbot, store, profiles):
    win = MainWindow(store, profiles, today=TODAY)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    return win


def score_all_areas(qtbot, window, grades: dict[int, int]) -> None:
    """From the first area: classify every indicator with D/P, grade with a digit, next area."""
    view = window.interview
    session = view.session
    for index, area in enumerate(session.planned_areas):
        assert view.page_key == area.id
        assert focused() is view.area_page.table
        for n in range(len(area.indicators)):
            press("D" if n % 3 else "P")  # classifies and moves on to the next indicator
        press(str(grades.get(index, 3)))
        press("Ctrl+PgDown")


def test_whole_interview_from_the_keyboard(qtbot, window, store):
    done: list[str] = []
    when_dialog_open(lambda dialog: fill_new_session_dialog(dialog, done))
    press("Ctrl+N", window)
    assert done == ["Gwenllïan Ŵyn"]
    view = window.interview
    qtbot.waitUntil(lambda: view.session is not None)
    window.activateWindow()  # the offscreen platform does not hand focus back by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    session_id = view.session.id
    stored = store.load(session_id)
    assert stored.candidate_name == "Gwenllïan Ŵyn"
    assert [(m.name, m.role, m.number) for m in stored.panel] == [
        ("Ann Chair", "chair", "1234"),
        ("Llŷr Member", "member", "PC 5678"),
    ]
    areas = stored.planned_areas

    # Ann (chair) scores every area; an evidence note on the first indicator of area 1.
    assert view.member_id == "m1"
    assert "classify each indicator" in view.hint.text()  # the next step is always in view
    press("Return")
    type_text("Calm, listened first.")
    press("Escape")
    assert focused() is view.area_page.table
    score_all_areas(qtbot, window, {})
    # Llŷr scores: choose him in 'Scoring as' with the keyboard, back to the first area.
    press("Ctrl+M")
    press("Down")
    assert view.member_id == "m2"
    for _ in range(len(areas) + 2):
        press("Ctrl+PgUp")
    press("Ctrl+I")
    score_all_areas(qtbot, window, {0: 4})

    # Consensus, as the chair: agree 3 everywhere but 5 on the last area, which needs a reason.
    press("Ctrl+M")
    press("Up")
    press("Ctrl+K")
    table = view.consensus_page.table
    assert focused() is table
    for row in range(len(areas)):
        press("5" if row == len(areas) - 1 else "3")
        press("Return")
        if row < len(areas) - 1:
            press("Down")
    agreed_now = {a.id: store.load(session_id).agreed_grade(a.id) for a in areas}
    assert store.load(session_id).rationale_missing(areas[-1].id), list(agreed_now.values())
    press("Right")
    type_text("Strongest example of the day; panel agreed after discussion.")
    press("Return")

    # Both sign: read the declaration, tick, type the name, Enter.
    sign_in_turn(view, ("Ann Chair", "Llŷr Member"))

    final = store.load(session_id)
    assert final.status is Status.SIGNED
    assert len(final.signoffs) == 2
    assert {s.typed_name for s in final.signoffs} == {"Ann Chair", "Llŷr Member"}
    assert store.verify(session_id).matches
    first = areas[0]
    assert final.mark("m1", first.indicators[0].id).classification is Classification.PARTLY
    assert final.mark("m1", first.indicators[0].id).note == "Calm, listened first."
    assert final.mark("m2", first.indicators[1].id).classification is Classification.DEMONSTRATED
    for area in areas:
        for member in ("m1", "m2"):
            counted = final.counts(member, area.id)
            assert counted.nothing == 0
    assert final.grades[("m2", first.id)] == 4
    assert all(final.grades[("m1", a.id)] == 3 for a in areas)
    assert final.agreed_grade(areas[-1].id) == 5
    assert final.rationale(areas[-1].id).startswith("Strongest example")
    assert final.outcome.result.value == "pass"

    # Locked: the keys do nothing and the store refuses.
    window.open_session(session_id, first.id, "m1")
    press("C", view.area_page.table)
    assert store.load(session_id).mark("m1", first.indicators[0].id).classification is (
        Classification.PARTLY
    )
    assert "Signed off and locked" in view.banner.text()
    assert "read-only" in view.hint.text()
    with pytest.raises(SessionRuleError):
        store.classify(session_id, "m1", first.indicators[0].id, "contrary")

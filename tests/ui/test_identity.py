"""Who is acting, with real keys: each member's own PIN, blind marking that holds, named HR.

The PIN dialog here is the real one: the test types into it as the member would.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.store_support import grade_all
from tests.ui.keys import press, type_text
from ui.hr import sign_in as hr_sign_in
from ui.hr.browser import HrBrowser
from ui.hr.sign_in import HrGate, SignInForm
from ui.pin_dialog import PinDialog

pytestmark = pytest.mark.real_pin_dialog


def answer_pin(qtbot, *answers: str) -> list[str]:
    """Type each answer into the PIN dialog as it opens (Return after each); "ESC" cancels.
    Returns what the dialog said between tries."""
    said: list[str] = []
    queue = list(answers)

    def type_next() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PinDialog):
            QTimer.singleShot(20, type_next)
            return
        said.append(dialog.problem.text())
        answer = queue.pop(0)
        if answer == "ESC":
            QTest.keyClick(dialog, "\x1b")
            dialog.reject()
        else:
            QTest.keyClicks(dialog.secret, answer)
            if dialog.choosing:
                QTest.keyClicks(dialog.again, answer)
            QTest.keyClick(dialog.secret, "\r")
        if (queue and dialog.isVisible()) or queue:
            QTimer.singleShot(20, type_next)

    QTimer.singleShot(0, type_next)
    return said


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *_a: shown.append(text))
    )
    return shown


@pytest.fixture
def with_pins(store, new_session):
    sid = new_session(store)
    store.set_member_secret(sid, "m1", "11112222")
    store.set_member_secret(sid, "m2", "33334444")
    return sid


def test_switching_member_needs_their_pin(qtbot, store, with_pins, open_window):
    answer_pin(qtbot, "11112222")
    window = open_window(store, with_pins)
    view = window.interview
    assert view.member_id == "m1" and view.editable
    said = answer_pin(qtbot, "99999999", "ESC")
    press("Ctrl+M")
    press("Down")
    qtbot.waitUntil(lambda: len(said) == 2)
    assert said[1].startswith("Wrong PIN for Bob Member (2 more tries)")
    assert view.member_id == "m1"  # refused: still the chair, whose marks are shown
    actions = [e.action for e in store.audit_trail(with_pins)]
    assert actions[-1] == "PIN refused"
    answer_pin(qtbot, "33334444")
    press("Ctrl+M")
    press("Down")
    qtbot.waitUntil(lambda: view.member_id == "m2")


def test_three_wrong_pins_make_the_member_wait(qtbot, store, with_pins, open_window):
    answer_pin(qtbot, "11112222")
    window = open_window(store, with_pins)
    said = answer_pin(qtbot, "1", "2", "3", "33334444", "ESC")
    press("Ctrl+M")
    press("Down")
    qtbot.waitUntil(lambda: len(said) == 5, timeout=5000)
    assert "three times: wait 30 s" in said[3]
    assert "Too many wrong PINs for Bob Member: wait" in said[4]  # even the right one waits
    assert window.interview.member_id == "m1"


def test_the_blind_leak_is_refused_at_agreed_and_the_other_member_sees_nothing(
    qtbot, store, with_pins, open_window, warnings
):
    """The chair grades all six areas, Ctrl+K, 3, Enter: refused while Bob has graded none;
    Bob sees no agreed grade and no total before grading himself."""
    session = store.load(with_pins)
    for area in session.planned_areas:
        store.grade(with_pins, "m1", area.id, 3)
    answer_pin(qtbot, "11112222")
    window = open_window(store, with_pins)
    view = window.interview
    press("Ctrl+K")
    press("3")
    press("Return")
    qtbot.waitUntil(lambda: bool(warnings))
    assert "waits until every member has graded it (still to grade: Bob Member)" in warnings[0]
    assert store.load(with_pins).agreed == {}
    answer_pin(qtbot, "33334444")
    press("Ctrl+M")
    press("Down")
    qtbot.waitUntil(lambda: view.member_id == "m2")
    press("Ctrl+K")
    model = view.consensus_page.model
    for row in range(model.rowCount()):
        assert [model.index(row, c).data() for c in (1, 2)] == ["hidden", "hidden"]
        assert model.index(row, model.agreed_column).data() == ""
    outcome = view.consensus_page.outcome.text()
    assert "of 30" not in outcome and "3 of" not in outcome
    assert "show for Bob Member once they have graded every area" in outcome


def test_a_typed_signature_must_be_the_members_own_name(
    qtbot, store, new_session, open_window, warnings
):
    from tests.store_support import agree_all

    sid = new_session(store)
    grade_all(store, sid)
    agree_all(store, sid)
    store.set_member_secret(sid, "m1", "11112222")
    answer_pin(qtbot, "11112222")
    window = open_window(store, sid, "signoff")
    page = window.interview.signoff_page
    page.confirm.setChecked(True)
    page.typed_name.setFocus()
    type_text("xx")
    answer_pin(qtbot, "11112222")
    press("Return")
    qtbot.waitUntil(lambda: bool(warnings))
    assert "A typed signature is the member's own name as recorded: Ann Chair" in warnings[0]
    assert store.load(sid).signoffs == ()


def test_a_grade_changed_after_the_grades_were_shown_is_flagged(
    qtbot, store, with_pins, open_window
):
    grade_all(store, with_pins, {"m1": 3, "m2": 5})
    area = store.load(with_pins).planned_areas[0]
    answer_pin(qtbot, "11112222")
    window = open_window(store, with_pins)
    view = window.interview
    answer_pin(qtbot, "33334444")
    press("Ctrl+M")
    press("Down")
    qtbot.waitUntil(lambda: view.member_id == "m2")
    view.area_page.table.setFocus()
    press("3")  # Bob, who has seen the chair's 3, moves from 5 to 3
    qtbot.waitUntil(lambda: store.load(with_pins).grades[("m2", area.id)] == 3)
    session = store.load(with_pins)
    (revision,) = session.revisions
    assert (revision.member_id, revision.old, revision.new) == ("m2", 5, 3)
    press("Ctrl+K")
    assert "Bob Member changed this grade from 5 to 3 after the grades were shown" in (
        view.consensus_page.outcome.text()
    )
    assert [e.action for e in store.audit_trail(with_pins)][-2:] == ["grade after reveal", "grade"]


# --- HR -------------------------------------------------------------------------------------------


def test_hr_review_asks_for_a_sign_in_and_the_panel_cannot_open_it(
    qtbot, store, new_session, open_window, monkeypatch
):
    new_session(store)
    store.add_user("Rhian Evans", "admin", "correct horse battery")
    window = open_window(store)
    window.modes.setCurrentWidget(window.hr_tab)
    gate = window.hr_tab.widget
    assert isinstance(gate, HrGate) and gate.findChild(HrBrowser) is None
    form = gate.findChild(SignInForm)
    assert not form.isHidden()
    form.name.setFocus()
    type_text("Rhian Evans")
    form.passphrase.setFocus()
    type_text("a panel member's guess")
    press("Return")
    assert "Wrong passphrase for Rhian Evans" in form.problem.text()
    assert gate.findChild(HrBrowser) is None
    form.passphrase.setFocus()
    type_text("correct horse battery")
    press("Return")
    browser = gate.findChild(HrBrowser)
    assert browser is not None and browser.user.name == "Rhian Evans"
    # Statistics share the sign-in; ten idle minutes end it everywhere.
    window.modes.setCurrentWidget(window.statistics_tab)
    assert window.statistics_tab.widget.form.isHidden()
    window.hr_session.idle.timeout.emit()
    qtbot.waitUntil(lambda: gate.findChild(HrBrowser) is None)
    assert "signed out after 10 idle minutes" in form.title.text()
    assert hr_sign_in.IDLE_MS == 10 * 60 * 1000


def test_the_first_opening_of_hr_review_creates_the_first_admin(qtbot, store, open_window):
    window = open_window(store)
    window.modes.setCurrentWidget(window.hr_tab)
    form = window.hr_tab.widget.findChild(SignInForm)
    assert "No HR account yet" in form.title.text()
    form.name.setFocus()
    type_text("Rhian Evans")
    form.passphrase.setFocus()
    type_text("correct horse battery")
    form.again.setFocus()
    type_text("correct horse battery")
    press("Return")
    assert [u.role for u in store.list_users()] == ["admin"]
    assert window.hr_tab.widget.findChild(HrBrowser).user.name == "Rhian Evans"

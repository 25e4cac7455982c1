"""Withdrawal (did not attend, or left) is recorded with a reason and locks the session."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pcso_interview.lifecycle import SessionRuleError, Status
from pcso_interview.scoring import Classification
from tests.ui.dialogs import when_modal
from tests.ui.keys import press, type_text
from ui.reason_dialog import ReasonDialog


def answer(monkeypatch, reply: str | None) -> list[str]:
    """ReasonDialog.ask returns ``reply``; the prompts asked are recorded."""
    asked: list[str] = []

    def ask(_parent, title, prompt):
        asked.append(f"{title}: {prompt}")
        return reply

    monkeypatch.setattr(ReasonDialog, "ask", staticmethod(ask))
    return asked


def test_ctrl_shift_w_records_the_withdrawal_and_locks(
    qtbot, store, new_session, open_window, monkeypatch
):
    """Status, reason and audit row in the database; the banner says so; keys stop working."""
    asked = answer(monkeypatch, "Did not attend.")
    session_id = new_session(store)
    first = store.load(session_id).planned_areas[0].indicators[0].id
    window = open_window(store, session_id)
    view = window.interview

    press("Ctrl+Shift+W")
    assert len(asked) == 1 and "C-0412" in asked[0]
    stored = store.load(session_id)
    assert stored.status is Status.WITHDRAWN
    assert stored.withdrawn_reason == "Did not attend."
    last = store.audit_trail(session_id)[-1]
    assert (last.action, last.subject, last.new) == ("withdraw", "Did not attend.", "withdrawn")
    assert "Withdrawn" in view.banner.text() and "Did not attend." in view.banner.text()
    assert not view.banner.isHidden()

    press("Ctrl+I")
    for key in ("D", "3", "Return"):
        press(key)
    after = store.load(session_id)
    assert after.mark("m1", first).classification is Classification.NONE
    assert after.grades == {} and after.marks == {}
    with pytest.raises(SessionRuleError):
        store.classify(session_id, "m1", first, "demonstrated")
    press("Ctrl+Shift+W")  # already withdrawn: not asked again
    assert len(asked) == 1


def test_cancelling_the_withdrawal_changes_nothing(
    qtbot, store, new_session, open_window, monkeypatch
):
    """No reason given: the session stays open and nothing is audited."""
    asked = answer(monkeypatch, None)
    session_id = new_session(store)
    window = open_window(store, session_id)
    before = store.load(session_id)
    audit = store.audit_trail(session_id)

    press("Ctrl+Shift+W")
    assert len(asked) == 1
    assert store.load(session_id) == before
    assert store.audit_trail(session_id) == audit
    assert window.interview.banner.isHidden()
    press("D")
    assert store.load(session_id).status is Status.SCORING  # still editable


def test_the_real_reason_dialog_needs_a_reason_before_ok(qtbot, store, new_session, open_window):
    """OK stays disabled for an empty or blank reason, and works once one is typed."""
    session_id = new_session(store)
    open_window(store, session_id)
    seen: list[str] = []

    def fill(dialog: ReasonDialog) -> None:
        assert not dialog.ok_button.isEnabled()
        assert QApplication.focusWidget() is dialog.reason  # ready to type at once
        type_text("   ")
        assert not dialog.ok_button.isEnabled()
        type_text("Left during the interview: unwell.")
        assert dialog.ok_button.isEnabled()
        seen.append("filled")
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(ReasonDialog, fill, seen)
    press("Ctrl+Shift+W")
    assert seen == ["filled"]
    stored = store.load(session_id)
    assert stored.status is Status.WITHDRAWN
    assert stored.withdrawn_reason == "Left during the interview: unwell."


def test_the_withdraw_menu_with_no_session_open_says_so(
    qtbot, store, new_session, open_window, monkeypatch
):
    """From the Session menu with only the list showing: a word in the status bar, no dialog."""
    asked = answer(monkeypatch, "Did not attend.")
    window = open_window(store)
    (withdraw,) = [
        a for a in window.menuBar().actions()[0].menu().actions() if "Withdraw" in a.text()
    ]
    withdraw.trigger()
    assert asked == []
    assert window.statusBar().currentMessage() == "Open a session first."
    assert window.interview_tab.widget is None  # the interview screen was not built for nothing

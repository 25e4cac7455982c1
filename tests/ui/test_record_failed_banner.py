"""A signed session changed behind the app's back is never shown as "signed off and locked":
a red banner says the record failed verification, on the interview, sign-off and HR screens."""

from __future__ import annotations

import sqlite3

from tests.store_support import agree_all, grade_all, sign_all
from ui.scoring.interview_view import FAILED_STYLE


def _signed_then_forged(store, new_session) -> str:
    sid = new_session(store)
    grade_all(store, sid, 3)
    agree_all(store, sid, 3)
    sign_all(store, sid)
    conn = sqlite3.connect(store.path, isolation_level=None)
    try:
        conn.execute("DROP TRIGGER agreed_locked_update")
        conn.execute("UPDATE agreed SET grade = 5 WHERE session_id = ?", [sid])
    finally:
        conn.close()
    return sid


def test_an_intact_signed_record_says_signed_off(store, new_session, open_window):
    sid = new_session(store)
    grade_all(store, sid, 3)
    agree_all(store, sid, 3)
    sign_all(store, sid)
    window = open_window(store, sid)
    assert "Signed off and locked" in window.interview.banner.text()
    assert window.interview.banner.styleSheet() != FAILED_STYLE


def test_a_forged_record_shows_the_red_banner_not_signed_off(store, new_session, open_window):
    sid = _signed_then_forged(store, new_session)
    window = open_window(store, sid)
    banner = window.interview.banner
    assert banner.isVisibleTo(window)
    assert "This record failed verification" in banner.text()
    assert "agreed: signed" in banner.text()
    assert "Signed off and locked" not in banner.text()
    assert banner.styleSheet() == FAILED_STYLE
    window.interview.go_to("signoff")
    signoff = window.interview.signoff_page
    assert "Record failed verification" in signoff.state.text()
    assert "Signed off and locked" not in signoff.state.text()


def test_hr_review_of_a_forged_record_shows_the_banner(qtbot, store, new_session):
    from ui.hr.review_dialog import SessionReviewDialog

    sid = _signed_then_forged(store, new_session)
    dialog = SessionReviewDialog(store, sid)
    qtbot.addWidget(dialog)
    assert "This record failed verification" in dialog.view.banner.text()


def test_in_welsh_the_banners_say_the_finding_is_quoted_in_english(
    store, new_session, open_window, welsh
):
    """The check's finding (what changed, where) is the same text in `check`, the archive and
    the record, so it is quoted as written; a Welsh screen says it is in English, as the Welsh
    sheet does."""
    sid = _signed_then_forged(store, new_session)
    finding = store.load(sid).record_problems[0]
    window = open_window(store, sid)
    banner = window.interview.banner.text()
    assert banner.startswith("⚠ Methodd y cofnod hwn y dilysu")
    assert f"(canfyddiad y gwiriad, yn Saesneg: {finding})" in banner
    window.interview.go_to("signoff")
    state = window.interview.signoff_page.state.text()
    assert "Methodd y cofnod y dilysu" in state and "yn Saesneg" in state

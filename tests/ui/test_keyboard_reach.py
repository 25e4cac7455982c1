"""Every control by keys (issue 17): a Tab order through each interview page with tables one
stop, the keys back where they were after a box, a menu and the last signature, one Alt key per
control on every screen, and a name for every control that takes the focus."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMenuBar,
    QMessageBox,
    QRadioButton,
    QTabBar,
    QWidget,
)

from pcso_interview.lifecycle import Status
from pcso_interview.scoring import Classification
from pcso_interview.store import Store
from pcso_interview.store.identity import User
from tests.store_support import agree_all, grade_all, sign_as
from tests.ui.keys import focused, press, sign_in_turn, type_text
from tests.ui.reach import clashes, menu_clashes, shown, unnamed_focusable
from ui.hr.browser import HrBrowser
from ui.hr.review_dialog import SessionReviewDialog
from ui.hr.sign_in import SignInForm
from ui.new_session_dialog import NewSessionDialog
from ui.pin_dialog import PinDialog

HR_PASSPHRASE = "correct horse battery"


def tab_cycle(limit: int = 60) -> list[QWidget]:
    """Tab from the focused control until the focus comes back to it: each stop once."""
    start = focused()
    stops = [start]
    for _ in range(limit):
        press("Tab")
        if focused() is start:
            return stops
        stops.append(focused())
    raise AssertionError(f"Tab never came back to {start.accessibleName()!r}")


def focusable(root: QWidget) -> set[QWidget]:
    """The controls under ``root`` a keyboard user can land on: shown, enabled, taking the
    focus by Tab; one button of an exclusive group of radio buttons (arrows move inside)."""
    found = {
        w
        for w in root.findChildren(QWidget)
        if shown(w)
        and w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
        and w.focusProxy() is None
        and not isinstance(w, QRadioButton)
    }
    return found


def names(widgets) -> list[str]:
    return [w.accessibleName() or type(w).__name__ for w in widgets]


def when_box(answer: str, seen: list[str]) -> None:
    """Once a real QMessageBox is up, note its text and press ``answer`` on it (a key)."""

    def poll(left: int = 300) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if left:
                QTimer.singleShot(10, lambda: poll(left - 1))
            return
        seen.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return if answer == "Return" else Qt.Key.Key_Escape)

    QTimer.singleShot(0, poll)


# --- Tab -----------------------------------------------------------------------------------------


def test_tab_goes_through_every_control_of_each_page_tables_one_stop(
    qtbot, store, new_session, open_window
):
    session_id = new_session(store)
    window = open_window(store, session_id)
    view = window.interview

    # An area page: Tab passes the indicators once; the arrows move inside them.
    page = view.area_page
    assert focused() is page.table
    stops = tab_cycle()
    assert len(stops) == len(set(stops))
    assert set(stops) >= focusable(view), names(focusable(view) - set(stops))
    assert set(stops) <= focusable(view) | set(page.grade_group.buttons())
    assert sum(isinstance(w, QRadioButton) for w in stops) == 1  # the grade: one stop
    assert names(stops)[:4] == [
        "Indicators",
        "Evidence note for the selected indicator",
        "Grade 1, Unacceptable",
        "Free note for the area",
    ]
    assert not any(isinstance(w, (QTabBar, QMenuBar)) for w in stops)
    press("Down")
    assert page.table.currentIndex().row() == 1
    press("Tab")  # and leaves the table at once, whatever row it is on
    assert focused() is page.note
    press("Shift+Tab")
    assert focused() is page.table and page.table.currentIndex().row() == 1

    # Consensus: the agreed grades are one stop.
    grade_all(store, session_id, {"m1": 3, "m2": 3})
    view.reload()
    press("Ctrl+K")
    stops = tab_cycle()
    assert set(stops) == focusable(view), names(set(stops) ^ focusable(view))
    assert names(stops)[0] == "Agreed grades"

    # Sign-off, ready: the form in the order it reads, then back round.
    agree_all(store, session_id)
    view.reload()
    press("Ctrl+Shift+S")
    assert focused() is view.signoff_page.confirm
    press("Space")
    press("Tab")
    type_text("Ann Chair")  # the Sign button is enabled now: a stop of its own
    press("Shift+Tab")
    stops = tab_cycle()
    assert set(stops) == focusable(view), names(set(stops) ^ focusable(view))
    order = names(stops)
    confirm = order.index(view.signoff_page.confirm.accessibleName() or "QCheckBox")
    assert order[confirm + 1] == "Type your name to sign"
    assert isinstance(view.signoff_page.table, QAbstractItemView)
    assert view.signoff_page.sign_button in stops


# --- the keys back where they were ---------------------------------------------------------------


def test_a_message_box_gives_the_keys_back_to_the_cell_typed_in(
    qtbot, store, new_session, open_window
):
    """A real 'Not saved' box (no patched QMessageBox), closed with Enter: the next keys go to
    the same agreed grade, and what they type is stored."""
    session_id = new_session(store)
    grade_all(store, session_id)
    first = store.load(session_id).planned_areas[0]
    window = open_window(store, session_id)
    view = window.interview
    table = view.consensus_page.table
    press("Ctrl+K")
    seen: list[str] = []
    when_box("Return", seen)
    press("7")
    press("Return")
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    assert "7 is not a grade on this scale" in seen[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    assert table.currentIndex().row() == 0
    assert table.currentIndex().column() == view.consensus_page.model.agreed_column
    press("4")
    press("Return")
    qtbot.waitUntil(lambda: store.load(session_id).agreed_grade(first.id) == 4)


def test_a_refused_key_says_why_and_the_next_keys_still_classify(
    qtbot, store, new_session, open_window
):
    """Signed behind the window's back: D is refused in a real box; after Enter the keys are
    on the indicators again (not on the mode tabs or the menu)."""
    session_id = new_session(store)
    grade_all(store, session_id)
    agree_all(store, session_id)
    window = open_window(store, session_id)
    view = window.interview
    other = Store.open(store.path)
    try:
        for member in ("m1", "m2"):
            sign_as(other, session_id, member, signature_png_b64="iVBORw0KGgo=")
    finally:
        other.close()
    seen: list[str] = []
    when_box("Return", seen)
    press("D")
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    assert "locked" in seen[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.area_page.table)
    press("Ctrl+PgDown")  # a key that works: the next area
    assert view.page_key == store.load(session_id).planned_areas[1].id


@pytest.mark.parametrize("page", ["area", "consensus", "signoff"])
def test_alt_then_escape_leaves_the_keys_where_they_were(
    qtbot, store, new_session, open_window, page
):
    session_id = new_session(store)
    grade_all(store, session_id)
    window = open_window(store, session_id)
    view = window.interview
    keys = {"area": "Ctrl+I", "consensus": "Ctrl+K", "signoff": "Ctrl+Shift+S"}
    press(keys[page])
    before = focused()
    QTest.keyClick(before, Qt.Key.Key_Alt)  # Alt alone: the menu bar takes the keys
    QApplication.processEvents()
    press("Escape")
    assert focused() is before
    assert not isinstance(focused(), (QTabBar, QMenuBar))
    if page == "area":
        press("C")
        first = store.load(session_id).planned_areas[0].indicators[0].id
        assert store.load(session_id).mark("m1", first).classification is Classification.CONTRARY
    elif page == "consensus":
        press("3")
        press("Return")
        area = store.load(session_id).planned_areas[0].id
        qtbot.waitUntil(lambda: store.load(session_id).agreed_grade(area) == 3)
    else:
        assert before is view.signoff_page.table  # nothing to sign yet: the table of names
        press("Ctrl+PgUp")
        assert view.page_key == "consensus"


def test_after_the_last_signature_the_keys_stay_in_the_interview(
    qtbot, store, new_session, open_window
):
    session_id = new_session(store)
    grade_all(store, session_id)
    agree_all(store, session_id)
    window = open_window(store, session_id)
    view = window.interview
    sign_in_turn(view, ("Ann Chair", "Bob Member"))
    assert store.load(session_id).status is Status.SIGNED
    assert focused() is view.signoff_page.table  # the signatures, not the tabs or the menu
    press("Right")  # a key that used to switch the app to Profiles
    assert window.modes.currentWidget() is window.interview_tab
    press("Ctrl+PgUp")
    assert view.page_key == "consensus"


# --- Alt keys and names on every screen ----------------------------------------------------------


def screens(qtbot, store, profiles, session_id: str, window) -> Iterator[tuple[str, QWidget]]:
    """The main window in each mode and on each interview page, the set-up and PIN dialogs,
    the HR browser and the sign-off form: yields each (name, window) once it is on screen."""
    view = window.interview
    window.modes.setCurrentWidget(window.session_list)
    yield "session list", window
    window.open_session(session_id)
    yield "interview: an area", window
    press("Ctrl+K")
    yield "interview: consensus", window
    press("Ctrl+Shift+S")
    yield "interview: sign-off, not ready", window
    grade_all(store, session_id)
    agree_all(store, session_id)
    view.reload()
    press("Space")
    press("Tab")
    type_text("Ann Chair")
    assert view.signoff_page.sign_button.isEnabled()
    yield "interview: sign-off, ready to sign", window
    window.modes.setCurrentWidget(window.profiles_tab)
    yield "profiles", window
    window.modes.setCurrentWidget(window.hr_tab)
    yield "HR review: sign-in", window
    form = window.hr_tab.widget.findChild(SignInForm)
    form.name.setText("Rhian Evans")
    form.passphrase.setText(HR_PASSPHRASE)
    form.submit()
    qtbot.waitUntil(lambda: window.hr_tab.widget.findChild(HrBrowser) is not None)
    yield "HR review: the browser", window
    window.modes.setCurrentWidget(window.statistics_tab)
    yield "statistics", window
    dialog = NewSessionDialog(list(profiles), parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield "set-up dialog", dialog
    dialog.reject()
    session = store.load(session_id)
    pin = PinDialog(store, session, session.panel[1], "to score as yourself", window)
    qtbot.addWidget(pin)
    pin.show()
    qtbot.waitExposed(pin)
    yield "PIN dialog", pin
    pin.reject()
    browser = HrBrowser(store, profiles, User("Rhian Evans", "admin"))
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    yield "HR browser on its own", browser
    review = SessionReviewDialog(store, session_id, window)
    qtbot.addWidget(review)
    review.show()
    qtbot.waitExposed(review)
    for key in [r.key for r in review.view.nav.rows]:  # each page of the session as read
        review.view.go_to(key)
        yield f"HR review of a session: {key}", review
    for tab in range(1, review.tabs.count()):
        review.tabs.setCurrentIndex(tab)
        yield f"HR review of a session: tab {tab}", review
    review.reject()


@pytest.fixture
def every_screen(qtbot, store, new_session, open_window, profiles):
    def visit(check: Callable[[str, QWidget], None]) -> list[str]:
        store.add_user("Rhian Evans", "admin", HR_PASSPHRASE)
        session_id = new_session(store)
        window = open_window(store)
        visited = []
        for name, screen in screens(qtbot, store, profiles, session_id, window):
            QApplication.processEvents()
            check(name, screen)
            visited.append(name)
        return visited

    return visit


@pytest.mark.parametrize("language", ["en", "cy"])
def test_no_two_controls_share_an_alt_key_on_any_screen(every_screen, language, request):
    if language == "cy":  # Welsh texts carry their own Alt keys: unique in Welsh too
        request.getfixturevalue("welsh")
    found: dict[str, dict[str, list[str]]] = {}

    def check(name: str, screen: QWidget) -> None:
        if clashes(screen):
            found[name] = clashes(screen)
        if hasattr(screen, "menuBar") and menu_clashes(screen):
            found[f"{name}: menus"] = menu_clashes(screen)

    visited = every_screen(check)
    assert len(visited) >= 15 and "HR review of a session: tab 1" in visited
    assert found == {}


def test_every_control_that_takes_the_focus_has_a_name(every_screen):
    found: dict[str, list[str]] = {}

    def check(name: str, screen: QWidget) -> None:
        if unnamed_focusable(screen):
            found[name] = unnamed_focusable(screen)

    every_screen(check)
    assert found == {}


def test_alt_s_signs_on_the_sign_off_page(qtbot, store, new_session, open_window):
    """The Sign button's Alt key signs (it opened the Sessions tab once)."""
    session_id = new_session(store)
    grade_all(store, session_id)
    agree_all(store, session_id)
    window = open_window(store, session_id, "signoff")
    press("Space")
    press("Tab")
    type_text("Ann Chair")
    press("Alt+S")  # the button shows itself pressed, then signs
    qtbot.waitUntil(lambda: [s.member_id for s in store.load(session_id).signoffs] == ["m1"])
    assert window.modes.currentWidget() is window.interview_tab

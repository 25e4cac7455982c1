"""Every laptop screen (issue 17): a usable 1366x700 at scale 1, 1.25, 1.5 and 2.

QT_SCALE_FACTOR multiplies device pixels and leaves the layout's logical pixels as they are, so
a 1366x700 screen at scale s is a (1366/s)x(700/s) logical one: the window is tried at each of
those sizes here (scripts/fit_screenshots.py shows the same at the real scale factors)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView, QWidget

from pcso_interview.session import Member
from tests.store_support import grade_all
from tests.ui.conftest import ANN, BOB
from tests.ui.keys import focused, press
from ui.hr.sign_in import SignInForm
from ui.scoring.pages import Page

SCREEN = QSize(1366, 700)
SCALES = (1, 1.25, 1.5, 2)
PRIYA = Member("m3", "Priya Castellanos-Whitfield", "member", "C-3031")


def logical(scale: float) -> QSize:
    return QSize(int(SCREEN.width() / scale), int(SCREEN.height() / scale))


def columns_fit_their_titles(table: QTableView) -> None:
    """No shown column narrower than its title, and none pushed out of sight sideways."""
    header: QHeaderView = table.horizontalHeader()
    for column in range(header.count()):
        if table.isColumnHidden(column):
            continue
        title = table.model().headerData(column, header.orientation())
        assert table.columnWidth(column) >= header.sectionSizeHint(column), title
    assert table.horizontalScrollBar().maximum() == 0, "a column is off to the side"


def fully_in_view(widget: QWidget, area: QWidget) -> bool:
    """Is ``widget`` wholly inside ``area``'s visible rectangle?"""
    corner = widget.mapTo(area, widget.rect().topLeft())
    return area.rect().contains(QRect(corner, widget.size()))


@pytest.fixture
def fitted(qtbot, store, new_session, open_window):
    """A three-member session, everyone graded, open as the chair; every mode built (the HR
    screens signed in), so that the window's minimum counts all of them."""
    store.add_user("Rhian Evans", "admin", "correct horse battery")
    session_id = new_session(store, "kent-crime-prevention-pcso", panel=(ANN, BOB, PRIYA))
    grade_all(store, session_id, {"m1": 3, "m2": 4, "m3": 3})
    window = open_window(store, session_id)
    window.modes.setCurrentWidget(window.profiles_tab)
    window.modes.setCurrentWidget(window.hr_tab)
    form = window.hr_tab.widget.findChild(SignInForm)
    form.name.setText("Rhian Evans")
    form.passphrase.setText("correct horse battery")
    form.submit()
    window.modes.setCurrentWidget(window.statistics_tab)
    window.modes.setCurrentWidget(window.interview_tab)
    window.showNormal()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.interview.focus_page()
    return window


def test_the_window_opens_within_the_laptops_screen(qtbot, store, open_window):
    """1366x768 with a taskbar: maximized to the usable area, the status bar on screen."""
    window = open_window(store)
    available = window.screen().availableGeometry()
    assert window.frameGeometry().bottom() <= available.bottom()
    assert window.statusBar().isVisible()
    assert window.isMaximized() or window.height() + 40 <= available.height()


def test_the_window_fits_1366x700_at_every_scale(qtbot, fitted):
    window = fitted
    least = window.minimumSizeHint()
    smallest = logical(max(SCALES))  # 683x350
    assert least.width() <= smallest.width() and least.height() <= smallest.height(), least


@pytest.mark.parametrize("scale", SCALES)
def test_each_interview_page_is_usable_at_scale(qtbot, fitted, scale):
    window = fitted
    view = window.interview
    window.resize(logical(scale))
    qtbot.waitUntil(lambda: window.size() == logical(scale))
    QApplication.processEvents()

    # An area: the indicators in view with every column's title, no page scrolled sideways.
    press("Ctrl+I")
    page = view.area_page
    QApplication.processEvents()
    columns_fit_their_titles(page.table)
    assert page.table.isColumnHidden(2) == (scale >= 1.5)  # notes beneath, on a small screen
    rows = page.table.viewport().height() // page.table.rowHeight(0)
    assert rows >= 2, f"{rows} indicator(s) in view"
    assert view.scrolls[Page.AREA].horizontalScrollBar().maximum() == 0
    assert page.compact == (scale > 1)  # descriptors fold on a short page
    grades = page.grade_group.buttons()
    assert all(b.width() >= b.sizeHint().width() for b in grades)  # "4 Exceeds requirements"
    press("D")  # and the keys still work
    assert page.table.currentIndex().row() == 1

    # Consensus: the first agreed grade to type, and the outcome, in view together.
    press("Ctrl+K")
    QApplication.processEvents()
    consensus = view.consensus_page
    columns_fit_their_titles(consensus.table)
    current = consensus.table.visualRect(consensus.table.currentIndex())
    assert consensus.table.viewport().rect().contains(current)
    scroll = view.scrolls[Page.CONSENSUS]
    assert fully_in_view(consensus.table, scroll.viewport())
    assert fully_in_view(consensus.outcome, scroll.viewport())
    assert scroll.horizontalScrollBar().maximum() == 0

    # Sign-off: the control with the keys is in view, and nothing runs off to the side.
    press("Ctrl+Shift+S")
    qtbot.waitUntil(lambda: fully_in_view(focused(), view.scrolls[Page.SIGNOFF].viewport()))
    assert view.scrolls[Page.SIGNOFF].horizontalScrollBar().maximum() == 0

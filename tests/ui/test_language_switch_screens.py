"""Switching language with HR review or Statistics shown leaves no text of the old language on
any screen: every visible word that the catalogue translates reads in the language chosen."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)

from tests.ui.test_keyboard_reach import HR_PASSPHRASE
from ui import i18n
from ui.hr.browser import HrBrowser
from ui.hr.sign_in import SignInForm
from ui.i18n import CATALOGUE_DIR


def english_with_welsh() -> set[str]:
    """Every source text the Welsh catalogue words differently (with its Alt key or not)."""
    found = set()
    root = ET.parse(CATALOGUE_DIR / "pcso_interview_cy.ts").getroot()
    for message in root.iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        welsh = translation.text if translation is not None else None
        whole = source and "{" not in source and "%Ln" not in source  # whole texts only
        if whole and welsh and welsh != source:
            found.add(source)
    return found


def visible_texts(window: QWidget) -> set[str]:
    texts: set[str] = set()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton | QLabel):
            texts.add(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QTabBar):
            texts |= {widget.tabText(i) for i in range(widget.count())}
        elif isinstance(widget, QComboBox):
            texts |= {widget.itemText(i) for i in range(widget.count())}
        if widget.accessibleName():
            texts.add(widget.accessibleName())
    for action in window.menuBar().actions() if hasattr(window, "menuBar") else ():
        texts.add(action.text())
    return texts


def stale(window: QWidget) -> set[str]:
    return visible_texts(window) & english_with_welsh() - {"English", "Cymraeg"}


@pytest.mark.parametrize("mode", ["hr", "statistics"])
def test_switching_with_hr_review_or_statistics_shown_leaves_no_english(
    qtbot, store, new_session, open_window, mode
):
    store.add_user("Rhian Evans", "admin", HR_PASSPHRASE)
    new_session(store)
    window = open_window(store)
    window.modes.setCurrentWidget(window.hr_tab)
    form = window.hr_tab.widget.findChild(SignInForm)
    form.name.setText("Rhian Evans")
    form.passphrase.setText(HR_PASSPHRASE)
    form.submit()
    qtbot.waitUntil(lambda: window.hr_tab.widget.findChild(HrBrowser) is not None)
    if mode == "statistics":
        window.modes.setCurrentWidget(window.statistics_tab)
    QApplication.processEvents()
    before = visible_texts(window) & english_with_welsh()
    assert len(before) > 10
    try:
        window.language_actions["cy"].trigger()
        QApplication.processEvents()
        assert stale(window) == set()
        if mode == "hr":  # HR stays signed in: the browser, not the sign-in form
            assert window.hr_tab.widget.findChild(HrBrowser) is not None
    finally:
        window.language_actions["en"].trigger()
        i18n.install("en")
    QApplication.processEvents()
    assert visible_texts(window) & english_with_welsh() == before

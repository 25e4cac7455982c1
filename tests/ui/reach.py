"""What a keyboard user can reach on a screen: its Alt keys (mnemonics) and the names a screen
reader says for each control that takes the focus. For tests/ui/test_keyboard_reach.py."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic_of(text: str) -> str | None:
    """The Alt key a text marks with '&' ('&&' is a literal ampersand), lower-cased."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Every Alt key that works on the screen now, and what each one belongs to: menus of the
    menu bar, tabs of visible tab bars, visible buttons and group boxes, labels with a buddy."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, what: str) -> None:
        key = mnemonic_of(text)
        if key:
            found[key].append(f"{what} {text!r}")

    if isinstance(window, QMainWindow) and window.menuBar().isVisible():
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text(), "menu")
    for bar in window.findChildren(QTabBar):
        if shown(bar):
            for index in range(bar.count()):
                if bar.isTabEnabled(index) and bar.isTabVisible(index):
                    add(bar.tabText(index), "tab")
    for button in window.findChildren(QAbstractButton):
        if shown(button):
            add(button.text(), type(button).__name__)
    for box in window.findChildren(QGroupBox):
        if shown(box):
            add(box.title(), "group")
    for label in window.findChildren(QLabel):
        if shown(label) and label.buddy() is not None:
            add(label.text(), "label")
    return dict(found)


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {key: owners for key, owners in mnemonics(window).items() if len(owners) > 1}


def menu_clashes(window: QMainWindow) -> dict[str, list[str]]:
    """Within each menu of the menu bar, two entries with the same Alt key."""
    found: dict[str, list[str]] = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        if not isinstance(menu, QMenu):
            continue
        keys: dict[str, list[str]] = defaultdict(list)
        for entry in menu.actions():
            key = mnemonic_of(entry.text())
            if key and entry.isVisible():
                keys[key].append(entry.text())
        found |= {f"{action.text()} {k}": v for k, v in keys.items() if len(v) > 1}
    return found


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for the control (its own name, or its label's text)."""
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def unnamed_focusable(window: QWidget) -> list[str]:
    """Controls that take the focus by Tab or click, are on screen, and have no name: the
    text fields inside a date box or an editable list too (a screen reader lands on them)."""
    missing = []
    for widget in [window, *window.findChildren(QWidget)]:
        takes_focus = widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
        unnamed = not accessible_name(widget)
        if takes_focus and shown(widget) and unnamed:
            missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return missing

"""Typing as a user would, for UI tests (ASCII through QTest, other text key by key)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(text: str, widget: QWidget | None = None) -> None:
    """keyClicks aborts on characters outside Latin-1 (such as ŵ), so send those by hand."""
    for ch in text:
        target = widget or focused()  # the first key may open an editor that takes the rest
        if ord(ch) < 128:
            QTest.keyClicks(target, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                )
    QApplication.processEvents()


def press(sequence: str, widget: QWidget | None = None) -> None:
    """Press a key combination such as 'Ctrl+PgDown' on the focused widget."""
    combo = QKeySequence(sequence)[0]
    QTest.keyClick(widget or focused(), combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()  # a person's keys come between turns of the event loop


def sign_in_turn(view, names: tuple[str, ...]) -> None:
    """Each member signs from the keyboard: Ctrl+Shift+S, tick the declaration, Tab, type the
    name, Enter; the page then waits for the next member."""
    press("Ctrl+Shift+S")
    for name in names:
        assert focused() is view.signoff_page.confirm
        press("Space")
        press("Tab")
        type_text(name)
        press("Return")
        press("Ctrl+Shift+S")

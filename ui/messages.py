"""Message boxes in one place: tell, warn, report an error, ask yes or no.

QMessageBox is imported on first use: the first window shows no message, and the type (with
its enums) costs about a millisecond of start-up. Tests patch QMessageBox's static methods,
which these call at the moment they are used.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid


@contextmanager
def focus_kept() -> Iterator[None]:
    """The keys go back where they were once a box has closed: the window that had them is
    active again and the same control has the focus (a box once left it on the mode tabs or
    nowhere, and the next keys were lost)."""
    before = QApplication.focusWidget()
    try:
        yield
    finally:
        if before is not None and isValid(before) and before.isVisible() and before.isEnabled():
            window = before.window()
            window.activateWindow()
            window.raise_()
            before.setFocus()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    with focus_kept():
        QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    with focus_kept():
        QMessageBox.warning(parent, title, text)


def warn_in_detail(parent: QWidget | None, title: str, text: str, details: str) -> None:
    """A warning whose full account may be long (dozens of files, each with its problem):
    ``details`` behind the box's Show Details button, where it scrolls, so the box itself
    stays the height of ``text`` and its OK button on the screen."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(details)
    with focus_kept():
        box.exec()


def error(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    with focus_kept():
        QMessageBox.critical(parent, title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes or No, No by default: every question here guards something hard to undo."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton
    with focus_kept():
        answer = QMessageBox.question(parent, title, text, buttons.Yes | buttons.No, buttons.No)
    return answer == buttons.Yes

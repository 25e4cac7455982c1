"""Message boxes in one place: tell, warn, report an error, ask yes or no.

QMessageBox is imported on first use: the first window shows no message, and the type (with
its enums) costs about a millisecond of start-up. Tests patch QMessageBox's static methods,
which these call at the moment they are used.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def inform(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes or No, No by default: every question here guards something hard to undo."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(parent, title, text, buttons.Yes | buttons.No, buttons.No)
    return answer == buttons.Yes

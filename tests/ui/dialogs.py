"""Driving a modal dialog opened by exec() from inside the nested event loop, for UI tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def when_modal(kind: type[QDialog], action: Callable, seen: list[str], attempts: int = 300) -> None:
    """Once a ``kind`` dialog is the active modal window, run ``action(dialog)``.

    Failures are appended to ``seen`` (the test asserts on it after exec() returns), and the
    dialog is always rejected afterwards if still open, so a test can never hang on it.
    Call before the key or click that opens the dialog.
    """

    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if not (isinstance(dialog, kind) and QApplication.activeWindow() is dialog):
            if left:
                QTimer.singleShot(10, lambda: poll(left - 1))
                return
            seen.append(f"no active {kind.__name__} appeared")
            if isinstance(dialog, QDialog):
                dialog.reject()
            return
        try:
            action(dialog)
        except BaseException as exc:  # reported by the test after exec() returns
            seen.append(f"{type(exc).__name__}: {exc}")
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, lambda: poll(attempts))

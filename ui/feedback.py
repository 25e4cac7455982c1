"""Plain-words feedback: the saved state, and store calls whose failures are explained."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.store import LockedSessionError, StoreError, UnknownSessionError
from ui import labels, messages
from ui.i18n import translate

T = TypeVar("T")

EXPECTED_ERRORS = (
    SessionRuleError,
    LockedSessionError,
    StoreError,
    UnknownSessionError,
    sqlite3.OperationalError,
)


def explain(error: Exception, *, reading: bool = False) -> str:
    if isinstance(error, LockedSessionError):
        return translate(
            "feedback", "The database refused the change: this session is signed off or withdrawn."
        )
    if isinstance(error, sqlite3.OperationalError) and reading:
        return translate(
            "feedback", "The database could not be read ({error}); try again in a moment."
        ).format(error=error)
    if isinstance(error, sqlite3.OperationalError):
        return translate(
            "feedback",
            "The database could not be written ({error}), so this change "
            "is not saved. Whatever you typed is still on screen; try "
            "again in a moment.",
        ).format(error=error)
    return labels.error_text(error)


class SaveState(QLabel):
    """Shows whether the last change reached the database; words and a symbol, not colour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("SaveState", "Save state"))
        self.setText("")

    def _style(self, sheet: str) -> None:
        """A style sheet re-styles the label (costly on each key): only when it changes."""
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)

    def saved(self) -> None:
        moment = datetime.now().strftime("%H:%M:%S")
        self.setText(translate("SaveState", "✓ Saved {moment}").format(moment=moment))
        self._style("color: #1b5e20;")
        self.setAccessibleDescription(
            translate("SaveState", "Saved at {moment}").format(moment=moment)
        )

    def pending(self) -> None:
        self.setText(translate("SaveState", "… Saving"))
        self._style("color: #6d4c00;")

    def waiting(self, count: int) -> None:
        self.setText(
            translate(
                "SaveState",
                "⏳ Waiting: the database is in use by another program. "
                "{count} change(s) kept on screen, saved as soon as it is "
                "free",
            ).format(count=count)
        )
        self._style("color: #6d4c00; font-weight: bold;")
        self.setAccessibleDescription(
            translate("SaveState", "Waiting to save %Ln change(s)", "", count)
        )

    def failed(self, message: str) -> None:
        self.setText(translate("SaveState", "✗ Not saved: {message}").format(message=message))
        self._style("color: #b00020; font-weight: bold;")
        self.setAccessibleDescription(
            translate("SaveState", "Not saved: {message}").format(message=message)
        )


def attempt(
    parent: QWidget | None,
    call: Callable[[], T],
    state: SaveState | None = None,
    *,
    loud: bool = True,
    reading: bool = False,
    on_failure: Callable[[str], object] | None = None,
) -> tuple[bool, T | None]:
    """Run a store call; on a known failure say why in plain words. Returns (ok, result).

    ``reading`` is for calls that only read: the message then says so, not "not saved".
    ``on_failure`` gets the words of a failure (a quiet call that says it elsewhere)."""
    if state is not None:
        state.pending()
    try:
        result = call()
    except EXPECTED_ERRORS as exc:
        message = explain(exc, reading=reading)
        if on_failure is not None:
            on_failure(message)
        if state is not None:
            state.failed(message)
        if loud:
            messages.warn(
                parent,
                translate("feedback", "Could not read")
                if reading
                else translate("feedback", "Not saved"),
                message,
            )
        return False, None
    if state is not None:
        state.saved()
    return True, result

"""Changes kept while another program holds the database's write lock.

Waiting for the lock on the window's thread froze it ten seconds per key. Instead a change that
meets a busy database is kept, in order, shown on screen as if saved (each knows how to apply
itself to the session shown), and written as soon as the lock frees; one the rules then refuse
is dropped and said in words. Nothing typed is lost and the window never freezes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from pcso_interview.scoring import Classification
from pcso_interview.session import Session
from pcso_interview.store.opening import is_busy
from ui.feedback import EXPECTED_ERRORS, explain

RETRY_MS = 500
Shown = Callable[[Session], Session]


@dataclass(frozen=True)
class Change:
    session_id: str  # the interview it was made in (another may be shown by the time it saves)
    call: Callable[[], Any]  # writes it through the store
    show: Callable[[Session], Session]  # the session as it looks with the change made
    text: str = ""  # what was typed, if anything: named if the window must close without it


class PendingWrites(QObject):
    """A queue of changes waiting for the database, retried every RETRY_MS."""

    waiting = Signal(int)  # changes still waiting (0: all written)
    refused = Signal(str)  # a kept change the database or the rules refused, in words

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.queue: list[Change] = []
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)

    def submit(self, change: Change) -> Any:
        """Write now (returning what the store returned), or keep it if the database is busy
        or earlier changes wait, order being kept (returning None). A refusal is raised."""
        if self.queue:
            self._keep(change)
            return None
        try:
            return change.call()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            self._keep(change)
            return None

    def _keep(self, change: Change) -> None:
        self.queue.append(change)
        self.timer.start()
        self.waiting.emit(len(self.queue))

    def retry(self) -> None:
        while self.queue:
            head = self.queue[0]
            try:
                head.call()
            except sqlite3.OperationalError as exc:
                if is_busy(exc):
                    return  # still held: try again on the next tick
                self.queue.pop(0)
                self.refused.emit(explain(exc))
            except EXPECTED_ERRORS as exc:
                self.queue.pop(0)
                self.refused.emit(explain(exc))
            else:
                self.queue.pop(0)
            self.waiting.emit(len(self.queue))
        self.timer.stop()

    def show(self, session: Session) -> Session:
        """The session with every kept change applied, as the panel member expects to see it."""
        for change in self.queue:
            if change.session_id == session.id:
                session = change.show(session)
        return session


# --- how each kind of change looks before it is written: the aggregate's own ---------------


def classified(member_id: str, indicator_id: str, value: Classification) -> Shown:
    return lambda s: s.with_mark(member_id, indicator_id, classification=value)


def noted(member_id: str, indicator_id: str, text: str) -> Shown:
    return lambda s: s.with_mark(member_id, indicator_id, note=text)


def area_noted(member_id: str, area_id: str, text: str) -> Shown:
    return lambda s: s.with_area_note(member_id, area_id, text)


def graded(member_id: str, area_id: str, grade: int | None) -> Shown:
    return lambda s: s.with_grade(member_id, area_id, grade)


def agreed(area_id: str, grade: int | None, rationale: str) -> Shown:
    return lambda s: s.with_agreed(area_id, grade, rationale)


def asked(area_id: str, text: str) -> Shown:
    return lambda s: s.with_question(area_id, text)

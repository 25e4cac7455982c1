"""Long HR work off the window's thread: exports, statistics and imports over tens of thousands
of sessions, with progress and Stop, so that the window never freezes.

A job runs on a QThread of its own with its own connection to the database (opened there and
closed when the job ends, so that a purge can empty the WAL afterwards): the window's
connection is never shared between threads. The work is a plain function of that connection and
a ``steps`` callback (facts.Steps) that says how far it has got and answers False once Stop has
been pressed; it then raises facts.Stopped and the job ends having written nothing.

``JobBar`` shows a running job (what it is doing, a progress bar, Stop) and, once it ends, what
it did ("Wrote 50,000 session(s) to /home/hr/day.csv") until the next job starts.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from pcso_interview.facts import Steps, Stopped
from pcso_interview.store import Store
from pcso_interview.store.reading import SessionReader
from ui.i18n import QT_TRANSLATE_NOOP, translate

T = TypeVar("T")

# What a job says it is doing: the core's words (pcso_interview.facts.step) and the window's,
# shown through translate("steps", ...); a test keeps this list equal to every step() call's.
STEPS = (
    QT_TRANSLATE_NOOP("steps", "Finding the sessions"),
    QT_TRANSLATE_NOOP("steps", "Reading the sessions"),
    QT_TRANSLATE_NOOP("steps", "Reading the equality data"),
    QT_TRANSLATE_NOOP("steps", "Counting outcomes"),
    QT_TRANSLATE_NOOP("steps", "Adverse impact"),
    QT_TRANSLATE_NOOP("steps", "Assessors' leniency"),
    QT_TRANSLATE_NOOP("steps", "Agreement between assessors"),
    QT_TRANSLATE_NOOP("steps", "Drift by month"),
    QT_TRANSLATE_NOOP("steps", "Done"),
    QT_TRANSLATE_NOOP("steps", "Writing the file"),
    QT_TRANSLATE_NOOP("steps", "Moving the sessions"),
    QT_TRANSLATE_NOOP("steps", "Reading the file"),
    QT_TRANSLATE_NOOP("steps", "Matching candidates"),
)
Work = Callable[[Any, Steps], T]  # (its own connection, steps) -> result
PROGRESS_EVERY_S = 0.05  # at most twenty progress signals a second reach the window

_running: set[_Thread] = set()  # kept alive until they finish, whatever their job's owner does
# While a job runs the window's thread must get Python's lock back quickly: every event it
# handles for a widget written in Python takes the lock, and at the default 5 ms between
# switches a busy worker held a paint of the list back for a quarter of a second.
# And Python's cyclic garbage collector waits: a job makes millions of objects (none of them in
# cycles, freed as they go), and each full collection walked them all holding the lock, longer
# and longer as the job went on (half a second into a 50,000-session statistic).
JOB_SWITCH_INTERVAL_S = 0.0001
JOB_NICENESS = 10
_before = {"interval": sys.getswitchinterval(), "collector": True}


def _thread_started(thread: _Thread) -> None:
    if not _running:
        _before["interval"] = sys.getswitchinterval()
        _before["collector"] = gc.isenabled()
        sys.setswitchinterval(min(JOB_SWITCH_INTERVAL_S, _before["interval"]))
        gc.disable()
    _running.add(thread)


def _thread_ended(thread: _Thread) -> None:
    _running.discard(thread)
    if not _running:
        sys.setswitchinterval(_before["interval"])
        if _before["collector"]:
            gc.enable()


def own_connection(store: SessionReader) -> Callable[[], SessionReader]:
    """How a job opens a connection of its own to the window's database: the laptop's file
    again, or the same force archive as the same login (the password the window's connection
    was given, if it needed one: a job's thread never asks for it)."""
    from pcso_interview.store.archive.read import ArchiveStore

    if isinstance(store, ArchiveStore):
        return store.open_again
    path = store.path

    def open_() -> Store:
        return Store.open(path, thorough=False)

    return open_


class _Thread(QThread):
    progressed = Signal(int, int, str)
    ended = Signal(str, object)  # "done", "stopped" or "failed"; the result or the error

    def __init__(self, work: Work[Any], connect: Callable[[], Any]):
        super().__init__()
        self.work = work
        self.opener = connect
        self.stop = threading.Event()
        self._last = 0.0

    def steps(self, done: int, total: int, what: str) -> bool:
        if self.stop.is_set():
            return False
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY_S or done >= total:
            self._last = now
            self.progressed.emit(done, total, what)
        return not self.stop.is_set()

    def run(self) -> None:
        # Second to the window for the processor too (Linux lets one thread be nicer than
        # the rest): on a busy two-core laptop the window's thread is never kept waiting.
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), JOB_NICENESS)
        connection = None
        try:
            connection = self.opener()
            result = self.work(connection, self.steps)
        except Stopped:
            self.ended.emit("stopped", None)
        except Exception as exc:  # shown to the person in words, not lost in a thread
            self.ended.emit("failed", exc)
        else:
            self.ended.emit("done", result)
        finally:
            if connection is not None:
                connection.close()


class Job(QObject, Generic[T]):
    """One piece of work on its own thread; ``finished`` once, whatever the end."""

    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(
        self,
        title: str,
        work: Work[T],
        connect: Callable[[], Any],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.title = title
        self.state = "waiting"  # then "running", and "done", "stopped" or "failed"
        self.result: T | None = None
        self.error: Exception | None = None
        self._thread = _Thread(work, connect)
        self._thread.progressed.connect(self.progressed)
        self._thread.ended.connect(self._ended)

    def start(self) -> Job[T]:
        self.state = "running"
        _thread_started(self._thread)
        self._thread.finished.connect(lambda: _thread_ended(self._thread))
        self._thread.start()
        return self

    def stop(self) -> None:
        """Ask the work to stop at its next step; it ends "stopped" having written nothing."""
        self._thread.stop.set()

    @property
    def stopping(self) -> bool:
        return self._thread.stop.is_set()

    @property
    def running(self) -> bool:
        return self.state == "running"

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the thread ends (tests, and closing the window); True if it did."""
        return self._thread.wait(milliseconds)

    def _ended(self, state: str, value: object) -> None:
        self.state = state
        if state == "done":
            self.result = value  # type: ignore[assignment]
        elif state == "failed":
            self.error = value if isinstance(value, Exception) else RuntimeError(str(value))
        self.finished.emit()


def wait_for_jobs(milliseconds: int = 30_000) -> None:
    """Every job thread still running ends (the app and the tests call this before closing the
    database)."""
    for thread in list(_running):
        thread.stop.set()
        thread.wait(milliseconds)


class JobBar(QWidget):
    """What a running job is doing, how far it has got, and Stop; then what it did."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.job: Job[Any] | None = None
        self.label = QLabel()
        self.label.setAccessibleName(translate("JobBar", "Progress of the work"))
        self.bar = QProgressBar()
        self.bar.setAccessibleName(translate("JobBar", "Progress"))
        self.bar.setMaximumWidth(260)
        self.stop_button = QPushButton(translate("JobBar", "S&top"))
        self.stop_button.setAccessibleName(translate("JobBar", "Stop the work"))
        self.stop_button.clicked.connect(self.stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop_button)
        # The bar keeps its height whether a job runs or not: a job starting or ending never
        # lays out (and so repaints) the list above it, each of whose cells asks Python.
        for widget in (self.bar, self.stop_button):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
            widget.hide()

    def follow(self, job: Job[Any]) -> None:
        self.job = job
        self.label.setText(translate("JobBar", "{title}…").format(title=job.title))
        self.bar.setRange(0, 0)  # busy until the first progress says how much there is
        self.bar.show()
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        job.progressed.connect(self._progress)
        job.finished.connect(self._hide_controls)

    def _progress(self, done: int, total: int, what: str) -> None:
        if self.job is None or self.job.stopping:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.label.setText(
                translate("JobBar", "{title}: {step} ({done} of {total})").format(
                    title=self.job.title,
                    step=translate("steps", what),
                    done=f"{done:,}",
                    total=f"{total:,}",
                )
            )
        else:
            self.bar.setRange(0, 0)
            self.label.setText(
                translate("JobBar", "{title}: {step}").format(
                    title=self.job.title, step=translate("steps", what)
                )
            )

    def stop(self) -> None:
        if self.job is not None and self.job.running:
            self.job.stop()
            self.stop_button.setEnabled(False)
            self.label.setText(
                translate("JobBar", "{title}: stopping…").format(title=self.job.title)
            )

    def _hide_controls(self) -> None:
        self.bar.hide()
        self.stop_button.hide()

    def say(self, text: str) -> None:
        """The outcome, in words, kept in sight until the next job."""
        self.label.setText(text)

"""Signals during a batch: what stops it, and the few steps it never stops half-way.

Python turns Ctrl+C into KeyboardInterrupt, which unwinds a batch through its ``finally``
blocks (worker processes stopped, temporary files removed). SIGTERM and SIGHUP would kill the
process where it stands instead, so a command-line batch turns them into the same exception
for as long as it runs. Signal handlers belong to the main thread: elsewhere (a window's
background job) both helpers leave everything as it is.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType, TracebackType
from typing import Any

Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None

# `kill PID` and a closed terminal: stop a batch as Ctrl+C does. (SIGHUP is POSIX only.)
STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None
)
HELD_SIGNALS: tuple[signal.Signals, ...] = (signal.SIGINT, *STOP_SIGNALS)


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextmanager
def stop_signals_interrupt() -> Iterator[None]:
    """For the duration, SIGTERM and SIGHUP raise KeyboardInterrupt as Ctrl+C does, so the
    batch unwinds (its workers stopped, no temporary file left) where the default action would
    kill this process alone and leave its workers holding candidates' records; the handlers
    before are put back after."""
    before = _replace(STOP_SIGNALS, _interrupt) if _in_main_thread() else {}
    try:
        yield
    finally:
        _restore(before)


def _replace(
    signums: tuple[signal.Signals, ...], handler: Handler
) -> dict[signal.Signals, Handler]:
    """``handler`` for each signal; the handlers before, to put back. A handler set outside
    Python (getsignal None) could not be put back: it is left alone."""
    before: dict[signal.Signals, Handler] = {}
    for signum in signums:
        current = signal.getsignal(signum)
        if current is not None:
            before[signum] = current
            signal.signal(signum, handler)
    return before


def _restore(before: dict[signal.Signals, Handler]) -> None:
    for signum, handler in before.items():
        signal.signal(signum, handler)


class HeldSignals:
    """Ctrl+C, SIGTERM and SIGHUP wait while the block runs, then ``deliver`` hands the first
    one caught to the handler that was in place (raising KeyboardInterrupt, or the default
    action). For a few steps that must happen whole or not at all: a sheet written under its
    name and registered as issued, never one without the other, and never a temporary file
    left beside it. Main thread only; elsewhere nothing is held."""

    def __init__(self) -> None:
        self.caught: int | None = None
        self._before: dict[signal.Signals, Handler] = {}

    def _hold(self, signum: int, frame: FrameType | None) -> None:
        if self.caught is None:
            self.caught = signum

    def __enter__(self) -> HeldSignals:
        if _in_main_thread():
            self._before = _replace(HELD_SIGNALS, self._hold)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """The handlers are put back; a signal caught meanwhile waits for ``deliver``."""
        _restore(self._before)
        self._before = {}

    def deliver(self) -> None:
        """The signal caught while held, if any, as if it arrived now (after the block)."""
        caught, self.caught = self.caught, None
        if caught is not None:
            signal.raise_signal(caught)

"""Worker processes for a batch of sheets that can never hang it, nor outlive it.

Not concurrent.futures: its pool reads results and feeds work on threads of its own, and a
stopped batch left them waiting on pipes nobody read any more (a worker blocked returning a
sheet, the interpreter's exit waiting for that worker: Ctrl+C hung `pdf` for ever), while a
killed batch left its workers blocked on a queue they held both ends of, with the fork server
and the resource tracker kept alive for them. Here each worker has one pipe, whose other end
only this process holds; nothing runs on another thread; and

- a worker ignores Ctrl+C (the terminal sends it to the whole process group): the batch's
  process decides, and stops the workers;
- the batch stops its workers at once when it ends early, however it ends (Stop, an error,
  Ctrl+C, SIGTERM at the command line), with a bounded wait before they are killed;
- a worker ends by itself when the batch's process is gone, however it went (SIGKILL
  included): its pipe reads end-of-file, or writing to it fails.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

STOP_WAIT_S = 2.0  # for workers to end once told (end-of-file, or SIGTERM), before SIGKILL
AHEAD = 4  # items per worker sent before the batch has taken the earliest result
REPLACED = 4  # workers started in place of dead ones, at most, in one batch


@dataclass(frozen=True)
class Lost:
    """An item whose worker process ended without answering (killed, out of memory...)."""

    how: str  # "killed by SIGKILL", "exit code 1"


def _serve(connection: Connection, work: Callable[[Item], Result]) -> None:
    """A worker: each item it is sent, done and sent back, until its pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with connection:
        while True:
            try:
                item = connection.recv()
            except (EOFError, OSError):  # the batch is over, or its process is gone
                return
            result = work(item)
            try:
                connection.send(result)
            except OSError:  # BrokenPipeError: the batch's process is gone
                return


def context(preload: Sequence[str]) -> Any:
    """A fork server, started clean, with ``preload`` imported once, forks the workers: never
    a fork of a process that runs Qt, and no worker imports reportlab again (spawning each
    would). Spawn where there is no fork server (Windows). (Any: typeshed gives Process to
    each kind of context, not to their base.)"""
    if "forkserver" not in get_all_start_methods():
        return get_context("spawn")
    forkserver = get_context("forkserver")
    forkserver.set_forkserver_preload(list(preload))
    return forkserver


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Ctrl+C held back (pending, not lost) from this thread while a worker starts: a process
    started meanwhile, the fork server the first time, inherits the mask, so Ctrl+C cannot
    reach it before it ignores SIGINT (a fork server hit while importing the sheet's modules
    printed a traceback). Held here, the signal arrives when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no masks, and no fork server
        yield
        return
    from multiprocessing import resource_tracker

    # Started first, as starting it unblocks SIGINT in the calling thread whatever the
    # mask was; running, it is left alone.
    resource_tracker.ensure_running()
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    item: int | None = None  # the index of the item it is doing; None while waiting


def _how_it_ended(process: BaseProcess) -> str:
    code = process.exitcode
    if code is None:
        return "it stopped answering"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


class _Pool(Generic[Item, Result]):
    """The workers of one batch, and the results not yet taken."""

    def __init__(
        self,
        items: Sequence[Item],
        work: Callable[[Item], Result],
        workers: int,
        mp: Any,
    ) -> None:
        self.items, self.work, self.size, self.mp = items, work, max(1, workers), mp
        self.workers: list[_Worker] = []
        self.done: dict[int, Result | Lost] = {}
        self.sent = self.started = 0
        self.last_lost = Lost("")

    def start_worker(self) -> _Worker:
        ours, theirs = self.mp.Pipe()
        process = self.mp.Process(
            target=_serve, args=(theirs, self.work), name="sheet worker", daemon=True
        )
        worker = _Worker(process, ours)
        self.workers.append(worker)  # first, so that stop() finds it whatever happens next
        self.started += 1
        try:
            with _ctrl_c_held():
                process.start()
        finally:
            theirs.close()  # only the worker holds its end: it reads end-of-file when we go
        return worker

    def dispatch(self, taken: int) -> None:
        """Idle workers get the next items, workers started as needed; no more than AHEAD
        per worker past the earliest result not taken, so memory stays bounded. Workers that
        keep dying (one that cannot even start) are replaced REPLACED times at most: then the
        batch goes on with those left, or, with none left, every item left is Lost alike."""
        while self.sent < len(self.items) and self.sent < taken + AHEAD * self.size:
            idle = next((w for w in self.workers if w.item is None), None)
            if idle is None:
                if len(self.workers) >= self.size:
                    return
                if self.started >= self.size + REPLACED:
                    if self.workers:
                        return
                    self.done[self.sent] = self.last_lost
                    self.sent += 1
                    continue
                idle = self.start_worker()
            try:
                idle.connection.send(self.items[self.sent])
            except OSError:  # it ended while waiting
                self.done[self.sent] = self.retire(idle)
            else:
                idle.item = self.sent
            self.sent += 1

    def collect(self, block: bool) -> None:
        """Results from the workers that have one (waiting for one if ``block``)."""
        busy = [w for w in self.workers if w.item is not None]
        assert busy or not block, "waiting for a result no worker is making"
        if not busy:
            return
        ready = wait([w.connection for w in busy], timeout=None if block else 0)
        for worker in [w for w in busy if w.connection in ready]:
            assert worker.item is not None
            try:
                self.done[worker.item] = worker.connection.recv()
            except (EOFError, OSError):  # it ended without answering
                self.done[worker.item] = self.retire(worker)
            else:
                worker.item = None

    def retire(self, worker: _Worker) -> Lost:
        """A worker that ended by itself: reaped, and how it ended."""
        self.workers.remove(worker)
        worker.process.join(STOP_WAIT_S)
        self.last_lost = Lost(_how_it_ended(worker.process))
        _stop([worker], at_once=True)
        return self.last_lost

    def results(self) -> Generator[Result | Lost, None, None]:
        taken = 0
        try:
            while taken < len(self.items):
                self.collect(block=False)
                self.dispatch(taken)
                if taken in self.done:
                    yield self.done.pop(taken)
                    taken += 1
                else:  # the earliest is with a busy worker
                    self.collect(block=True)
        finally:
            _stop(self.workers, at_once=taken < len(self.items))


def _stop(workers: list[_Worker], *, at_once: bool) -> None:
    """Every worker ended within a bounded wait. At once (the batch ended early): SIGTERM,
    whatever a worker is doing, even blocked handing back a sheet nobody will read. Otherwise
    each is idle, and its pipe closed ends it; SIGTERM, then SIGKILL, for one that does not."""
    started = [w for w in workers if w.process.pid is not None]
    if at_once:
        for worker in started:  # before the pipes close, which would end the idle ones
            if worker.process.is_alive():  # so a pid the system gave again is never signalled
                worker.process.terminate()
    for worker in workers:
        worker.connection.close()
    deadline = time.monotonic() + STOP_WAIT_S
    for worker in started:
        worker.process.join(max(0.0, deadline - time.monotonic()))
    for worker in started:
        if worker.process.exitcode is None:
            worker.process.terminate()
            worker.process.join(STOP_WAIT_S)
        if worker.process.exitcode is None:
            worker.process.kill()
            worker.process.join(STOP_WAIT_S)
        if worker.process.exitcode is not None:
            worker.process.close()
    workers.clear()


def in_workers(
    items: Sequence[Item],
    work: Callable[[Item], Result],
    *,
    preload: Sequence[str] = (),
    workers: int | None = None,
) -> Generator[Result | Lost, None, None]:
    """``work(item)`` for each item, in order, done by worker processes (one per core by
    default); Lost for an item whose worker ended without answering (a new worker takes the
    next). ``work`` and the items travel by pickle: a module-level function. Closing the
    generator early stops every worker at once."""
    pool = _Pool(items, work, workers or os.cpu_count() or 1, context(preload))
    yield from pool.results()

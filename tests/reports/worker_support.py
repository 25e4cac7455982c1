"""Work for the worker-process tests: module-level, so a worker process can import it."""

from __future__ import annotations

import os
import signal
import threading

DIES_ON = 3


def pid_or_death(n: int) -> int:
    """The worker's pid; the worker killed outright (as the kernel's OOM killer would) on
    DIES_ON."""
    if n == DIES_ON:
        os.kill(os.getpid(), signal.SIGKILL)
    return os.getpid()


def first_then_forever(n: int) -> int:
    """Item 0 answers at once; every other never finishes (a sheet still being built)."""
    if n:
        threading.Event().wait()
    return os.getpid()


def never(n: int) -> int:
    """A worker that cannot start work at all (it dies before its first item is done)."""
    os._exit(1)

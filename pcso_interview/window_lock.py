"""One window writes to a database at a time; a second opens it read-only.

Two windows on one database overwrote each other silently (B's classification replaced A's, A's
undo then put back a stale value). The first window holds an advisory lock on a file beside the
database; a second finds it held and opens read-only, saying so. An flock lock (not SQLite's
POSIX locks) on a file of its own: no other descriptor closing in the process can drop it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

LOCKED_BYTE = 4096  # Windows locks one byte here, beyond the holder's name


def lock_path(db_path: Path) -> Path:
    return Path(f"{db_path}.window-lock")


class WindowLock:
    """Held while the window that writes to ``db_path`` is open."""

    def __init__(self, db_path: Path):
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def acquire(self) -> str:
        """Take the lock; empty on success, else who holds it ("pid N")."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            holder = ""
            with contextlib.suppress(OSError):  # a held lock is a held lock, named or not
                os.lseek(fd, 0, os.SEEK_SET)
                holder = os.read(fd, 64).decode("ascii", "replace").strip()
            os.close(fd)
            return holder or "another window"
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"pid {os.getpid()}".encode("ascii"))
        self._fd = fd
        return ""

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        # A byte past the holder's "pid N": Windows' lock keeps every other process from
        # reading the bytes it covers, and the second window reads the name there.
        os.lseek(fd, LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]  # Windows only
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True

"""Writing files so that a crash never leaves half a file under the final name."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from pcso_interview.phrases import Phrase, PhrasedError

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


class ProtectedFileError(PhrasedError, OSError):
    """The chosen file is a database (or a part of one): an export never replaces it."""


def is_database_file(path: Path) -> bool:
    """An SQLite database (a laptop's, a backup) or its -wal, -shm or -journal beside one.
    Read by its first bytes, not its name: a database is called whatever the user chose."""
    path = Path(path)
    for suffix in SQLITE_COMPANIONS:
        if path.name.endswith(suffix) and is_database_file(
            path.with_name(path.name[: -len(suffix)])
        ):
            return True
    # Not there, a folder, a pipe or a device: nothing to protect, and opening a named pipe to
    # read it would wait for a writer.
    if not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:  # unreadable: nothing here to protect
        return False


def write_atomic(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Temp file beside the target, fsync, rename; readable by the owner only (personal data).

    A database is never replaced: a save dialog confirms "Replace?", and `export -o` replaced
    whatever it was given, so picking sessions.db by mistake lost every session in it. With
    ``replace=False`` no file is: FileExistsError if ``path`` exists, even one made by another
    program since the caller looked (a batch of sheets never overwrites another's sheet)."""
    path = Path(path)
    if is_database_file(path):
        raise ProtectedFileError(Phrase.of("error.file.database"))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        if replace:
            os.replace(tmp, path)
        else:
            _name_new(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _name_new(tmp: str, path: Path) -> None:
    """Give the written temp file the name ``path`` only if nothing has it: a hard link is
    made whole or fails (FileExistsError), where a rename would replace. A file system without
    hard links (FAT on a USB stick) is checked just before the rename instead."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (EPERM, ENOTSUP...)
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(tmp, path)
    else:
        os.unlink(tmp)

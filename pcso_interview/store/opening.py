"""Opening a database safely: refuse what we must not touch, back up, then migrate.

Every refusal is a StoreError whose message is meant for the user, and leaves the file as it
was. A copy is kept in the backups folder at each start with SQLite's backup API.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from pcso_interview.paths import backups_dir
from pcso_interview.store.schema import SCHEMA_VERSION

BACKUPS_KEPT = 10
BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """A problem with the database, in words for the user."""


class NewerDatabaseError(StoreError):
    pass


class RecordDamagedError(StoreError):
    """A record that cannot be read as a whole (a row it needs is missing)."""


class ReadOnlyDatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    """The file is damaged; carries the newest good backup, if any, so the app can offer it."""

    def __init__(self, path: Path, detail: str, newest_good_backup: Path | None):
        super().__init__(path, detail, newest_good_backup)
        self.path = path
        self.detail = detail
        self.newest_good_backup = newest_good_backup

    def __str__(self) -> str:
        text = f"The database {self.path} is damaged and cannot be opened ({self.detail})."
        if self.newest_good_backup is not None:
            text += f" The newest good backup is {self.newest_good_backup}."
        else:
            text += " No good backup was found."
        return text


def _read_only_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check_database_file(path: Path, *, thorough: bool = True) -> int:
    """The file's schema version; raise if it is damaged. Opens read-only, changes nothing.

    ``thorough`` reads every page (PRAGMA quick_check), which takes seconds on a large
    database; without it only the header and the schema are read. The app checks quickly at
    start and thoroughly in the background before its start-up backup.
    """
    try:
        conn = _read_only_connection(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = conn.execute("PRAGMA quick_check").fetchall() if thorough else [("ok",)]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(path, str(exc), newest_good_backup(path)) from None
    if result != [("ok",)]:
        # One row may hold many lines ("*** in database main ***\nPage 314: ..."): keep the
        # first few problems on one line, so the message stays one line on stderr.
        lines = [
            line.strip()
            for r in result
            for line in str(r[0]).splitlines()
            if line.strip() and not line.startswith("***")
        ]
        detail = "; ".join(lines[:3]) + ("; ..." if len(lines) > 3 else "")
        raise CorruptDatabaseError(path, detail, newest_good_backup(path))
    return int(version)


def _is_writable(path: Path) -> bool:
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    file_ok = not path.exists() or os.access(path, os.W_OK)
    return folder_ok and file_ok


def prepare_path(path: Path, *, thorough: bool = True) -> int | None:
    """Make sure the database can be opened for writing; its schema version, None if new."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise ReadOnlyDatabaseError(
            f"Cannot create the folder {path.parent} for the database ({exc.strerror})."
        ) from None
    exists = path.exists() and path.stat().st_size > 0
    # Before reading the file: SQLite cannot even read a WAL database in a read-only folder
    # (it needs the -shm file), which would otherwise be reported as damaged.
    if not _is_writable(path):
        raise ReadOnlyDatabaseError(
            f"The database {path} (or its folder) is read-only, so nothing could be saved. "
            "Choose a writable location with --db; the file has not been changed."
        )
    version = None
    if exists:
        version = check_database_file(path, thorough=thorough)
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(
                f"The database {path} was written by a newer version of pcso-interview "
                f"(schema {version}; this version knows {SCHEMA_VERSION}). Update the app; "
                "the file has not been changed."
            )
    if not exists:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)
    return version


def configure(conn: sqlite3.Connection) -> None:
    """WAL, full sync (a laptop that dies mid-interview loses nothing), foreign keys on."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"Could not switch the database to WAL mode (got {mode}).")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def _last_change(path: Path) -> int | None:
    """The newest audit row's id: every change writes one, so equal ids mean equal data."""
    try:
        conn = _read_only_connection(path)
        try:
            return conn.execute("SELECT max(id) FROM audit").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None


def backup_database(
    path: Path, label: str = "start", *, skip_if_unchanged: bool = False
) -> Path | None:
    """Copy the database with SQLite's backup API into the backups folder; keep the last 10.

    With ``skip_if_unchanged`` no copy is made when the newest backup already holds every
    change (a large database opened ten times a day would otherwise fill the disk).
    """
    if skip_if_unchanged:
        newest = next(iter(list_backups(path)), None)
        last = _last_change(path)
        if newest is not None and last is not None and _last_change(newest) == last:
            return None
    folder = backups_dir(path)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / f"{path.stem}-{_stamp()}-{label}.db"
    _copy(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000), target)
    for old in list_backups(path)[BACKUPS_KEPT:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def list_backups(path: Path) -> list[Path]:
    """Backups of this database, newest first."""
    folder = backups_dir(path)
    if not folder.is_dir():
        return []
    # Only this database's own backups: "sessions-<stamp>-<label>.db", not those of a
    # neighbour such as sessions-training.db, which the bare glob "sessions-*.db" also matches.
    own = re.compile(re.escape(path.stem) + r"-\d{8}T\d{12}Z-.+\.db")
    found = (p for p in folder.glob(f"{path.stem}-*.db") if own.fullmatch(p.name))
    return sorted(found, reverse=True)


def newest_good_backup(path: Path) -> Path | None:
    for candidate in list_backups(path):
        try:
            version = check_database_file(candidate)
        except CorruptDatabaseError:
            continue
        if version <= SCHEMA_VERSION:
            return candidate
    return None


def restore_backup(path: Path, backup: Path) -> Path:
    """Put a backup in place of a damaged database; the damaged file is kept aside, not lost."""
    kept = path.with_name(f"{path.name}.damaged-{_stamp()}")
    path.replace(kept)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(kept.with_name(kept.name + suffix))
    _copy(_read_only_connection(backup), path)
    return kept


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy a whole database with SQLite's backup API into a new file for the owner only."""
    try:
        fd = os.open(target, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    with contextlib.suppress(OSError):
        os.chmod(target, 0o600)

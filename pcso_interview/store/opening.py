"""Opening a database safely: refuse what we must not touch, back up, then migrate.

Every refusal is a StoreError whose message is meant for the user, and leaves the file as it
was. A copy is kept in the backups folder at each start with SQLite's backup API.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pcso_interview.files import SQLITE_COMPANIONS
from pcso_interview.paths import backups_dir
from pcso_interview.phrases import Phrase, PhrasedError
from pcso_interview.store.schema import SCHEMA_VERSION

BACKUPS_KEPT = 10
BUSY_TIMEOUT_MS = 10_000


class StoreError(PhrasedError):
    """A problem with the database, in words for the user (a phrase where the screens word it)."""


class NewerDatabaseError(StoreError):
    pass


class OpenElsewhereError(StoreError):
    """This window opened the database read-only: another window writes to it."""


class RecordDamagedError(StoreError):
    """A record that cannot be read as a whole (a row it needs is missing)."""


class BusyDatabaseError(StoreError):
    """Another program holds the database: it is in use, not damaged, and is left alone."""

    def __init__(self, path: Path, holder: str = ""):
        who: str | Phrase = Phrase.of("error.db.holder", holder=holder) if holder else ""
        super().__init__(Phrase.of("error.db.busy", path=str(path), who=who))
        self.path = path
        self.holder = holder


def is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked" or "busy": another connection holds a lock."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def holder_of(path: Path) -> str:
    """Who else holds a lock on the database or its WAL files, as "name (pid N)"; empty when
    nobody does or the system does not say (the kernel's lock table is Linux's)."""
    inodes = set()
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            inodes.add(os.stat(f"{path}{suffix}").st_ino)
    try:
        table = Path("/proc/locks").read_text()
    except OSError:
        return ""
    for line in table.splitlines():
        fields = line.split()
        try:
            pid, inode = int(fields[4]), int(fields[5].rsplit(":", 1)[1])
        except (IndexError, ValueError):
            continue
        if inode in inodes and pid != os.getpid():
            try:
                name = Path(f"/proc/{pid}/comm").read_text().strip()
            except OSError:
                name = "a program"
            return f"{name}, pid {pid}"
    return ""


class ReadOnlyDatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    """The file is damaged; carries the newest good backup, if any, so the app can offer it."""

    def __init__(self, path: Path, detail: str, newest_good_backup: Path | None):
        Exception.__init__(self, path, detail, newest_good_backup)
        self.path = path
        self.detail = detail
        self.newest_good_backup = newest_good_backup
        damaged = Phrase.of("error.db.damaged", path=str(path), detail=detail)
        wal = Path(f"{path}-wal")
        with contextlib.suppress(OSError):
            if wal.stat().st_size > 0:  # a good file copied over one whose WAL stayed behind
                damaged = Phrase.of("error.db.damaged.wal", damaged=damaged, wal=str(wal))
        self.phrase = (
            Phrase.of("error.db.damaged.backup", damaged=damaged, backup=str(newest_good_backup))
            if newest_good_backup is not None
            else Phrase.of("error.db.damaged.no_backup", damaged=damaged)
        )

    def __str__(self) -> str:
        return str(self.phrase)


def _read_only_connection(path: Path, timeout: float = 0) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)


def _frozen_connection(path: Path) -> sqlite3.Connection:
    """A backup, read as a file nobody writes: no locks taken, no -wal or -shm left beside it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def check_database_file(path: Path, *, thorough: bool = True, timeout: float | None = None) -> int:
    """The file's schema version; raise if it is damaged. Opens read-only, changes nothing.

    ``thorough`` reads every page (PRAGMA quick_check), which takes seconds on a large
    database; without it only the header and the schema are read. The app checks quickly at
    start and thoroughly in the background before its start-up backup. A file another program
    holds is busy, never damaged: only a file that opens and fails the check is.
    """
    if timeout is None:
        timeout = BUSY_TIMEOUT_MS / 1000
    try:
        conn = _read_only_connection(path, timeout)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = conn.execute("PRAGMA quick_check").fetchall() if thorough else [("ok",)]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise BusyDatabaseError(path, holder_of(path)) from None
        if "unable to open" in str(exc):
            raise StoreError(f"The database {path} cannot be opened ({exc}).") from None
        raise CorruptDatabaseError(path, str(exc), newest_good_backup(path)) from None
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
            Phrase.of("error.db.folder", folder=str(path.parent), reason=str(exc.strerror))
        ) from None
    if path.is_dir():  # SQLite would call it damaged ("disk I/O error")
        raise StoreError(Phrase.of("error.db.is_folder", path=str(path)))
    exists = path.exists() and path.stat().st_size > 0
    # Before reading the file: SQLite cannot even read a WAL database in a read-only folder
    # (it needs the -shm file), which would otherwise be reported as damaged.
    if not _is_writable(path):
        raise ReadOnlyDatabaseError(Phrase.of("error.db.read_only", path=str(path)))
    version = None
    if exists:
        version = check_database_file(path, thorough=thorough)
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(
                Phrase.of(
                    "error.db.newer",
                    path=str(path),
                    version=str(version),
                    known=str(SCHEMA_VERSION),
                )
            )
    if not exists:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)
    return version


# Every commit reaches the disk before the app goes on: a laptop that loses power mid-interview
# loses nothing. (The test suite lowers it to NORMAL, which a killed process also survives.)
SYNCHRONOUS = "FULL"


def configure(conn: sqlite3.Connection) -> None:
    """WAL, full sync (a laptop that dies mid-interview loses nothing), foreign keys on."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"Could not switch the database to WAL mode (got {mode}).")
    conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Deleted content is overwritten with zeros, not left in free pages (purge, and old text
    # replaced as notes are typed).
    conn.execute("PRAGMA secure_delete = ON")


def compact(conn: sqlite3.Connection) -> bool:
    """Rewrite the file without its free pages, then empty the WAL: deleted rows leave no
    bytes behind. False when another connection kept the WAL from being emptied."""
    conn.execute("VACUUM")
    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy


def remove_backups_holding(path: Path, session_ids: set[str]) -> list[Path]:
    """Remove every backup of the database holding any of these sessions (purged ones must
    not live on in a copy); returns the backups removed."""
    removed = []
    folder = backups_dir(path)
    for backup in sorted(folder.glob("*.db")) if folder.is_dir() else ():
        try:
            conn = _frozen_connection(backup)
            try:
                marks = ",".join("?" * len(session_ids))
                held = conn.execute(
                    f"SELECT 1 FROM sessions WHERE id IN ({marks}) LIMIT 1", list(session_ids)
                ).fetchone()
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            held = True  # unreadable: it may hold them, and it is no use as a backup either
        if held:
            _remove_with_sidecars(backup)
            removed.append(backup)
    return removed


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def _last_change(path: Path, *, backup: bool = False) -> int | None:
    """The newest audit row's id: every change writes one, so equal ids mean equal data."""
    try:
        conn = _frozen_connection(path) if backup else _read_only_connection(path)
        try:
            last = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
            return None if last is None else int(last)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None


BACKUP_NAME = r"-(?P<stamp>\d{8}T\d{12}Z)-(?P<label>.+)\.db"
EXPECTED_TABLES = {"sessions", "members", "audit", "profile_snapshots"}


def backup_database(
    path: Path, label: str = "start", *, skip_if_unchanged: bool = False
) -> Path | None:
    """Copy the database with SQLite's backup API into the backups folder; keep the last 10.

    The copy is written under a temporary name and kept only once it opens, passes the
    integrity check and holds the app's tables: a full disk leaves no file, never an empty or
    broken "backup". With ``skip_if_unchanged`` no copy is made when the newest backup already
    holds every change (a large database opened ten times a day would otherwise fill the disk).
    """
    folder = backups_dir(path)
    if skip_if_unchanged:
        newest = next(iter(list_backups(path)), None)
        last = _last_change(path)
        if newest is not None and last is not None and _last_change(newest, backup=True) == last:
            return None
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    clean_orphans(folder)
    target = folder / f"{path.stem}-{_stamp()}-{label}.db"
    partial = folder / f".{target.name}.partial"
    try:
        _copy(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000), partial)
        check_backup(partial)
        os.replace(partial, target)
    except BaseException:
        _remove_with_sidecars(partial)
        raise
    for old in list_backups(path)[BACKUPS_KEPT:]:
        _remove_with_sidecars(old)
    return target


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", *SQLITE_COMPANIONS):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def clean_orphans(folder: Path, now: float | None = None) -> list[Path]:
    """Leftovers in the backups folder: -wal, -shm and -journal files (backups are single
    files, read without writing; older versions' read-only checks left these), and copies cut
    short over an hour ago (a younger one may be another window's copy in progress)."""
    import time

    now = time.time() if now is None else now
    removed = []
    for leftover in folder.iterdir() if folder.is_dir() else ():
        name = leftover.name
        sidecar = name.endswith(SQLITE_COMPANIONS) and ".partial" not in name
        try:
            stale = ".partial" in name and now - leftover.stat().st_mtime > 3600
        except OSError:
            continue
        if sidecar or stale:
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def list_backups(path: Path) -> list[Path]:
    """Backups of this database, newest first."""
    folder = backups_dir(path)
    if not folder.is_dir():
        return []
    # Only this database's own backups: "sessions-<stamp>-<label>.db", not those of a
    # neighbour such as sessions-training.db, which the bare glob "sessions-*.db" also matches.
    own = re.compile(re.escape(path.stem) + BACKUP_NAME)
    found = (p for p in folder.glob(f"{path.stem}-*.db") if own.fullmatch(p.name))
    return sorted(found, reverse=True)


@dataclass(frozen=True)
class BackupInfo:
    """A backup as restore-backup lists it: when, why, how many sessions, and whether good."""

    path: Path
    taken: str  # "2026-11-29 09:00:01 UTC"
    label: str
    sessions: int = 0
    problem: str = ""  # why it cannot be restored; empty when good

    @property
    def good(self) -> bool:
        return not self.problem


def check_backup(path: Path) -> int:
    """The number of sessions in a backup; raise StoreError unless it is a whole database of
    this app that passes SQLite's integrity check. A 0-byte file is a valid empty SQLite
    database, so the schema and content are checked, not only that it opens."""
    if path.stat().st_size == 0:
        raise StoreError("empty (0 bytes)")
    try:
        conn = _frozen_connection(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            result = conn.execute("PRAGMA integrity_check").fetchall()
            count = (
                conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
                if "sessions" in tables
                else 0
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"damaged ({exc})") from None
    if result != [("ok",)]:
        raise StoreError(f"damaged ({str(result[0][0]).splitlines()[0]})")
    if not tables >= EXPECTED_TABLES or version < 1:
        raise StoreError("not a pcso-interview database (its tables are missing)")
    if version > SCHEMA_VERSION:
        raise StoreError(f"written by a newer version (schema {version})")
    return int(count)


def backup_taken(path: Path, backup: Path) -> str:
    """When a backup of ``path`` was taken, from its name: "2026-11-29 09:00:01 UTC"."""
    match = re.fullmatch(re.escape(path.stem) + BACKUP_NAME, backup.name)
    if match is None:
        return backup.name
    stamp = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ")
    return stamp.strftime("%Y-%m-%d %H:%M:%S UTC")


def backup_candidates(path: Path) -> list[BackupInfo]:
    """Every backup of the database, newest first, each checked."""
    found = []
    own = re.compile(re.escape(path.stem) + BACKUP_NAME)
    for backup in list_backups(path):
        match = own.fullmatch(backup.name)
        assert match is not None
        taken = backup_taken(path, backup)
        try:
            found.append(BackupInfo(backup, taken, match["label"], check_backup(backup)))
        except (StoreError, OSError) as exc:
            found.append(BackupInfo(backup, taken, match["label"], problem=str(exc)))
    return found


def newest_good_backup(path: Path) -> Path | None:
    return next((b.path for b in backup_candidates(path) if b.good), None)


def _check_not_held(path: Path) -> None:
    """Refuse when another program has the database open: restoring under it would leave it
    writing into a file set aside, and its work would be lost."""
    holder = holder_of(path)
    if holder:
        raise BusyDatabaseError(path, holder)
    try:
        conn = sqlite3.connect(path, timeout=0)
        try:
            conn.execute("BEGIN EXCLUSIVE")
            conn.rollback()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise BusyDatabaseError(path) from None
    except sqlite3.DatabaseError:
        pass  # too damaged to lock: nobody can be using it


def restore_backup(path: Path, backup: Path) -> Path:
    """Put a backup in place of a damaged database; the damaged file is kept aside, not lost,
    and the restored file is backed up as the newest backup.

    Refused (BusyDatabaseError) while another program holds the database, and (StoreError)
    when the backup is not a good one."""
    check_backup(backup)
    _check_not_held(path)
    kept = path.with_name(f"{path.name}.damaged-{_stamp()}")
    path.replace(kept)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(kept.with_name(kept.name + suffix))
    _copy(_frozen_connection(backup), path)
    # The restored file backed up at once: the backups are the anchor of the audit trail's
    # end (audit_anchor), and the newer ones hold rows the restore took back.
    with contextlib.suppress(StoreError, OSError, sqlite3.DatabaseError):
        backup_database(path, label="restored")
    return kept


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy a whole database with SQLite's backup API into a new file for the owner only,
    as a single file (rollback journal, not WAL): nothing is left beside it when read."""
    try:
        # Take the read lock first, within the busy timeout: Python's backup() itself waits
        # for ever on a database another program holds exclusively.
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        fd = os.open(target, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise BusyDatabaseError(target) from None
        raise
    finally:
        source.close()
    with contextlib.suppress(OSError):
        os.chmod(target, 0o600)

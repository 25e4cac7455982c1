"""SQLite through sqlite-utils: schema, migrations and every query. The only SQL in the app."""

from pcso_interview.store.opening import (
    BackupInfo,
    BusyDatabaseError,
    CorruptDatabaseError,
    NewerDatabaseError,
    OpenElsewhereError,
    ReadOnlyDatabaseError,
    RecordDamagedError,
    StoreError,
    backup_candidates,
    list_backups,
    newest_good_backup,
    restore_backup,
)
from pcso_interview.store.records import LockedSessionError, SessionRow, UnknownSessionError
from pcso_interview.store.schema import SCHEMA_VERSION
from pcso_interview.store.store import Store, iso, utc_now

_REVIEW = {
    "AuditEntry",
    "IssuedPart",
    "PurgeResult",
    "SessionPage",
    "SessionQuery",
    "Verification",
}


def __getattr__(name: str) -> object:
    """HR's records load on first use: the app's first window lists sessions without them."""
    if name in _REVIEW:
        from pcso_interview.store import review

        return getattr(review, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "AuditEntry",
    "BackupInfo",
    "BusyDatabaseError",
    "CorruptDatabaseError",
    "IssuedPart",
    "LockedSessionError",
    "NewerDatabaseError",
    "OpenElsewhereError",
    "ReadOnlyDatabaseError",
    "RecordDamagedError",
    "SessionPage",
    "SessionQuery",
    "SessionRow",
    "Store",
    "StoreError",
    "UnknownSessionError",
    "Verification",
    "backup_candidates",
    "iso",
    "list_backups",
    "newest_good_backup",
    "restore_backup",
    "utc_now",
]

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
from pcso_interview.store.review import (
    AuditEntry,
    IssuedPart,
    PurgeResult,
    SessionGroup,
    SessionPage,
    SessionQuery,
    Verification,
)
from pcso_interview.store.schema import SCHEMA_VERSION
from pcso_interview.store.store import Store, iso, utc_now

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
    "PurgeResult",
    "ReadOnlyDatabaseError",
    "RecordDamagedError",
    "SessionGroup",
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

"""SQLite through sqlite-utils: schema, migrations and every query. The only SQL in the app."""

from pcso_interview.store.opening import (
    CorruptDatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
    list_backups,
    newest_good_backup,
    restore_backup,
)
from pcso_interview.store.records import (
    AuditEntry,
    LockedSessionError,
    SessionPage,
    SessionQuery,
    SessionRow,
    UnknownSessionError,
    Verification,
)
from pcso_interview.store.schema import SCHEMA_VERSION
from pcso_interview.store.store import Store, iso, utc_now

__all__ = [
    "SCHEMA_VERSION",
    "AuditEntry",
    "CorruptDatabaseError",
    "LockedSessionError",
    "NewerDatabaseError",
    "ReadOnlyDatabaseError",
    "SessionPage",
    "SessionQuery",
    "SessionRow",
    "Store",
    "StoreError",
    "UnknownSessionError",
    "Verification",
    "iso",
    "list_backups",
    "newest_good_backup",
    "restore_backup",
    "utc_now",
]

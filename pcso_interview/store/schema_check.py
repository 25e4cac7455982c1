"""Is the file's schema the one the migrations make? Triggers removed, changed or added, and
tables or indexes redefined, found by comparing the file with a database the migrations build.

The triggers refuse forgeries, but sqlite3 can drop them (``DROP TRIGGER``) or, with
``PRAGMA writable_schema``, point one at another table while the count of triggers and
SQLite's integrity check stay as they were. Neither touches a row, so the chain and the
digests cannot show it; this comparison does. The expected schema is built once per process
in memory (a few tens of milliseconds) and compared by name, table and SQL, whitespace
normalised.

What the app does about it: it names each one (``check``, and the start-up check in the
window, which then makes no backup of the file), and otherwise keeps working. It does not
refuse to write: a panel mid-interview must be able to go on, and every record's proof is the
audit chain and its digests, which ``check`` still verifies without the triggers. Nor does it
put the triggers back by itself: that would erase the one sign that someone changed the file
outside the app. Restoring a backup (``restore-backup --force``) brings them back.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from functools import cache

from pcso_interview.store.integrity import Finding

# Not the app's own definitions: SQLite's internals, sqlite-utils' record of the migrations
# (its SQL is that library's, whichever version made the file) and the search index's shadow
# tables (FTS5 makes them).
_IGNORED = re.compile(
    r"sqlite_.*|_sqlite_migrations|idx__sqlite_migrations_.*"
    r"|sessions_fts_(data|idx|docsize|config|content)"
)
_OUTSIDE = "someone changed the file outside the app"
_KINDS = {"trigger": "protection", "table": "table", "index": "index"}

Schema = dict[tuple[str, str], tuple[str, str]]  # (type, name) -> (table, SQL)


def _normalised(sql: str) -> str:
    return " ".join(sql.split())


def schema_of(conn: sqlite3.Connection) -> Schema:
    """A database's triggers, tables and indexes: each one's table and SQL."""
    return {
        (kind, name): (table, _normalised(sql))
        for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
            " WHERE type IN ('trigger', 'table', 'index') AND sql IS NOT NULL"
        )
        if not _IGNORED.fullmatch(name)
    }


@cache
def expected_schema() -> Schema:
    """What the migrations make, built once per process in a database in memory."""
    import sqlite_utils

    from pcso_interview.store.schema import build_migrations

    conn = sqlite3.connect(":memory:")
    try:
        build_migrations().apply(sqlite_utils.Database(conn))
        return schema_of(conn)
    finally:
        conn.close()


def schema_findings(conn: sqlite3.Connection) -> Iterator[Finding]:
    """Each trigger missing, changed or added, and each table or index of the app missing or
    changed, in the file ``conn`` reads. Tables and indexes added are left alone: they
    change no row. A file without the search index (an SQLite without FTS5 made it) is not
    expected to have the index's triggers."""
    expected = expected_schema()
    found = schema_of(conn)
    has_search = ("table", "sessions_fts") in found
    for (kind, name), (table, sql) in sorted(expected.items()):
        if name.startswith("sessions_fts") and not has_search:
            continue
        what = f"the database's {_KINDS[kind]} '{name}'"
        if (kind, name) not in found:
            yield Finding("schema", f"{what} was removed: {_OUTSIDE}")
        elif found[kind, name] != (table, sql):
            now_on = found[kind, name][0]
            where = f" (it now acts on '{now_on}', not '{table}')" if now_on != table else ""
            yield Finding("schema", f"{what} was changed{where}: {_OUTSIDE}")
    for kind, name in sorted(found.keys() - expected.keys()):
        if kind == "trigger":
            yield Finding(
                "schema", f"the database has a trigger '{name}' the app never made: {_OUTSIDE}"
            )

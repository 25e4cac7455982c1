"""Sessions the file no longer holds, as the audit trail and the other tables still name them.

Only a purge removes a session, and it leaves a purge row and blanks the session's words. A
session deleted any other way (the triggers dropped, or plain sqlite3 past its retention,
which the triggers allow) leaves its audit rows as they were and no purge row: the record
is gone and nothing said so. Rows of other tables that name a session not in the file are
what such a delete left behind, or were slipped in with foreign keys off.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pcso_interview.store.identity import NO_SESSION
from pcso_interview.store.integrity import Finding

if TYPE_CHECKING:
    from pcso_interview.store.session_rows import SessionRecords

# Every table whose rows belong to one session (the register of issued sheets included: a
# purge takes a session's rows from it in the same transaction).
SESSION_TABLES = (
    "members",
    "questions",
    "marks",
    "area_notes",
    "grades",
    "agreed",
    "signoffs",
    "sheets",
    "issued_sheets",
    "revisions",
    "member_secrets",
    "session_campaigns",
    "equality",
)


def gone_findings(store: SessionRecords) -> Iterator[Finding]:
    """Sessions the audit trail names that are gone without a purge, and rows left of
    sessions that are not in the file."""
    for r in store._rows(
        "SELECT a.session_id, count(*) AS n, min(a.id) AS first_row FROM audit a"
        " WHERE a.session_id != ?"
        " AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = a.session_id)"
        " AND NOT EXISTS (SELECT 1 FROM audit p WHERE p.session_id = a.session_id"
        " AND p.action = 'purge') GROUP BY a.session_id ORDER BY first_row",
        [NO_SESSION],  # rows about accounts belong to no session
    ):
        yield Finding(
            f"session {r['session_id']}",
            f"named by {r['n']} audit row(s) (from row {r['first_row']}) but not in the"
            " database, and no purge removed it",
        )
    tables = {r["name"] for r in store._rows("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in SESSION_TABLES:
        if table not in tables:
            continue
        for r in store._rows(
            f"SELECT t.session_id, count(*) AS n FROM {table} t WHERE NOT EXISTS"
            " (SELECT 1 FROM sessions s WHERE s.id = t.session_id)"
            " GROUP BY t.session_id ORDER BY t.session_id"
        ):
            yield Finding(
                f"session {r['session_id']}",
                f"{r['n']} row(s) of {table} belong to it, but it is not in the database",
            )

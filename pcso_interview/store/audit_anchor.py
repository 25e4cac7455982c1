"""An anchor for the audit trail's end from outside the file: the backups kept beside it.

Rows cut from the end of the hash chain leave no broken link; SQLite's counter
(sqlite_sequence) remembers the highest id handed out, but it lives in the same file, and
whoever cuts the rows can lower it or delete it. A backup the app made earlier holds the
chain as it was then: its last row (id and link hash) must still be in the file with the
same hash, since every later row chains over it. If not, rows it holds were removed.

The limit: whoever also deletes or replaces the backups defeats it, and rows written after
the newest backup are anchored by the counter alone. A backup older than the cut still
names the rows it holds; a cut reaching back before every backup is found only as far as
the newest one reaches.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from pcso_interview.store import opening
from pcso_interview.store.integrity import Finding

Hashes = dict[int, str]  # audit id -> link hash


def _sequence_row(conn: sqlite3.Connection) -> tuple[object] | None:
    """SQLite's counter of audit ids as stored; None when it (or its table) is gone."""
    try:
        row: tuple[object] | None = conn.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit'"
        ).fetchone()
    except sqlite3.DatabaseError:  # the table itself taken out of the schema
        return None
    return row


def audit_sequence(conn: sqlite3.Connection) -> int | None:
    """The highest audit id SQLite has handed out; None when its counter is gone or is not a
    whole number (sequence_findings says so)."""
    row = _sequence_row(conn)
    return row[0] if row is not None and type(row[0]) is int else None


def sequence_findings(conn: sqlite3.Connection) -> Iterator[Finding]:
    """The counter of audit ids deleted or made something other than a whole number: the
    rows cut from the trail's end can then no longer be counted from the file itself."""
    last = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
    row = _sequence_row(conn)
    if row is None:
        if last is not None:
            yield Finding("audit", "SQLite's counter of audit rows (sqlite_sequence) was deleted")
    elif type(row[0]) is not int:
        yield Finding(
            "audit",
            f"SQLite's counter of audit rows (sqlite_sequence) was set to {row[0]!r},"
            " which is not a row number",
        )


def _hashes(conn: sqlite3.Connection) -> Hashes:
    return {int(i): str(h) for i, h in conn.execute("SELECT id, hash FROM audit")}


def _backup_chain(backup: Path) -> Hashes | None:
    """The audit chain a good backup holds; None for a backup that is damaged or from before
    the chain (nothing to compare)."""
    try:
        opening.check_backup(backup)
        conn = opening._frozen_connection(backup)
        try:
            return _hashes(conn)
        finally:
            conn.close()
    except (opening.StoreError, OSError, sqlite3.DatabaseError):
        return None


def backup_anchor_findings(conn: sqlite3.Connection, path: Path) -> Iterator[Finding]:
    """The file's audit chain against the newest good backup's, which must be a prefix of it.
    Nothing when no backup holds a chain (then only the counter anchors the end)."""
    for backup in opening.list_backups(path):
        held = _backup_chain(backup)
        if held is None:
            continue
        yield from _compare(
            _hashes(conn), held, f"the backup of {opening.backup_taken(path, backup)}"
        )
        return


def _compare(now: Hashes, held: Hashes, backup: str) -> Iterator[Finding]:
    last_now = max(now, default=0)
    missing = sorted(i for i in held if i not in now)
    cut = [i for i in missing if i > last_now]
    inside = [i for i in missing if i <= last_now]
    changed = sorted(i for i in held if i in now and now[i] != held[i])
    if cut:
        span = f"row {cut[0]} was" if len(cut) == 1 else f"rows {cut[0]}-{cut[-1]} were"
        yield Finding("audit", f"the audit trail ends before what {backup} holds: {span} removed")
    if inside:
        yield Finding(
            "audit",
            f"{len(inside)} audit row(s) that {backup} holds are missing, the first row"
            f" {inside[0]}",
        )
    if changed:
        yield Finding(
            "audit",
            f"audit row {changed[0]} is not the row {backup} holds"
            f" ({len(changed)} row(s) differ): the trail was rewritten from there",
        )


def anchor_findings(conn: sqlite3.Connection, path: Path) -> Iterator[Finding]:
    """What anchors the audit trail's end: SQLite's counter and the backups beside the file."""
    yield from sequence_findings(conn)
    yield from backup_anchor_findings(conn, path)


def changed_outside(path: Path) -> list[str]:
    """The file's protections removed or changed and its audit trail's end cut, in words, for
    the start-up check. It makes no backup of such a file: the copy would become the newest
    backup, the anchor, and a cut trail would then match it."""
    from pcso_interview.store.schema_check import schema_findings

    conn = opening._read_only_connection(path, opening.BUSY_TIMEOUT_MS / 1000)
    try:
        return [str(f) for f in (*schema_findings(conn), *anchor_findings(conn, path))]
    finally:
        conn.close()

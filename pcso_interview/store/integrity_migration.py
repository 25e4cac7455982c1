"""Migration 4: the triggers that refuse forgeries, the audit chain, the sheet register.

The first migrations locked a signed session's rows; a plain sqlite3 connection could still
set its status back, bump its version, add sign-offs and a sheet, and set it signed again, all
without an audit row (and with foreign keys off, orphan rows and deleted snapshots). Here every
such step is refused by a trigger, whatever the order of statements and whatever the
connection's settings; what the triggers cannot stop (someone who drops them) the audit chain
and `check` reveal.
"""

from __future__ import annotations

import sqlite3
import zlib
from typing import TYPE_CHECKING

from pcso_interview.store import schema
from pcso_interview.store.chain import GENESIS, content_hash, link_hash
from pcso_interview.store.schema import LOCKED, LOCKED_MESSAGE, RETAINED_MESSAGE, SESSION_CHILDREN

if TYPE_CHECKING:
    import sqlite_utils

# Children that belong to one panel member: their parent is a members row.
MEMBER_CHILDREN = ("marks", "area_notes", "grades", "signoffs")
# Columns of sessions that no update may touch once the session is locked.
FROZEN_SESSION_COLUMNS = (*schema.FROZEN_SESSION_COLUMNS, "withdrawn_by")

OLD_TRIGGERS = (
    "audit_no_update",
    "audit_no_delete",
    "sheets_no_update",
    "sheets_no_delete",
    "snapshots_no_update",
    "sessions_locked_update",
    "sessions_retained",
    *(
        f"{table}_locked_{kind}"
        for table in SESSION_CHILDREN
        for kind in ("insert", "update", "update_new", "delete")
    ),
)

TABLES = """
ALTER TABLE audit ADD COLUMN prev TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN session_prev TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE signoffs ADD COLUMN content_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN withdrawn_by TEXT NOT NULL DEFAULT '';
-- Every sheet written anywhere: the SHA-256 of the file's bytes and what it holds. A combined
-- PDF has one row per sheet inside it (position 1, 2, ...); a single sheet has position 1.
-- The same bytes may be issued more than once (a draft printed twice): one row per issue.
CREATE TABLE issued_sheets (
    id INTEGER PRIMARY KEY,
    file_sha256 TEXT NOT NULL,
    position INTEGER NOT NULL,
    session_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    record_digest TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('signed', 'draft', 'withdrawn', 'failed')),
    how TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL
);
CREATE INDEX issued_sheets_file ON issued_sheets(file_sha256, position);
CREATE INDEX issued_sheets_session ON issued_sheets(session_id, version);
"""


def _raise(message: str) -> str:
    assert "'" not in message, message
    return f"BEGIN SELECT RAISE(ABORT, '{message}'); END;"


def _last_audit(condition: str) -> str:
    """True when the newest audit row of the whole trail is this one: the change's own row,
    written just before it in the same transaction."""
    return f"EXISTS (SELECT 1 FROM audit WHERE id = (SELECT max(id) FROM audit) AND {condition})"


def _child_triggers(table: str) -> str:
    def locked(ref: str) -> str:
        return f"(SELECT status FROM sessions WHERE id = {ref}.session_id) IN {LOCKED}"

    if table in MEMBER_CHILDREN:
        parent = (
            "NOT EXISTS (SELECT 1 FROM members WHERE session_id = NEW.session_id"
            " AND member_id = NEW.member_id)"
        )
        keys = "NEW.session_id IS NOT OLD.session_id OR NEW.member_id IS NOT OLD.member_id"
    else:
        parent = "NOT EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id)"
        keys = "NEW.session_id IS NOT OLD.session_id"
    if table == "members":
        keys += " OR NEW.member_id IS NOT OLD.member_id"
    lock = _raise(LOCKED_MESSAGE)
    return f"""
CREATE TRIGGER {table}_locked_insert BEFORE INSERT ON {table} WHEN {locked("NEW")} {lock}
CREATE TRIGGER {table}_locked_update BEFORE UPDATE ON {table} WHEN {locked("OLD")} {lock}
CREATE TRIGGER {table}_locked_delete BEFORE DELETE ON {table} WHEN {locked("OLD")} {lock}
CREATE TRIGGER {table}_parent BEFORE INSERT ON {table} WHEN {parent}
{_raise(f"a {table} row must belong to an existing session and panel member")}
CREATE TRIGGER {table}_keys BEFORE UPDATE ON {table} WHEN {keys}
{_raise(f"a {table} row never moves to another session or member")}
"""


def _session_triggers() -> str:
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FROZEN_SESSION_COLUMNS)
    every_member_signed = (
        "NOT EXISTS (SELECT 1 FROM members m WHERE m.session_id = {sid} AND NOT EXISTS"
        " (SELECT 1 FROM signoffs s WHERE s.session_id = {sid} AND s.member_id = m.member_id"
        " AND s.version = {version}))"
    )
    signed_by_all = every_member_signed.format(sid="NEW.id", version="NEW.version")
    return f"""
CREATE TRIGGER sessions_start BEFORE INSERT ON sessions
WHEN NEW.status != 'setup' OR NEW.digest != ''
  OR NOT EXISTS (SELECT 1 FROM profile_snapshots WHERE digest = NEW.snapshot)
{_raise("a session starts in setup, unsigned, with a stored profile snapshot")}
CREATE TRIGGER sessions_fixed BEFORE UPDATE ON sessions
WHEN NEW.id IS NOT OLD.id OR NEW.snapshot IS NOT OLD.snapshot
  OR NEW.profile_id IS NOT OLD.profile_id OR NEW.created_at IS NOT OLD.created_at
{_raise("a session keeps its id, profile and creation time")}
CREATE TRIGGER sessions_locked_update BEFORE UPDATE ON sessions
WHEN OLD.status IN {LOCKED} AND (NEW.status != 'reopened' OR {changed})
{_raise(LOCKED_MESSAGE)}
CREATE TRIGGER sessions_reopen BEFORE UPDATE OF status ON sessions
WHEN NEW.status = 'reopened' AND OLD.status != 'reopened' AND (OLD.status NOT IN {LOCKED}
  OR NOT {_last_audit("session_id = OLD.id AND action = 'reopen'")})
{_raise("only HR reopens a locked session, with a reason written to the audit trail")}
CREATE TRIGGER sessions_version BEFORE UPDATE OF version ON sessions
WHEN NEW.version IS NOT OLD.version AND NOT (OLD.status = 'signed'
  AND NEW.status = 'reopened' AND NEW.version = OLD.version + 1)
{_raise("the sheet version changes only when HR reopens a signed session")}
CREATE TRIGGER sessions_sign BEFORE UPDATE OF status ON sessions
WHEN NEW.status = 'signed' AND OLD.status != 'signed' AND (
  NOT EXISTS (SELECT 1 FROM sheets WHERE session_id = NEW.id AND version = NEW.version
      AND digest = NEW.digest)
  OR NOT {signed_by_all}
  OR NOT {_last_audit("session_id = NEW.id AND action = 'lock' AND new = NEW.digest")})
{_raise("a session is signed off only when every member has signed, with its sheet and audit")}
CREATE TRIGGER sessions_digest BEFORE UPDATE OF digest ON sessions
WHEN NEW.digest IS NOT OLD.digest AND NOT (NEW.status = 'signed' AND OLD.status != 'signed')
{_raise("the digest is set only when the last member signs")}
CREATE TRIGGER sessions_withdraw BEFORE UPDATE OF status ON sessions
WHEN NEW.status = 'withdrawn' AND OLD.status != 'withdrawn'
  AND NOT {_last_audit("session_id = NEW.id AND action = 'withdraw'")}
{_raise("a session is withdrawn only with a reason written to the audit trail")}
CREATE TRIGGER sessions_retained BEFORE DELETE ON sessions
WHEN OLD.status NOT IN {LOCKED}
  OR OLD.closed_at = ''
  OR date(OLD.closed_at, '+' || OLD.retention_months || ' months') > date('now')
{_raise(RETAINED_MESSAGE)}
-- What ON DELETE CASCADE does when foreign keys are on, done again when they are off.
CREATE TRIGGER sessions_cascade AFTER DELETE ON sessions BEGIN
    DELETE FROM questions WHERE session_id = OLD.id;
    DELETE FROM agreed WHERE session_id = OLD.id;
    DELETE FROM members WHERE session_id = OLD.id;
    DELETE FROM sheets WHERE session_id = OLD.id;
END;
CREATE TRIGGER members_cascade AFTER DELETE ON members BEGIN
    DELETE FROM marks WHERE session_id = OLD.session_id AND member_id = OLD.member_id;
    DELETE FROM area_notes WHERE session_id = OLD.session_id AND member_id = OLD.member_id;
    DELETE FROM grades WHERE session_id = OLD.session_id AND member_id = OLD.member_id;
    DELETE FROM signoffs WHERE session_id = OLD.session_id AND member_id = OLD.member_id;
END;
CREATE TRIGGER signoffs_in_turn BEFORE INSERT ON signoffs
WHEN NEW.version IS NOT (SELECT version FROM sessions WHERE id = NEW.session_id)
{_raise("a sign-off is for the current version of the session only")}
CREATE TRIGGER signoffs_no_update BEFORE UPDATE ON signoffs
{_raise("a signature never changes")}
CREATE TRIGGER signoffs_history BEFORE DELETE ON signoffs
WHEN OLD.version != (SELECT version FROM sessions WHERE id = OLD.session_id)
{_raise("the signatures of an earlier version are kept")}
CREATE TRIGGER sheets_in_turn BEFORE INSERT ON sheets
WHEN NOT EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id
      AND version = NEW.version AND status NOT IN {LOCKED})
  OR NOT {every_member_signed.format(sid="NEW.session_id", version="NEW.version")}
{_raise("a signed sheet is recorded only when every member has signed its version")}
CREATE TRIGGER sheets_no_update BEFORE UPDATE ON sheets
{_raise("a signed sheet never changes")}
CREATE TRIGGER sheets_no_delete BEFORE DELETE ON sheets
WHEN EXISTS (SELECT 1 FROM sessions WHERE id = OLD.session_id)
{_raise("a signed sheet never changes")}
CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON profile_snapshots
{_raise("a profile snapshot never changes")}
CREATE TRIGGER snapshots_in_use BEFORE DELETE ON profile_snapshots
WHEN EXISTS (SELECT 1 FROM sessions WHERE snapshot = OLD.digest)
{_raise("a profile snapshot in use by a session is kept")}
"""


def _audit_triggers() -> str:
    last_hash = f"coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '{GENESIS}')"
    session_hash = (
        "coalesce((SELECT hash FROM audit WHERE session_id = NEW.session_id"
        f" ORDER BY id DESC LIMIT 1), '{GENESIS}')"
    )
    return f"""
CREATE TRIGGER audit_chained BEFORE INSERT ON audit
WHEN NEW.prev IS NOT {last_hash} OR NEW.session_prev IS NOT {session_hash}
  OR length(NEW.hash) != 64 OR length(NEW.content_hash) != 64 OR NEW.redacted != 0
{_raise("an audit row must link to the row before it")}
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
{_raise("the audit log is append-only")}
-- The one change allowed: a purged session's rows lose their words (redacted), keeping their
-- hashes, so the chain still verifies and no personal data is left.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (OLD.redacted = 0 AND NEW.redacted = 1 AND NEW.id = OLD.id
  AND NEW.session_id = OLD.session_id AND NEW.at = OLD.at
  AND NEW.prev = OLD.prev AND NEW.session_prev = OLD.session_prev
  AND NEW.content_hash = OLD.content_hash AND NEW.hash = OLD.hash
  AND NOT EXISTS (SELECT 1 FROM sessions WHERE id = OLD.session_id))
{_raise("the audit log is append-only")}
CREATE TRIGGER issued_in_audit BEFORE INSERT ON issued_sheets
WHEN NOT {
        _last_audit(
            "session_id = NEW.session_id AND action = 'issue sheet' AND new = NEW.file_sha256"
        )
    }
{_raise("an issued sheet is registered with its own audit row")}
CREATE TRIGGER issued_no_update BEFORE UPDATE ON issued_sheets
{_raise("the register of issued sheets is append-only")}
CREATE TRIGGER issued_no_delete BEFORE DELETE ON issued_sheets
{_raise("the register of issued sheets is append-only")}
"""


def triggers() -> str:
    return "\n".join(
        [
            _session_triggers(),
            *(_child_triggers(t) for t in SESSION_CHILDREN),
            _audit_triggers(),
        ]
    )


def _chain_existing_audit(conn: sqlite3.Connection) -> None:
    prev = GENESIS
    session_last: dict[str, str] = {}
    rows = conn.execute(
        "SELECT id, session_id, at, actor, action, subject, old, new FROM audit ORDER BY id"
    ).fetchall()
    for row_id, *words in rows:
        words_hash = content_hash(*words)
        session_prev = session_last.get(words[0], GENESIS)
        link = link_hash(prev, session_prev, words_hash)
        conn.execute(
            "UPDATE audit SET prev = ?, session_prev = ?, content_hash = ?, hash = ? WHERE id = ?",
            [prev, session_prev, words_hash, link, row_id],
        )
        prev = session_last[words[0]] = link


def _backfill_signoffs(conn: sqlite3.Connection) -> None:
    """The content each existing sign-off signed: the signed content without signatures."""
    import json

    from pcso_interview.session import content_digest_of
    from pcso_interview.store.store import Store

    store = Store(conn, path=None)  # type: ignore[arg-type]
    for session_id, version, current in conn.execute(
        "SELECT DISTINCT s.session_id, s.version, x.version FROM signoffs s"
        " JOIN sessions x ON x.id = s.session_id"
    ).fetchall():
        if version == current:
            digest = store.load(session_id).content_digest()
        else:
            row = conn.execute(
                "SELECT content FROM sheets WHERE session_id = ? AND version = ?",
                [session_id, version],
            ).fetchone()
            if row is None:
                continue
            content = json.loads(zlib.decompress(row[0]))
            snapshot = conn.execute(
                "SELECT json FROM profile_snapshots WHERE digest = ?", [content["profile"]]
            ).fetchone()
            content["profile"] = json.loads(snapshot[0])
            digest = content_digest_of(content)
        conn.execute(
            "UPDATE signoffs SET content_digest = ? WHERE session_id = ? AND version = ?",
            [digest, session_id, version],
        )


def upgrade_to_integrity(db: sqlite_utils.Database) -> None:
    """Run inside the migration's transaction (run_script keeps it open)."""
    from pcso_interview.store.schema import run_script

    conn = db.conn
    for name in OLD_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    run_script(db, TABLES)
    conn.execute(
        "UPDATE sessions SET withdrawn_by = coalesce((SELECT actor FROM audit"
        " WHERE audit.session_id = sessions.id AND action = 'withdraw'"
        " ORDER BY id DESC LIMIT 1), '') WHERE status = 'withdrawn'"
    )
    _chain_existing_audit(conn)
    _backfill_signoffs(conn)
    run_script(db, triggers())

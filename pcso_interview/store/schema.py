"""The database schema as sqlite-utils migrations, with the triggers that make locks real.

The rules hold in the database itself: a signed or withdrawn session's rows refuse every
change (reopening is the one way back), sheets of signed versions never change, and the
audit log is append-only. ``PRAGMA user_version`` records how many migrations a file has,
so a file from a newer app is recognised before anything touches it.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

LOCKED = "('signed', 'withdrawn')"
LOCKED_MESSAGE = "this session is signed off or withdrawn and locked"
RETAINED_MESSAGE = "a session can only be deleted once closed and past its retention period"

# Child tables of a session whose rows are frozen while the session is locked.
SESSION_CHILDREN = ("members", "questions", "marks", "area_notes", "grades", "agreed", "signoffs")

# Columns of sessions that no update may touch once the session is locked.
FROZEN_SESSION_COLUMNS = (
    "id",
    "profile_id",
    "snapshot",
    "candidate_name",
    "candidate_ref",
    "date",
    "venue",
    "withdrawn_reason",
    "outcome",
    "weighted_total",
    "percentage",
    "digest",
    "closed_at",
    "force",
    "role_title",
    "chair_name",
    "search",
    "retention_months",
)

INITIAL = """
CREATE TABLE profile_snapshots (
    digest TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL,
    snapshot TEXT NOT NULL REFERENCES profile_snapshots(digest),
    force TEXT NOT NULL,
    role_title TEXT NOT NULL,
    candidate_name TEXT NOT NULL,
    candidate_ref TEXT NOT NULL,
    date TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    chair_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('setup', 'scoring', 'consensus',
        'awaiting_signoff', 'signed', 'reopened', 'withdrawn')),
    version INTEGER NOT NULL DEFAULT 1,
    withdrawn_reason TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'incomplete',
    weighted_total INTEGER NOT NULL DEFAULT 0,
    percentage TEXT NOT NULL DEFAULT '',
    digest TEXT NOT NULL DEFAULT '',
    retention_months INTEGER NOT NULL,
    closed_at TEXT NOT NULL DEFAULT '',
    search TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE members (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('chair', 'member')),
    number TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, member_id)
) WITHOUT ROWID;
CREATE TABLE questions (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    area_id TEXT NOT NULL,
    question TEXT NOT NULL,
    PRIMARY KEY (session_id, area_id)
) WITHOUT ROWID;
CREATE TABLE marks (
    session_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    indicator_id TEXT NOT NULL,
    classification TEXT NOT NULL DEFAULT 'none'
        CHECK (classification IN ('demonstrated', 'partly', 'contrary', 'none')),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, member_id, indicator_id),
    FOREIGN KEY (session_id, member_id) REFERENCES members(session_id, member_id)
        ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE area_notes (
    session_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    area_id TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (session_id, member_id, area_id),
    FOREIGN KEY (session_id, member_id) REFERENCES members(session_id, member_id)
        ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE grades (
    session_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    area_id TEXT NOT NULL,
    grade INTEGER NOT NULL,
    PRIMARY KEY (session_id, member_id, area_id),
    FOREIGN KEY (session_id, member_id) REFERENCES members(session_id, member_id)
        ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE agreed (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    area_id TEXT NOT NULL,
    grade INTEGER NOT NULL,
    rationale TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, area_id)
) WITHOUT ROWID;
CREATE TABLE signoffs (
    session_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    member_id TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('typed', 'drawn')),
    typed_name TEXT NOT NULL DEFAULT '',
    signature_png TEXT NOT NULL DEFAULT '',
    declaration TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    PRIMARY KEY (session_id, version, member_id),
    FOREIGN KEY (session_id, member_id) REFERENCES members(session_id, member_id)
        ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE sheets (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    digest TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    content BLOB NOT NULL, -- zlib-compressed canonical JSON of the signed content
    PRIMARY KEY (session_id, version)
) WITHOUT ROWID;
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    old TEXT NOT NULL DEFAULT '',
    new TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_session ON audit(session_id, id);
CREATE INDEX sessions_date ON sessions(date, created_at);
CREATE INDEX sessions_status ON sessions(status, date);
CREATE INDEX sessions_profile ON sessions(profile_id, date);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER sheets_no_update BEFORE UPDATE ON sheets
BEGIN SELECT RAISE(ABORT, 'a signed sheet never changes'); END;
CREATE TRIGGER sheets_no_delete BEFORE DELETE ON sheets
WHEN EXISTS (SELECT 1 FROM sessions WHERE id = OLD.session_id)
BEGIN SELECT RAISE(ABORT, 'a signed sheet never changes'); END;
CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON profile_snapshots
BEGIN SELECT RAISE(ABORT, 'a profile snapshot never changes'); END;
"""


IDENTITY = f"""
CREATE TABLE member_secrets (
    session_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    hash TEXT NOT NULL,                 -- Argon2: the PIN or passphrase itself is never kept
    kind TEXT NOT NULL CHECK (kind IN ('pin', 'passphrase')),
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, member_id)
) WITHOUT ROWID;
CREATE TABLE users (
    name TEXT PRIMARY KEY COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('hr', 'admin')),
    hash TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) WITHOUT ROWID;
-- The key's columns first: SQLite's quick_check misreads a WITHOUT ROWID table whose key
-- columns are not a prefix of its columns ("NULL value in revisions.old_grade").
CREATE TABLE revisions (
    session_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    area_id TEXT NOT NULL,
    at TEXT NOT NULL,
    old_grade INTEGER NOT NULL,
    new_grade INTEGER,
    PRIMARY KEY (session_id, member_id, area_id, at)
) WITHOUT ROWID;
CREATE TRIGGER revisions_locked_insert BEFORE INSERT ON revisions
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN {LOCKED}
BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END;
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'a recorded change of grade never changes'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
WHEN EXISTS (SELECT 1 FROM sessions WHERE id = OLD.session_id)
BEGIN SELECT RAISE(ABORT, 'a recorded change of grade never changes'); END;
CREATE TRIGGER revisions_parent BEFORE INSERT ON revisions
WHEN NOT EXISTS (SELECT 1 FROM members WHERE session_id = NEW.session_id
    AND member_id = NEW.member_id)
BEGIN SELECT RAISE(ABORT, 'a revisions row must belong to an existing session and member'); END;
CREATE TRIGGER secrets_gone AFTER DELETE ON sessions BEGIN
    DELETE FROM member_secrets WHERE session_id = OLD.id;
    DELETE FROM revisions WHERE session_id = OLD.id;
END;
"""


# Campaigns and equality data: organisational and monitoring data about a session, not part of
# its signed record (so they may change on a locked session, and never change its digest); each
# row belongs to an existing session and goes with it when the session is purged.
INSIGHT = """
CREATE TABLE session_campaigns (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    campaign TEXT NOT NULL CHECK (campaign != '')
) WITHOUT ROWID;
CREATE INDEX session_campaigns_name ON session_campaigns(campaign, session_id);
-- The default of campaigns.default_campaign: force, role and month.
INSERT INTO session_campaigns (session_id, campaign)
    SELECT id, force || ' · ' || role_title || ' · ' || substr(date, 1, 7) FROM sessions;
-- Equality-monitoring data from the recruitment system, one row per characteristic: read only
-- by HR's statistics (as counts), never by a panel's screen, a sheet or a session file.
CREATE TABLE equality (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    characteristic TEXT NOT NULL,
    grp TEXT NOT NULL,
    PRIMARY KEY (session_id, characteristic)
) WITHOUT ROWID;
CREATE TRIGGER session_campaigns_parent BEFORE INSERT ON session_campaigns
WHEN NOT EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'a campaign row must belong to an existing session'); END;
CREATE TRIGGER equality_parent BEFORE INSERT ON equality
WHEN NOT EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'an equality row must belong to an existing session'); END;
-- With foreign keys off (a plain sqlite3) the rows still go with their session.
CREATE TRIGGER insight_gone AFTER DELETE ON sessions BEGIN
    DELETE FROM session_campaigns WHERE session_id = OLD.id;
    DELETE FROM equality WHERE session_id = OLD.id;
END;
"""


# Purge forgets a session's sheets too: its rows of the register of issued sheets go in the
# purge's own transaction, after its purge row, and nothing else may take a row (a sheet of a
# session still here, or a delete without that purge row, is refused). Rows an earlier purge
# left behind go now. A purged session never comes back: an old session file imported again
# would undo the purge, so no session is inserted under an id the audit trail records purged.
PURGED = """
DROP TRIGGER issued_no_delete;
DELETE FROM issued_sheets
WHERE NOT EXISTS (SELECT 1 FROM sessions WHERE id = issued_sheets.session_id)
  AND EXISTS (SELECT 1 FROM audit WHERE audit.session_id = issued_sheets.session_id
      AND action = 'purge');
CREATE TRIGGER issued_no_delete BEFORE DELETE ON issued_sheets
WHEN EXISTS (SELECT 1 FROM sessions WHERE id = OLD.session_id)
  OR NOT EXISTS (SELECT 1 FROM audit WHERE id = (SELECT max(id) FROM audit)
      AND session_id = OLD.session_id AND action = 'purge')
BEGIN SELECT RAISE(ABORT,
    'the register of issued sheets is append-only: a sheet leaves it only when purged'); END;
CREATE TRIGGER sessions_not_purged BEFORE INSERT ON sessions
WHEN EXISTS (SELECT 1 FROM audit WHERE session_id = NEW.id AND action = 'purge')
BEGIN SELECT RAISE(ABORT, 'a purged session is never brought back'); END;
"""


def _child_triggers(table: str) -> str:
    def when(ref: str) -> str:
        return f"WHEN (SELECT status FROM sessions WHERE id = {ref}.session_id) IN {LOCKED}"

    raise_ = f"BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END;"
    return "\n".join(
        [
            f"CREATE TRIGGER {table}_locked_insert BEFORE INSERT ON {table} {when('NEW')} {raise_}",
            f"CREATE TRIGGER {table}_locked_update BEFORE UPDATE ON {table} {when('OLD')} {raise_}",
            f"CREATE TRIGGER {table}_locked_update_new BEFORE UPDATE ON {table} "
            f"{when('NEW')} {raise_}",
            f"CREATE TRIGGER {table}_locked_delete BEFORE DELETE ON {table} {when('OLD')} {raise_}",
        ]
    )


def _session_triggers() -> str:
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FROZEN_SESSION_COLUMNS)
    return f"""
CREATE TRIGGER sessions_locked_update BEFORE UPDATE ON sessions
WHEN OLD.status IN {LOCKED} AND (NEW.status != 'reopened' OR {changed})
BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END;
CREATE TRIGGER sessions_retained BEFORE DELETE ON sessions
WHEN OLD.status NOT IN {LOCKED}
  OR OLD.closed_at = ''
  OR date(OLD.closed_at, '+' || OLD.retention_months || ' months') > date('now')
BEGIN SELECT RAISE(ABORT, '{RETAINED_MESSAGE}'); END;
"""


SCHEMA_VERSION = 8  # the number of migrations below; a test keeps the two in step


@cache
def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Each statement of ``script`` inside the migration's open transaction.

    sqlite3's executescript would COMMIT first; sqlite-utils' executescript keeps the
    transaction but finds statement ends by testing the text after every character (a
    new database took 60 ms to create). Here only the semicolons are tried, one of which
    ends each statement (a trigger's inner statements end in semicolons that do not)."""
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            db.conn.execute(statement)
            statement = ""
    if statement.rstrip(";").strip():
        raise ValueError(f"an incomplete statement at the end of a script: {statement[:80]!r}")


def build_migrations() -> sqlite_utils.Migrations:
    """The migration set. Built on demand: importing sqlite-utils costs a tenth of a second,
    which a start-up on an up-to-date database does not need to pay."""
    import sqlite_utils

    migrations = sqlite_utils.Migrations("pcso-interview")

    @migrations(name="001_initial")
    def _initial(db: sqlite_utils.Database) -> None:
        run_script(db, INITIAL)
        run_script(db, _session_triggers())
        for table in SESSION_CHILDREN:
            run_script(db, _child_triggers(table))

    @migrations(name="002_app_state")
    def _app_state(db: sqlite_utils.Database) -> None:
        """Where the app was when it closed, so it can reopen the same session and area."""
        run_script(
            db,
            """
            CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE INDEX sessions_ref ON sessions(candidate_ref);
            CREATE INDEX sessions_outcome ON sessions(outcome, date);
            -- The HR list filters by text and sorts by date: covering, so no row lookups.
            CREATE INDEX sessions_list ON sessions(date, created_at, id, search);
            """,
        )

    @migrations(name="003_search_index")
    def _search_index(db: sqlite_utils.Database) -> None:
        """A trigram index over the list's search text: a filter over 50,000 sessions reads
        only the rows that match. Without FTS5 in this SQLite the list scans instead."""
        try:
            db.execute(
                "CREATE VIRTUAL TABLE sessions_fts USING fts5("
                "search, content='sessions', content_rowid='rowid', tokenize='trigram')"
            )
        except sqlite3.OperationalError:
            return  # no FTS5 or no trigram tokenizer: the store falls back to LIKE
        run_script(
            db,
            """
            INSERT INTO sessions_fts(sessions_fts) VALUES ('rebuild');
            CREATE TRIGGER sessions_fts_insert AFTER INSERT ON sessions BEGIN
                INSERT INTO sessions_fts(rowid, search) VALUES (NEW.rowid, NEW.search);
            END;
            CREATE TRIGGER sessions_fts_delete AFTER DELETE ON sessions BEGIN
                INSERT INTO sessions_fts(sessions_fts, rowid, search)
                VALUES ('delete', OLD.rowid, OLD.search);
            END;
            CREATE TRIGGER sessions_fts_update AFTER UPDATE OF search ON sessions BEGIN
                INSERT INTO sessions_fts(sessions_fts, rowid, search)
                VALUES ('delete', OLD.rowid, OLD.search);
                INSERT INTO sessions_fts(rowid, search) VALUES (NEW.rowid, NEW.search);
            END;
            """,
        )

    @migrations(name="004_record_integrity")
    def _record_integrity(db: sqlite_utils.Database) -> None:
        """The audit trail becomes a hash chain, sign-offs name the content they signed, every
        issued sheet is registered, and triggers refuse forgeries in any order of statements."""
        from pcso_interview.store.integrity_migration import upgrade_to_integrity

        upgrade_to_integrity(db)

    @migrations(name="005_identity")
    def _identity(db: sqlite_utils.Database) -> None:
        """Who is acting: each member's PIN (as an Argon2 hash only), named HR accounts, and
        grades changed after their member had seen the others'."""
        run_script(db, IDENTITY)

    @migrations(name="006_interview_language")
    def _interview_language(db: sqlite_utils.Database) -> None:
        """The language the interview was held in (Welsh Language Standards: a candidate may
        ask for a Welsh-medium interview), for HR's list and its filter. Not part of the
        signed content: how the interview was held is an administrative fact, not a mark the
        panel signs, and the canonical JSON (and so every digest already printed) stays as it
        was. Sessions made before it were held in English."""
        run_script(
            db,
            """
            ALTER TABLE sessions ADD COLUMN interview_language TEXT NOT NULL DEFAULT 'en'
                CHECK (interview_language IN ('en', 'cy'));
            """,
        )

    @migrations(name="007_campaigns_and_equality")
    def _insight(db: sqlite_utils.Database) -> None:
        """Each session in a campaign (by default its profile's force and role and its month),
        and HR's equality-monitoring data kept apart from the record."""
        run_script(db, INSIGHT)

    @migrations(name="008_purge_forgets_sheets")
    def _purge_forgets_sheets(db: sqlite_utils.Database) -> None:
        """A purge takes the purged sessions' rows of the register of issued sheets (which
        named the session, its digest and who issued it, and which `check` then took for
        tampering), and a purged session is never imported again."""
        run_script(db, PURGED)

    return migrations

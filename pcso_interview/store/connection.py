"""The connection and its transactions: opening (creating or migrating) the database, one
BEGIN IMMEDIATE ... COMMIT per change with its link of the audit chain, and the app's state.

Every other room of the store builds on this one: session_rows (whole sessions), edits (the
panel's changes), identity (who is acting), hr_actions, listing and statistics_sql. ``Store``
(store.py) puts them behind one facade.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from pcso_interview.phrases import Phrase
from pcso_interview.store import opening
from pcso_interview.store.records import LockedSessionError
from pcso_interview.store.schema import SCHEMA_VERSION, build_migrations

if TYPE_CHECKING:
    from pcso_interview.profiles import Profile
    from pcso_interview.session import Session

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@lru_cache(maxsize=64)
def profile_from_json(text: str) -> tuple[dict[str, Any], Profile]:
    import json

    from pcso_interview.profiles import Profile

    data = json.loads(text)
    return data, Profile.from_dict(data)


def like_pattern(text: str, *, prefix: bool = False) -> str:
    """For ``LIKE ? ESCAPE '\\'``: the text matched literally (backslash escaped first, so it
    cannot undo the escapes after it), anywhere in the value or, with ``prefix``, at its start.

    Only the text searched anywhere is casefolded: it is matched against the casefolded
    ``search`` column; ids are matched as stored.
    """
    literal = text if prefix else text.casefold()
    escaped = literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix else f"%{escaped}%"


class Connection:
    """The database connection, its transactions and the audit chain they write."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock = utc_now):
        self.conn = conn
        self.path = path
        self.clock = clock
        # Set when another window writes to this database: every change is refused, in words.
        self.read_only_reason = ""
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name IN ('sessions_fts', 'revisions')"
            )
        }
        self.has_search_index = "sessions_fts" in tables
        # Loading a session while an older schema is migrated (migration 4 reads sign-offs
        # through the aggregate before migration 5 adds revisions).
        self.has_revisions = "revisions" in tables
        # The session last read or changed here, and the stamp it was true at (see stamp()).
        self._recent: tuple[tuple[int, int], Session] | None = None
        # The session a change made in memory, and the change count it matches.
        self._fresh: tuple[int, Session] | None = None

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now, thorough: bool = True) -> Self:
        """Open (creating or migrating) a database; raises StoreError with a user message.

        ``thorough=False`` skips reading every page for damage: the app does that check in
        the background so that it starts at once.
        """
        path = Path(path)
        version = opening.prepare_path(path, thorough=thorough)
        if version is not None and version < SCHEMA_VERSION:
            opening.backup_database(path, label="before-upgrade")
        conn = sqlite3.connect(path, timeout=opening.BUSY_TIMEOUT_MS / 1000)
        try:
            opening.configure(conn)
            if (version or 0) < SCHEMA_VERSION:
                import sqlite_utils

                build_migrations().apply(sqlite_utils.Database(conn))
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            conn.close()
            if opening.is_busy(exc):
                raise opening.BusyDatabaseError(path, opening.holder_of(path)) from None
            raise opening.StoreError(
                Phrase.of("error.db.open", path=str(path), reason=str(exc))
            ) from None
        return cls(conn, path, clock)

    def close(self) -> None:
        self.conn.close()

    def wait_when_busy(self, milliseconds: int) -> None:
        """How long a change waits for another program's lock before it is refused as busy:
        the window keeps it short (and keeps the change until the lock frees); the command
        line waits the full BUSY_TIMEOUT_MS."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    def data_version(self) -> int:
        """Changes whenever another connection commits: a read-only window polls it to show
        what the writing window saves."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def stamp(self) -> tuple[int, int]:
        """Changes with any commit of another connection (data_version) and with every row
        this one writes (total_changes): a session read at one stamp is still true at it."""
        return self.data_version(), self.conn.total_changes

    def remember(self, session: Session) -> Session:
        """The session just made in memory by a change: read again by the next key press
        only if something else was written since (another window, another verb)."""
        self._fresh = (self.conn.total_changes, session)
        return session

    def backup(self, label: str = "start") -> Path | None:
        return opening.backup_database(self.path, label)

    @contextmanager
    def _write(self) -> Iterator[str]:
        """BEGIN IMMEDIATE ... COMMIT; yields the timestamp of the change."""
        if self.read_only_reason:
            raise opening.OpenElsewhereError(self.read_only_reason)
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        self._fresh = None
        try:
            yield iso(self.clock())
        except sqlite3.IntegrityError as exc:
            self._recent = None
            conn.rollback()
            if "locked" in str(exc) or "append-only" in str(exc) or "never changes" in str(exc):
                raise LockedSessionError(str(exc)) from None
            raise
        except BaseException:
            self._recent = None
            conn.rollback()
            raise
        else:
            conn.commit()
            fresh, self._fresh = self._fresh, None
            if fresh is not None and fresh[0] == conn.total_changes:
                self._recent = (self.stamp(), fresh[1])

    def _audit(
        self,
        at: str,
        session_id: str,
        actor: str,
        action: str,
        subject: str = "",
        old: object = "",
        new: object = "",
    ) -> None:
        """One link of the audit chain: its words, their hash, and the hash of the link."""
        # Imported with the first change, not at start: hashlib and json (about 8 ms) are not
        # needed to show the list of sessions.
        from pcso_interview.store.chain import GENESIS, content_hash, link_hash

        words = [session_id, at, actor, action, subject, _text(old), _text(new)]
        row = self.conn.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        prev = row[0] if row else GENESIS
        row = self.conn.execute(
            "SELECT hash FROM audit WHERE session_id = ? ORDER BY id DESC LIMIT 1", [session_id]
        ).fetchone()
        session_prev = row[0] if row else GENESIS
        words_hash = content_hash(*words)
        self.conn.execute(
            "INSERT INTO audit (session_id, at, actor, action, subject, old, new,"
            " prev, session_prev, content_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [*words, prev, session_prev, words_hash, link_hash(prev, session_prev, words_hash)],
        )

    def _one(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        cursor = self.conn.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def _rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]

    def get_state(self, key: str, default: str = "") -> str:
        row = self._one("SELECT value FROM app_state WHERE key = ?", [key])
        return row["value"] if row else default

    def set_state(self, key: str, value: str) -> None:
        self.set_states({key: value})

    def set_states(self, values: dict[str, str]) -> None:
        with self._write():
            for key, value in values.items():
                self.conn.execute(
                    "INSERT INTO app_state (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )


def _text(value: object) -> str:
    return "" if value is None else str(value)

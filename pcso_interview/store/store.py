"""The session store: every change is one committed transaction with its audit row.

A call that changes something returns only after COMMIT, so whatever the screen shows as
done is already on disk (WAL, synchronous=FULL). The Python rules (session.py) give the user
a clear message first; the triggers in schema.py are the safety net beneath them.

The domain model (session, scoring, profiles) is imported inside the methods that build or
check it: opening the store and listing sessions, all that the first window needs, then
create none of its dataclasses (about a millisecond each; bench/bench_startup.py).
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pcso_interview.lifecycle import SessionRuleError, Status, check_transition, transition_path
from pcso_interview.store import opening
from pcso_interview.store.chain import GENESIS, content_hash, link_hash
from pcso_interview.store.opening import RecordDamagedError
from pcso_interview.store.records import (
    SORT_COLUMNS,
    LockedSessionError,
    SessionRow,
    UnknownSessionError,
)
from pcso_interview.store.schema import SCHEMA_VERSION, build_migrations

if TYPE_CHECKING:
    from pcso_interview.profiles import Profile
    from pcso_interview.scoring import Classification
    from pcso_interview.session import Member, PreviousVersion, Session
    from pcso_interview.statistics import StatSession
    from pcso_interview.store.identity import User
    from pcso_interview.store.integrity import Finding, SignedVersion
    from pcso_interview.store.review import (
        AuditEntry,
        IssuedPart,
        PurgeResult,
        SessionPage,
        SessionQuery,
        Verification,
    )

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@lru_cache(maxsize=64)
def _profile_from_json(text: str) -> tuple[dict[str, Any], Profile]:
    import json

    from pcso_interview.profiles import Profile

    data = json.loads(text)
    return data, Profile.from_dict(data)


def _search_text(name: str, ref: str, panel: Iterable[Member]) -> str:
    return " ".join([name, ref, *(m.name for m in panel)]).casefold()


def _like_pattern(text: str, *, prefix: bool = False) -> str:
    """For ``LIKE ? ESCAPE '\\'``: the text matched literally (backslash escaped first, so it
    cannot undo the escapes after it), anywhere in the value or, with ``prefix``, at its start.

    Only the text searched anywhere is casefolded: it is matched against the casefolded
    ``search`` column; ids are matched as stored.
    """
    literal = text if prefix else text.casefold()
    escaped = literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix else f"%{escaped}%"


class Store:
    """The one place with SQL. Open with ``Store.open(path)``."""

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

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now, thorough: bool = True) -> Store:
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
            raise opening.StoreError(f"Could not open the database {path}: {exc}") from None
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

    def backup(self, label: str = "start") -> Path | None:
        return opening.backup_database(self.path, label)

    # --- transactions and audit ----------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[str]:
        """BEGIN IMMEDIATE ... COMMIT; yields the timestamp of the change."""
        if self.read_only_reason:
            raise opening.OpenElsewhereError(self.read_only_reason)
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield iso(self.clock())
        except sqlite3.IntegrityError as exc:
            conn.rollback()
            if "locked" in str(exc) or "append-only" in str(exc) or "never changes" in str(exc):
                raise LockedSessionError(str(exc)) from None
            raise
        except BaseException:
            conn.rollback()
            raise
        else:
            conn.commit()

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

    # --- creating ------------------------------------------------------------------------------

    def create_session(
        self,
        profile: Profile,
        *,
        candidate_name: str,
        candidate_ref: str,
        date: str,
        venue: str,
        panel: Iterable[Member],
        questions: dict[str, str] | None = None,
        actor: str = "",
        session_id: str | None = None,
    ) -> str:
        from pcso_interview.session import canonical_json, check_panel, digest

        members = tuple(panel)
        check_panel(members)
        _check_details(candidate_name, candidate_ref, date)
        snapshot = profile.to_dict()
        snapshot_text = canonical_json(snapshot).decode("utf-8")
        snapshot_digest = digest(snapshot)
        import uuid  # only here: it pulls in the platform module

        new_id = session_id or uuid.uuid4().hex
        chair = next(m for m in members if m.is_chair)
        actor = actor or chair.name
        with self._write() as now:
            self.conn.execute(
                "INSERT OR IGNORE INTO profile_snapshots (digest, profile_id, json) VALUES (?,?,?)",
                [snapshot_digest, profile.id, snapshot_text],
            )
            self.conn.execute(
                "INSERT INTO sessions (id, profile_id, snapshot, force, role_title,"
                " candidate_name, candidate_ref, date, venue, chair_name, status,"
                " retention_months, search, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    new_id,
                    profile.id,
                    snapshot_digest,
                    profile.force,
                    profile.role_title,
                    candidate_name.strip(),
                    candidate_ref.strip(),
                    date,
                    venue.strip(),
                    chair.name,
                    Status.SETUP.value,
                    profile.retention_months,
                    _search_text(candidate_name, candidate_ref, members),
                    now,
                    now,
                ],
            )
            self._insert_members(new_id, members)
            for area_id, question in (questions or {}).items():
                profile.planned(area_id)
                if question.strip():
                    self.conn.execute(
                        "INSERT INTO questions (session_id, area_id, question) VALUES (?,?,?)",
                        [new_id, area_id, question],
                    )
            self._audit(
                now,
                new_id,
                actor,
                "create",
                "session",
                "",
                f"{candidate_ref} {candidate_name} ({profile.id}) on {date}",
            )
        return new_id

    def _insert_members(self, session_id: str, members: tuple[Member, ...]) -> None:
        for position, m in enumerate(members):
            self.conn.execute(
                "INSERT INTO members (session_id, member_id, position, name, role, number)"
                " VALUES (?,?,?,?,?,?)",
                [session_id, m.id, position, m.name.strip(), m.role, m.number.strip()],
            )

    # --- loading -------------------------------------------------------------------------------

    def resolve(self, key: str) -> str:
        """A session id from a full id, a unique id prefix, or a unique candidate reference."""
        key = key.strip()
        if not key:
            raise UnknownSessionError("No session id or candidate reference given.")
        if self._one("SELECT id FROM sessions WHERE id = ?", [key]):
            return key
        matches = (
            [
                r["id"]
                for r in self._rows(
                    "SELECT id FROM sessions WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                    [_like_pattern(key, prefix=True)],
                )
            ]
            if len(key) >= 4
            else []
        )
        if not matches:
            matches = [
                r["id"]
                for r in self._rows(
                    "SELECT id FROM sessions WHERE candidate_ref = ? COLLATE NOCASE"
                    " ORDER BY date DESC LIMIT 2",
                    [key],
                )
            ]
        if len(matches) == 1:
            return str(matches[0])
        if len(matches) > 1:
            raise UnknownSessionError(
                f"{key!r} matches more than one session; give more of the session id."
            )
        raise UnknownSessionError(f"No session with id or candidate reference {key!r}.")

    def load(self, session_id: str) -> Session:
        from pcso_interview.scoring import Classification
        from pcso_interview.session import Agreed, Mark, Member, Revision, Session, SignOff

        row = self._one("SELECT * FROM sessions WHERE id = ?", [session_id])
        if row is None:
            raise UnknownSessionError(f"No session with id {session_id!r}.")
        snapshot_row = self._one(
            "SELECT json FROM profile_snapshots WHERE digest = ?", [row["snapshot"]]
        )
        if snapshot_row is None:
            raise RecordDamagedError(
                f"Session {session_id} ({row['candidate_ref']}): the profile it was scored"
                " against is missing from the database; the record cannot be read. Run"
                " `pcso-interview check` and restore a backup."
            )
        snapshot, profile = _profile_from_json(snapshot_row["json"])
        params = [session_id]
        members = tuple(
            Member(r["member_id"], r["name"], r["role"], r["number"])
            for r in self._rows(
                "SELECT * FROM members WHERE session_id = ? ORDER BY position", params
            )
        )
        session = Session(
            id=row["id"],
            profile_snapshot=snapshot,
            candidate_name=row["candidate_name"],
            candidate_ref=row["candidate_ref"],
            date=row["date"],
            venue=row["venue"],
            panel=members,
            status=Status(row["status"]),
            version=row["version"],
            questions={
                r["area_id"]: r["question"]
                for r in self._rows("SELECT * FROM questions WHERE session_id = ?", params)
            },
            marks={
                (r["member_id"], r["indicator_id"]): Mark(
                    Classification(r["classification"]), r["note"]
                )
                for r in self._rows("SELECT * FROM marks WHERE session_id = ?", params)
            },
            area_notes={
                (r["member_id"], r["area_id"]): r["note"]
                for r in self._rows("SELECT * FROM area_notes WHERE session_id = ?", params)
            },
            grades={
                (r["member_id"], r["area_id"]): r["grade"]
                for r in self._rows("SELECT * FROM grades WHERE session_id = ?", params)
            },
            agreed={
                r["area_id"]: Agreed(r["grade"], r["rationale"])
                for r in self._rows("SELECT * FROM agreed WHERE session_id = ?", params)
            },
            signoffs=tuple(
                SignOff(
                    r["member_id"],
                    r["method"],
                    r["typed_name"],
                    r["signature_png"],
                    r["signed_at"],
                    r["declaration"],
                    r["content_digest"],
                )
                for r in self._rows(
                    "SELECT * FROM signoffs WHERE session_id = ? AND version = ?"
                    " ORDER BY signed_at, member_id",
                    [session_id, row["version"]],
                )
            ),
            revisions=tuple(
                Revision(r["member_id"], r["area_id"], r["old_grade"], r["new_grade"], r["at"])
                for r in (
                    self._rows(
                        "SELECT * FROM revisions WHERE session_id = ?"
                        " ORDER BY at, member_id, area_id",
                        params,
                    )
                    if self.has_revisions
                    else ()
                )
            ),
            withdrawn_reason=row["withdrawn_reason"],
            withdrawn_at=row["closed_at"] if row["status"] == Status.WITHDRAWN else "",
            withdrawn_by=row["withdrawn_by"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            profile_cache=profile,
        )
        if session.version > 1:
            session = replace(session, previous=self._previous_version(session))
        if session.locked:
            # A locked record is checked whenever it is read: the screens and the sheet must
            # never call a record "signed off" that no longer matches what was signed.
            from pcso_interview.store.integrity import record_problems

            session = replace(session, record_problems=tuple(record_problems(self, session)))
        return session

    def _previous_version(self, session: Session) -> PreviousVersion | None:
        """What this version replaces: the version signed before it and the reopening that
        ended it. A signed version says what it said when signed (nothing, if it was signed
        before sheets named it), so its digest never changes."""
        import json

        from pcso_interview.session import PreviousVersion

        if session.status is Status.SIGNED:
            row = self._one(
                "SELECT content FROM sheets WHERE session_id = ? AND version = ?",
                [session.id, session.version],
            )
            kept = json.loads(zlib.decompress(row["content"])).get("previous") if row else None
            return PreviousVersion.from_dict(kept) if kept else None
        before = session.version - 1
        sheet = self._one(
            "SELECT signed_at FROM sheets WHERE session_id = ? AND version = ?",
            [session.id, before],
        )
        reopen = self._one(
            "SELECT at, actor, subject FROM audit WHERE session_id = ? AND action = 'reopen'"
            " AND old = ? ORDER BY id DESC LIMIT 1",
            [session.id, f"signed v{before}"],
        )
        if sheet is None or reopen is None:
            return None
        return PreviousVersion(
            before, sheet["signed_at"], reopen["at"], reopen["actor"], reopen["subject"]
        )

    # --- panel edits ---------------------------------------------------------------------------

    def _editable(self, session_id: str) -> Session:
        session = self.load(session_id)
        session.check_editable()
        return session

    def _after_change(
        self, now: str, before: Session, actor: str, after: Session | None = None
    ) -> Session:
        """Move the status where the data now puts it, refresh the list columns, audit. Returns
        the session as it now stands: ``after`` (the change made in memory, so a key press
        reads the session once) or, when not given, read again."""
        from pcso_interview.session import derived_status

        after = self.load(before.id) if after is None else after
        target = derived_status(after)
        previous = after.status
        for step in transition_path(previous, target):  # each step audited from the one before
            self._audit(now, after.id, actor, "status", "session", previous.value, step.value)
            previous = step
        self._write_list_columns(now, after, target)
        return replace(after, status=target, updated_at=now)

    def _write_list_columns(self, now: str, session: Session, status: Status) -> None:
        """The status and outcome columns the lists filter on, as the session's marks say."""
        outcome = session.outcome
        self.conn.execute(
            "UPDATE sessions SET status = ?, outcome = ?, weighted_total = ?, percentage = ?,"
            " updated_at = ? WHERE id = ?",
            [
                status.value,
                outcome.result.value,
                outcome.weighted_total,
                outcome.percentage_text,
                now,
                session.id,
            ],
        )

    def classify(
        self,
        session_id: str,
        member_id: str,
        indicator_id: str,
        classification: Classification | str,
        actor: str = "",
    ) -> Session:
        from pcso_interview.scoring import Classification

        value = Classification(classification)
        return self._set_mark(session_id, member_id, indicator_id, "classification", value, actor)

    def note(
        self, session_id: str, member_id: str, indicator_id: str, text: str, actor: str = ""
    ) -> Session:
        """The member's evidence note against one indicator."""
        return self._set_mark(session_id, member_id, indicator_id, "note", text, actor)

    def _set_mark(
        self,
        session_id: str,
        member_id: str,
        indicator_id: str,
        column: str,
        value: Classification | str,
        actor: str,
    ) -> Session:
        """One column of one member's mark on one indicator: classification or note. Returns
        the session with the change made."""
        from pcso_interview.scoring import Classification

        assert column in ("classification", "note")
        with self._write() as now:
            session = self._editable(session_id)
            member = session.member(member_id)
            session.area_of_indicator(indicator_id)
            old = getattr(session.mark(member_id, indicator_id), column)
            if old == value:
                return session
            self.conn.execute(
                f"INSERT INTO marks (session_id, member_id, indicator_id, {column})"
                " VALUES (?,?,?,?) ON CONFLICT (session_id, member_id, indicator_id)"
                f" DO UPDATE SET {column} = excluded.{column}",
                [session_id, member_id, indicator_id, str(value)],
            )
            action = "classify" if column == "classification" else "note"
            self._audit(
                now,
                session_id,
                actor or member.name,
                action,
                f"{member_id}/{indicator_id}",
                str(old),
                str(value),
            )
            after = (
                session.with_mark(member_id, indicator_id, classification=Classification(value))
                if column == "classification"
                else session.with_mark(member_id, indicator_id, note=str(value))
            )
            return self._after_change(now, session, actor or member.name, after)

    def area_note(
        self, session_id: str, member_id: str, area_id: str, text: str, actor: str = ""
    ) -> Session:
        with self._write() as now:
            session = self._editable(session_id)
            member = session.member(member_id)
            session.profile.area(area_id)
            old = session.area_notes.get((member_id, area_id), "")
            if old == text:
                return session
            self.conn.execute(
                "INSERT INTO area_notes (session_id, member_id, area_id, note) VALUES (?,?,?,?)"
                " ON CONFLICT (session_id, member_id, area_id) DO UPDATE SET note = excluded.note",
                [session_id, member_id, area_id, text],
            )
            self._audit(
                now,
                session_id,
                actor or member.name,
                "area note",
                f"{member_id}/{area_id}",
                old,
                text,
            )
            after = session.with_area_note(member_id, area_id, text)
            return self._after_change(now, session, actor or member.name, after)

    def grade(
        self, session_id: str, member_id: str, area_id: str, grade: int | None, actor: str = ""
    ) -> Session:
        """A member's own grade for an area; None clears it."""
        with self._write() as now:
            session = self._editable(session_id)
            member = session.member(member_id)
            session.profile.planned(area_id)
            if grade is not None and grade not in session.profile.scale.values:
                raise SessionRuleError(
                    f"{grade} is not a point on the scale "
                    f"({', '.join(str(v) for v in session.profile.scale.values)})."
                )
            old = session.grades.get((member_id, area_id))
            if old == grade:
                return session
            seen = session.has_submitted(member_id) and any(
                (m.id, area_id) in session.grades for m in session.panel if m.id != member_id
            )
            if seen and old is not None:
                # Changed after its member could see the others' grades: kept, shown, audited.
                self.conn.execute(
                    "INSERT INTO revisions (session_id, member_id, area_id, old_grade, new_grade,"
                    " at) VALUES (?,?,?,?,?,?)",
                    [session_id, member_id, area_id, old, grade, now],
                )
                self._audit(
                    now,
                    session_id,
                    actor or member.name,
                    "grade after reveal",
                    f"{member_id}/{area_id}",
                    old,
                    grade,
                )
            if grade is None:
                self.conn.execute(
                    "DELETE FROM grades WHERE session_id = ? AND member_id = ? AND area_id = ?",
                    [session_id, member_id, area_id],
                )
            else:
                self.conn.execute(
                    "INSERT INTO grades (session_id, member_id, area_id, grade) VALUES (?,?,?,?)"
                    " ON CONFLICT (session_id, member_id, area_id)"
                    " DO UPDATE SET grade = excluded.grade",
                    [session_id, member_id, area_id, grade],
                )
            self._audit(
                now,
                session_id,
                actor or member.name,
                "grade",
                f"{member_id}/{area_id}",
                old,
                grade,
            )
            # A recorded revision is read back with the rest; otherwise the change is made here.
            after = (
                None if seen and old is not None else session.with_grade(member_id, area_id, grade)
            )
            return self._after_change(now, session, actor or member.name, after)

    def set_question(self, session_id: str, area_id: str, question: str, actor: str = "") -> None:
        with self._write() as now:
            session = self._editable(session_id)
            session.profile.planned(area_id)
            old = session.questions.get(area_id, "")
            if old == question:
                return
            self.conn.execute(
                "INSERT INTO questions (session_id, area_id, question) VALUES (?,?,?)"
                " ON CONFLICT (session_id, area_id) DO UPDATE SET question = excluded.question",
                [session_id, area_id, question],
            )
            self._audit(
                now, session_id, actor or session.chair.name, "question", area_id, old, question
            )
            self.conn.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", [now, session_id])

    def update_details(
        self,
        session_id: str,
        *,
        candidate_name: str,
        candidate_ref: str,
        date: str,
        venue: str,
        actor: str = "",
    ) -> None:
        _check_details(candidate_name, candidate_ref, date)
        with self._write() as now:
            session = self._editable(session_id)
            actor = actor or session.chair.name
            fields = {
                "candidate_name": (session.candidate_name, candidate_name.strip()),
                "candidate_ref": (session.candidate_ref, candidate_ref.strip()),
                "date": (session.date, date),
                "venue": (session.venue, venue.strip()),
            }
            changed = {k: v for k, v in fields.items() if v[0] != v[1]}
            if not changed:
                return
            for column, (old, new) in changed.items():
                self._audit(now, session_id, actor, "details", column, old, new)
            self.conn.execute(
                "UPDATE sessions SET candidate_name = ?, candidate_ref = ?, date = ?, venue = ?,"
                " search = ?, updated_at = ? WHERE id = ?",
                [
                    fields["candidate_name"][1],
                    fields["candidate_ref"][1],
                    date,
                    fields["venue"][1],
                    _search_text(candidate_name, candidate_ref, session.panel),
                    now,
                    session_id,
                ],
            )

    # --- consensus and sign-off ----------------------------------------------------------------

    def agree(
        self,
        session_id: str,
        area_id: str,
        grade: int | None,
        rationale: str = "",
        actor: str = "",
    ) -> Session:
        """The chair records the panel's agreed grade (consensus), or clears it with None."""
        with self._write() as now:
            session = self._editable(session_id)
            actor = actor or session.chair.name
            area = session.profile.area(area_id)
            session.profile.planned(area_id)
            if session.profile.method != "consensus":
                raise SessionRuleError(
                    f"This profile derives agreed grades by the {session.profile.method!r} "
                    "method; there is nothing for the chair to record."
                )
            if grade is not None and grade not in session.profile.scale.values:
                raise SessionRuleError(f"{grade} is not a point on the scale.")
            if grade is not None and not session.all_graded(area_id):
                waiting = ", ".join(
                    m.name for m in session.panel if (m.id, area_id) not in session.grades
                )
                raise SessionRuleError(
                    f"{area.name}: the agreed grade waits until every member has graded it"
                    f" (still to grade: {waiting})."
                )
            old = session.agreed.get(area_id)
            if grade is None:
                self.conn.execute(
                    "DELETE FROM agreed WHERE session_id = ? AND area_id = ?",
                    [session_id, area_id],
                )
            else:
                self.conn.execute(
                    "INSERT INTO agreed (session_id, area_id, grade, rationale) VALUES (?,?,?,?)"
                    " ON CONFLICT (session_id, area_id)"
                    " DO UPDATE SET grade = excluded.grade, rationale = excluded.rationale",
                    [session_id, area_id, grade, rationale],
                )
            self._audit(
                now,
                session_id,
                actor,
                "agree",
                area.name,
                f"{old.grade} {old.rationale}".strip() if old else "",
                f"{grade} {rationale}".strip() if grade is not None else "",
            )
            after = session.with_agreed(area_id, grade, rationale)
            return self._after_change(now, session, actor, after)

    def sign(
        self,
        session_id: str,
        member_id: str,
        *,
        typed_name: str = "",
        signature_png_b64: str = "",
        actor: str = "",
        secret: str = "",
    ) -> Session:
        """One member signs, proving it is them with their PIN (``secret``) where PINs are in
        use; when the last one signs the session is locked and digested."""
        from pcso_interview.credentials import IdentityError, same_name
        from pcso_interview.session import DECLARATION, digest

        if not typed_name.strip() and not signature_png_b64:
            raise SessionRuleError("Sign by drawing a signature or typing your name.")
        before = self.load(session_id)
        signer = before.member(member_id)
        if before.locked:
            before.check_editable()
        if before.signoff(member_id) is not None:
            raise SessionRuleError(f"{signer.name} has already signed.")
        if typed_name.strip() and not same_name(typed_name, signer.name):
            raise IdentityError(
                f"A typed signature is the member's own name as recorded: {signer.name}."
            )
        blockers = before.signoff_blockers()
        if blockers:
            raise SessionRuleError("Not ready for sign-off: " + " ".join(blockers))
        if self.pin_required(before, member_id):
            self.check_member_secret(session_id, member_id, secret)
        with self._write() as now:
            session = self.load(session_id)
            if session.locked:
                session.check_editable()
            member = session.member(member_id)
            if session.signoff(member_id) is not None:
                raise SessionRuleError(f"{member.name} has already signed.")
            blockers = session.signoff_blockers()
            if blockers:
                raise SessionRuleError("Not ready for sign-off: " + " ".join(blockers))
            actor = actor or member.name
            self.conn.execute(
                "INSERT INTO signoffs (session_id, version, member_id, method, typed_name,"
                " signature_png, declaration, signed_at, content_digest)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    session_id,
                    session.version,
                    member_id,
                    "drawn" if signature_png_b64 else "typed",
                    typed_name.strip(),
                    signature_png_b64,
                    DECLARATION,
                    now,
                    session.content_digest(),
                ],
            )
            self._audit(now, session_id, actor, "sign", member_id, "", typed_name.strip())
            after = self._after_change(now, session, actor)
            if after.unsigned_members:
                return after
            self._lock_signed(now, after, digest(after.signed_content()), actor, "")
        return self.load(session_id)

    def _lock_signed(
        self, now: str, session: Session, sheet_digest: str, actor: str, how: str, updated: str = ""
    ) -> None:
        """Record the signed version and lock the session: the sheet row, the lock row of the
        audit chain (carrying the digest), then the status, which the database accepts only
        in that order."""
        self.conn.execute(
            "INSERT INTO sheets (session_id, version, digest, signed_at, content)"
            " VALUES (?,?,?,?,?)",
            [
                session.id,
                session.version,
                sheet_digest,
                max(s.signed_at for s in session.signoffs),
                _sheet_record(session.signed_content()),
            ],
        )
        self._audit(
            now,
            session.id,
            actor,
            "status",
            "session",
            Status.AWAITING_SIGNOFF.value,
            Status.SIGNED.value,
        )
        self._audit(
            now, session.id, actor, "lock", f"version {session.version}{how}", "", sheet_digest
        )
        self.conn.execute(
            "UPDATE sessions SET status = 'signed', digest = ?, closed_at = ?,"
            " updated_at = ? WHERE id = ?",
            [sheet_digest, max(s.signed_at for s in session.signoffs), updated or now, session.id],
        )

    def clear_signatures(self, session_id: str, reason: str, actor: str) -> None:
        """Before the last signature, the chair may clear signatures so marks can change."""
        if not reason.strip():
            raise SessionRuleError("Give a reason for clearing the signatures.")
        with self._write() as now:
            session = self.load(session_id)
            if session.locked:
                session.check_editable()
            if not session.signoffs:
                return
            self.conn.execute(
                "DELETE FROM signoffs WHERE session_id = ? AND version = ?",
                [session_id, session.version],
            )
            self._audit(
                now,
                session_id,
                actor,
                "clear signatures",
                reason.strip(),
                ", ".join(s.member_id for s in session.signoffs),
                "",
            )
            self._after_change(now, session, actor)

    # --- HR ------------------------------------------------------------------------------------

    def reopen(self, session_id: str, reason: str, actor: str) -> None:
        """HR only: the one way back from signed or withdrawn. The next sign-off is version+1."""
        if not reason.strip():
            raise SessionRuleError("Reopening needs a written reason.")
        if not actor.strip():
            raise SessionRuleError("Reopening needs the name of the person reopening.")
        with self._write() as now:
            session = self.load(session_id)
            check_transition(session.status, Status.REOPENED)
            version = session.version + 1 if session.status is Status.SIGNED else session.version
            # The audit row first: the database lets a locked session go back only when its
            # reopen row is the newest link of the chain.
            self._audit(
                now,
                session_id,
                actor,
                "reopen",
                reason.strip(),
                f"{session.status.value} v{session.version}",
                f"reopened v{version}",
            )
            self.conn.execute(
                "UPDATE sessions SET status = 'reopened', version = ?, updated_at = ? WHERE id = ?",
                [version, now, session_id],
            )
            # A withdrawn session's list columns said 'withdrawn': the marks speak again.
            self._write_list_columns(now, session, Status.REOPENED)

    def withdraw(self, session_id: str, reason: str, actor: str) -> None:
        """The candidate did not attend or left: recorded with a reason; the session locks."""
        if not reason.strip():
            raise SessionRuleError("Withdrawal needs a reason.")
        with self._write() as now:
            session = self.load(session_id)
            check_transition(session.status, Status.WITHDRAWN)
            self._withdraw_rows(now, session_id, reason.strip(), session.status.value, actor)

    def _withdraw_rows(
        self,
        now: str,
        session_id: str,
        reason: str,
        old: str,
        actor: str,
        closed_at: str = "",
        updated: str = "",
    ) -> None:
        """The withdraw row of the audit chain, then the status it allows."""
        self._audit(now, session_id, actor, "withdraw", reason, old, Status.WITHDRAWN.value)
        self.conn.execute(
            "UPDATE sessions SET status = 'withdrawn', withdrawn_reason = ?, withdrawn_by = ?,"
            " closed_at = ?, outcome = 'withdrawn', updated_at = ? WHERE id = ?",
            [reason, actor, closed_at or now, updated or now, session_id],
        )

    def purge_candidates(self, today: date | None = None) -> list[SessionRow]:
        """Signed or withdrawn sessions past their profile's retention period."""
        day = (today or self.clock().date()).isoformat()
        return [
            _row(r)
            for r in self._rows(
                f"SELECT {_ROW_COLUMNS} FROM sessions WHERE status IN ('signed', 'withdrawn')"
                " AND closed_at != ''"
                " AND date(closed_at, '+' || retention_months || ' months') <= ?"
                " ORDER BY date, id",
                [day],
            )
        ]

    def purge(
        self, session_ids: Iterable[str], actor: str, today: date | None = None
    ) -> PurgeResult:
        """Delete the given sessions, past their retention, and forget them.

        One transaction deletes their rows and redacts their audit rows to tombstones (id,
        times, action: the chain still verifies, its hashes kept); a purge row says who purged
        and why. Then no byte of them is left: free pages are zeroed (secure_delete), the
        search index is rebuilt, the file is vacuumed and its WAL emptied, and every backup
        that holds one of them is removed, a fresh backup taken in their place.
        """
        from pcso_interview.store.review import PurgeResult

        due = {row.id: row for row in self.purge_candidates(today)}
        wanted = list(dict.fromkeys(session_ids))
        refused = [s for s in wanted if s not in due]
        if refused:
            raise SessionRuleError(
                f"Not past its retention period (or not closed): {', '.join(refused)}."
            )
        if not wanted:
            return PurgeResult(0)
        with self._write() as now:
            for session_id in wanted:
                row = due[session_id]
                self.conn.execute("DELETE FROM sessions WHERE id = ?", [session_id])
                self.conn.execute(
                    "UPDATE audit SET actor = '', subject = '', old = '', new = '', redacted = 1"
                    " WHERE session_id = ? AND redacted = 0",
                    [session_id],
                )
                self._audit(
                    now, session_id, actor, "purge", "past retention", f"{row.date} {row.status}"
                )
            self.conn.execute(
                "DELETE FROM profile_snapshots WHERE digest NOT IN"
                " (SELECT DISTINCT snapshot FROM sessions)"
            )
            if self.has_search_index:
                self.conn.execute("INSERT INTO sessions_fts(sessions_fts) VALUES ('rebuild')")
        cleared = opening.compact(self.conn)
        removed = opening.remove_backups_holding(self.path, set(wanted))
        fresh = self.backup("after-purge") if removed else None
        return PurgeResult(len(wanted), tuple(removed), fresh, cleared)

    def verify(self, session_id: str) -> Verification:
        """Recompute the digest of a stored session from its rows and compare."""
        from pcso_interview.store.review import Verification

        session = self.load(session_id)
        return Verification(
            session_id=session_id,
            version=session.version,
            stored_digest=self.sheet_digest(session_id, session.version) or "",
            computed_digest=session.digest(),
            candidate_ref=session.candidate_ref,
        )

    def sheet_digest(self, session_id: str, version: int) -> str | None:
        """The digest recorded when that version was signed, or None."""
        row = self._one(
            "SELECT digest FROM sheets WHERE session_id = ? AND version = ?", [session_id, version]
        )
        return row["digest"] if row else None

    # --- who is acting -----------------------------------------------------------------------

    def pin_required(self, session: Session, member_id: str) -> bool:
        """PINs guard every member, unless the profile waives them for a one-member panel;
        a member who has set one always needs it."""
        from pcso_interview.store.identity import member_has_secret

        if member_has_secret(self, session.id, member_id):
            return True
        return len(session.panel) > 1 or session.profile.pin_for_single_member

    def member_has_secret(self, session_id: str, member_id: str) -> bool:
        from pcso_interview.store.identity import member_has_secret

        return member_has_secret(self, session_id, member_id)

    def set_member_secret(
        self, session_id: str, member_id: str, secret: str, actor: str = ""
    ) -> None:
        from pcso_interview.store.identity import set_member_secret

        set_member_secret(self, session_id, member_id, secret, actor)

    def check_member_secret(self, session_id: str, member_id: str, secret: str) -> None:
        from pcso_interview.store.identity import check_member_secret

        check_member_secret(self, session_id, member_id, secret)

    def reset_member_secret(self, session_id: str, member_id: str, admin: User) -> None:
        from pcso_interview.store.identity import reset_member_secret

        reset_member_secret(self, session_id, member_id, admin)

    def count_users(self) -> int:
        from pcso_interview.store.identity import count_users

        return count_users(self)

    def list_users(self) -> list[User]:
        from pcso_interview.store.identity import list_users

        return list_users(self)

    def add_user(self, name: str, role: str, passphrase: str, by: User | None = None) -> User:
        from pcso_interview.store.identity import add_user

        return add_user(self, name, role, passphrase, by)

    def sign_in(self, name: str, passphrase: str) -> User:
        from pcso_interview.store.identity import sign_in

        return sign_in(self, name, passphrase)

    def reset_user(self, name: str, passphrase: str, admin: User) -> None:
        from pcso_interview.store.identity import reset_user

        reset_user(self, name, passphrase, admin)

    def register_issue(
        self, file_sha256: str, parts: Iterable[IssuedPart], how: str, actor: str
    ) -> None:
        """Record a sheet file just written (or printed): the hash of its bytes and, for each
        sheet inside it, which record it shows. Each part is a link of the audit chain."""
        with self._write() as now:
            for position, part in enumerate(parts, start=1):
                self._audit(
                    now,
                    part.session_id,
                    actor,
                    "issue sheet",
                    f"{how}, version {part.version}, {part.state}",
                    part.record_digest,
                    file_sha256,
                )
                self.conn.execute(
                    "INSERT INTO issued_sheets (file_sha256, position, session_id, version,"
                    " record_digest, state, how, issued_at, issued_by)"
                    " VALUES (?,?,?,?,?,?,?,?,?)",
                    [
                        file_sha256,
                        position,
                        part.session_id,
                        part.version,
                        part.record_digest,
                        part.state,
                        how,
                        now,
                        actor,
                    ],
                )

    def issued(self, file_sha256: str) -> list[IssuedPart]:
        """The sheets inside a file this database issued, in order, as first issued; empty if it
        issued none."""
        from pcso_interview.store.review import IssuedPart

        return [
            IssuedPart(**r)
            for r in self._rows(
                "SELECT session_id, version, record_digest, state, how, issued_at, issued_by"
                " FROM issued_sheets WHERE id IN (SELECT min(id) FROM issued_sheets"
                " WHERE file_sha256 = ? GROUP BY position) ORDER BY position",
                [file_sha256],
            )
        ]

    def signed_versions(self, session_id: str) -> list[SignedVersion]:
        """Every signed version of a session, with the content kept when it was signed."""
        from pcso_interview.store.integrity import signed_versions

        return signed_versions(self, session_id)

    def check(self) -> Iterator[Finding]:
        """Every problem in the database: audit chain, signed records, issued sheets."""
        from pcso_interview.store.integrity import check_database

        return check_database(self)

    def exists(self, session_id: str) -> bool:
        return self._one("SELECT 1 FROM sessions WHERE id = ?", [session_id]) is not None

    def sheets(self, session_id: str) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT version, digest, signed_at FROM sheets WHERE session_id = ? ORDER BY version",
            [session_id],
        )

    def audit_trail(self, session_id: str) -> list[AuditEntry]:
        from pcso_interview.store.review import AuditEntry

        return [
            AuditEntry(**r)
            for r in self._rows(
                "SELECT id, session_id, at, actor, action, subject, old, new FROM audit"
                " WHERE session_id = ? ORDER BY id",
                [session_id],
            )
        ]

    # --- session files ---------------------------------------------------------------------------

    def insert_session(self, session: Session, sheet_digest: str, actor: str) -> None:
        """Add a whole session from a file. The caller has checked it is new and untampered."""
        from pcso_interview.session import check_panel

        check_panel(session.panel)
        if self._one("SELECT 1 FROM sessions WHERE id = ?", [session.id]):
            raise SessionRuleError(f"A session with id {session.id} is already present.")
        with self._write() as now:
            self._insert_session_rows(session, sheet_digest, now, actor, "import")

    def insert_many(self, sessions: Iterable[Session], actor: str, batch: int = 500) -> int:
        """Bulk-add generated sessions (demo data) in batches of one transaction each."""
        count = 0
        pending: list[Session] = []

        def flush() -> None:
            with self._write() as now:
                for session in pending:
                    signed = session.status is Status.SIGNED
                    digest = session.digest() if signed else ""
                    self._insert_session_rows(session, digest, now, actor, "demo")
            pending.clear()

        for session in sessions:
            pending.append(session)
            count += 1
            if len(pending) >= batch:
                flush()
        if pending:
            flush()
        return count

    def _insert_session_rows(
        self, session: Session, sheet_digest: str, now: str, actor: str, action: str
    ) -> None:
        """Every row of a session made elsewhere, each step audited in the order the database
        requires: the session starts in setup, and locks only after its lock or withdraw row."""
        from pcso_interview.session import canonical_json, derived_status, digest

        profile = session.profile
        snapshot_text = canonical_json(dict(session.profile_snapshot)).decode("utf-8")
        snapshot_digest = digest(dict(session.profile_snapshot))
        outcome = session.outcome
        self.conn.execute(
            "INSERT OR IGNORE INTO profile_snapshots (digest, profile_id, json) VALUES (?,?,?)",
            [snapshot_digest, profile.id, snapshot_text],
        )
        self.conn.execute(
            "INSERT INTO sessions (id, profile_id, snapshot, force, role_title,"
            " candidate_name, candidate_ref, date, venue, chair_name, status, version,"
            " outcome, weighted_total, percentage, retention_months,"
            " search, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,'setup',?,?,?,?,?,?,?,?)",
            [
                session.id,
                profile.id,
                snapshot_digest,
                profile.force,
                profile.role_title,
                session.candidate_name,
                session.candidate_ref,
                session.date,
                session.venue,
                session.chair.name,
                session.version,
                outcome.result.value,
                outcome.weighted_total,
                outcome.percentage_text,
                profile.retention_months,
                _search_text(session.candidate_name, session.candidate_ref, session.panel),
                session.created_at or now,
                session.updated_at or now,
            ],
        )
        self._insert_members(session.id, session.panel)
        self._insert_marks(session.id, session)
        for area_id, question in session.questions.items():
            self.conn.execute(
                "INSERT INTO questions (session_id, area_id, question) VALUES (?,?,?)",
                [session.id, area_id, question],
            )
        for area_id, agreed in session.agreed.items():
            self.conn.execute(
                "INSERT INTO agreed (session_id, area_id, grade, rationale) VALUES (?,?,?,?)",
                [session.id, area_id, agreed.grade, agreed.rationale],
            )
        for r in session.revisions:
            self.conn.execute(
                "INSERT INTO revisions (session_id, member_id, area_id, at, old_grade, new_grade)"
                " VALUES (?,?,?,?,?,?)",
                [session.id, r.member_id, r.area_id, r.at, r.old, r.new],
            )
        signed_content = session.content_digest() if session.signoffs else ""
        for s in session.signoffs:
            self.conn.execute(
                "INSERT INTO signoffs (session_id, version, member_id, method, typed_name,"
                " signature_png, declaration, signed_at, content_digest)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    session.id,
                    session.version,
                    s.member_id,
                    s.method,
                    s.typed_name,
                    s.signature_png_b64,
                    s.declaration,
                    s.signed_at,
                    s.content_digest or signed_content,
                ],
            )
        status = session.status
        if status is Status.REOPENED:
            # The versions signed before are not in the file: the marks say where it stands.
            status = derived_status(replace(session, status=Status.SCORING))
        self._audit(
            now,
            session.id,
            actor,
            action,
            "session",
            "",
            f"{session.candidate_ref} {status.value} v{session.version}",
        )
        if status is Status.SIGNED:
            how = " (imported)" if action == "import" else " (demo data)"
            self._lock_signed(now, session, sheet_digest, actor, how, session.updated_at)
        elif status is Status.WITHDRAWN:
            self._withdraw_rows(
                now,
                session.id,
                session.withdrawn_reason,
                Status.SETUP.value,
                session.withdrawn_by or actor,
                closed_at=session.withdrawn_at or session.updated_at or now,
                updated=session.updated_at,
            )
        elif status is not Status.SETUP:
            self.conn.execute(
                "UPDATE sessions SET status = ? WHERE id = ?", [status.value, session.id]
            )

    def _insert_marks(
        self, session_id: str, session: Session, member_id: str | None = None
    ) -> None:
        for (m, indicator_id), mark in session.marks.items():
            if member_id is None or m == member_id:
                self.conn.execute(
                    "INSERT INTO marks (session_id, member_id, indicator_id, classification, note)"
                    " VALUES (?,?,?,?,?)",
                    [session_id, m, indicator_id, mark.classification.value, mark.note],
                )
        for (m, area_id), note in session.area_notes.items():
            if member_id is None or m == member_id:
                self.conn.execute(
                    "INSERT INTO area_notes (session_id, member_id, area_id, note)"
                    " VALUES (?,?,?,?)",
                    [session_id, m, area_id, note],
                )
        for (m, area_id), grade in session.grades.items():
            if member_id is None or m == member_id:
                self.conn.execute(
                    "INSERT INTO grades (session_id, member_id, area_id, grade) VALUES (?,?,?,?)",
                    [session_id, m, area_id, grade],
                )

    def merge_member_marks(self, incoming: Session, member_id: str, actor: str) -> list[str]:
        """Add one member's marks scored on another laptop to the same session here.

        ``incoming`` holds only that member's marks, notes and grades. Marks that already
        exist here and differ are conflicts: they are returned and nothing is imported.
        Returns the conflicts (empty when the merge was done).
        """
        from pcso_interview.session import Session

        with self._write() as now:
            here = self._editable(incoming.id)
            member = here.member(member_id)
            conflicts: list[str] = []
            for key, mark in incoming.marks.items():
                here.area_of_indicator(key[1])
                old = here.marks.get(key)
                if old is not None and old != mark:
                    conflicts.append(
                        f"{member.name}, indicator {key[1]}: here {old.classification.value}"
                        f" {old.note!r}, in the file {mark.classification.value} {mark.note!r}"
                    )
            for key, note in incoming.area_notes.items():
                old_note = here.area_notes.get(key)
                if old_note is not None and old_note != note:
                    conflicts.append(f"{member.name}, note on {key[1]}: differs")
            for key, grade in incoming.grades.items():
                here.profile.planned(key[1])
                if grade not in here.profile.scale.values:
                    raise SessionRuleError(f"{grade} is not a point on the scale.")
                old_grade = here.grades.get(key)
                if old_grade is not None and old_grade != grade:
                    conflicts.append(
                        f"{member.name}, grade for {key[1]}: here {old_grade}, in the file {grade}"
                    )
            if conflicts:
                return conflicts
            new_only = Session(
                id=here.id,
                profile_snapshot=here.profile_snapshot,
                candidate_name=here.candidate_name,
                candidate_ref=here.candidate_ref,
                date=here.date,
                venue=here.venue,
                panel=here.panel,
                marks={k: v for k, v in incoming.marks.items() if k not in here.marks},
                area_notes={
                    k: v for k, v in incoming.area_notes.items() if k not in here.area_notes
                },
                grades={k: v for k, v in incoming.grades.items() if k not in here.grades},
            )
            self._insert_marks(here.id, new_only, member_id)
            self._audit(
                now,
                here.id,
                actor,
                "merge marks",
                member_id,
                "",
                f"{len(new_only.marks)} marks, {len(new_only.area_notes)} notes,"
                f" {len(new_only.grades)} grades",
            )
            self._after_change(now, here, actor)
            return []

    # --- listing -------------------------------------------------------------------------------

    def query_sessions(self, query: SessionQuery | None = None) -> SessionPage:
        """One page of sessions for HR, filtered and sorted in SQL."""
        from pcso_interview.store.review import SessionPage, SessionQuery

        query = query or SessionQuery()
        where, params = _where(query, self.has_search_index)
        by = _order_by(query)
        page = [*params, query.limit, query.offset]
        indexed = uses_index(query.text.strip(), self.has_search_index)
        text_only = not (
            query.status or query.profile_id or query.outcome or query.date_from or query.date_to
        )
        hits = (
            self.conn.execute(
                "SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH ?", params[:1]
            ).fetchone()[0]
            if indexed and text_only
            else 0
        )
        if hits > WALK_FROM and query.sort == "date":
            # Many matches: walk the covering list index in date order and keep the rows
            # the text index matched; no table row is read until the page is known.
            rows = self._rows(
                f"SELECT {_ROW_COLUMNS} FROM sessions WHERE rowid IN (SELECT rowid FROM"
                f" sessions INDEXED BY sessions_list {where}{by} LIMIT ? OFFSET ?){by}",
                page,
            )
            return SessionPage(tuple(_row(r) for r in rows), hits, query)
        elif indexed:
            # Few enough matches to count while fetching the page: one text-index lookup.
            rows = self._rows(
                f"SELECT {_ROW_COLUMNS}, count(*) OVER () AS total FROM sessions {where}{by}"
                " LIMIT ? OFFSET ?",
                page,
            )
            if rows or not query.offset:
                total = rows[0]["total"] if rows else 0
                for r in rows:
                    del r["total"]
                return SessionPage(tuple(_row(r) for r in rows), total, query)
            count = f"SELECT count(*) FROM sessions {where}"
        else:
            rows = self._rows(
                f"SELECT {_ROW_COLUMNS} FROM sessions {where}{by} LIMIT ? OFFSET ?", page
            )
            count = f"SELECT count(*) FROM sessions {where}"
        total = self.conn.execute(count, params).fetchone()[0]
        return SessionPage(tuple(_row(r) for r in rows), total, query)

    def session_ids(self, query: SessionQuery) -> list[str]:
        """Every id matching the filters (for batch actions), in the query's order."""
        where, params = _where(query, self.has_search_index)
        return [
            r[0]
            for r in self.conn.execute(f"SELECT id FROM sessions {where}{_order_by(query)}", params)
        ]

    def panel_sessions(self, today: str, offset: int = 0, limit: int = 50) -> list[SessionRow]:
        """The panel's list, a page at a time: today's sessions first (newest first), then
        the others, most recent first."""
        todays = self._rows(
            f"SELECT {_ROW_COLUMNS} FROM sessions WHERE date = ?"
            " ORDER BY created_at DESC LIMIT ? OFFSET ?",
            [today, limit, offset],
        )
        others: list[dict[str, Any]] = []
        if len(todays) < limit:
            before = self.count_on(today)
            others = self._rows(
                f"SELECT {_ROW_COLUMNS} FROM sessions WHERE date != ?"
                " ORDER BY date DESC, created_at DESC LIMIT ? OFFSET ?",
                [today, limit - len(todays), max(0, offset - before)],
            )
        return [_row(r) for r in todays + others]

    def count_on(self, day: str) -> int:
        found = self.conn.execute("SELECT count(*) FROM sessions WHERE date = ?", [day])
        return int(found.fetchone()[0])

    def count_sessions(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM sessions").fetchone()[0])

    def recent_venues(self, limit: int = 10) -> list[str]:
        return [
            r["venue"]
            for r in self._rows(
                "SELECT venue, max(created_at) AS last FROM sessions WHERE venue != ''"
                " GROUP BY venue ORDER BY last DESC LIMIT ?",
                [limit],
            )
        ]

    def recent_panels(self, limit: int = 5) -> list[tuple[Member, ...]]:
        """Distinct panels of the most recent sessions, newest first."""
        from pcso_interview.session import Member

        seen: list[tuple[Member, ...]] = []
        for r in self._rows("SELECT id FROM sessions ORDER BY created_at DESC LIMIT 50"):
            panel = tuple(
                Member(m["member_id"], m["name"], m["role"], m["number"])
                for m in self._rows(
                    "SELECT * FROM members WHERE session_id = ? ORDER BY position", [r["id"]]
                )
            )
            if panel and panel not in seen:
                seen.append(panel)
            if len(seen) >= limit:
                break
        return seen

    # --- statistics ----------------------------------------------------------------------------

    def statistics_sessions(
        self, profile_id: str, date_from: str = "", date_to: str = ""
    ) -> list[StatSession]:
        """Signed sessions of a profile in a date range, as the statistics need them."""
        from pcso_interview.scoring import derived_agreed_grade
        from pcso_interview.statistics import Assessor, StatSession

        where = "s.profile_id = ? AND s.status = 'signed'"
        params: list[Any] = [profile_id]
        if date_from:
            where += " AND s.date >= ?"
            params.append(date_from)
        if date_to:
            where += " AND s.date <= ?"
            params.append(date_to)
        sessions = self._rows(
            f"SELECT s.id, s.outcome, p.json FROM sessions s"
            f" JOIN profile_snapshots p ON p.digest = s.snapshot WHERE {where}",
            params,
        )
        grades: dict[str, dict[str, list[tuple[Any, int, str, str]]]] = {}
        for r in self._rows(
            "SELECT g.session_id, g.area_id, g.grade, m.name, m.number, m.role, m.member_id"
            " FROM grades g JOIN members m"
            " ON m.session_id = g.session_id AND m.member_id = g.member_id"
            f" JOIN sessions s ON s.id = g.session_id WHERE {where}",
            params,
        ):
            grades.setdefault(r["session_id"], {}).setdefault(r["area_id"], []).append(
                (Assessor(r["name"], r["number"]), r["grade"], r["role"], r["member_id"])
            )
        recorded: dict[str, dict[str, int]] = {}
        for r in self._rows(
            "SELECT a.session_id, a.area_id, a.grade FROM agreed a"
            f" JOIN sessions s ON s.id = a.session_id WHERE {where}",
            params,
        ):
            recorded.setdefault(r["session_id"], {})[r["area_id"]] = r["grade"]
        result = []
        for row in sessions:
            _, profile = _profile_from_json(row["json"])
            by_area = grades.get(row["id"], {})
            agreed: dict[str, int] = {}
            for planned in profile.plan:
                members = by_area.get(planned.area, [])
                chair = next((m[3] for m in members if m[2] == "chair"), "")
                value = derived_agreed_grade(
                    profile.method,
                    {m[3]: m[1] for m in members},
                    chair,
                    [m[3] for m in members],
                )
                if value is None and profile.method == "consensus":
                    value = recorded.get(row["id"], {}).get(planned.area)
                if value is not None:
                    agreed[planned.area] = value
            result.append(
                StatSession(
                    row["id"],
                    row["outcome"],
                    agreed,
                    {a: tuple((m[0], m[1]) for m in ms) for a, ms in by_area.items()},
                )
            )
        return result

    # --- app state -----------------------------------------------------------------------------

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


WALK_FROM = 1000  # text matches above which the list index is walked rather than sorted

_ROW_COLUMNS = (
    "id, date, candidate_name, candidate_ref, profile_id, force, role_title, chair_name,"
    " status, outcome, weighted_total, percentage, version, venue, updated_at"
)


def _row(r: dict[str, Any]) -> SessionRow:
    return SessionRow(**r)


def uses_index(text: str, fts: bool) -> bool:
    """Trigrams need three characters; shorter text is matched by scanning."""
    return fts and len(text) >= 3


def _order_by(query: SessionQuery) -> str:
    """The query's sort, ties broken by creation and id so that pages never overlap."""
    tie = " DESC" if query.descending else ""
    return f" ORDER BY {SORT_COLUMNS[query.sort]}{tie}, created_at{tie}, id{tie}"


def _where(query: SessionQuery, fts: bool = False) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    text = query.text.strip()
    if uses_index(text, fts):
        # A trigram phrase matches exactly the texts that contain it: the index alone
        # answers, without reading a row that does not match.
        clauses.append("rowid IN (SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH ?)")
        params.append('"' + text.casefold().replace('"', '""') + '"')
    elif text:
        clauses.append("search LIKE ? ESCAPE '\\'")
        params.append(_like_pattern(text))
    if query.status:
        clauses.append(f"status IN ({', '.join('?' for _ in query.status)})")
        params.extend(query.status)
    if query.profile_id:
        clauses.append("profile_id = ?")
        params.append(query.profile_id)
    if query.outcome:
        clauses.append("outcome = ?")
        params.append(query.outcome)
    if query.date_from:
        clauses.append("date >= ?")
        params.append(query.date_from)
    if query.date_to:
        clauses.append("date <= ?")
        params.append(query.date_to)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _sheet_record(content: dict[str, Any]) -> bytes:
    """The signed content as kept with the sheet: the profile by its digest (it is kept once,
    in profile_snapshots), the rest as zlib-compressed canonical JSON."""
    from pcso_interview.session import canonical_json, digest

    return zlib.compress(canonical_json({**content, "profile": digest(content["profile"])}), 6)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _check_details(candidate_name: str, candidate_ref: str, day: str) -> None:
    if not candidate_name.strip():
        raise SessionRuleError("Enter the candidate's name.")
    if not candidate_ref.strip():
        raise SessionRuleError("Enter the candidate reference.")
    try:
        date.fromisoformat(day)
    except ValueError:
        raise SessionRuleError(f"{day!r} is not a date (use YYYY-MM-DD).") from None

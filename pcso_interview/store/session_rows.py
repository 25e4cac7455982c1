"""Whole sessions: creating, reading and resolving them, adding them from a file or the
demo, and the rows every room writes when a session locks or is withdrawn.

The domain model (session, scoring, profiles) is imported inside the methods that build or
check it: opening the store and listing sessions, all that the first window needs, then
create none of its dataclasses (about a millisecond each; bench/bench_startup.py).
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable
from dataclasses import replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from pcso_interview.lifecycle import INTERVIEW_LANGUAGES, SessionRuleError, Status
from pcso_interview.store.connection import Connection, like_pattern, profile_from_json
from pcso_interview.store.opening import RecordDamagedError
from pcso_interview.store.records import UnknownSessionError, resolve_key

if TYPE_CHECKING:
    from pcso_interview.profiles import Profile
    from pcso_interview.session import Member, PreviousVersion, Session
    from pcso_interview.store.review import AuditEntry


class SessionRecords(Connection):
    """Sessions as wholes: made, read, added; the lock and withdraw rows."""

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
        campaign: str = "",
        interview_language: str = "en",
    ) -> str:
        """A new session in setup; ``campaign`` defaults to the profile's force and role and the
        month of ``date``. Typed details are kept without the spaces around them."""
        from pcso_interview.campaigns import checked_campaign, default_campaign
        from pcso_interview.session import canonical_json, check_details, check_panel, digest

        candidate_name, candidate_ref, venue = (
            candidate_name.strip(),
            candidate_ref.strip(),
            venue.strip(),
        )
        members = tuple(replace(m, name=m.name.strip(), number=m.number.strip()) for m in panel)
        check_panel(members)
        check_details(candidate_name, candidate_ref, date, venue, members)
        campaign = checked_campaign(
            campaign or default_campaign(profile.force, profile.role_title, date)
        )
        if interview_language not in INTERVIEW_LANGUAGES:
            raise ValueError(
                f"interview language {interview_language!r} is not one of"
                f" {', '.join(INTERVIEW_LANGUAGES)}"
            )
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
                " retention_months, search, created_at, updated_at, interview_language)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    new_id,
                    profile.id,
                    snapshot_digest,
                    profile.force,
                    profile.role_title,
                    candidate_name,
                    candidate_ref,
                    date,
                    venue,
                    chair.name,
                    Status.SETUP.value,
                    profile.retention_months,
                    search_text(candidate_name, candidate_ref, members),
                    now,
                    now,
                    interview_language,
                ],
            )
            self._insert_members(new_id, members)
            self._insert_campaign(new_id, campaign)
            for key, question in (questions or {}).items():
                check_question_key(profile, key)
                if question.strip():
                    # area_id holds the question's key: an area's second question is "id#2"
                    self.conn.execute(
                        "INSERT INTO questions (session_id, area_id, question) VALUES (?,?,?)",
                        [new_id, key, question],
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

    def _insert_campaign(self, session_id: str, campaign: str) -> None:
        self.conn.execute(
            "INSERT INTO session_campaigns (session_id, campaign) VALUES (?, ?)",
            [session_id, campaign],
        )

    def _insert_members(self, session_id: str, members: tuple[Member, ...]) -> None:
        """The panel as given: a typed one was stripped before its check, and an imported one
        is signed content, kept exactly."""
        for position, m in enumerate(members):
            self.conn.execute(
                "INSERT INTO members (session_id, member_id, position, name, role, number)"
                " VALUES (?,?,?,?,?,?)",
                [session_id, m.id, position, m.name, m.role.value, m.number],
            )

    def resolve(self, key: str) -> str:
        """A session id from a full id, a unique id prefix, or a unique candidate reference."""
        return resolve_key(
            key,
            self.exists,
            lambda k: [
                r["id"]
                for r in self._rows(
                    "SELECT id FROM sessions WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                    [like_pattern(k, prefix=True)],
                )
            ],
            lambda k: [
                r["id"]
                for r in self._rows(
                    "SELECT id FROM sessions WHERE candidate_ref = ? COLLATE NOCASE"
                    " ORDER BY date DESC LIMIT 2",
                    [k],
                )
            ],
            lambda: [
                (r["id"], r["candidate_ref"])
                for r in self._rows(
                    "SELECT id, candidate_ref FROM sessions"
                    " WHERE length(candidate_ref) <> length(CAST(candidate_ref AS BLOB))"
                    " ORDER BY date DESC"
                )
            ],
        )

    def load(self, session_id: str) -> Session:
        """The session as stored. The one last read or changed through this connection is
        kept while nothing has been written since, so a key press reads it once, not twice."""
        stamp = self.stamp()  # before reading: a commit elsewhere meanwhile reads it again
        recent = self._recent
        if recent is not None and recent[0] == stamp and recent[1].id == session_id:
            return recent[1]
        try:
            session = self._read(session_id)
        except (RecordDamagedError, UnknownSessionError):
            raise
        except (ValueError, TypeError, KeyError, zlib.error) as exc:
            # A row retyped or rewritten behind the app's back (a version that is not a
            # number, a profile that is not JSON): named as damage, never a traceback.
            raise RecordDamagedError(
                f"Session {session_id}: its record is damaged and cannot be read"
                f" ({type(exc).__name__}: {exc}). Run `pcso-interview check` and restore a"
                " backup."
            ) from None
        self._recent = (stamp, session)
        return session

    def _read(self, session_id: str) -> Session:
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
        snapshot, profile = profile_from_json(snapshot_row["json"])
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
            # absent while migration 004 reads sessions before 006 has added the column
            interview_language=row.get("interview_language", "en"),
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

    def exists(self, session_id: str) -> bool:
        return self._one("SELECT 1 FROM sessions WHERE id = ?", [session_id]) is not None

    def sheets(self, session_id: str) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT version, digest, signed_at FROM sheets WHERE session_id = ? ORDER BY version",
            [session_id],
        )

    def sheet_digest(self, session_id: str, version: int) -> str | None:
        """The digest recorded when that version was signed, or None."""
        row = self._one(
            "SELECT digest FROM sheets WHERE session_id = ? AND version = ?", [session_id, version]
        )
        return row["digest"] if row else None

    def purge_of(self, session_id: str) -> AuditEntry | None:
        """The audit row of the session's purge here, or None: a purged candidate must not
        come back with an old session file (the database refuses it too)."""
        from pcso_interview.store.review import AuditEntry

        row = self._one(
            "SELECT id, session_id, at, actor, action, subject, old, new FROM audit"
            " WHERE session_id = ? AND action = 'purge' ORDER BY id DESC LIMIT 1",
            [session_id],
        )
        return AuditEntry(**row) if row else None

    def insert_session(self, session: Session, sheet_digest: str, actor: str) -> None:
        """Add a whole session from a file. The caller has checked it is new and untampered;
        its details are held to the rule of a session set up here, as written."""
        from pcso_interview.session import check_details, check_panel

        check_panel(session.panel)
        check_details(
            session.candidate_name,
            session.candidate_ref,
            session.date,
            session.venue,
            session.panel,
        )
        if self.exists(session.id):
            raise SessionRuleError(f"A session with id {session.id} is already present.")
        purge = self.purge_of(session.id)
        if purge is not None:
            raise SessionRuleError(
                f"Session {session.id} was purged here on {purge.at[:10]} by {purge.actor};"
                " it is not brought back."
            )
        with self._write() as now:
            self._insert_session_rows(session, sheet_digest, now, actor, "import")

    def insert_many(self, sessions: Iterable[Session], actor: str, batch: int = 500) -> int:
        """Bulk-add generated sessions (demo data) in batches of one transaction each."""
        count = 0
        pending: list[Session] = []

        def flush() -> None:
            from pcso_interview.session import digest

            with self._write() as now:
                for session in pending:
                    # The signed content is built and encoded once for its digest and its rows:
                    # each encoding holds the whole profile.
                    content = session.signed_content() if session.signoffs else None
                    signed = content is not None and session.status is Status.SIGNED
                    sheet_digest = digest(content) if signed else ""
                    self._insert_session_rows(
                        session, sheet_digest, now, actor, "demo", content=content
                    )
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
        self,
        session: Session,
        sheet_digest: str,
        now: str,
        actor: str,
        action: str,
        content: dict[str, Any] | None = None,
    ) -> None:
        """Every row of a session made elsewhere, each step audited in the order the database
        requires: the session starts in setup, and locks only after its lock or withdraw row.
        ``content`` is the session's signed content when the caller has built it already."""
        from pcso_interview.session import canonical_json, content_digest_of, derived_status

        profile = session.profile
        snapshot_json = canonical_json(dict(session.profile_snapshot))
        snapshot_text = snapshot_json.decode("utf-8")
        snapshot_digest = hashlib.sha256(snapshot_json).hexdigest()  # session.digest's way
        outcome = session.outcome
        self.conn.execute(
            "INSERT OR IGNORE INTO profile_snapshots (digest, profile_id, json) VALUES (?,?,?)",
            [snapshot_digest, profile.id, snapshot_text],
        )
        self.conn.execute(
            "INSERT INTO sessions (id, profile_id, snapshot, force, role_title,"
            " candidate_name, candidate_ref, date, venue, chair_name, status, version,"
            " outcome, weighted_total, percentage, retention_months,"
            " search, created_at, updated_at, interview_language)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,'setup',?,?,?,?,?,?,?,?,?)",
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
                column_total(outcome.weighted_total),
                outcome.percentage_text,
                profile.retention_months,
                search_text(session.candidate_name, session.candidate_ref, session.panel),
                session.created_at or now,
                session.updated_at or now,
                session.interview_language,  # kept from the file; not signed content
            ],
        )
        self._insert_members(session.id, session.panel)
        from pcso_interview.campaigns import default_campaign

        self._insert_campaign(
            session.id, default_campaign(profile.force, profile.role_title, session.date)
        )
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
        if session.signoffs and content is None:
            content = session.signed_content()
        signed_content = content_digest_of(content) if content is not None else ""
        for s in session.signoffs:
            self.conn.execute(
                "INSERT INTO signoffs (session_id, version, member_id, method, typed_name,"
                " signature_png, declaration, signed_at, content_digest)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    session.id,
                    session.version,
                    s.member_id,
                    s.method.value,
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
            self._lock_signed(
                now,
                session,
                sheet_digest,
                actor,
                how,
                session.updated_at,
                sheet_record=_sheet_record(content or session.signed_content(), snapshot_digest),
            )
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

    def _write_list_columns(self, now: str, session: Session, status: Status) -> None:
        """The status and outcome columns the lists filter on, as the session's marks say.
        Only the columns whose stored value differs are set, so that a key press that moves
        neither status nor outcome rewrites no page of their indexes."""
        outcome = session.outcome
        values: dict[str, object] = {
            "status": status.value,
            "outcome": outcome.result.value,
            "weighted_total": column_total(outcome.weighted_total),
            "percentage": outcome.percentage_text,
        }
        stored = self._one(
            "SELECT status, outcome, weighted_total, percentage FROM sessions WHERE id = ?",
            [session.id],
        )
        if stored is not None:
            values = {name: value for name, value in values.items() if stored[name] != value}
        values["updated_at"] = now
        assignments = ", ".join(f"{name} = ?" for name in values)
        self.conn.execute(
            f"UPDATE sessions SET {assignments} WHERE id = ?", [*values.values(), session.id]
        )

    def _lock_signed(
        self,
        now: str,
        session: Session,
        sheet_digest: str,
        actor: str,
        how: str,
        updated: str = "",
        sheet_record: bytes = b"",
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
                sheet_record or _sheet_record(session.signed_content()),
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


def column_total(total: Fraction | int) -> int | float:
    """The weighted total for the list's column, which sorts by it: an integer, or with
    decimal weights its tenths as a float (13.5; shown from the outcome's own text)."""
    exact = Fraction(total)
    return exact.numerator if exact.denominator == 1 else float(exact)


def search_text(name: str, ref: str, panel: Iterable[Member]) -> str:
    return " ".join([name, ref, *(m.name for m in panel)]).casefold()


def signed_list_columns(session: Session) -> dict[str, Any]:
    """The HR list's columns a signed version decides: the force archive's push words its
    list row with them, and its check compares the row with them."""
    outcome = session.outcome
    return {
        "version": session.version,
        "profile_id": session.profile.id,
        "force": session.profile.force,
        "role_title": session.profile.role_title,
        "candidate_name": session.candidate_name,
        "candidate_ref": session.candidate_ref,
        "date": session.date,
        "venue": session.venue,
        "chair_name": session.chair.name,
        "status": "signed",
        "outcome": outcome.result.value,
        "weighted_total": column_total(outcome.weighted_total),
        "percentage": outcome.percentage_text,
        "retention_months": session.profile.retention_months,
        "search": search_text(session.candidate_name, session.candidate_ref, session.panel),
    }


def _sheet_record(content: dict[str, Any], profile_digest: str = "") -> bytes:
    """The signed content as kept with the sheet: the profile by its digest (it is kept once,
    in profile_snapshots), the rest as zlib-compressed canonical JSON."""
    from pcso_interview.session import canonical_json, digest

    by_digest = profile_digest or digest(content["profile"])
    return zlib.compress(canonical_json({**content, "profile": by_digest}), 6)


def check_question_key(profile: Profile, key: str) -> None:
    """A question key names a planned area's question: 'area-id', or 'area-id#2' for the
    second of an area the profile gives two or more questions."""
    from pcso_interview.profiles import question_key_area

    planned = profile.planned(question_key_area(key))
    if key not in planned.question_keys:
        raise SessionRuleError(f"The profile has no question {key!r}.")

"""HR's actions on closed sessions (reopen, withdraw, purge past retention) and what HR reads
to trust a record: its verification, the sheets issued, the audit trail, the database check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from pcso_interview.lifecycle import SessionRuleError, Status, check_transition
from pcso_interview.phrases import Phrase
from pcso_interview.store import opening
from pcso_interview.store.listing import ROW_COLUMNS, session_row
from pcso_interview.store.records import SessionRow
from pcso_interview.store.session_rows import SessionRecords

if TYPE_CHECKING:
    from pcso_interview.session import Session
    from pcso_interview.store.integrity import Finding, SignedVersion
    from pcso_interview.store.review import AuditEntry, IssuedPart, PurgeResult, Verification


class HrActions(SessionRecords):
    """Reopen, withdraw, purge; verification, the issued-sheets register, the audit trail."""

    def reopen(self, session_id: str, reason: str, actor: str) -> None:
        """HR only: the one way back from signed or withdrawn. The next sign-off is version+1."""
        if not reason.strip():
            raise SessionRuleError(Phrase.of("error.reopen_reason"))
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
            raise SessionRuleError(Phrase.of("error.withdraw_reason"))
        with self._write() as now:
            session = self.load(session_id)
            check_transition(session.status, Status.WITHDRAWN)
            self._withdraw_rows(now, session_id, reason.strip(), session.status.value, actor)

    def purge_candidates(self, today: date | None = None) -> list[SessionRow]:
        """Signed or withdrawn sessions past their profile's retention period."""
        day = (today or self.clock().date()).isoformat()
        return [
            session_row(r)
            for r in self._rows(
                f"SELECT {ROW_COLUMNS} FROM sessions WHERE status IN ('signed', 'withdrawn')"
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
        and why, and their sheets leave the register of issued sheets (a sheet of theirs
        verifies as purged from the purge row and the sheet's own footer). Then no byte of
        them is left: free pages are zeroed (secure_delete), the search index is rebuilt, the
        file is vacuumed and its WAL emptied, and every backup that holds one of them is
        removed, a fresh backup taken in their place.
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
                # Its sheets leave the register too (which and when, by whom, with what
                # digest); the database lets them go only right after this purge row.
                self.conn.execute("DELETE FROM issued_sheets WHERE session_id = ?", [session_id])
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

    def session_problems(self, session: Session) -> list[str]:
        """What `check` finds of one session: its record, and its versions against the
        audit trail (whatever its status: a signing undone by hand leaves it unlocked)."""
        from pcso_interview.store.integrity import session_problems

        return session_problems(self, session)

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
        issued none (a purged session's sheets are no longer in the register)."""
        from pcso_interview.store.review import IssuedPart

        return [
            IssuedPart(**r)
            for r in self._rows(
                "SELECT session_id, version, record_digest, state, how, issued_at, issued_by,"
                " position FROM issued_sheets WHERE id IN (SELECT min(id) FROM issued_sheets"
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

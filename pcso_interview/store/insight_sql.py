"""What HR's exports, statistics and groupings read in bulk (facts.FactsReader), campaigns, and
the equality-monitoring data kept apart from the sessions.

Facts come a batch of ids at a time in six queries, whatever the batch's size: a 50,000-session
export or statistic reads in seconds, where loading each session whole would take minutes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from pcso_interview.campaigns import checked_campaign
from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.store.connection import Connection, profile_from_json
from pcso_interview.store.records import UnknownSessionError

if TYPE_CHECKING:
    from pcso_interview.equality import EqualityFile, EqualityImport
    from pcso_interview.facts import EqualityRow, FactsBatch, SessionFacts
    from pcso_interview.profiles import Profile
    from pcso_interview.store.review import SessionGroup, SessionQuery

BATCH = 900  # ids per IN (...) list, well under SQLite's limit on parameters
GROUPINGS = ("day", "campaign")


def _marks(count: int) -> str:
    return ", ".join("?" * count)


class InsightSql(Connection):
    """Bulk reads for HR, campaigns and equality data."""

    # --- facts ---------------------------------------------------------------------------------

    def session_facts(self, session_ids: Sequence[str]) -> FactsBatch:
        """The facts of the given sessions, in the order given (unknown ids are left out)."""
        from pcso_interview.facts import FactsBatch

        facts: list[SessionFacts] = []
        profiles: dict[str, Profile] = {}
        for start in range(0, len(session_ids), BATCH):
            part = list(session_ids[start : start + BATCH])
            with self._one_state():
                batch = self._facts(part)
            facts += batch.facts
            profiles.update(batch.profiles)
        return FactsBatch(tuple(facts), profiles)

    @contextmanager
    def _one_state(self) -> Iterator[None]:
        """A batch's queries read one state of the database (a read transaction): a session
        purged by another window between two of them would otherwise come back without its
        profile version, which the purge deleted with it."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    def _facts(self, ids: list[str]) -> FactsBatch:
        from pcso_interview.facts import FactsBatch, SessionFacts
        from pcso_interview.session import Member

        if not ids:
            return FactsBatch((), {})
        marks = _marks(len(ids))
        rows = {
            r["id"]: r
            for r in self._rows(
                "SELECT s.id, s.snapshot, s.candidate_name, s.candidate_ref, s.date, s.venue,"
                " s.status, s.version, s.withdrawn_reason, coalesce(c.campaign, '') AS campaign,"
                " coalesce(h.digest, '') AS digest, coalesce(h.signed_at, '') AS signed_at"
                " FROM sessions s LEFT JOIN session_campaigns c ON c.session_id = s.id"
                " LEFT JOIN sheets h ON h.session_id = s.id AND h.version = s.version"
                f" AND s.status = 'signed' WHERE s.id IN ({marks})",
                ids,
            )
        }
        panels: dict[str, list[Member]] = {}
        for session_id, member_id, name, role, number in self.conn.execute(
            "SELECT session_id, member_id, name, role, number FROM members"
            f" WHERE session_id IN ({marks}) ORDER BY session_id, position",
            ids,
        ):
            panels.setdefault(session_id, []).append(Member(member_id, name, role, number))
        grades: dict[str, dict[tuple[str, str], int]] = {}
        for session_id, member_id, area_id, grade in self.conn.execute(
            "SELECT session_id, member_id, area_id, grade FROM grades"
            f" WHERE session_id IN ({marks})",
            ids,
        ):
            grades.setdefault(session_id, {})[(member_id, area_id)] = grade
        recorded: dict[str, dict[str, int]] = {}
        for session_id, area_id, grade in self.conn.execute(
            f"SELECT session_id, area_id, grade FROM agreed WHERE session_id IN ({marks})", ids
        ):
            recorded.setdefault(session_id, {})[area_id] = grade
        revised: dict[str, list[tuple[str, str]]] = {}
        if self.has_revisions:
            for session_id, member_id, area_id in self.conn.execute(
                "SELECT session_id, member_id, area_id FROM revisions"
                f" WHERE session_id IN ({marks}) ORDER BY at, member_id, area_id",
                ids,
            ):
                revised.setdefault(session_id, []).append((member_id, area_id))
        snapshots = sorted({r["snapshot"] for r in rows.values()})
        profiles = {
            digest: profile_from_json(text)[1]
            for digest, text in self.conn.execute(
                "SELECT digest, json FROM profile_snapshots"
                f" WHERE digest IN ({_marks(len(snapshots))})",
                snapshots,
            )
        }
        facts = tuple(
            SessionFacts(
                session_id=r["id"],
                snapshot=r["snapshot"],
                candidate_name=r["candidate_name"],
                candidate_ref=r["candidate_ref"],
                date=r["date"],
                venue=r["venue"],
                campaign=r["campaign"],
                status=r["status"],
                version=r["version"],
                panel=tuple(panels.get(r["id"], ())),
                grades=grades.get(r["id"], {}),
                recorded=recorded.get(r["id"], {}),
                revised=tuple(revised.get(r["id"], ())),
                signed_at=r["signed_at"],
                digest=r["digest"],
                withdrawn_reason=r["withdrawn_reason"],
            )
            for session_id in ids
            if (r := rows.get(session_id)) is not None
        )
        return FactsBatch(facts, profiles)

    # --- equality data -------------------------------------------------------------------------

    def equality_rows(self, session_ids: Sequence[str]) -> list[EqualityRow]:
        from pcso_interview.facts import EqualityRow

        found = []
        for start in range(0, len(session_ids), BATCH):
            part = list(session_ids[start : start + BATCH])
            found += [
                EqualityRow(*r)
                for r in self.conn.execute(
                    "SELECT session_id, characteristic, grp FROM equality"
                    f" WHERE session_id IN ({_marks(len(part))})"
                    " ORDER BY session_id, characteristic",
                    part,
                )
            ]
        return found

    def sessions_with_equality_data(self) -> int:
        return int(
            self.conn.execute("SELECT count(DISTINCT session_id) FROM equality").fetchone()[0]
        )

    def import_equality(self, data: EqualityFile, actor: str) -> EqualityImport:
        """Attach each candidate's characteristics to their sessions (matched by reference),
        replacing what an earlier import gave them; one transaction, one audit row per session
        whose data changed (naming the characteristics, never a value)."""
        from pcso_interview.equality import EqualityImport, reference_key

        if not actor.strip():
            raise SessionRuleError("Importing equality data needs the name of the HR account.")
        sessions: dict[str, list[str]] = {}
        for session_id, reference in self.conn.execute("SELECT id, candidate_ref FROM sessions"):
            sessions.setdefault(reference_key(reference), []).append(session_id)
        unmatched = []
        touched = 0
        with self._write() as now:
            for record in data.records:
                ids = sessions.get(reference_key(record.reference))
                if not ids:
                    unmatched.append(record.reference)
                    continue
                wanted = sorted(record.groups.items())
                for session_id in ids:
                    touched += 1
                    had = self.conn.execute(
                        "SELECT characteristic, grp FROM equality WHERE session_id = ?"
                        " ORDER BY characteristic",
                        [session_id],
                    ).fetchall()
                    if [tuple(r) for r in had] == wanted:
                        continue
                    self.conn.execute("DELETE FROM equality WHERE session_id = ?", [session_id])
                    self.conn.executemany(
                        "INSERT INTO equality (session_id, characteristic, grp) VALUES (?,?,?)",
                        [(session_id, name, group) for name, group in wanted],
                    )
                    self._audit(
                        now,
                        session_id,
                        actor,
                        "equality data",
                        "from the recruitment system" + (" (replaced)" if had else ""),
                        "",
                        ", ".join(name for name, _ in wanted),
                    )
        return EqualityImport(
            data.characteristics, len(data.records), touched, tuple(unmatched), data.repeated
        )

    # --- campaigns -----------------------------------------------------------------------------

    def campaigns(self) -> list[str]:
        """Every campaign with a session, in alphabetical order (from the index alone: 7 ms
        with 50,000 sessions, where ordering them by their latest day took 150)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT campaign FROM session_campaigns ORDER BY campaign"
            )
        ]

    def recent_campaigns(self, limit: int = 20) -> list[str]:
        """The campaigns of the most recent sessions, newest first (walking the sessions by
        date and stopping once ``limit`` campaigns are found)."""
        found: list[str] = []
        for (name,) in self.conn.execute(
            "SELECT c.campaign FROM sessions s JOIN session_campaigns c ON c.session_id = s.id"
            " ORDER BY s.date DESC, s.created_at DESC"
        ):
            if name not in found:
                found.append(name)
                if len(found) >= limit:
                    break
        return found

    def profiles_in_use(self) -> list[tuple[str, str, str]]:
        """Every profile id a session was made with, and its force and role as the newest of
        those sessions gives them, by id: a profile whose force file is gone or broken still
        has its sessions, and HR still counts them by profile (``insight.profile_names``)."""
        return [
            (str(r[0]), str(r[1]), str(r[2]))
            for r in self.conn.execute(
                "SELECT profile_id, force, role_title, max(date) FROM sessions"
                " GROUP BY profile_id ORDER BY profile_id"
            )
        ]

    def campaign_of(self, session_id: str) -> str:
        row = self._one("SELECT campaign FROM session_campaigns WHERE session_id = ?", [session_id])
        return str(row["campaign"]) if row else ""

    def set_campaign(self, session_ids: Iterable[str], campaign: str, actor: str) -> int:
        """HR moves sessions to a campaign; audited for each session moved. Not part of the
        signed record: a signed session may move, and its digest stays what it was."""
        name = checked_campaign(campaign)
        if not actor.strip():
            raise SessionRuleError("Changing a campaign needs the name of the HR account.")
        moved = 0
        with self._write() as now:
            for session_id in dict.fromkeys(session_ids):
                row = self._one("SELECT 1 FROM sessions WHERE id = ?", [session_id])
                if row is None:
                    raise UnknownSessionError(f"No session with id {session_id!r}.")
                old = self.campaign_of(session_id)
                if old == name:
                    continue
                self._audit(now, session_id, actor, "campaign", "", old, name)
                self.conn.execute(
                    "INSERT INTO session_campaigns (session_id, campaign) VALUES (?, ?)"
                    " ON CONFLICT (session_id) DO UPDATE SET campaign = excluded.campaign",
                    [session_id, name],
                )
                moved += 1
        return moved

    def session_groups(self, query: SessionQuery, by: str) -> list[SessionGroup]:
        """The sessions matching the query's filters, grouped by day or by campaign, with
        their counts: newest day or campaign first."""
        from pcso_interview.store.listing import _where
        from pcso_interview.store.review import SessionGroup

        if by not in GROUPINGS:
            raise ValueError(f"cannot group by {by!r}; choose one of {', '.join(GROUPINGS)}")
        key = (
            "date"
            if by == "day"
            else "coalesce((SELECT campaign FROM session_campaigns"
            " WHERE session_id = sessions.id), '')"
        )
        where, params = _where(query, self.has_search_index)
        return [
            SessionGroup(*r)
            for r in self.conn.execute(
                f"SELECT {key} AS grouped, count(*), sum(status = 'signed'),"
                " sum(status = 'signed' AND outcome = 'pass'),"
                " sum(status = 'signed' AND outcome = 'fail'), sum(status = 'withdrawn'),"
                f" min(date), max(date) FROM sessions {where}"
                " GROUP BY grouped ORDER BY max(date) DESC, grouped",
                params,
            )
        ]

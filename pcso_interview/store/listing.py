"""The lists: HR's pages of sessions (filtered and sorted in SQL, a trigram index for text),
the panel's list with today's first, and the counts and recent values the screens offer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pcso_interview.store.connection import Connection, like_pattern
from pcso_interview.store.records import SORT_COLUMNS, SessionRow

if TYPE_CHECKING:
    from pcso_interview.session import Member
    from pcso_interview.store.review import SessionPage, SessionQuery


class Listing(Connection):
    """Pages, counts and recent values; never a whole session."""

    def query_sessions(self, query: SessionQuery | None = None) -> SessionPage:
        """One page of sessions for HR, filtered and sorted in SQL."""
        from pcso_interview.store.review import SessionPage, SessionQuery

        query = query or SessionQuery()
        where, params = _where(query, self.has_search_index)
        by = _order_by(query)
        page = [*params, query.limit, query.offset]
        indexed = uses_index(query.text.strip(), self.has_search_index)
        text_only = not (
            query.status
            or query.profile_id
            or query.outcome
            or query.date_from
            or query.date_to
            or query.campaign
            or query.language
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
                f"SELECT {ROW_COLUMNS} FROM sessions WHERE rowid IN (SELECT rowid FROM"
                f" sessions INDEXED BY sessions_list {where}{by} LIMIT ? OFFSET ?){by}",
                page,
            )
            return SessionPage(tuple(session_row(r) for r in rows), hits, query)
        elif indexed:
            # Few enough matches to count while fetching the page: one text-index lookup.
            rows = self._rows(
                f"SELECT {ROW_COLUMNS}, count(*) OVER () AS total FROM sessions {where}{by}"
                " LIMIT ? OFFSET ?",
                page,
            )
            if rows or not query.offset:
                total = rows[0]["total"] if rows else 0
                for r in rows:
                    del r["total"]
                return SessionPage(tuple(session_row(r) for r in rows), total, query)
            count = f"SELECT count(*) FROM sessions {where}"
        else:
            rows = self._rows(
                f"SELECT {ROW_COLUMNS} FROM sessions {where}{by} LIMIT ? OFFSET ?", page
            )
            count = f"SELECT count(*) FROM sessions {where}"
        total = self.conn.execute(count, params).fetchone()[0]
        return SessionPage(tuple(session_row(r) for r in rows), total, query)

    def session_ids(self, query: SessionQuery) -> list[str]:
        """Every id matching the filters (for batch actions), in the query's order."""
        where, params = _where(query, self.has_search_index)
        return [
            r[0]
            for r in self.conn.execute(f"SELECT id FROM sessions {where}{_order_by(query)}", params)
        ]

    def list_marker(self) -> int:
        """Where the audit log stands (its newest row): every change to a session writes a row,
        so HR's list read after this is the database as it stood until a later row."""
        return int(self.conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])

    def list_changed_since(self, marker: int) -> bool:
        """Whether a session changed after ``marker`` (``list_marker``) in a way HR's list may
        show: a row number of a list read before may then name another session. Sheets issued
        and equality data or PINs set change no row of the list and do not count (HR's own
        reprint must not make its next action on the same list refused)."""
        found = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM audit WHERE id > ?"
            f" AND action NOT IN ({', '.join('?' for _ in UNLISTED_ACTIONS)}))",
            [marker, *UNLISTED_ACTIONS],
        ).fetchone()
        return bool(found[0])

    def panel_sessions(self, today: str, offset: int = 0, limit: int = 50) -> list[SessionRow]:
        """The panel's list, a page at a time: today's sessions first (newest first), then
        the others, most recent first."""
        todays = self._rows(
            f"SELECT {ROW_COLUMNS} FROM sessions WHERE date = ?"
            " ORDER BY created_at DESC LIMIT ? OFFSET ?",
            [today, limit, offset],
        )
        others: list[dict[str, Any]] = []
        if len(todays) < limit:
            before = self.count_on(today)
            others = self._rows(
                f"SELECT {ROW_COLUMNS} FROM sessions WHERE date != ?"
                " ORDER BY date DESC, created_at DESC LIMIT ? OFFSET ?",
                [today, limit - len(todays), max(0, offset - before)],
            )
        return [session_row(r) for r in todays + others]

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


# Audit actions that change no column of HR's list, nor which sessions match its filters.
UNLISTED_ACTIONS = (
    "issue sheet",
    "equality data",
    "set PIN",
    "PIN refused",
    "reset PIN",
    "add user",
    "sign-in refused",
    "reset passphrase",
)

WALK_FROM = 1000  # text matches above which the list index is walked rather than sorted


ROW_COLUMNS = (
    "id, date, candidate_name, candidate_ref, profile_id, force, role_title, chair_name,"
    " status, outcome, weighted_total, percentage, version, venue, updated_at,"
    " coalesce((SELECT campaign FROM session_campaigns WHERE session_id = sessions.id), '')"
    " AS campaign, interview_language"
)


def session_row(r: dict[str, Any]) -> SessionRow:
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
        params.append(like_pattern(text))
    if query.status:
        clauses.append(f"status IN ({', '.join('?' for _ in query.status)})")
        params.extend(query.status)
    if query.profile_id:
        clauses.append("profile_id = ?")
        params.append(query.profile_id)
    if query.outcome:
        clauses.append("outcome = ?")
        params.append(query.outcome)
    if query.language:
        clauses.append("interview_language = ?")
        params.append(query.language)
    if query.date_from:
        clauses.append("date >= ?")
        params.append(query.date_from)
    if query.date_to:
        clauses.append("date <= ?")
        params.append(query.date_to)
    if query.campaign:
        clauses.append("id IN (SELECT session_id FROM session_campaigns WHERE campaign = ?)")
        params.append(query.campaign)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

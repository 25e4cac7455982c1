"""HR on the archive: the read side of ``Store`` over PostgreSQL, with the same return types.

The list (``query_sessions``) filters, sorts and pages in SQL as the laptop does: text columns
sort as SQLite's BINARY and NOCASE do (collation "C", ASCII-only ``lower``), the text filter
matches the same casefolded search text (kept in a narrow table with a pg_trgm index), and
ties break by creation and id. A session loads as the record the laptop pushed (or, for a
version the laptop had moved past, as its signed content) and is checked whenever it is read,
like a laptop's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pcso_interview.store.archive.connect import (
    ArchiveError,
    PasswordPrompt,
    connect,
    connection_params,
    describe,
    refusal,
)
from pcso_interview.store.records import SessionRow, UnknownSessionError, resolve_key

if TYPE_CHECKING:
    import psycopg

    from pcso_interview.facts import EqualityRow, FactsBatch, SessionFacts
    from pcso_interview.profiles import Profile
    from pcso_interview.session import Session
    from pcso_interview.statistics import StatSession
    from pcso_interview.store.integrity import Finding, SignedVersion
    from pcso_interview.store.review import (
        AuditEntry,
        IssuedPart,
        SessionGroup,
        SessionPage,
        SessionQuery,
        Verification,
    )

# The laptop's sort keys (records.SORT_COLUMNS), in PostgreSQL: the columns are COLLATE "C"
# (SQLite's BINARY) and lower() under "C" folds ASCII only (SQLite's NOCASE).
SORT_COLUMNS = {
    "date": "date",
    "candidate": "lower(candidate_name)",
    "reference": "lower(candidate_ref)",
    "force": "lower(force)",
    "role": "lower(role_title)",
    "chair": "lower(chair_name)",
    "status": "status",
    "outcome": "outcome",
    "total": "weighted_total",
    "updated": "updated_at",
    "language": "interview_language",
}
# A session's campaign on the archive: laptops do not push campaigns (they are not part of the
# signed record), so every session is in its default one, as campaigns.default_campaign words it
# (force · role · month) and the laptop's migration 7 gives sessions set up before campaigns.
CAMPAIGN = "(btrim(force) || ' · ' || btrim(role_title) || ' · ' || left(date, 7))"
SORT_COLUMNS["campaign"] = f"lower{CAMPAIGN}"  # the laptop's sorts its campaigns NOCASE
BATCH = 500  # sessions read a query at a time for HR's figures and exports
# A text filter matching at most this many sessions has them sorted (see query_sessions).
FEW_MATCHES = 5000
ROW_COLUMNS = (
    "id, date, candidate_name, candidate_ref, profile_id, force, role_title, chair_name,"
    " status, outcome, weighted_total, percentage, version, venue, updated_at,"
    f" {CAMPAIGN} AS campaign, interview_language"
)


@lru_cache(maxsize=64)
def _profile(text: str) -> tuple[dict[str, Any], Profile]:
    from pcso_interview.profiles import Profile

    data = json.loads(text)
    return data, Profile.from_dict(data)


def _session_row(row: dict[str, Any]) -> SessionRow:
    """A list row as the laptop gives it: the weighted total (numeric here) an integer, or
    with decimal weights its tenths as a float."""
    total = row["weighted_total"]
    if isinstance(total, Decimal):
        row = {
            **row,
            "weighted_total": int(total) if total == total.to_integral() else float(total),
        }
    return SessionRow(**row)


def _like(text: str, *, prefix: bool = False) -> str:
    """The laptop's LIKE pattern: the text literally, anywhere (casefolded) or at the start."""
    literal = text if prefix else text.casefold()
    escaped = literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix else f"%{escaped}%"


def _where(query: SessionQuery, search: str = "search") -> tuple[str, list[Any]]:
    """The filters as SQL; ``search`` names the search text's column (the list's own, or the
    narrow ``session_search`` table's as ``t.search``)."""
    clauses: list[str] = []
    params: list[Any] = []
    text = query.text.strip()
    if text:
        clauses.append(f"{search} LIKE %s ESCAPE '\\'")
        params.append(_like(text))
    if query.status:
        clauses.append("status = ANY(%s)")
        params.append(list(query.status))
    for column, value in (("profile_id", query.profile_id), ("outcome", query.outcome)):
        if value:
            clauses.append(f"{column} = %s")
            params.append(value)
    if query.date_from:
        clauses.append("date >= %s")
        params.append(query.date_from)
    if query.date_to:
        clauses.append("date <= %s")
        params.append(query.date_to)
    if query.campaign:
        clauses.append(f"{CAMPAIGN} = %s")
        params.append(query.campaign)
    if query.language:
        clauses.append("interview_language = %s")
        params.append(query.language)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order_by(query: SessionQuery) -> str:
    tie = " DESC" if query.descending else ""
    return f" ORDER BY {SORT_COLUMNS[query.sort]}{tie}, created_at{tie}, id{tie}"


def keys_folder_for(url: str) -> Path:
    """Where an HR computer keeps what it needs for this archive (the key that signs the
    sheets it reprints), in the user's data folder: a pseudo database path, keys/ beside it."""
    from pcso_interview import paths

    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", describe(url)).strip("_") or "archive"
    return paths.user_data_dir() / "archives" / slug / "archive"


def _session_of(row: dict[str, Any]) -> tuple[Session, dict[str, Any]]:
    """A session from its archived version's row, and the signed content it was read from."""
    from pcso_interview import bundle
    from pcso_interview.session import Session

    snapshot, profile = _profile(row["json"])
    content = {**json.loads(bytes(row["content"])), "profile": snapshot}
    if row["record"] is not None:
        record = {**json.loads(row["record"]), "profile": snapshot}
        session = bundle.session_from_dict({"session": record})
    else:
        session = replace(
            Session.from_signed_content(content),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )
    return replace(session, profile_cache=profile), content


def _hr_connection(url: str, prompt: PasswordPrompt | None) -> psycopg.Connection[Any]:
    """A connection for HR's reads, each committed as it runs. Every read is planned for its
    own values: psycopg prepares a statement run five times, and PostgreSQL may then plan it
    once for any pattern, which for a text filter of one or two letters walks the whole
    trigram index (0.7 s instead of 0.1 s)."""
    conn = connect(url, prompt=prompt, autocommit=True)
    conn.prepare_threshold = None
    return conn


class ArchiveStore:
    """The force archive, read as HR reads a laptop. Open with ``ArchiveStore.open(url)``."""

    is_archive = True
    read_only_reason = ""  # HR changes nothing here but the sheet register and purges

    def __init__(self, conn: psycopg.Connection[tuple[Any, ...]], url: str, path: Path):
        self.conn = conn
        self.url = url
        self.path = path
        self.login = str(conn.info.user)
        # The password this connection was given (if any), for connecting again as the same
        # login without asking: libpq holds it in memory for as long anyway, and it is never
        # written anywhere.
        self._secret = conn.info.password or ""
        self._closed = False  # closed here: never connected again

    @classmethod
    def open(cls, url: str, *, prompt: PasswordPrompt | None = None) -> ArchiveStore:
        """Connect as an HR login; ArchiveError, in words, when that cannot read the archive."""
        from pcso_interview.store.archive.schema import ARCHIVE_VERSION
        from pcso_interview.store.archive.setup import archive_version

        connection_params(url)  # refuses a password in the URL before connecting
        conn = _hr_connection(url, prompt)
        try:
            row = conn.execute(
                "SELECT to_regclass('archive.sessions') IS NOT NULL AND"
                " has_table_privilege('archive.sessions', 'SELECT')"
                " AND has_table_privilege('archive.migrations', 'SELECT'),"
                " to_regclass('archive.sessions') IS NOT NULL"
            ).fetchone()
            if not row or not row[1]:
                raise ArchiveError(f"{describe(url)} is not a force archive: run `archive init`")
            if not row[0]:
                raise ArchiveError(
                    f"the login {conn.info.user} may not read the archive: ask its DBA to grant"
                    " it the HR role"
                )
            version = archive_version(conn)
            if version > ARCHIVE_VERSION:
                raise ArchiveError(
                    f"{describe(url)} was made by a newer pcso-interview (version {version});"
                    " update the app"
                )
        except BaseException:
            conn.close()
            raise
        return cls(conn, url, keys_folder_for(url))

    def close(self) -> None:
        self._closed = True
        self.conn.close()

    def open_again(self) -> ArchiveStore:
        """A connection of its own to the same archive (for a job on another thread), as the
        same login: with the password this one was given, if any, and never a prompt."""
        secret = self._secret
        return ArchiveStore.open(self.url, prompt=lambda _question: secret)

    def _live(self) -> psycopg.Connection[tuple[Any, ...]]:
        """The connection, made again if the server ended it (restarted, or an idle
        connection cut on the way): as the same login, never asking; ArchiveError, in words,
        while the archive cannot be reached."""
        if self._closed:
            raise ArchiveError(f"{describe(self.url)} was closed")
        if self.conn.closed or self.conn.broken:
            secret = self._secret
            conn = _hr_connection(self.url, lambda _question: secret or None)
            self.conn.close()
            self.conn = conn
        return self.conn

    def describe(self) -> str:
        return describe(self.url)

    # --- plain reads -----------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        import psycopg
        from psycopg.rows import dict_row

        for again in (False, True):
            conn = self._live()
            try:
                with conn.cursor(row_factory=dict_row) as cursor:
                    cursor.execute(sql.encode(), params)
                    return list(cursor.fetchall())
            except psycopg.Error as exc:
                if not again and (conn.closed or conn.broken):
                    continue  # the server ended the connection: a read is asked again once
                raise ArchiveError(f"the archive could not be read: {refusal(exc)}") from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def count_sessions(self) -> int:
        row = self._one("SELECT count(*) AS n FROM archive.sessions")
        return int(row["n"]) if row else 0

    def exists(self, session_id: str) -> bool:
        return (
            self._one("SELECT 1 AS x FROM archive.sessions WHERE id = %s", [session_id]) is not None
        )

    def resolve(self, key: str) -> str:
        """A session id from a full id, a unique id prefix, or a unique candidate reference."""
        return resolve_key(
            key,
            self.exists,
            lambda k: [
                r["id"]
                for r in self._rows(
                    "SELECT id FROM archive.sessions WHERE id LIKE %s ESCAPE '\\' LIMIT 2",
                    [_like(k, prefix=True)],
                )
            ],
            lambda k: [
                r["id"]
                for r in self._rows(
                    "SELECT id FROM archive.sessions WHERE lower(candidate_ref)"
                    ' = lower(%s COLLATE "C") ORDER BY date DESC LIMIT 2',
                    [k],
                )
            ],
            lambda: [
                (r["id"], r["candidate_ref"])
                for r in self._rows(
                    "SELECT id, candidate_ref FROM archive.sessions"
                    " WHERE octet_length(candidate_ref) <> char_length(candidate_ref)"
                    " ORDER BY date DESC"
                )
            ],
        )

    # --- the list --------------------------------------------------------------------------------

    def query_sessions(self, query: SessionQuery | None = None) -> SessionPage:
        """One page of the list and how many match.

        With a text filter the count comes first, and decides how the page is found. The
        planner can only guess how many sessions a text matches (from a sample): guessing
        many when there are few, it walks the whole list in date order to find them (0.8 s
        for 100 of 500,000 in the bench). So a few matches (``FEW_MATCHES``) are gathered
        through the text index and sorted; many are found soon enough in list order."""
        from pcso_interview.store.review import SessionPage, SessionQuery

        query = query or SessionQuery()
        where, params = _where(query)
        page = [*params, query.limit, query.offset]
        if query.text.strip():
            # The text is matched in the narrow session_search table (its own trigram index);
            # with no other filter the join to the list is left out by the planner.
            narrow, _ = _where(query, search="t.search")
            found = self._one(
                "SELECT count(*) AS n FROM archive.session_search t"
                f" LEFT JOIN archive.sessions s ON s.id = t.id {narrow}",
                params,
            )
            total = int(found["n"]) if found else 0
            if total == 0 or query.offset >= total:
                return SessionPage((), total, query)
            sql = f"SELECT {ROW_COLUMNS} FROM archive.sessions {where}"
            if total <= FEW_MATCHES:  # gathered first, as written, then sorted
                sql = (
                    "WITH matching AS MATERIALIZED (SELECT s.* FROM archive.session_search t"
                    f" JOIN archive.sessions s ON s.id = t.id {narrow})"
                    f" SELECT {ROW_COLUMNS} FROM matching"
                )
            rows = self._rows(f"{sql}{_order_by(query)} LIMIT %s OFFSET %s", page)
            return SessionPage(tuple(_session_row(r) for r in rows), total, query)
        rows = self._rows(
            f"SELECT {ROW_COLUMNS} FROM archive.sessions {where}{_order_by(query)}"
            " LIMIT %s OFFSET %s",
            page,
        )
        if query.offset == 0 and len(rows) < query.limit:
            total = len(rows)
        else:
            found = self._one(f"SELECT count(*) AS n FROM archive.sessions {where}", params)
            total = int(found["n"]) if found else 0
        return SessionPage(tuple(_session_row(r) for r in rows), total, query)

    def session_ids(self, query: SessionQuery) -> list[str]:
        where, params = _where(query)
        return [
            str(r["id"])
            for r in self._rows(
                f"SELECT id FROM archive.sessions {where}{_order_by(query)}", params
            )
        ]

    def list_marker(self) -> int | None:
        """None: the archive keeps no number that every change to its list moves forward in
        commit order (a push writes no serial, and sequences are not transactional), so HR's
        list here is checked by comparing the ids it holds with a fresh reading."""
        return None

    def list_changed_since(self, marker: int) -> bool:
        """Never asked (``list_marker`` is None); had it been, the archive could not say."""
        return True

    # --- one session -----------------------------------------------------------------------------

    def load(self, session_id: str) -> Session:
        from pcso_interview.store.archive.integrity import record_problems

        rows = self._session_rows([session_id])
        if not rows:
            raise UnknownSessionError(f"No session with id {session_id!r}.")
        row = rows[0]
        session, content = _session_of(row)
        problems = record_problems(self, session, content, row["digest"], row["signed_at"])
        return replace(session, record_problems=tuple(problems))

    def _session_rows(self, session_ids: Sequence[str]) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT s.id, s.created_at, s.updated_at, v.version, v.digest, v.signed_at,"
            f" v.content, v.record, v.snapshot, p.json, {CAMPAIGN} AS campaign"
            " FROM archive.sessions s JOIN archive.versions v"
            " ON v.session_id = s.id AND v.version = s.version"
            " JOIN archive.profile_snapshots p ON p.digest = v.snapshot WHERE s.id = ANY(%s)",
            [list(session_ids)],
        )

    # --- HR's figures and exports (facts.FactsReader), campaigns ---------------------------------

    def session_facts(self, session_ids: Sequence[str]) -> FactsBatch:
        """The facts of the given sessions, in the order given (unknown ids are left out),
        from each one's archived record as ``load`` reads it."""
        from pcso_interview.facts import FactsBatch
        from pcso_interview.hr_export import facts_of_session

        facts: list[SessionFacts] = []
        profiles: dict[str, Profile] = {}
        for start in range(0, len(session_ids), BATCH):
            part = list(session_ids[start : start + BATCH])
            found = {}
            for row in self._session_rows(part):
                session, _ = _session_of(row)
                profiles[row["snapshot"]] = session.profile
                found[row["id"]] = replace(
                    facts_of_session(session, row["campaign"], row["digest"], row["signed_at"]),
                    snapshot=row["snapshot"],
                )
            facts += [found[i] for i in part if i in found]
        return FactsBatch(tuple(facts), profiles)

    def equality_rows(self, session_ids: Sequence[str]) -> list[EqualityRow]:
        """None yet: equality-monitoring data is imported on each laptop and not pushed."""
        return []

    def sessions_with_equality_data(self) -> int:
        return 0

    def campaigns(self) -> list[str]:
        """Every campaign with a session, in alphabetical order: on the archive, the default
        campaigns (force · role · month) of its sessions (see ``CAMPAIGN``)."""
        return [
            str(r["campaign"])
            for r in self._rows(
                f"SELECT DISTINCT {CAMPAIGN} AS campaign FROM archive.sessions ORDER BY 1"
            )
        ]

    def profiles_in_use(self) -> list[tuple[str, str, str]]:
        """Every profile id a session was made with, with the force and role its newest
        session gives: laptops push sessions of force files this computer may not have."""
        return [
            (str(r["profile_id"]), str(r["force"]), str(r["role_title"]))
            for r in self._rows(
                "SELECT DISTINCT ON (profile_id) profile_id, force, role_title"
                " FROM archive.sessions ORDER BY profile_id, date DESC"
            )
        ]

    def campaign_of(self, session_id: str) -> str:
        row = self._one(
            f"SELECT {CAMPAIGN} AS campaign FROM archive.sessions WHERE id = %s", [session_id]
        )
        return str(row["campaign"]) if row else ""

    def session_groups(self, query: SessionQuery, by: str) -> list[SessionGroup]:
        """The sessions matching the query's filters grouped by day or by campaign, with their
        counts, newest first (as the laptop's ``session_groups``)."""
        from pcso_interview.store.review import SessionGroup

        if by not in ("day", "campaign"):
            raise ValueError(f"cannot group by {by!r}; choose one of day, campaign")
        key = "date" if by == "day" else CAMPAIGN
        where, params = _where(query)
        return [
            SessionGroup(
                str(r["grouped"]),
                int(r["n"]),
                int(r["signed"]),
                int(r["passed"]),
                int(r["failed"]),
                int(r["withdrawn"]),
                str(r["first"]),
                str(r["last"]),
            )
            for r in self._rows(
                f"SELECT {key} AS grouped, count(*) AS n,"
                " count(*) FILTER (WHERE status = 'signed') AS signed,"
                " count(*) FILTER (WHERE status = 'signed' AND outcome = 'pass') AS passed,"
                " count(*) FILTER (WHERE status = 'signed' AND outcome = 'fail') AS failed,"
                " count(*) FILTER (WHERE status = 'withdrawn') AS withdrawn,"
                f" min(date) AS first, max(date) AS last FROM archive.sessions {where}"
                " GROUP BY 1 ORDER BY max(date) DESC, 1",
                params,
            )
        ]

    def signed_versions(self, session_id: str) -> list[SignedVersion]:
        from pcso_interview.store.integrity import SignedVersion

        return [
            SignedVersion(
                session_id,
                r["version"],
                r["digest"],
                r["signed_at"],
                {**json.loads(bytes(r["content"])), "profile": _profile(r["json"])[0]},
            )
            for r in self._rows(
                "SELECT v.version, v.digest, v.signed_at, v.content, p.json FROM archive.versions v"
                " JOIN archive.profile_snapshots p ON p.digest = v.snapshot"
                " WHERE v.session_id = %s ORDER BY v.version",
                [session_id],
            )
        ]

    def sheet_digest(self, session_id: str, version: int) -> str | None:
        row = self._one(
            "SELECT digest FROM archive.versions WHERE session_id = %s AND version = %s",
            [session_id, version],
        )
        return str(row["digest"]) if row else None

    def verify(self, session_id: str) -> Verification:
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
        """The archived record's problems (the archive keeps signed versions only)."""
        return list(session.record_problems)

    def sheets(self, session_id: str) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT version, digest, signed_at FROM archive.versions WHERE session_id = %s"
            " ORDER BY version",
            [session_id],
        )

    def audit_trail(self, session_id: str) -> list[AuditEntry]:
        """The laptops' audit rows of the session, then what was done to it on the archive
        (sheets reprinted, its purge), in time order."""
        from pcso_interview.store.review import AuditEntry

        rows = self._rows(
            "SELECT id, session_id, at, actor, action, subject, old, new, 0 AS here,"
            " installation_id AS source FROM archive.audit WHERE session_id = %s"
            " UNION ALL SELECT id, session_id, at, actor, action, '' AS subject, '' AS old,"
            " detail AS new, 1 AS here, '' AS source FROM archive.events WHERE session_id = %s"
            " ORDER BY at, here, source, id",
            [session_id, session_id],
        )
        return [
            AuditEntry(
                r["id"],
                r["session_id"],
                r["at"],
                r["actor"],
                r["action"],
                r["subject"],
                r["old"],
                r["new"],
            )
            for r in rows
        ]

    # --- the register of issued sheets -----------------------------------------------------------

    def issued(self, file_sha256: str) -> list[IssuedPart]:
        """The sheets inside a file a laptop or the archive issued, as first issued."""
        from pcso_interview.store.review import IssuedPart

        first: dict[int, IssuedPart] = {}
        for r in self._rows(
            "SELECT position, session_id, version, record_digest, state, how, issued_at,"
            " issued_by FROM archive.issued_sheets WHERE file_sha256 = %s"
            " ORDER BY position, issued_at, source, id",
            [file_sha256],
        ):
            first.setdefault(r["position"], IssuedPart(**r))
        return [first[p] for p in sorted(first)]

    def register_issue(
        self, file_sha256: str, parts: Iterable[IssuedPart], how: str, actor: str
    ) -> None:
        import psycopg
        from psycopg.types.json import Jsonb

        payload = [
            {
                "session_id": p.session_id,
                "version": p.version,
                "record_digest": p.record_digest,
                "state": p.state,
            }
            for p in parts
        ]
        try:
            self._live().execute(
                "SELECT archive.register_issue(%s, %s, %s, %s)",
                [file_sha256, Jsonb(payload), how, actor],
            )
        except psycopg.Error as exc:
            raise ArchiveError(
                f"the archive refused to register the sheet: {refusal(exc)}"
            ) from None

    def laptop_certificates(self) -> list[bytes]:
        return [bytes(r["der"]) for r in self._rows("SELECT der FROM archive.certificates")]

    # --- checks, statistics, purge ---------------------------------------------------------------

    def check(self) -> Iterator[Finding]:
        from pcso_interview.store.archive.integrity import check_archive

        return check_archive(self)

    def statistics_sessions(
        self, profile_id: str, date_from: str = "", date_to: str = ""
    ) -> list[StatSession]:
        """Signed sessions of a profile in a date range, from their signed content."""
        from pcso_interview.statistics import Assessor, StatSession

        where = "s.profile_id = %s AND s.status = 'signed'"
        params: list[Any] = [profile_id]
        if date_from:
            where += " AND s.date >= %s"
            params.append(date_from)
        if date_to:
            where += " AND s.date <= %s"
            params.append(date_to)
        result = []
        for r in self._rows(
            "SELECT s.id, s.outcome, v.content FROM archive.sessions s JOIN archive.versions v"
            f" ON v.session_id = s.id AND v.version = s.version WHERE {where}",
            params,
        ):
            content = json.loads(bytes(r["content"]))
            people = {m["id"]: Assessor(m["name"], m["number"]) for m in content["panel"]}
            grades: dict[str, list[tuple[Assessor, int]]] = {}
            for g in content["grades"]:
                grades.setdefault(g["area"], []).append((people[g["member"]], g["grade"]))
            result.append(
                StatSession(
                    r["id"],
                    r["outcome"],
                    {a["area"]: a["grade"] for a in content["agreed"]},
                    {area: tuple(given) for area, given in grades.items()},
                )
            )
        return result

    def purge_candidates(self) -> list[SessionRow]:
        return [
            _session_row(r)
            for r in self._rows(
                f"SELECT {ROW_COLUMNS} FROM archive.sessions WHERE closed_at != ''"
                " AND (left(closed_at, 10)::date + make_interval(months => retention_months))"
                " <= current_date ORDER BY date, id"
            )
        ]

    def purge(self, session_ids: Iterable[str], actor: str, reason: str = "past retention") -> int:
        """Delete sessions past their retention, through the archive's audited function."""
        import psycopg

        try:
            row = (
                self._live()
                .execute("SELECT archive.purge(%s, %s, %s)", [list(session_ids), reason, actor])
                .fetchone()
            )
        except psycopg.Error as exc:
            raise ArchiveError(f"the archive refused the purge: {refusal(exc)}") from None
        return int(row[0]) if row else 0

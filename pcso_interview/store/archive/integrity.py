"""Is an archived record still what the panel signed? The laptop's checks, over the archive.

The archive checked each digest on arrival and its triggers refuse changes; these checks find
what someone who went round them (an owner who dropped the triggers) could still do: content
or records edited, audit rows edited, removed or out of order, an archive event rewritten.
Each problem is one sentence, worded as the laptop words it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from pcso_interview.store.chain import GENESIS, AuditLink, check_link
from pcso_interview.store.integrity import (
    Finding,
    list_row_problems,
    signed_record_problems,
    version_findings,
)

if TYPE_CHECKING:
    from pcso_interview.session import Session
    from pcso_interview.store.archive.read import ArchiveStore

_STARTS = ("create", "import", "demo")
_LINK_COLUMNS = (
    "id, session_id, at, actor, action, subject, old, new, prev, session_prev, content_hash,"
    " hash, redacted"
)


def _links(store: ArchiveStore, session_id: str) -> dict[str, list[AuditLink]]:
    """The session's audit rows, per laptop that pushed them, in that laptop's order."""
    by_source: dict[str, list[AuditLink]] = {}
    for r in store._rows(
        f"SELECT installation_id, {_LINK_COLUMNS} FROM archive.audit WHERE session_id = %s"
        " ORDER BY installation_id, id",
        [session_id],
    ):
        by_source.setdefault(r.pop("installation_id"), []).append(AuditLink(**r))
    return by_source


def _chain_problems(by_source: Mapping[str, list[AuditLink]]) -> list[str]:
    """Each laptop's rows of the session: intact, each after the one before it."""
    problems: list[str] = []
    for links in by_source.values():
        before = GENESIS
        for link in links:
            problems += check_link(link, None, before)
            before = link.hash
    return problems


def record_problems(
    store: ArchiveStore,
    session: Session,
    content: Mapping[str, Any],
    digest_signed: str,
    signed_at: str,
) -> list[str]:
    """What is wrong with an archived session's record; empty when it verifies."""
    by_source = _links(store, session.id)
    links = [link for links in by_source.values() for link in links]
    problems: list[str] = []
    if not links or not any(link.action in _STARTS for link in links):
        problems.append("its audit trail does not begin with the session's creation or import")
    problems += _chain_problems(by_source)
    problems += signed_record_problems(session, content, digest_signed, signed_at, links)[0]
    return problems


# The HR list's columns that its session's signed version decides (push_listing checks them
# on arrival, all but the search text, which the server cannot word as the app does).
_LIST_ROW = (
    "id, version, profile_id, force, role_title, candidate_name, candidate_ref, date, venue,"
    " chair_name, status, outcome, weighted_total, percentage, retention_months, search"
)


def _event_problems(store: ArchiveStore) -> Iterator[Finding]:
    """The archive's own events: each link's words and its place in the chain."""
    prev = GENESIS
    for r in store._rows(
        "SELECT id, at, login, actor, action, session_id, detail, prev, hash FROM archive.events"
        " ORDER BY id"
    ):
        words = "\x1f".join(
            [r["at"], r["login"], r["actor"], r["action"], r["session_id"], r["detail"]]
        )
        words_hash = hashlib.sha256(words.encode("utf-8")).hexdigest()
        if r["prev"] != prev:
            yield Finding(f"archive event {r['id']}", "the chain breaks before it")
        if hashlib.sha256((r["prev"] + words_hash).encode("ascii")).hexdigest() != r["hash"]:
            yield Finding(f"archive event {r['id']}", "its words or hash were rewritten")
        prev = r["hash"]


def check_archive(store: ArchiveStore) -> Iterator[Finding]:
    """Every problem in the archive: every session's record and every signed version, each
    laptop's audit rows, the register, and the archive's own events."""

    listed = ", ".join(f"s.{column.strip()}" for column in _LIST_ROW.split(","))
    for r in store._rows(
        f"SELECT {listed}, s.closed_at, v.signed_at, t.search AS found_by"
        " FROM archive.sessions s"
        " LEFT JOIN archive.versions v ON v.session_id = s.id AND v.version = s.version"
        " LEFT JOIN archive.session_search t ON t.id = s.id"
        " ORDER BY s.date, s.id"
    ):
        where = f"session {r['id']} ({r['candidate_ref']})"
        try:
            session = store.load(r["id"])
        except Exception as exc:  # a record too damaged to load is itself the finding
            yield Finding(where, f"cannot be read: {exc}")
            continue
        for problem in [*session.record_problems, *list_row_problems(r, session, r["signed_at"])]:
            yield Finding(where, problem)
        # HR's text filter reads the narrow search table (read.py), which a trigger keeps as
        # the list's search text and nothing stops an owner from editing.
        if r["found_by"] is None:
            yield Finding(where, "no text search finds it: its row of the search table is gone")
        elif r["found_by"] != r["search"]:
            yield Finding(
                where,
                f"a text search finds it by {r['found_by']!r} where the HR list says"
                f" {r['search']!r} (the search table was edited)",
            )
        links = [link for ls in _links(store, session.id).values() for link in ls]
        for version in store.signed_versions(session.id):
            if version.version == session.version:
                continue  # checked with the record
            yield from version_findings(version, links, where)
    for r in store._rows(
        "SELECT i.source, i.id, i.file_sha256, i.version, v.digest AS signed FROM"
        " archive.issued_sheets i LEFT JOIN archive.versions v ON v.session_id = i.session_id"
        " AND v.version = i.version WHERE i.state = 'signed' AND i.record_digest IS DISTINCT"
        " FROM v.digest AND v.digest IS NOT NULL ORDER BY i.issued_at"
    ):
        yield Finding(
            f"issued sheet {r['file_sha256'][:16]}",
            f"registered for version {r['version']} with a digest the signed record does not have",
        )
    yield from _register_problems(store)
    yield from _gone(store)
    yield from _returned(store)
    yield from _event_problems(store)


def _gone(store: ArchiveStore) -> Iterator[Finding]:
    """Sessions whose signed versions or laptops' audit rows are here but whose HR list row is
    not, with no purge: only a purge takes a session off the list (and leaves an event), so
    the row was deleted behind the triggers, and HR no longer sees the candidate."""
    for r in store._rows(
        "SELECT k.session_id, sum(k.versions) AS versions, sum(k.rows) AS rows FROM"
        " (SELECT session_id, count(*) AS versions, 0 AS rows FROM archive.versions"
        " GROUP BY session_id UNION ALL SELECT session_id, 0, count(*) FROM archive.audit"
        " GROUP BY session_id) AS k"
        " WHERE NOT EXISTS (SELECT 1 FROM archive.sessions s WHERE s.id = k.session_id)"
        " AND NOT EXISTS (SELECT 1 FROM archive.events e WHERE e.action = 'purge'"
        " AND e.session_id = k.session_id) GROUP BY k.session_id ORDER BY k.session_id"
    ):
        yield Finding(
            f"session {r['session_id']}",
            f"{r['versions']} signed version(s) and {r['rows']} audit row(s) are archived, but"
            " it is not on the HR list, and no purge removed it",
        )


def _returned(store: ArchiveStore) -> Iterator[Finding]:
    """Sessions purged here that a laptop still holding them pushed back, before the archive
    refused purged sessions (migration 9): their candidates' records are here again, and only
    another purge by HR removes them."""
    for r in store._rows(
        "SELECT s.id, s.candidate_ref, left(min(e.at), 10) AS day FROM archive.sessions s"
        " JOIN archive.events e ON e.action = 'purge' AND e.session_id = s.id"
        " GROUP BY s.id, s.candidate_ref ORDER BY s.id"
    ):
        yield Finding(
            f"session {r['id']} ({r['candidate_ref']})",
            f"was purged here on {r['day']}, and a laptop pushed it back before the archive"
            " refused purged sessions: purge it again",
        )


def _register_problems(store: ArchiveStore) -> Iterator[Finding]:
    """Each sheet a laptop's audit rows or the archive's events say was issued is still in the
    register, unless its session was purged: a purge takes the register's rows and blanks the
    laptops' rows of the session (the archive's events keep that a sheet was issued). A blanked
    row is accepted only where the session's purge is an event (a session back after it is
    named on its own, by ``_returned``)."""
    for r in store._rows(
        "SELECT a.installation_id, a.id, a.new FROM archive.audit a WHERE a.action = 'issue sheet'"
        " AND a.redacted = 0 AND NOT EXISTS (SELECT 1 FROM archive.issued_sheets i"
        " WHERE i.source = a.installation_id AND i.session_id = a.session_id"
        " AND i.file_sha256 = a.new) ORDER BY a.installation_id, a.id"
    ):
        yield Finding(
            f"issued sheet {r['new'][:16]}",
            f"audit row {r['id']} of laptop {r['installation_id'][:8]} says it was issued, but"
            " it is no longer in the register (deleted, and not by a purge)",
        )
    for r in store._rows(
        "SELECT e.id, right(e.detail, 64) AS sha FROM archive.events e"
        " WHERE e.action = 'issue sheet' AND NOT EXISTS (SELECT 1 FROM archive.issued_sheets i"
        " WHERE i.source = 'archive' AND i.session_id = e.session_id"
        " AND i.file_sha256 = right(e.detail, 64))"
        " AND NOT (EXISTS (SELECT 1 FROM archive.events p WHERE p.action = 'purge'"
        " AND p.session_id = e.session_id AND p.id > e.id)"
        " AND NOT EXISTS (SELECT 1 FROM archive.sessions s WHERE s.id = e.session_id))"
        " ORDER BY e.id"
    ):
        yield Finding(
            f"issued sheet {r['sha'][:16]}",
            f"archive event {r['id']} says it was reprinted here, but it is no longer in the"
            " register (deleted, and not by a purge)",
        )
    for r in store._rows(
        "SELECT a.session_id, count(*) AS n FROM archive.audit a WHERE a.redacted = 1"
        " AND NOT EXISTS (SELECT 1 FROM archive.events p WHERE p.action = 'purge'"
        " AND p.session_id = a.session_id) GROUP BY a.session_id ORDER BY a.session_id"
    ):
        yield Finding(
            f"session {r['session_id']}",
            f"{r['n']} of its audit rows were blanked as a purge blanks them, but it was"
            " not purged here",
        )


def stored_record(text: str) -> dict[str, Any]:
    """A pushed record (JSON text) as a dict."""
    loaded: dict[str, Any] = json.loads(text)
    return loaded

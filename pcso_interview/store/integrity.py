"""Is the record still what the panel signed? Checks of one session, and of the whole file.

The triggers refuse forgeries; these checks find what someone who dropped the triggers could
still do: rows edited with the digests rewritten, audit rows edited or deleted, sheets and
signatures out of step. Each problem is one sentence naming what and where.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pcso_interview.lifecycle import Status
from pcso_interview.store.chain import (
    CONTENT_COLUMNS,
    GENESIS,
    AuditLink,
    check_link,
    not_text,
    walk,
)

if TYPE_CHECKING:
    from pcso_interview.session import Session
    from pcso_interview.store.session_rows import SessionRecords

_LINK_COLUMNS = (
    "id, session_id, at, actor, action, subject, old, new, prev, session_prev,"
    " content_hash, hash, redacted"
)
_STARTS = ("create", "import", "demo")


@dataclass(frozen=True)
class SignedVersion:
    """A version as recorded when its last member signed."""

    session_id: str
    version: int
    digest: str
    signed_at: str
    content: dict[str, Any]  # the signed content, profile included


def stored_content(store: SessionRecords, row: Mapping[str, Any]) -> dict[str, Any]:
    """The signed content kept with a sheets row, its profile put back from the snapshots.
    Content that cannot be read is a damaged record, named, never a traceback."""
    from pcso_interview.store.opening import RecordDamagedError

    try:
        content: dict[str, Any] = json.loads(zlib.decompress(row["content"]))
        snapshot = store._one(
            "SELECT json FROM profile_snapshots WHERE digest = ?", [content["profile"]]
        )
        content["profile"] = json.loads(snapshot["json"]) if snapshot else {}
    except (zlib.error, ValueError, TypeError, KeyError) as exc:
        raise RecordDamagedError(
            f"Session {row['session_id']}: the content kept with signed version"
            f" {row['version']!r} cannot be read ({type(exc).__name__}: {exc})"
        ) from None
    return content


def signed_versions(store: SessionRecords, session_id: str) -> list[SignedVersion]:
    return [
        SignedVersion(
            session_id, r["version"], r["digest"], r["signed_at"], stored_content(store, r)
        )
        for r in store._rows(
            "SELECT * FROM sheets WHERE session_id = ? ORDER BY version", [session_id]
        )
    ]


def _links(store: SessionRecords, where: str, params: list[Any]) -> list[AuditLink]:
    return [
        AuditLink(**r)
        for r in store._rows(f"SELECT {_LINK_COLUMNS} FROM audit {where} ORDER BY id", params)
    ]


def _text_links(store: SessionRecords, session_id: str) -> list[AuditLink]:
    """The session's rows whose words are text, for reading what they say: a row retyped
    otherwise is named by the chain check, and says nothing here."""
    return [
        link
        for link in _links(store, "WHERE session_id = ?", [session_id])
        if not not_text(link, CONTENT_COLUMNS)
    ]


def _session_chain(store: SessionRecords, session_id: str) -> Iterator[str]:
    """The session's own rows: each intact, each after the one before it (in the session and
    in the whole trail)."""
    before = GENESIS
    for link in _links(store, "WHERE session_id = ?", [session_id]):
        row = store._one("SELECT hash FROM audit WHERE id < ? ORDER BY id DESC LIMIT 1", [link.id])
        yield from check_link(link, row["hash"] if row else GENESIS, before)
        before = link.hash


def describe_difference(signed: Mapping[str, Any], now: Mapping[str, Any]) -> str:
    """The first difference between the signed content and the record as it stands, in words."""
    for key in sorted(set(signed) | set(now)):
        if signed.get(key) == now.get(key):
            continue
        was, is_ = signed.get(key), now.get(key)
        if isinstance(was, list) and isinstance(is_, list):
            for index in range(max(len(was), len(is_))):
                a = was[index] if index < len(was) else None
                b = is_[index] if index < len(is_) else None
                if a != b:
                    return f"{key}: signed {_short(a)}, now {_short(b)}"
        return f"{key}: signed {_short(was)}, now {_short(is_)}"
    return "no difference in content"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 120 else text[:117] + "..."


def signed_record_problems(
    session: Session,
    content: Mapping[str, Any],
    digest_signed: str,
    signed_at: str,
    links: Iterable[AuditLink],
) -> tuple[list[str], bool]:
    """A signed session against what was signed (on a laptop or in the force archive): the
    content kept at signing still gives its digest, the record still matches it, and the audit
    trail locked this version with that digest. Also whether the record still matches."""
    from pcso_interview.session import digest

    problems: list[str] = []
    if digest(dict(content)) != digest_signed:
        problems.append(f"the content kept at signing of version {session.version} was edited")
    now = session.signed_content()
    matches = digest(now) == digest_signed
    if not matches:
        problems.append(
            f"the record no longer matches what was signed on {signed_at}: "
            + describe_difference(content, now)
        )
    locks = _locks(links, session.version)
    if not locks:
        problems.append(f"the audit trail has no lock of version {session.version}")
    elif locks[-1].new != digest_signed:
        problems.append(
            f"the digest in the audit trail's lock of version {session.version} differs"
            " from the sheet record"
        )
    return problems, matches


def list_row_problems(row: Mapping[str, Any], session: Session, signed_at: str | None) -> list[str]:
    """Where the HR list row differs from the signed version it stands for (on a laptop or
    in the force archive): an edited row would list, filter or hide a session as something
    it is not (a failed candidate listed as a pass, a text search that no longer finds the
    candidate, a retention period that lets it be purged early). ``closed_at`` must be the
    version's signing time ``signed_at`` (None: no signed version to hold it to), since
    purge counts the retention period from it."""
    from pcso_interview.store.session_rows import signed_list_columns

    expected = signed_list_columns(session)
    problems = [
        f"the HR list says {column} {row[column]!r} where its signed version says {value!r}"
        for column, value in expected.items()
        if row[column] != value
    ]
    if signed_at is not None and row["closed_at"] != signed_at:
        problems.append(
            f"closed_at says {row['closed_at']!r} where its signed version was signed on"
            f" {signed_at!r} (its retention period runs from then)"
        )
    return problems


def record_problems(store: SessionRecords, session: Session) -> list[str]:
    """What is wrong with a locked session's record; empty when it verifies."""

    problems: list[str] = []
    links = _text_links(store, session.id)
    if not links or links[0].action not in _STARTS:
        problems.append("its audit trail does not begin with the session's creation or import")
    problems += list(_session_chain(store, session.id))
    row = store._one("SELECT * FROM sessions WHERE id = ?", [session.id])
    if session.status is Status.SIGNED:
        sheet = store._one(
            "SELECT * FROM sheets WHERE session_id = ? AND version = ?",
            [session.id, session.version],
        )
        if sheet is None:
            return [*problems, f"version {session.version} has no signed sheet record"]
        content = stored_content(store, sheet)
        if row and row["digest"] != sheet["digest"]:
            problems.append("the session's digest differs from the one recorded at signing")
        found, matches = signed_record_problems(
            session, content, sheet["digest"], sheet["signed_at"], links
        )
        problems += found
        if row:
            problems += list_row_problems(row, session, sheet["signed_at"])
        expected = session.content_digest()
        for s in session.signoffs:
            if matches and s.content_digest and s.content_digest != expected:
                problems.append(f"the signature of {s.member_id} was made on other content")
    elif session.status is Status.WITHDRAWN:
        withdrawals = [link for link in links if link.action == "withdraw"]
        if not withdrawals:
            problems.append("the audit trail has no withdrawal of this session")
        elif row:
            problems += _withdrawn_row_problems(row, session, links, withdrawals[-1])
    return problems


def _withdrawn_row_problems(
    row: Mapping[str, Any], session: Session, links: list[AuditLink], withdrawal: AuditLink
) -> list[str]:
    """A withdrawn session's columns that decide its listing and its purge: closed when the
    trail withdrew it (no later; earlier only as an imported file says), kept as long as
    its profile says, listed as withdrawn."""
    problems = []
    imported = bool(links) and links[0].action != "create"
    closed = str(row["closed_at"])
    if closed > withdrawal.at or (not imported and closed != withdrawal.at):
        problems.append(
            f"closed_at says {row['closed_at']!r} where the audit trail withdrew it on"
            f" {withdrawal.at!r} (its retention period runs from then)"
        )
    if row["retention_months"] != session.profile.retention_months:
        problems.append(
            f"the HR list says retention_months {row['retention_months']!r} where its profile"
            f" says {session.profile.retention_months!r}"
        )
    if row["outcome"] != "withdrawn":
        problems.append(f"the HR list says outcome {row['outcome']!r} where it was withdrawn")
    return problems


@dataclass(frozen=True)
class Finding:
    """One problem found by a whole-database check: where, and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def check_database(store: SessionRecords) -> Iterator[Finding]:
    """Every problem in the file: the whole audit chain, every signed record and version,
    every issued sheet."""
    from pcso_interview.store.audit_anchor import anchor_findings, audit_sequence
    from pcso_interview.store.opening import RecordDamagedError
    from pcso_interview.store.schema_check import schema_findings

    yield from schema_findings(store.conn)
    yield from anchor_findings(store.conn, store.path)
    for brk in walk(_links(store, "", []), audit_sequence(store.conn)):
        yield Finding("audit" if brk.row == 0 else f"audit row {brk.row}", brk.message)
    for r in store._rows("SELECT id, candidate_ref, status FROM sessions ORDER BY date, id"):
        where = f"session {r['id']} ({r['candidate_ref']})"
        try:
            session = store.load(r["id"])
        except Exception as exc:  # a record too damaged to load is itself the finding
            yield Finding(where, f"cannot be read: {exc}")
            continue
        for problem in session.record_problems:
            if not problem.startswith(("audit row", "the audit chain")):
                yield Finding(where, problem)
        try:
            found = list(_versions(store, session, where))
        except RecordDamagedError as exc:
            found = [Finding(where, f"cannot be read: {exc}")]
        yield from found
    yield from _register(store)
    from pcso_interview.store.integrity_gone import gone_findings

    yield from gone_findings(store)


def version_findings(
    version: SignedVersion, links: Iterable[AuditLink], where: str
) -> Iterator[Finding]:
    """A signed version as kept (on a laptop or in the force archive): its content still gives
    its digest, and the audit trail locked it with that digest."""
    from pcso_interview.session import digest

    if digest(version.content) != version.digest:
        yield Finding(where, f"the content kept at signing of version {version.version} was edited")
    locked = _locks(links, version.version)
    if not locked or locked[-1].new != version.digest:
        yield Finding(
            where, f"the audit trail has no lock of version {version.version} with its digest"
        )


def _versions(store: SessionRecords, session: Session, where: str) -> Iterator[Finding]:
    """Each kept version still what was locked, each version the trail locked still kept (a
    session stripped of its sheet and sign-offs would pass for never signed), and as many
    reopens audited as versions superseded."""
    links = _text_links(store, session.id)
    versions = signed_versions(store, session.id)
    current = session.status is Status.SIGNED
    for version in versions:
        if version.version == session.version and current:
            continue  # checked with the record
        yield from version_findings(version, links, where)
    kept = {version.version for version in versions}
    for link in links:
        number = _locked_version(link)
        if number is None or number in kept or (current and number == session.version):
            continue  # kept, or the current version's sheet, checked with the record
        yield Finding(
            where,
            f"the audit trail locked version {number} on {link.at} (sha256 {link.new}),"
            " but its signed sheet record is gone",
        )
    reopens = sum(link.action == "reopen" and "signed v" in link.old for link in links)
    behind = len(versions) - (1 if current else 0)
    if session.status is Status.REOPENED and not any(link.action == "reopen" for link in links):
        yield Finding(where, "reopened, but the audit trail has no reopen")
    elif reopens < behind:
        yield Finding(
            where,
            f"{behind} signed version(s) were superseded but only {reopens} reopen(s) audited",
        )


def _locks(links: Iterable[AuditLink], version: int) -> list[AuditLink]:
    """The trail's locks of that version, in order ("version 1" is not "version 10")."""
    return [link for link in links if _locked_version(link) == version]


def _locked_version(link: AuditLink) -> int | None:
    """The version a lock row locked ("version 2", "version 1 (imported)"), or None."""
    if link.action != "lock" or link.redacted != 0:
        return None
    words = link.subject.split()
    if len(words) < 2 or words[0] != "version" or not words[1].isdecimal():
        return None
    return int(words[1])


def session_problems(store: SessionRecords, session: Session) -> list[str]:
    """What `check` finds of one session, for `verify ID`: a session whose trail records a
    signing that its rows no longer show was tampered with, not merely left unsigned."""
    problems = (
        list(session.record_problems) if session.locked else list(_session_chain(store, session.id))
    )
    return problems + [finding.message for finding in _versions(store, session, "")]


def _register(store: SessionRecords) -> Iterator[Finding]:
    """The register of issued sheets against the audit trail, both ways: each sheet
    registered with its audit row and the digest its version was signed with, and each
    sheet the trail says was issued still registered. Only a purge takes a sheet out of the
    register, and it blanks the sheet's audit row with the rest of its session's rows; so a
    blanked row is accepted only where its session is gone and its purge recorded."""
    issued = store._rows(
        "SELECT i.*, s.digest AS signed_digest FROM issued_sheets i"
        " LEFT JOIN sheets s ON s.session_id = i.session_id AND s.version = i.version"
        " ORDER BY i.issued_at"
    )
    audited = {
        (r["session_id"], r["new"])
        for r in store._rows("SELECT session_id, new FROM audit WHERE action = 'issue sheet'")
    }
    for r in issued:
        where = f"issued sheet {r['file_sha256'][:16]}"
        if (r["session_id"], r["file_sha256"]) not in audited:
            yield Finding(where, "registered without its audit row")
        if r["state"] == "signed" and r["record_digest"] != r["signed_digest"]:
            yield Finding(
                where,
                f"registered for version {r['version']} with a digest the signed record does"
                " not have",
            )
    for r in store._rows(
        "SELECT a.id, a.session_id, a.new FROM audit a WHERE a.action = 'issue sheet'"
        " AND a.redacted = 0 AND NOT EXISTS (SELECT 1 FROM issued_sheets i"
        " WHERE i.file_sha256 = a.new AND i.session_id = a.session_id) ORDER BY a.id"
    ):
        yield Finding(
            f"issued sheet {r['new'][:16]}",
            f"audit row {r['id']} says it was issued, but it is no longer in the register"
            " (deleted, and not by a purge)",
        )
    yield from _blanked(store)


def _blanked(store: SessionRecords) -> Iterator[Finding]:
    """Audit rows blanked as a purge blanks them, where no purge was: the session is still
    here, or no purge of it follows them. A blanked row's words are not checked against its
    hash, so outside a purge it would hide what was done."""
    for r in store._rows(
        "SELECT a.session_id, min(a.id) AS first_row, count(*) AS n,"
        " EXISTS (SELECT 1 FROM sessions s WHERE s.id = a.session_id) AS here"
        " FROM audit a WHERE a.redacted = 1 AND (EXISTS (SELECT 1 FROM sessions s"
        " WHERE s.id = a.session_id) OR NOT EXISTS (SELECT 1 FROM audit p"
        " WHERE p.session_id = a.session_id AND p.action = 'purge' AND p.id > a.id))"
        " GROUP BY a.session_id ORDER BY first_row"
    ):
        why = (
            "the session is in the database"
            if r["here"]
            else "no purge of the session follows them"
        )
        yield Finding(
            f"audit row {r['first_row']}",
            f"{r['n']} audit row(s) of session {r['session_id']} were blanked as a purge"
            f" blanks them, but {why}",
        )

"""Push: send a laptop's signed session versions that the archive does not hold yet.

Idempotent: the archive first says which versions it holds (same digest, another digest, or
none), and only the missing ones travel. One transaction per session, so a dropped connection
loses nothing and the next push resumes where this one stopped. A session whose id and version
the archive holds with another digest is refused and reported, and neither side changes. A
session the archive purged is never sent again: the archive says so when asked what it holds,
and nothing of it travels (the archive refuses it anyway, whatever a laptop sends); the laptop
keeps its copy, for its own purge.

Each version's digest is checked here before it is sent (the content is read back and hashed
as canonical JSON) and again by the archive on arrival (schema.py). With a version goes what
proves it: the profile snapshot, the session's audit chain, its rows of the issued-sheet
register, and, for the version the laptop now holds, the record itself (the session file form,
so HR's ``show`` and ``export`` give what the laptop gives).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pcso_interview.store.archive.connect import (
    CONFLICT,
    PURGED,
    ArchiveError,
    PasswordPrompt,
    connect,
    describe,
    refusal,
)

if TYPE_CHECKING:
    import psycopg

    from pcso_interview.store.store import Store

INSTALLATION_KEY = "archive.installation"  # the laptop's id in the archive (app_state)
COMPARE_CHUNK = 5000
_LIST_COLUMNS = (
    "id, version, profile_id, snapshot, force, role_title, candidate_name, candidate_ref,"
    " date, venue, chair_name, status, outcome, weighted_total, percentage, retention_months,"
    " closed_at, search, created_at, updated_at, interview_language"
)
_AUDIT_COLUMNS = (
    "id, session_id, at, actor, action, subject, old, new, prev, session_prev, content_hash,"
    " hash, redacted"
)
_REGISTER_COLUMNS = (
    "id, file_sha256, position, session_id, version, record_digest, state, how, issued_at,"
    " issued_by"
)


@dataclass(frozen=True)
class PushProgress:
    """Where a push is: ``done`` of ``total`` sessions to send, the one just handled."""

    done: int
    total: int
    session_id: str
    candidate_ref: str
    outcome: str  # "sent", "refused"


@dataclass
class PushReport:
    """What a push did. ``sent`` names each version sent ("id vN"); ``refused`` says why each
    refused session was not sent (one the archive purged among them); ``already`` counts
    sessions the archive held entirely."""

    installation: str
    sent: list[str] = field(default_factory=list)
    sessions_sent: int = 0
    already: int = 0
    refused: list[str] = field(default_factory=list)
    stopped: bool = False  # asked to stop: what was sent stays sent
    # The archive predates its refusal of purged sessions: it cannot say which it purged.
    archive_outdated: bool = False

    def describe(self) -> str:
        if not self.sent and not self.refused and not self.stopped:
            text = f"nothing to send: the archive holds all {self.already} signed session(s)"
        else:
            text = (
                f"sent {len(self.sent)} signed version(s) of {self.sessions_sent} session(s);"
                f" {self.already} session(s) already in the archive"
            )
        if self.refused:
            text += f"; {len(self.refused)} refused"
        if self.stopped:
            text += "; stopped before the rest: push again to send them"
        if self.archive_outdated:
            text += (
                "; the archive is of an older version, which takes back sessions it purged:"
                " ask its DBA to run archive init"
            )
        return text


Progress = Callable[[PushProgress], object]  # returning False stops after that session


def installation_id(store: Store) -> str:
    """This laptop's id in the archive, made at its first push and kept in the database."""
    found = store.get_state(INSTALLATION_KEY)
    if not found:
        found = uuid.uuid4().hex
        store.set_state(INSTALLATION_KEY, found)
    return found


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, tuple(params))
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]


@dataclass(frozen=True)
class _Version:
    session_id: str
    version: int
    digest: str
    signed_at: str
    snapshot: str  # the profile's digest
    content: bytes  # canonical JSON, the profile by its digest, exactly as signed


def _laptop_versions(store: Store) -> dict[str, list[tuple[int, str]]]:
    """Every signed version the laptop holds: session id -> [(version, digest)]."""
    found: dict[str, list[tuple[int, str]]] = {}
    for r in _rows(store.conn, "SELECT session_id, version, digest FROM sheets ORDER BY 1, 2"):
        found.setdefault(r["session_id"], []).append((r["version"], r["digest"]))
    return found


@dataclass(frozen=True)
class _Comparison:
    """What the archive said of the laptop's versions."""

    states: dict[tuple[str, int], str]  # (id, version): 'same', 'different' or 'absent'
    purged: dict[str, str]  # session id: the day the archive purged it
    says_purged: bool  # False: an archive from before it refused purged sessions


def _compare(
    conn: psycopg.Connection[Any],
    installation: str,
    versions: dict[str, list[tuple[int, str]]],
) -> _Comparison:
    """What the archive holds of each version, and which sessions it purged. Its columns are
    read by name: an archive before migration 9 has no ``purged_on``, and is pushed to as
    before."""
    flat = [(s, v, d) for s, held in versions.items() for v, d in held]
    states: dict[tuple[str, int], str] = {}
    purged: dict[str, str] = {}
    says_purged = True
    for start in range(0, len(flat), COMPARE_CHUNK):
        chunk = flat[start : start + COMPARE_CHUNK]
        cursor = conn.execute(
            "SELECT * FROM archive.push_compare(%s, %s, %s, %s)",
            [installation, [c[0] for c in chunk], [c[1] for c in chunk], [c[2] for c in chunk]],
        )
        names = [column.name for column in cursor.description or ()]
        says_purged = "purged_on" in names
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            session_id = str(row["session_id"])
            states[(session_id, int(str(row["version"])))] = str(row["state"])
            if row.get("purged_on"):
                purged[session_id] = str(row["purged_on"])
    conn.commit()
    return _Comparison(states, purged, says_purged)


def _purged(session_id: str, ref: str, day: str) -> str:
    """A session the archive purged, in words: not sent, and the laptop's copy is left for the
    laptop's own purge (a push deletes nothing here)."""
    return (
        f"session {session_id} ({ref}): not sent, the archive purged it on {day} (past its"
        " retention period); this laptop still holds it: purge it here too"
    )


def _checked_version(store: Store, session_id: str, version: int) -> _Version:
    """A signed version as the laptop keeps it, its digest recomputed (ValueError if not).

    The digest is taken as the archive takes it on arrival: the content is canonical JSON
    naming its profile by digest, and the snapshot's text is the canonical JSON that gives
    that digest, so putting the text in the name's place gives the canonical JSON of the
    whole signed content byte for byte, without building and serialising it again."""
    from pcso_interview.session import canonical_json

    row = _rows(
        store.conn,
        "SELECT digest, signed_at, content FROM sheets WHERE session_id = ? AND version = ?",
        [session_id, version],
    )[0]
    content_bytes = zlib.decompress(row["content"])
    content = json.loads(content_bytes)
    snapshot = content["profile"]
    profile = _rows(store.conn, "SELECT json FROM profile_snapshots WHERE digest = ?", [snapshot])
    if not profile:
        raise ValueError(f"version {version}: its profile snapshot is missing")
    profile_bytes = str(profile[0]["json"]).encode("utf-8")
    name = b'"profile":' + json.dumps(snapshot).encode("utf-8")
    whole = content_bytes.replace(name, b'"profile":' + profile_bytes, 1)
    if (
        hashlib.sha256(profile_bytes).hexdigest() != snapshot
        or canonical_json(content) != content_bytes
        or content_bytes.count(name) != 1
        or hashlib.sha256(whole).hexdigest() != row["digest"]
    ):
        raise ValueError(
            f"version {version}: the content kept at signing no longer gives its digest"
        )
    return _Version(session_id, version, row["digest"], row["signed_at"], snapshot, content_bytes)


def _listing(store: Store, newest: _Version) -> dict[str, Any]:
    """The HR list row for the newest version sent: the laptop's own row while the session
    stands at that version, else the row that version had, from its content."""
    row = _rows(
        store.conn, f"SELECT {_LIST_COLUMNS} FROM sessions WHERE id = ?", [newest.session_id]
    )
    if row and row[0]["version"] == newest.version and row[0]["status"] == "signed":
        # The retention period runs from the signing of the version (the archive checks it).
        return {**row[0], "closed_at": newest.signed_at}
    from pcso_interview.session import Session
    from pcso_interview.store.session_rows import signed_list_columns

    content = json.loads(newest.content)
    profile = json.loads(
        _rows(store.conn, "SELECT json FROM profile_snapshots WHERE digest = ?", [newest.snapshot])[
            0
        ]["json"]
    )
    session = Session.from_signed_content({**content, "profile": profile})
    return {
        "id": session.id,
        "snapshot": newest.snapshot,
        **signed_list_columns(session),
        "closed_at": newest.signed_at,
        "created_at": row[0]["created_at"] if row else newest.signed_at,
        "updated_at": newest.signed_at,
        # How the interview was held: the laptop's, whatever version it stands at now.
        "interview_language": row[0]["interview_language"] if row else "en",
    }


def _record(store: Store, newest: _Version) -> str | None:
    """The session file form of the record, when the laptop stands at the version sent: the
    archive then shows and exports exactly what the laptop does. ValueError when the record
    fails verification here."""
    from pcso_interview import bundle
    from pcso_interview.lifecycle import Status
    from pcso_interview.session import canonical_json

    session = store.load(newest.session_id)
    if session.status is not Status.SIGNED or session.version != newest.version:
        return None
    # Loading checked the record: its rows give the digest of this version's sheets row (the
    # digest sent), its content kept at signing too, and its audit chain holds.
    if session.record_problems:
        raise ValueError("the record failed verification here: " + session.record_problems[0])
    record = bundle.session_to_dict(session, newest.digest)["session"]
    record["profile"] = newest.snapshot
    return canonical_json(record).decode("utf-8")


def _send_session(
    conn: psycopg.Connection[Any],
    store: Store,
    installation: str,
    session_id: str,
    missing: list[int],
    snapshots_sent: set[str],
) -> list[_Version]:
    """One session's missing versions and their proofs, in the caller's transaction; a
    profile snapshot goes only if no session committed earlier in this push took it."""
    versions = [_checked_version(store, session_id, v) for v in missing]
    newest = versions[-1]
    record = _record(store, newest)
    for snapshot in dict.fromkeys(v.snapshot for v in versions if v.snapshot not in snapshots_sent):
        profile = _rows(
            store.conn,
            "SELECT profile_id, json FROM profile_snapshots WHERE digest = ?",
            [snapshot],
        )[0]
        conn.execute(
            "SELECT archive.push_snapshot(%s, %s, %s, %s)",
            [installation, snapshot, profile["profile_id"], profile["json"]],
        )
    for v in versions:
        conn.execute(
            "SELECT archive.push_version(%s, %s, %s, %s, %s, %s, %s, %s)",
            [
                installation,
                v.session_id,
                v.version,
                v.digest,
                v.signed_at,
                v.snapshot,
                v.content,
                record if v is newest else None,
            ],
        )
    from psycopg.types.json import Jsonb

    conn.execute(
        "SELECT archive.push_listing(%s, %s)", [installation, Jsonb(_listing(store, newest))]
    )
    audit = _rows(
        store.conn,
        f"SELECT {_AUDIT_COLUMNS} FROM audit WHERE session_id = ? ORDER BY id",
        [session_id],
    )
    conn.execute("SELECT archive.push_audit(%s, %s)", [installation, Jsonb(audit)])
    register = _rows(
        store.conn,
        f"SELECT {_REGISTER_COLUMNS} FROM issued_sheets WHERE session_id = ? ORDER BY id",
        [session_id],
    )
    if register:
        conn.execute("SELECT archive.push_register(%s, %s)", [installation, Jsonb(register)])
    return versions


def _label() -> str:
    import socket

    return socket.gethostname()


def push(
    store: Store,
    url: str,
    *,
    prompt: PasswordPrompt | None = None,
    progress: Progress | None = None,
) -> PushReport:
    """Send every signed version the archive lacks; ArchiveError if it cannot be reached or
    the connection drops (what was sent before stays sent)."""
    import psycopg

    from pcso_interview.signing_key import trusted_certificates

    installation = installation_id(store)
    report = PushReport(installation)
    conn = connect(url, prompt=prompt)
    done = 0
    snapshots_sent: set[str] = set()
    try:
        try:
            conn.execute(
                "SELECT archive.push_begin(%s, %s, %s)",
                [installation, _label(), trusted_certificates(store.path)],
            )
            conn.commit()
            laptop = _laptop_versions(store)
            compared = _compare(conn, installation, laptop)
        except psycopg.Error as exc:
            raise ArchiveError(f"{describe(url)} refused the push: {refusal(exc)}") from None
        report.archive_outdated = not compared.says_purged
        pending = []
        for session_id, held in laptop.items():
            kinds = {v: compared.states.get((session_id, v), "absent") for v, _ in held}
            different = [v for v, kind in kinds.items() if kind == "different"]
            if different:
                report.refused.append(
                    f"session {session_id} version {different[0]} is already in the archive with"
                    " another digest; neither side was changed"
                )
            elif all(kind == "same" for kind in kinds.values()):
                report.already += 1
            elif session_id in compared.purged:
                ref = _candidate_ref(store, session_id)
                report.refused.append(_purged(session_id, ref, compared.purged[session_id]))
            else:
                pending.append((session_id, [v for v, kind in kinds.items() if kind == "absent"]))
        for session_id, missing in pending:
            ref = _candidate_ref(store, session_id)
            try:
                with conn.transaction():
                    versions = _send_session(
                        conn, store, installation, session_id, missing, snapshots_sent
                    )
                snapshots_sent.update(v.snapshot for v in versions)  # committed: it is there
            except ValueError as exc:
                report.refused.append(f"session {session_id} ({ref}): not sent, {exc}")
                outcome = "refused"
            except psycopg.errors.OperationalError as exc:
                raise _lost(url, report, len(pending), exc) from None
            except psycopg.Error as exc:
                if conn.closed or conn.broken:
                    raise _lost(url, report, len(pending), exc) from None
                purged_on = exc.diag.message_detail if exc.sqlstate == PURGED else None
                kind = "already archived with another digest" if exc.sqlstate == CONFLICT else ""
                report.refused.append(
                    _purged(session_id, ref, purged_on)
                    if purged_on  # purged since the archive was asked what it holds
                    else f"session {session_id} ({ref}): refused by the archive,"
                    f" {kind or refusal(exc)}; neither side was changed"
                )
                outcome = "refused"
            else:
                report.sent += [f"{v.session_id} v{v.version}" for v in versions]
                report.sessions_sent += 1
                outcome = "sent"
            done += 1
            if (
                progress is not None
                and progress(PushProgress(done, len(pending), session_id, ref, outcome)) is False
            ):
                report.stopped = done < len(pending)
                break
    finally:
        conn.close()
    return report


def _lost(url: str, report: PushReport, total: int, exc: BaseException) -> ArchiveError:
    return ArchiveError(
        f"the connection to {describe(url)} was lost after {report.sessions_sent} of {total}"
        f" session(s) ({refusal(exc) if isinstance(exc, Exception) else exc}); what was sent"
        " is kept: push again to send the rest"
    )


def _candidate_ref(store: Store, session_id: str) -> str:
    found = _rows(store.conn, "SELECT candidate_ref FROM sessions WHERE id = ?", [session_id])
    return str(found[0]["candidate_ref"]) if found else ""

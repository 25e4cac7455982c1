"""The audit trail as a hash chain: each row carries SHA-256(the previous row's hash + the
hash of its session's previous row + its own content hash).

Two links per row: the whole trail in order, and each session's own rows in order, so one
session's record can be checked on its own when it is opened, and `check` walks the lot.

Chaining over content *hashes* rather than content lets a purge redact a row's words to a
tombstone while the chain still verifies: the row keeps the hash of what it said. Someone who
drops the triggers and edits, deletes or inserts audit rows breaks a link that ``walk`` finds.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

GENESIS = "0" * 64  # the "previous hash" of the first row
CONTENT_COLUMNS = ("session_id", "at", "actor", "action", "subject", "old", "new")


def content_hash(
    session_id: str, at: str, actor: str, action: str, subject: str, old: str, new: str
) -> str:
    """SHA-256 of one audit row's words, as canonical JSON (a list: order is fixed)."""
    text = json.dumps(
        [session_id, at, actor, action, subject, old, new],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def link_hash(prev: str, session_prev: str, content: str) -> str:
    # UTF-8, not ASCII: the same bytes for the hex digests the app writes, and a hash
    # rewritten with other characters is then a broken link, not a crash.
    return hashlib.sha256((prev + session_prev + content).encode("utf-8")).hexdigest()


HASH_COLUMNS = ("prev", "session_prev", "content_hash", "hash")


def not_text(link: AuditLink, columns: tuple[str, ...]) -> list[str]:
    """The columns of a row that hold something other than text (no app writes one)."""
    return [name for name in columns if not isinstance(getattr(link, name), str)]


@dataclass(frozen=True)
class AuditLink:
    """One audit row as the chain sees it."""

    id: int
    session_id: str
    at: str
    actor: str
    action: str
    subject: str
    old: str
    new: str
    prev: str
    session_prev: str
    content_hash: str
    hash: str
    redacted: int = 0


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain fails, in words: ``row`` is the audit id (0 for the end of the chain)."""

    row: int
    message: str


def check_link(link: AuditLink, prev: str | None, session_prev: str | None) -> list[str]:
    """What is wrong with one row, given the hashes of the rows that should come before it
    (None: not known here, not checked)."""
    problems = []
    if link.redacted not in (0, 1):
        # Only 0 (words kept) and 1 (blanked by a purge) are ever written: any other value
        # must not pass for a blanked row, whose words go unchecked.
        problems.append(
            f"audit row {link.id} ({link.action}, {link.at}) is marked redacted"
            f" {link.redacted!r}, which no purge writes (only 1)"
        )
    words_retyped = not_text(link, CONTENT_COLUMNS)
    hashes_retyped = not_text(link, HASH_COLUMNS)  # no hash can be computed from these
    if words_retyped or hashes_retyped:
        retyped = ", ".join([*words_retyped, *hashes_retyped])
        problems.append(
            f"audit row {link.id}: its {retyped} hold(s) something other than text,"
            " which no app writes"
        )
    if link.redacted != 1 and not words_retyped:
        words = content_hash(
            link.session_id, link.at, link.actor, link.action, link.subject, link.old, link.new
        )
        if words != link.content_hash:
            problems.append(
                f"audit row {link.id} ({link.action}, {link.at}) was edited: its words no"
                " longer match the hash they were written with"
            )
    if prev is not None and link.prev != prev:
        problems.append(
            f"the audit chain breaks before row {link.id}: a row before it was deleted or changed"
        )
    if session_prev is not None and link.session_prev != session_prev:
        problems.append(
            f"audit row {link.id}: the session's own trail breaks before it (a row of this"
            " session was deleted or changed)"
        )
    if (
        not hashes_retyped
        and link_hash(link.prev, link.session_prev, link.content_hash) != link.hash
    ):
        problems.append(f"audit row {link.id}: its chain hash was rewritten")
    return problems


def walk(links: Iterable[AuditLink], sequence: int | None = None) -> Iterator[ChainBreak]:
    """Every break in the whole chain, in id order.

    ``sequence`` is the highest id SQLite has handed out (sqlite_sequence): rows deleted from
    the end leave no broken link, but the counter still remembers them.
    """
    prev = GENESIS
    last_id = 0
    session_last: dict[str, str] = {}
    for link in links:
        expected_session = session_last.get(link.session_id, GENESIS)
        for problem in check_link(link, prev, expected_session):
            if problem.startswith("the audit chain breaks") and link.id > last_id + 1:
                problem = (
                    f"the audit chain breaks before row {link.id}:"
                    f" {_span(last_id + 1, link.id - 1)} missing"
                )
            yield ChainBreak(link.id, problem)
        prev = link.hash
        session_last[link.session_id] = link.hash
        last_id = link.id
    if sequence is not None and sequence > last_id:
        yield ChainBreak(
            0,
            f"the audit trail ends early: {_span(last_id + 1, sequence)} deleted from its end",
        )


def _span(first: int, last: int) -> str:
    return f"row {first} is" if first == last else f"rows {first}-{last} are"

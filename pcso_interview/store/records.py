"""The rows of a sessions list, and the errors every caller of the store may meet.

Kept small: the first window lists sessions and needs nothing more (see review.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple


class UnknownSessionError(LookupError):
    """No session matches what the user gave; the message says what was looked for."""


def resolve_key(
    key: str,
    exists: Callable[[str], bool],
    by_prefix: Callable[[str], list[str]],
    by_reference: Callable[[str], list[str]],
    non_ascii_references: Callable[[], Iterable[tuple[str, str]]],
) -> str:
    """A session id from a full id, a unique id prefix (4 characters or more) or a unique
    candidate reference in any letter case; the laptop and the force archive each give their
    own queries and the same words when nothing or more than one matches.

    ``by_reference`` finds an ASCII key's reference, ASCII letter case aside (SQLite's NOCASE,
    PostgreSQL's lower() under "C"); ``non_ascii_references`` gives the ``(id, reference)``
    rows whose reference is not ASCII, newest first, which any other key is compared with
    here, letter case aside in any script ("ŴŶ-77" finds "ŵŷ-77").

    Ids are hexadecimal, so a numeric reference ("71300") can also be the start of another
    session's id: such a key is refused, never taken for the one or the other, since a reopen
    or a withdrawal of the wrong candidate cannot be taken back quietly."""
    key = key.strip()
    if not key:
        raise UnknownSessionError("No session id or candidate reference given.")
    if exists(key):
        return key
    by_id = by_prefix(key) if len(key) >= 4 else []
    by_ref = by_reference(key) if key.isascii() else same_reference(key, non_ascii_references())
    matches = list(dict.fromkeys([*by_ref, *by_id]))
    if len(matches) == 1:
        return str(matches[0])
    if by_id and by_ref:
        raise UnknownSessionError(
            f"{key!r} is a candidate reference and also the start of another session's id;"
            " give the full session id."
        )
    if len(matches) > 1:
        raise UnknownSessionError(
            f"{key!r} matches more than one session; give more of the session id."
        )
    raise UnknownSessionError(f"No session with id or candidate reference {key!r}.")


def same_reference(key: str, rows: Iterable[tuple[str, str]]) -> list[str]:
    """The ids (at most 2) of ``(id, reference)`` rows whose reference is ``key``, letter case
    aside in any script."""
    folded = key.casefold()
    return [session_id for session_id, ref in rows if ref.casefold() == folded][:2]


class LockedSessionError(ValueError):
    """The database refused a change to a locked session."""


class SessionRow(NamedTuple):
    """One line of a sessions list (the panel's and HR's).

    A NamedTuple rather than a dataclass: a plain, immutable row of a SELECT, and cheap to
    define, which the first window's start-up counts (bench/bench_startup.py).
    """

    id: str
    date: str
    candidate_name: str
    candidate_ref: str
    profile_id: str
    force: str
    role_title: str
    chair_name: str
    status: str
    outcome: str
    weighted_total: int | float  # tenths with decimal weights
    percentage: str
    version: int
    venue: str = ""
    updated_at: str = ""
    campaign: str = ""
    interview_language: str = "en"  # "en" or "cy": the language the interview was held in


SORT_COLUMNS = {
    "date": "date",
    "candidate": "candidate_name COLLATE NOCASE",
    "reference": "candidate_ref COLLATE NOCASE",
    "force": "force COLLATE NOCASE",
    "role": "role_title COLLATE NOCASE",
    "chair": "chair_name COLLATE NOCASE",
    "status": "status",
    "outcome": "outcome",
    "total": "weighted_total",
    "updated": "updated_at",
    "campaign": "(SELECT campaign FROM session_campaigns WHERE session_id = sessions.id)"
    " COLLATE NOCASE",
    "language": "interview_language",
}

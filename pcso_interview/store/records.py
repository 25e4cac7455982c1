"""Plain records the store returns besides the session aggregate."""

from __future__ import annotations

from dataclasses import dataclass, field


class UnknownSessionError(LookupError):
    """No session matches what the user gave; the message says what was looked for."""


class LockedSessionError(ValueError):
    """The database refused a change to a locked session."""


@dataclass(frozen=True)
class SessionRow:
    """One line of the HR sessions list."""

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
    weighted_total: int
    percentage: str
    version: int
    venue: str = ""
    updated_at: str = ""


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
}


@dataclass(frozen=True)
class SessionQuery:
    """Filters, sorting and paging for the HR list; empty filters match everything."""

    text: str = ""
    status: tuple[str, ...] = ()
    profile_id: str = ""
    outcome: str = ""
    date_from: str = ""
    date_to: str = ""
    sort: str = "date"
    descending: bool = True
    offset: int = 0
    limit: int = 100

    def __post_init__(self) -> None:
        if self.sort not in SORT_COLUMNS:
            raise ValueError(
                f"cannot sort by {self.sort!r}; choose one of {', '.join(SORT_COLUMNS)}"
            )


@dataclass(frozen=True)
class SessionPage:
    rows: tuple[SessionRow, ...]
    total: int
    query: SessionQuery = field(default_factory=SessionQuery)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    session_id: str
    at: str
    actor: str
    action: str
    subject: str
    old: str
    new: str


@dataclass(frozen=True)
class Verification:
    """Whether a stored signed session still has the digest it was signed with."""

    session_id: str
    version: int
    stored_digest: str
    computed_digest: str
    candidate_ref: str = ""

    @property
    def matches(self) -> bool:
        return bool(self.stored_digest) and self.stored_digest == self.computed_digest

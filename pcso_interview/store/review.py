"""What the store gives HR's screens and the verify verb: the list's query and page, the
audit trail, and verification of a signed session."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pcso_interview.store.records import SORT_COLUMNS, SessionRow


@dataclass(frozen=True)
class SessionQuery:
    """Filters, sorting and paging for the HR list; empty filters match everything."""

    text: str = ""
    status: tuple[str, ...] = ()
    profile_id: str = ""
    outcome: str = ""
    date_from: str = ""
    date_to: str = ""
    campaign: str = ""
    language: str = ""  # the interview's: "en", "cy", or "" for either
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
    """One page of the HR list, and how many sessions match in all."""

    rows: tuple[SessionRow, ...]
    total: int
    query: SessionQuery = field(default_factory=SessionQuery)


@dataclass(frozen=True)
class SessionGroup:
    """An assessment day's or a campaign's sessions among those matching the filters."""

    key: str  # the day (YYYY-MM-DD) or the campaign
    sessions: int
    signed: int
    passed: int  # signed sessions that passed
    failed: int
    withdrawn: int
    first: str  # the earliest and latest day in the group
    last: str


@dataclass(frozen=True)
class AuditEntry:
    """One row of a session's audit trail: who changed what, when, from what to what."""

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


@dataclass(frozen=True)
class IssuedPart:
    """One sheet inside an issued file: which record (session, version, digest) it shows, in
    which state, and, once registered, how, when and by whom it was issued."""

    session_id: str
    version: int
    record_digest: str  # the signed digest; empty for a draft or a withdrawn sheet
    state: str  # "signed", "draft", "withdrawn" or "failed" (record failed verification)
    how: str = ""
    issued_at: str = ""
    issued_by: str = ""
    # Its place in the file, from 1, once registered: a purge takes its session's parts out
    # of a combined file's register, and the parts after them keep their places.
    position: int = 0


@dataclass(frozen=True)
class PurgeResult:
    """What a purge did: how many sessions it forgot, the backups it removed because they held
    them, the fresh backup taken instead, and whether the WAL could be emptied at once (another
    window reading the database can hold it until it closes)."""

    count: int
    removed_backups: tuple[Path, ...] = ()
    new_backup: Path | None = None
    wal_cleared: bool = True

    def describe(self) -> str:
        parts = [f"deleted {self.count} session(s); the audit log records each one"]
        if self.removed_backups:
            parts.append(
                f"removed {len(self.removed_backups)} backup(s) that held them; a new backup"
                f" was taken ({self.new_backup.name if self.new_backup else 'none'})"
            )
        if not self.wal_cleared:
            parts.append(
                "another program has the database open: some of their old bytes stay in its"
                " -wal file until that program closes"
            )
        return "; ".join(parts)

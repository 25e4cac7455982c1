"""What HR's verbs and screens read, whichever database holds the sessions.

A laptop's ``Store`` and the force archive's ``ArchiveStore`` both offer these methods with
the same return types, so ``sessions``, ``show``, ``export``, ``pdf``, ``verify``, ``check``
and the statistics print the same for the same sessions. A Protocol rather than a base class:
``Store`` is not changed to fit it, it already does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from pcso_interview.facts import EqualityRow, FactsBatch
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


class SessionReader(Protocol):
    """The read side of a sessions database (and the register of the sheets it issues)."""

    path: Path  # where this installation's files (keys) live beside it

    def close(self) -> None: ...

    def resolve(self, key: str) -> str: ...

    def load(self, session_id: str) -> Session: ...

    def exists(self, session_id: str) -> bool: ...

    def query_sessions(self, query: SessionQuery | None = None) -> SessionPage: ...

    def session_ids(self, query: SessionQuery) -> list[str]: ...

    # Whether HR's list, read at a marker, may since show other sessions at the same rows: None
    # where the database keeps no such marker (the force archive: the list is compared instead).

    def list_marker(self) -> int | None: ...

    def list_changed_since(self, marker: int) -> bool: ...

    def count_sessions(self) -> int: ...

    def verify(self, session_id: str) -> Verification: ...

    def session_problems(self, session: Session) -> list[str]: ...

    def signed_versions(self, session_id: str) -> list[SignedVersion]: ...

    def sheets(self, session_id: str) -> list[dict[str, Any]]: ...

    def audit_trail(self, session_id: str) -> list[AuditEntry]: ...

    def issued(self, file_sha256: str) -> list[IssuedPart]: ...

    def register_issue(
        self, file_sha256: str, parts: Iterable[IssuedPart], how: str, actor: str
    ) -> None: ...

    def check(self) -> Iterator[Finding]: ...

    def statistics_sessions(
        self, profile_id: str, date_from: str = "", date_to: str = ""
    ) -> list[StatSession]: ...

    # HR insight (issue 16): facts.FactsReader's bulk reads, campaigns and groupings. The
    # archive has no equality data (it is imported on each laptop) and every session there is
    # in its default campaign (force · role · month): campaigns are not pushed.

    def session_facts(self, session_ids: Sequence[str]) -> FactsBatch: ...

    def equality_rows(self, session_ids: Sequence[str]) -> list[EqualityRow]: ...

    def sessions_with_equality_data(self) -> int: ...

    def campaigns(self) -> list[str]: ...

    def profiles_in_use(self) -> list[tuple[str, str, str]]: ...

    def campaign_of(self, session_id: str) -> str: ...

    def session_groups(self, query: SessionQuery, by: str) -> list[SessionGroup]: ...


def trusted_certificates(store: SessionReader) -> list[bytes]:
    """The certificates whose signatures this database recognises as its own: the
    installation's keys, and on the archive every laptop's too."""
    from pcso_interview.signing_key import trusted_certificates as installation_certificates
    from pcso_interview.store.archive.read import ArchiveStore

    own = installation_certificates(store.path)
    if isinstance(store, ArchiveStore):
        return own + store.laptop_certificates()
    return own

"""What HR's exports and statistics read of each session: plain rows a store fetches in bulk.

A laptop's store and the force archive both answer the three questions of ``FactsReader`` (which
sessions match, their facts, their equality data), so every figure and every export row is
computed here, in pure functions, from the same rows wherever they came from. Loading each
session whole (and verifying it) takes milliseconds; HR's exports and statistics over 50,000
sessions read these rows in batches instead, a few queries per thousand sessions.

The agreed grades and the outcome follow the session aggregate's own rules (session.py): an
area has an agreed grade only once every panel member has graded it, derived by the profile's
method or, under consensus, as the chair recorded it. A test holds the two to the same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from pcso_interview.profiles import Profile
from pcso_interview.scoring import Method, Outcome, derived_agreed_grade, evaluate_outcome
from pcso_interview.session import Member

if TYPE_CHECKING:
    from pcso_interview.store.review import SessionQuery


Steps = Callable[[int, int, str], bool]  # (done, total, what) -> False to stop


class Stopped(Exception):
    """The person asked to stop; nothing was computed or written."""


def step(steps: Steps | None, done: int, total: int, what: str) -> None:
    """Say how far a long job has got; raise Stopped when told to stop."""
    if steps is not None and not steps(done, total, what):
        raise Stopped()


def release(items: list[Any], step_size: int = 500) -> None:
    """Empty a big list a slice at a time. Freeing 50,000 sessions' rows at once is one long
    run of C that holds Python's lock (a quarter of a second); between slices a window on
    another thread gets its turn."""
    while items:
        del items[-step_size:]


@dataclass(frozen=True)
class SessionFacts:
    """One session as HR's exports and statistics need it; no marks, notes or signatures."""

    session_id: str
    snapshot: str  # the key of its profile in the batch's ``profiles``
    candidate_name: str
    candidate_ref: str
    date: str
    venue: str
    campaign: str
    status: str
    version: int
    panel: tuple[Member, ...]
    grades: Mapping[tuple[str, str], int]  # (member id, area id) -> the member's own grade
    recorded: Mapping[str, int] = field(default_factory=dict)  # agreed grades the chair recorded
    revised: tuple[tuple[str, str], ...] = ()  # (member id, area id): changed after reveal
    signed_at: str = ""  # of the current version, when signed
    digest: str = ""  # of the current version, when signed
    withdrawn_reason: str = ""

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.panel if m.id == member_id), None)


@dataclass(frozen=True)
class FactsBatch:
    """Facts of some sessions and the profiles they were scored against (by snapshot key)."""

    facts: tuple[SessionFacts, ...]
    profiles: Mapping[str, Profile]

    def profile(self, facts: SessionFacts) -> Profile:
        return self.profiles[facts.snapshot]


@dataclass(frozen=True)
class EqualityRow:
    """One characteristic of one session's candidate, as the recruitment system gave it.

    Kept apart from the session: never shown to a panel, never on a sheet, only counted."""

    session_id: str
    characteristic: str
    group: str


class FactsReader(Protocol):
    """What a sessions database answers for HR's exports and statistics."""

    def session_ids(self, query: SessionQuery) -> list[str]: ...

    def session_facts(self, session_ids: Sequence[str]) -> FactsBatch: ...

    def equality_rows(self, session_ids: Sequence[str]) -> list[EqualityRow]: ...


def agreed_grades(facts: SessionFacts, profile: Profile) -> dict[str, int | None]:
    """The agreed grade of each planned area, as Session.agreed_grade gives it."""
    chair = next((m.id for m in facts.panel if m.is_chair), "")
    member_ids = [m.id for m in facts.panel]
    result: dict[str, int | None] = {}
    for planned in profile.plan:
        area = planned.area
        if not member_ids or any((m, area) not in facts.grades for m in member_ids):
            result[area] = None
            continue
        own = {m: facts.grades[(m, area)] for m in member_ids}
        derived = derived_agreed_grade(profile.method, own, chair, member_ids)
        if derived is None and profile.method is Method.CONSENSUS:
            derived = facts.recorded.get(area)
        result[area] = derived
    return result


def outcome_of(facts: SessionFacts, profile: Profile) -> Outcome:
    return evaluate_outcome(profile, agreed_grades(facts, profile))


@dataclass(frozen=True)
class Scored:
    """A session's facts with what its profile's rules make of them, worked out once."""

    facts: SessionFacts
    profile: Profile
    agreed: Mapping[str, int | None]
    result: str  # pass / fail / incomplete

    @property
    def counts(self) -> bool:
        """Signed with a pass or a fail: a candidate in the outcome figures."""
        return self.facts.status == "signed" and self.result in ("pass", "fail")


def score(facts: Sequence[SessionFacts], profiles: Mapping[str, Profile]) -> list[Scored]:
    scored = []
    for f in facts:
        profile = profiles[f.snapshot]
        agreed = agreed_grades(f, profile)
        scored.append(Scored(f, profile, agreed, evaluate_outcome(profile, agreed).result.value))
    return scored

"""A session's lifecycle: its statuses, the moves allowed between them, and the rule error.

Apart from the session aggregate so that listing sessions (the first window, the HR browser's
rows) needs no dataclass of the domain model.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from enum import StrEnum

from pcso_interview.phrases import Phrase, PhrasedError

# The languages an interview may be held in (a session records which); Welsh forces offer
# Welsh-medium interviews under the Welsh Language Standards.
INTERVIEW_LANGUAGES = ("en", "cy")
INTERVIEW_LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}


class Status(StrEnum):
    SETUP = "setup"
    SCORING = "scoring"
    CONSENSUS = "consensus"
    AWAITING_SIGNOFF = "awaiting_signoff"
    SIGNED = "signed"
    REOPENED = "reopened"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def locked(self) -> bool:
        """Signed and withdrawn sessions cannot change until HR reopens them."""
        return self in (Status.SIGNED, Status.WITHDRAWN)


_STATUS_LABELS = {
    Status.SETUP: "Setting up",
    Status.SCORING: "Scoring",
    Status.CONSENSUS: "Consensus",
    Status.AWAITING_SIGNOFF: "Awaiting sign-off",
    Status.SIGNED: "Signed",
    Status.REOPENED: "Reopened",
    Status.WITHDRAWN: "Withdrawn",
}

TRANSITIONS: Mapping[Status, frozenset[Status]] = {
    Status.SETUP: frozenset({Status.SCORING, Status.WITHDRAWN}),
    Status.SCORING: frozenset({Status.CONSENSUS, Status.WITHDRAWN}),
    Status.CONSENSUS: frozenset({Status.SCORING, Status.AWAITING_SIGNOFF, Status.WITHDRAWN}),
    Status.AWAITING_SIGNOFF: frozenset({Status.CONSENSUS, Status.SIGNED, Status.WITHDRAWN}),
    Status.SIGNED: frozenset({Status.REOPENED}),
    Status.REOPENED: frozenset(
        {Status.SCORING, Status.CONSENSUS, Status.AWAITING_SIGNOFF, Status.WITHDRAWN}
    ),
    Status.WITHDRAWN: frozenset({Status.REOPENED}),
}


class SessionRuleError(PhrasedError, ValueError):
    """An edit or transition the rules do not allow; the message is for the user (a phrase
    where a panel member meets it, so the Welsh screens can word it)."""


def _cannot_move(current: Status, target: Status) -> SessionRuleError:
    """One wording for a refused move, whether one step or a chain was asked for."""
    return SessionRuleError(
        Phrase.of(
            "error.cannot_move",
            current=Phrase.of(f"status.{current.value}"),
            target=Phrase.of(f"status.{target.value}"),
        )
    )


def check_transition(current: Status, target: Status) -> None:
    if target not in TRANSITIONS[current]:
        raise _cannot_move(current, target)


def transition_path(current: Status, target: Status) -> list[Status]:
    """The shortest chain of legal steps from current to target (empty when equal).

    Intermediate steps never pass through signed, withdrawn or reopened: those are reached
    only on purpose.
    """
    if current is target:
        return []
    frontier: deque[tuple[Status, list[Status]]] = deque([(current, [])])
    seen = {current}
    while frontier:
        state, path = frontier.popleft()
        for step in sorted(TRANSITIONS[state]):
            if step is target:
                return [*path, step]
            if step in seen or step in (Status.WITHDRAWN, Status.SIGNED, Status.REOPENED):
                continue
            seen.add(step)
            frontier.append((step, [*path, step]))
    raise _cannot_move(current, target)

"""What the panel member should do next, in words: a plain function of the session.

The interview screen keeps this sentence in view so that a member in a noisy room finds the
next step at once. No Qt here: the screens pass the keys they bind (``Keys``), and the tests
check the sentences without a window.
"""

from __future__ import annotations

from dataclasses import dataclass

from pcso_interview.profiles import Scale
from pcso_interview.session import Session


@dataclass(frozen=True)
class Keys:
    """The keys the screen binds, named in the sentences (the screen passes its own)."""

    next_area: str = "Ctrl+PgDown"
    scoring_as: str = "Ctrl+M"
    consensus: str = "Ctrl+K"
    signoff: str = "Ctrl+Shift+S"
    sheet: str = "Ctrl+P"


def grade_keys_text(scale: Scale) -> str:
    """How a grade is typed, in words: digits on a numbered scale; on a lettered one (whose C
    and D would classify) G, then the letter."""
    labels = [p.label for p in scale.points]
    keys = f"{labels[0]}-{labels[-1]}" if len(labels) > 2 else " or ".join(labels)
    if scale.numbered:
        return keys
    best_first = scale.labels_text.split(", ")
    return f"G then {best_first[0]}-{best_first[-1]}"


def next_step(
    session: Session | None,
    member_id: str,
    area_id: str | None = None,
    *,
    read_only: bool = False,
    keys: Keys = Keys(),  # frozen: one shared default is safe
) -> str:
    """The next thing ``member_id`` should do; ``area_id`` is the area shown (None when the
    consensus or sign-off page is shown)."""
    if session is None:
        return "open a session"
    if read_only:
        return "nothing: this is a read-only view"
    if session.locked:
        return f"nothing: this session is read-only ({keys.sheet} for the marking sheet)"
    member = session.member(member_id)
    if area_id is not None:
        if (member_id, area_id) not in session.grades:
            grade = grade_keys_text(session.profile.scale)
            return f"classify each indicator (D, P, C, N), then grade the area ({grade})"
        if not session.has_submitted(member_id):
            return f"the next area ({keys.next_area}); {member.name} has areas still to grade"
    waiting = [m.name for m in session.panel if not session.has_submitted(m.id)]
    if waiting:
        return f"{', '.join(waiting)} to grade every area ({keys.scoring_as} to switch member)"
    if session.signoff_blockers():
        return f"agree the grades in Consensus ({keys.consensus})"
    return f"sign off ({keys.signoff})"

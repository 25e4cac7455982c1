"""What the panel member should do next, in words: a plain function of the session.

The interview screen keeps this sentence in view so that a member in a noisy room finds the
next step at once. No Qt here: the screens pass the keys they bind (``Keys``), and the tests
check the sentences without a window. The step is a Phrase (pcso_interview.phrases): the
English is ``str()`` of it, and the Welsh screen words the same key in Welsh.
"""

from __future__ import annotations

from dataclasses import dataclass

from pcso_interview.phrases import Phrase
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


def grade_keys(scale: Scale) -> str | Phrase:
    """How a grade is typed: digits on a numbered scale; on a lettered one (whose C and D
    would classify) G, then the letter. A phrase where there are words to translate."""
    labels = [p.label for p in scale.points]
    if not scale.numbered:
        best_first = scale.labels_text.split(", ")
        return Phrase.of("keys.lettered", best=best_first[0], worst=best_first[-1])
    if len(labels) > 2:
        return f"{labels[0]}-{labels[-1]}"
    if len(labels) == 2:
        return Phrase.of("keys.either", first=labels[0], last=labels[1])
    return labels[0]


def grade_keys_text(scale: Scale) -> str:
    """How a grade is typed, in English words (``grade_keys`` for the screens)."""
    return str(grade_keys(scale))


def next_step(
    session: Session | None,
    member_id: str,
    area_id: str | None = None,
    *,
    read_only: bool = False,
    keys: Keys = Keys(),  # frozen: one shared default is safe
) -> str:
    """The next thing ``member_id`` should do, in English (``next_step_phrase``)."""
    return str(next_step_phrase(session, member_id, area_id, read_only=read_only, keys=keys))


def next_step_phrase(
    session: Session | None,
    member_id: str,
    area_id: str | None = None,
    *,
    read_only: bool = False,
    keys: Keys = Keys(),
) -> Phrase:
    """The next thing ``member_id`` should do; ``area_id`` is the area shown (None when the
    consensus or sign-off page is shown). A phrase, so the screen words it in its language."""
    if session is None:
        return Phrase.of("step.open")
    if read_only:
        return Phrase.of("step.read_only_view")
    if session.locked:
        return Phrase.of("step.locked", shortcut=keys.sheet)
    member = session.member(member_id)
    if area_id is not None:
        if (member_id, area_id) not in session.grades:
            return Phrase.of("step.classify", grade=grade_keys(session.profile.scale))
        if not session.has_submitted(member_id):
            return Phrase.of("step.next_area", shortcut=keys.next_area, member=member.name)
    waiting = [m.name for m in session.panel if not session.has_submitted(m.id)]
    if waiting:
        return Phrase.of("step.waiting", members=", ".join(waiting), shortcut=keys.scoring_as)
    if session.signoff_blockers():
        return Phrase.of("step.consensus", shortcut=keys.consensus)
    return Phrase.of("step.signoff", shortcut=keys.signoff)

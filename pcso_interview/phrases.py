"""Sentences the core makes, kept as a key and its fields so another layer can word them.

The core has no Qt and no language but English: a next step, an outcome's reasons or a grade
changed after the reveal read in English wherever the core's text is used (the record, the
CLI, the HR export, the tests). The Welsh interface (ui/labels.py) and the Welsh marking sheet
(reports/sheet_text.py) word the same key in their own language from the same fields, so no
Welsh sentence is built by patching an English one. ``str(phrase)`` is the English, exactly
as the core has always written it; tests check that the screens' and the sheet's English
templates for each key are these, word for word.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

# key: English template (str.format fields). One table, so every sentence another layer must
# word is listed in one place.
ENGLISH: Mapping[str, str] = {
    # the next step (pcso_interview.guidance)
    "step.open": "open a session",
    "step.read_only_view": "nothing: this is a read-only view",
    "step.locked": "nothing: this session is read-only ({shortcut} for the marking sheet)",
    "step.classify": "classify each indicator (D, P, C, N), then grade the area ({grade})",
    "step.next_area": "the next area ({shortcut}); {member} has areas still to grade",
    "step.waiting": "{members} to grade every area ({shortcut} to switch member)",
    "step.consensus": "agree the grades in Consensus ({shortcut})",
    "step.signoff": "sign off ({shortcut})",
    "keys.either": "{first} or {last}",
    "keys.lettered": "G then {best}-{worst}",
    # the outcome (pcso_interview.scoring)
    "outcome.score": "{total} of {maximum} ({percentage})",
    "outcome.points": "{points} points",
    "outcome.point": "{points} point",
    "outcome.passed.points": (
        "Every area is at or above its minimum; {score} is at least the pass mark of {mark}."
    ),
    "outcome.passed.percent": (
        "Every area is at or above its minimum; {score} is at least the {mark} pass mark."
    ),
    "outcome.below_minimum": "{area}: {grade}, below the minimum {minimum}",
    "outcome.below_pass_mark": "Weighted total {score}, below the pass mark of {mark}",
    "outcome.not_agreed": "{area}: no agreed grade yet",
    # what stands between the panel and sign-off (pcso_interview.session)
    "blocker.to_grade": "{member} has {count} area(s) still to grade.",
    "blocker.not_agreed": "{area}: no agreed grade yet.",
    "blocker.rationale": (
        "{area}: the agreed grade lies outside the members' grades; a rationale is required."
    ),
    # a grade changed after the reveal (pcso_interview.session)
    "revision.changed": (
        "{member} changed this grade from {old} to {new} after the grades were shown"
    ),
    "revision.no_grade": "no grade",
    # the profile (pcso_interview.profiles)
    "level.none": "not levelled",
    "level.competencies": "competencies at level {level}; values are not levelled",
    "level.one": "level {level}",
    "source.untitled": "Role profile",
    "source.untitled.dated": "Role profile, {date}",
    "scale.not_a_grade": "{text} is not a grade on this scale ({labels}).",
}


@dataclass(frozen=True)
class Phrase:
    """One of ENGLISH's sentences with its fields: each a plain value (a name, a key, a
    figure, a grade label: never translated) or a Phrase of its own."""

    key: str
    fields: tuple[tuple[str, str | Phrase], ...] = ()

    def __post_init__(self) -> None:
        if self.key not in ENGLISH:
            raise KeyError(f"no English for phrase {self.key!r}")

    @classmethod
    def of(cls, key: str, /, **fields: str | Phrase) -> Phrase:
        return cls(key, tuple(fields.items()))

    def words(self, template: Callable[[str], str]) -> str:
        """The phrase in some language: ``template(key)`` gives the template for a key (with
        the same fields as the English); nested phrases are worded the same way."""
        values = {
            name: value.words(template) if isinstance(value, Phrase) else value
            for name, value in self.fields
        }
        return template(self.key).format(**values)

    def __str__(self) -> str:
        return self.words(ENGLISH.__getitem__)


def words(value: str | Phrase, template: Callable[[str], str]) -> str:
    """A value that may be a phrase, worded with ``template``; plain text as it is."""
    return value.words(template) if isinstance(value, Phrase) else value

"""Scoring rules as pure functions: classification counts, agreed grades, spread, outcome.

The app never computes a member's grade (evaluation is the assessor's judgement); it counts
the member's classifications, derives agreed grades where the profile's method says so, and
applies the profile's outcome rule to the agreed grades.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fractions import Fraction

    from pcso_interview.profiles import Profile

SPREAD_FLAG_AT = 2


class Classification(StrEnum):
    DEMONSTRATED = "demonstrated"
    PARTLY = "partly"
    CONTRARY = "contrary"
    NONE = "none"

    @property
    def text(self) -> str:
        """As the screens and the marking sheet show it: a symbol first, so that colour is
        never the only signal, then the word."""
        return _CLASSIFICATION_TEXT[self]


_CLASSIFICATION_TEXT = {
    Classification.DEMONSTRATED: "+ Demonstrated",
    Classification.PARTLY: "~ Partly",
    Classification.CONTRARY: "− Contrary",
    Classification.NONE: "· Nothing recorded",
}


@dataclass(frozen=True)
class ClassificationCounts:
    demonstrated: int = 0
    partly: int = 0
    contrary: int = 0
    nothing: int = 0

    @property
    def total(self) -> int:
        return self.demonstrated + self.partly + self.contrary + self.nothing

    def parts(self) -> list[str]:
        """Each count with its symbol and word, as the screen and the marking sheet show them."""
        return [
            f"+ {self.demonstrated} demonstrated",
            f"~ {self.partly} partly",
            f"− {self.contrary} contrary",
            f"{self.nothing} nothing (of {self.total})",
        ]

    def __str__(self) -> str:
        return " · ".join(self.parts())


def classification_counts(
    indicator_ids: Iterable[str], marks: Mapping[str, Classification | str]
) -> ClassificationCounts:
    """Counts over an area's indicators; an indicator with no mark counts as nothing recorded."""
    tally = dict.fromkeys(Classification, 0)
    for indicator_id in indicator_ids:
        tally[Classification(marks.get(indicator_id, Classification.NONE))] += 1
    return ClassificationCounts(
        demonstrated=tally[Classification.DEMONSTRATED],
        partly=tally[Classification.PARTLY],
        contrary=tally[Classification.CONTRARY],
        nothing=tally[Classification.NONE],
    )


def spread(grades: Iterable[int]) -> int:
    values = list(grades)
    return max(values) - min(values) if values else 0


def spread_flagged(grades: Iterable[int]) -> bool:
    """A spread of 2 or more between members is flagged for discussion."""
    return spread(grades) >= SPREAD_FLAG_AT


def mean_half_up(grades: Iterable[int]) -> int:
    """Mean of integer grades rounded half up (round() would round half to even)."""
    values = list(grades)
    if not values:
        raise ValueError("the mean of no grades is undefined")
    # floor(sum / n + 1/2) in integers: exact, and no rounding to even
    return (2 * sum(values) + len(values)) // (2 * len(values))


class Method(StrEnum):
    """How a profile's agreed grade is reached: recorded by the chair after discussion,
    the members' mean (half up), or the chair's own grade."""

    CONSENSUS = "consensus"
    MEAN = "mean"
    CHAIR = "chair"


def derived_agreed_grade(
    method: Method, member_grades: Mapping[str, int], chair_id: str, member_ids: Iterable[str]
) -> int | None:
    """The agreed grade the method yields by itself, or None when the chair must record it.

    ``mean`` needs every member's grade; ``chair`` is the chair's own grade; ``consensus``
    is always recorded by the chair after discussion.
    """
    method = Method(method)  # text from a file or a test becomes the enum, or a ValueError
    if method is Method.MEAN:
        wanted = list(member_ids)
        if not wanted or any(m not in member_grades for m in wanted):
            return None
        return mean_half_up(member_grades[m] for m in wanted)
    if method is Method.CHAIR:
        return member_grades.get(chair_id)
    if method is Method.CONSENSUS:
        return None
    raise AssertionError(f"a method without a rule: {method!r}")


def rationale_required(method: Method, agreed: int, member_grades: Iterable[int]) -> bool:
    """Under consensus, an agreed grade outside the members' range needs a written rationale."""
    values = list(member_grades)
    if Method(method) is not Method.CONSENSUS or not values:
        return False
    return not min(values) <= agreed <= max(values)


class Result(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    INCOMPLETE = "incomplete"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class Outcome:
    result: Result
    reasons: tuple[str, ...]
    weighted_total: int
    weighted_max: int
    pass_mark_percent: int

    @property
    def percentage(self) -> Fraction:
        from fractions import Fraction

        if not self.weighted_max:
            return Fraction(0)
        return Fraction(100 * self.weighted_total, self.weighted_max)

    @property
    def percentage_text(self) -> str:
        """One decimal place, rounded half up, e.g. '56.7%'."""
        if not self.weighted_max:
            return "0.0%"
        # floor(1000 * total / max + 1/2) in integers: one decimal place, rounded half up
        tenths = (2000 * self.weighted_total + self.weighted_max) // (2 * self.weighted_max)
        return f"{tenths // 10}.{tenths % 10}%"

    def explanation(self) -> list[str]:
        """Why the result is what it is, every reason in words: for a pass too."""
        if self.result is Result.PASS:
            return [
                f"Every area is at or above its minimum; {self.weighted_total} of"
                f" {self.weighted_max} ({self.percentage_text}) is at least the"
                f" {self.pass_mark_percent}% pass mark."
            ]
        return list(self.reasons)

    def to_dict(self) -> dict[str, object]:
        """Integers and strings only, for the canonical signed content."""
        return {
            "result": self.result.value,
            "reasons": list(self.reasons),
            "weighted_total": self.weighted_total,
            "weighted_max": self.weighted_max,
            "pass_mark_percent": self.pass_mark_percent,
            "percentage": self.percentage_text,
        }


def evaluate_outcome(profile: Profile, agreed: Mapping[str, int | None]) -> Outcome:
    """Pass, Fail with every reason, or Incomplete with what is missing."""
    scale = profile.scale
    weighted_max = sum(p.weight * scale.highest for p in profile.plan)
    missing = [profile.area(p.area).name for p in profile.plan if agreed.get(p.area) is None]
    weighted_total = sum(
        p.weight * grade for p in profile.plan if (grade := agreed.get(p.area)) is not None
    )
    if missing:
        reasons = tuple(f"{name}: no agreed grade yet" for name in missing)
        return Outcome(
            Result.INCOMPLETE, reasons, weighted_total, weighted_max, profile.pass_mark_percent
        )
    reasons_list = []
    for planned in profile.plan:
        grade = agreed[planned.area]
        assert grade is not None
        if grade < planned.minimum:
            reasons_list.append(
                f"{profile.area(planned.area).name}: {scale.label(grade)}, below the minimum "
                f"{scale.label(planned.minimum)}"
            )
    outcome = Outcome(Result.PASS, (), weighted_total, weighted_max, profile.pass_mark_percent)
    if weighted_total * 100 < profile.pass_mark_percent * weighted_max:
        reasons_list.append(
            f"Weighted total {weighted_total} of {weighted_max} ({outcome.percentage_text}), "
            f"below the pass mark of {profile.pass_mark_percent}%"
        )
    if reasons_list:
        return Outcome(
            Result.FAIL,
            tuple(reasons_list),
            weighted_total,
            weighted_max,
            profile.pass_mark_percent,
        )
    return outcome

"""Scoring rules as pure functions: classification counts, agreed grades, spread, outcome.

The app never computes a member's grade (evaluation is the assessor's judgement); it counts
the member's classifications, derives agreed grades where the profile's method says so, and
applies the profile's outcome rule to the agreed grades.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

from pcso_interview.phrases import Phrase

if TYPE_CHECKING:
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


# --- exact numbers in words --------------------------------------------------------------------
# Weights may have one decimal place and pass marks two: every sum is a Fraction, and text is
# made from it by integer arithmetic, so no figure depends on floating point.

MAX_PLACES = 10  # digits a percentage may need at the boundary before it is truncated instead


def fixed_text(value: Fraction, places: int) -> str:
    """``value`` with exactly ``places`` decimals, rounded half up: 4.45 -> '4.5' at 1."""
    scale = 10**places
    scaled = math.floor(abs(value) * scale + Fraction(1, 2))
    return _digits(scaled, places, negative=value < 0)


def _digits(scaled: int, places: int, *, negative: bool) -> str:
    whole, part = divmod(scaled, 10**places)
    sign = "-" if negative and scaled else ""
    return f"{sign}{whole}.{part:0{places}d}" if places else f"{sign}{whole}"


def number_text(value: Fraction | int, *, decimals: bool = False) -> str:
    """A weight, score or total: '6' in a profile of whole weights; '6.0' and '4.5' (one
    decimal place) in one with decimal weights, whose figures are all tenths."""
    value = Fraction(value)
    if decimals:
        return fixed_text(value, 1)
    if value.denominator == 1:
        return str(value.numerator)
    return _shortest(value)


def _shortest(value: Fraction) -> str:
    """The fewest decimals that show ``value`` exactly (it must be a finite decimal)."""
    for places in range(MAX_PLACES + 1):
        if (value * 10**places).denominator == 1:
            return fixed_text(value, places)
    return fixed_text(value, MAX_PLACES)


def percent_mark_text(percent: Fraction | int) -> str:
    """A pass mark as written: '60%', '62.5%'."""
    return f"{_shortest(Fraction(percent))}%"


def percentage_text(percent: Fraction, threshold: Fraction | None) -> str:
    """A percentage that never contradicts the decision made on it: one decimal place, and
    more at the boundary. 2699 of 4500 is 59.977...%, which one decimal rounds to 60.0%, as
    if it reached a 60% pass mark: here it reads 59.98%. Where even ten decimals would round
    over the line, the figure is cut (not rounded) at ten."""
    for places in range(1, MAX_PLACES + 1):
        scale = 10**places
        scaled = math.floor(percent * scale + Fraction(1, 2))
        shown = Fraction(scaled, scale)
        if threshold is None or (shown >= threshold) == (percent >= threshold):
            return _digits(scaled, places, negative=False) + "%"
    cut = math.floor(percent * 10**MAX_PLACES)
    return _digits(cut, MAX_PLACES, negative=False) + "%"


def legacy_percentage_text(total: Fraction, maximum: Fraction) -> str:
    """One decimal place, rounded half up, whatever the pass mark: how records made before
    scoring rules 2 wrote their percentage, kept so that their signed content still matches."""
    if not maximum:
        return "0.0%"
    return fixed_text(100 * total / maximum, 1) + "%"


def pass_mark_text(percent: Fraction | int | None, points: Fraction | int | None) -> str:
    """'60%', '62.5%' or '9 points' (or '9.5 points')."""
    return str(pass_mark_phrase(percent, points))


def pass_mark_phrase(percent: Fraction | int | None, points: Fraction | int | None) -> str | Phrase:
    """The pass mark as ``pass_mark_text`` writes it; in points a phrase ("9 points"), whose
    word the screens and the sheet give in their own language."""
    if points is not None:
        key = "outcome.point" if Fraction(points) == 1 else "outcome.points"
        return Phrase.of(key, points=number_text(points))
    return percent_mark_text(percent or 0)


RULES_VERSION = 2  # 1: one decimal always (older records); 2: more decimals at the pass mark


@dataclass(frozen=True)
class Outcome:
    result: Result
    reasons: tuple[str, ...]
    weighted_total: Fraction | int
    weighted_max: Fraction | int
    pass_mark_percent: Fraction | int | None  # None when the pass mark is in points
    pass_mark_points: Fraction | int | None = None
    rules: int = 1  # the profile snapshot's scoring rules (RULES_VERSION when made now)
    decimals: bool = False  # a profile with decimal weights shows figures to one place
    # ``reasons`` as phrases, for the screens and the sheet to word in their language; the
    # record keeps ``reasons``, the English (an Outcome made without them explains in it).
    reason_phrases: tuple[Phrase, ...] = field(default=(), compare=False)

    @property
    def percentage(self) -> Fraction:
        if not self.weighted_max:
            return Fraction(0)
        return Fraction(100) * Fraction(self.weighted_total) / Fraction(self.weighted_max)

    @property
    def threshold_percent(self) -> Fraction | None:
        """The pass mark as a percentage of the maximum, however it is written."""
        if self.pass_mark_percent is not None:
            return Fraction(self.pass_mark_percent)
        if self.pass_mark_points is not None and self.weighted_max:
            return 100 * Fraction(self.pass_mark_points) / Fraction(self.weighted_max)
        return None

    @property
    def percentage_text(self) -> str:
        """One decimal place, rounded half up, e.g. '56.7%'; under scoring rules 2, more
        decimals where one would seem to put the total on the other side of the pass mark."""
        if self.rules < 2 or not self.weighted_max:
            return legacy_percentage_text(
                Fraction(self.weighted_total), Fraction(self.weighted_max)
            )
        return percentage_text(self.percentage, self.threshold_percent)

    @property
    def total_text(self) -> str:
        return number_text(self.weighted_total, decimals=self.decimals)

    @property
    def max_text(self) -> str:
        return number_text(self.weighted_max, decimals=self.decimals)

    @property
    def pass_mark_text(self) -> str:
        return pass_mark_text(self.pass_mark_percent, self.pass_mark_points)

    @property
    def pass_mark_phrase(self) -> str | Phrase:
        return pass_mark_phrase(self.pass_mark_percent, self.pass_mark_points)

    @property
    def score_text(self) -> str:
        """'23 of 30 (76.7%)': the weighted total against the maximum."""
        return str(self.score_phrase)

    @property
    def score_phrase(self) -> Phrase:
        return Phrase.of(
            "outcome.score",
            total=self.total_text,
            maximum=self.max_text,
            percentage=self.percentage_text,
        )

    def explanation(self) -> list[str]:
        """Why the result is what it is, every reason in words: for a pass too."""
        if self.result is Result.PASS:
            return [str(p) for p in self.explanation_phrases()]
        return list(self.reasons)

    def explanation_phrases(self) -> list[str | Phrase]:
        """``explanation`` as phrases, for a screen or sheet in another language."""
        if self.result is Result.PASS:
            key = (
                "outcome.passed.points"
                if self.pass_mark_points is not None
                else "outcome.passed.percent"
            )
            return [Phrase.of(key, score=self.score_phrase, mark=self.pass_mark_phrase)]
        if len(self.reason_phrases) == len(self.reasons):
            return list(self.reason_phrases)
        return list(self.reasons)

    def to_dict(self) -> dict[str, object]:
        """Integers and strings only, for the canonical signed content: a figure that is not
        a whole number is written as its decimal text ("13.5")."""
        content: dict[str, object] = {
            "result": self.result.value,
            "reasons": list(self.reasons),
            "weighted_total": _canonical_number(self.weighted_total, self.decimals),
            "weighted_max": _canonical_number(self.weighted_max, self.decimals),
            "percentage": self.percentage_text,
        }
        if self.pass_mark_percent is not None:
            content["pass_mark_percent"] = _canonical_number(self.pass_mark_percent, False)
        if self.pass_mark_points is not None:
            content["pass_mark_points"] = _canonical_number(self.pass_mark_points, False)
        return content


def _canonical_number(value: Fraction | int, decimals: bool) -> int | str:
    value = Fraction(value)
    if decimals:
        return fixed_text(value, 1)
    return value.numerator if value.denominator == 1 else _shortest(value)


def evaluate_outcome(profile: Profile, agreed: Mapping[str, int | None]) -> Outcome:
    """Pass, Fail with every reason, or Incomplete with what is missing."""
    scale = profile.scale
    weighted_max = sum((p.weight * scale.highest for p in profile.plan), Fraction(0))
    missing = [profile.area(p.area).name for p in profile.plan if agreed.get(p.area) is None]
    weighted_total = sum(
        (p.weight * grade for p in profile.plan if (grade := agreed.get(p.area)) is not None),
        Fraction(0),
    )

    def outcome(result: Result, reasons: tuple[Phrase, ...]) -> Outcome:
        return Outcome(
            result,
            tuple(str(reason) for reason in reasons),
            weighted_total,
            weighted_max,
            profile.pass_mark_percent,
            profile.pass_mark_points,
            rules=profile.rules_version,
            decimals=profile.decimal_weights,
            reason_phrases=reasons,
        )

    if missing:
        return outcome(
            Result.INCOMPLETE,
            tuple(Phrase.of("outcome.not_agreed", area=name) for name in missing),
        )
    reasons_list: list[Phrase] = []
    for planned in profile.plan:
        grade = agreed[planned.area]
        assert grade is not None
        if planned.minimum is not None and grade < planned.minimum:
            reasons_list.append(
                Phrase.of(
                    "outcome.below_minimum",
                    area=profile.area(planned.area).name,
                    grade=scale.label(grade),
                    minimum=scale.label(planned.minimum),
                )
            )
    passing = outcome(Result.PASS, ())
    if profile.pass_mark_points is not None:
        below = weighted_total < profile.pass_mark_points
    else:
        below = weighted_total * 100 < (profile.pass_mark_percent or 0) * weighted_max
    if below:
        reasons_list.append(
            Phrase.of(
                "outcome.below_pass_mark",
                score=passing.score_phrase,
                mark=passing.pass_mark_phrase,
            )
        )
    if reasons_list:
        return outcome(Result.FAIL, tuple(reasons_list))
    return passing


def pass_mark_warnings(profile: Profile) -> list[str]:
    """What a force should look at again, though the profile works: a candidate with every
    area at its minimum (the lowest grade that passes it) who still fails on the total alone.
    The default 60% suits the five-point scale only: on 1-7 with 'meets' at 4 that candidate
    scores 57.1% and fails."""
    lowest = min(profile.scale.values)
    at_minimum = {p.area: p.minimum if p.minimum is not None else lowest for p in profile.plan}
    outcome = evaluate_outcome(profile, at_minimum)
    if outcome.result is not Result.FAIL:
        return []
    return [
        f"a candidate with every area at its minimum scores {outcome.score_text}, below the"
        f" pass mark of {outcome.pass_mark_text}, and fails on the total alone: is that"
        " what the force intends? (lower the pass mark or raise the minimums)"
    ]

"""Campaign statistics for HR: pass rate, areas candidates fail, spreads, assessor leniency
(each member's grade against the mean of their co-panelists' grades on the same area of the
same session; consistency.py has the fuller figures with counts and intervals).

Pure functions over plain records of signed sessions (the store gathers them with SQL), so
the figures can be checked against an independent computation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from pcso_interview.profiles import Profile
from pcso_interview.scoring import spread_flagged


@dataclass(frozen=True)
class Assessor:
    """A panel member across sessions: the same name and staff or collar number."""

    name: str
    number: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.number})" if self.number else self.name


@dataclass(frozen=True)
class StatSession:
    """What the statistics need from one signed session."""

    session_id: str
    outcome: str  # pass / fail
    agreed: Mapping[str, int]  # area id -> agreed grade
    member_grades: Mapping[str, tuple[tuple[Assessor, int], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class AreaStats:
    area_id: str
    name: str
    graded: int  # sessions with an agreed grade for the area
    mean_agreed: Fraction | None
    fail_share: Fraction | None  # agreed grade below the area's minimum
    spread_share: Fraction | None  # members' grades 2 or more apart


@dataclass(frozen=True)
class AssessorStats:
    assessor: Assessor
    grades: int
    # own grade minus the mean of the co-panelists' grades; > 0 lenient, < 0 severe
    mean_difference: Fraction


@dataclass(frozen=True)
class Statistics:
    profile_id: str
    candidates: int
    passes: int
    areas: tuple[AreaStats, ...]
    assessors: tuple[AssessorStats, ...]
    spread_share: Fraction | None  # over every (session, area) with two or more grades

    @property
    def pass_rate(self) -> Fraction | None:
        return Fraction(self.passes, self.candidates) if self.candidates else None


def _share(count: int, total: int) -> Fraction | None:
    return Fraction(count, total) if total else None


def compute_statistics(profile: Profile, sessions: Iterable[StatSession]) -> Statistics:
    sessions = list(sessions)
    graded: dict[str, list[int]] = defaultdict(list)
    failed: dict[str, int] = defaultdict(int)
    spread_flags: dict[str, int] = defaultdict(int)
    spread_pairs: dict[str, int] = defaultdict(int)
    differences: dict[Assessor, list[Fraction]] = defaultdict(list)
    minimum = {p.area: p.minimum for p in profile.plan}
    for session in sessions:
        for area_id, grade in session.agreed.items():
            if area_id not in minimum:
                continue
            graded[area_id].append(grade)
            floor = minimum[area_id]
            if floor is not None and grade < floor:
                failed[area_id] += 1
        for area_id, members in session.member_grades.items():
            if area_id in minimum and len(members) >= 2:
                total = sum(g for _, g in members)
                for assessor, own in members:
                    others = Fraction(total - own, len(members) - 1)
                    differences[assessor].append(own - others)
                spread_pairs[area_id] += 1
                if spread_flagged(g for _, g in members):
                    spread_flags[area_id] += 1
    areas = tuple(
        AreaStats(
            area_id=area.id,
            name=area.name,
            graded=len(graded[area.id]),
            mean_agreed=(
                Fraction(sum(graded[area.id]), len(graded[area.id])) if graded[area.id] else None
            ),
            fail_share=_share(failed[area.id], len(graded[area.id])),
            spread_share=_share(spread_flags[area.id], spread_pairs[area.id]),
        )
        for area in profile.planned_areas
    )
    assessors = tuple(
        sorted(
            (
                AssessorStats(a, len(d), sum(d, Fraction(0)) / len(d))
                for a, d in differences.items()
                if d
            ),
            key=lambda s: (s.mean_difference, s.assessor.name),
        )
    )
    return Statistics(
        profile_id=profile.id,
        candidates=len(sessions),
        passes=sum(s.outcome == "pass" for s in sessions),
        areas=areas,
        assessors=assessors,
        spread_share=_share(sum(spread_flags.values()), sum(spread_pairs.values())),
    )


def fraction_text(value: Fraction | None, places: int = 2) -> str:
    """A fraction as a decimal rounded half up, or '-' when there is nothing to show."""
    if value is None:
        return "-"
    scale = 10**places
    scaled = (abs(value) * scale + Fraction(1, 2)).__floor__()
    sign = "-" if value < 0 and scaled else ""
    whole, part = divmod(int(scaled), scale)
    return f"{sign}{whole}.{part:0{places}d}" if places else f"{sign}{whole}"


def percent_text(value: Fraction | None) -> str:
    return "-" if value is None else f"{fraction_text(value * 100, 1)}%"


def statistics_csv_rows(stats: Statistics) -> list[list[str]]:
    """The figures as a table (for CSV export and the on-screen table)."""
    rows = [
        ["figure", "area or assessor", "value"],
        ["candidates", "", str(stats.candidates)],
        ["pass rate", "", percent_text(stats.pass_rate)],
        ["areas flagged for a spread of 2 or more", "all areas", percent_text(stats.spread_share)],
    ]
    for area in stats.areas:
        rows.append(["mean agreed grade", area.name, fraction_text(area.mean_agreed)])
        rows.append(["candidates failing the area", area.name, percent_text(area.fail_share)])
        rows.append(["spread of 2 or more", area.name, percent_text(area.spread_share)])
    for assessor in stats.assessors:
        rows.append(
            [
                "assessor: mean of own grade minus co-panelists' mean",
                assessor.assessor.label,
                fraction_text(assessor.mean_difference),
            ]
        )
    return rows

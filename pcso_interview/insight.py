"""HR insight over a selection of signed sessions: fair outcomes and consistent assessors.

``gather`` reads the selection from any facts.FactsReader (a laptop's store, the force
archive) a thousand sessions at a time, saying how far it has got and stopping when asked;
``compute`` turns the rows into every figure (fairness.py, consistency.py, the area figures);
``to_json`` and ``csv_rows`` write them out. No SQL and no Qt here: the window runs the same
functions on a worker thread that the command line runs in the foreground.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from pcso_interview.consistency import (
    ALL_AREAS,
    MIN_GRADES,
    Agreement,
    AssessorMonth,
    Leniency,
    Month,
    agreement,
    comparisons,
    drift,
    leniency,
)
from pcso_interview.facts import (
    EqualityRow,
    FactsReader,
    Scored,
    SessionFacts,
    Steps,
    Stopped,
    release,
    score,
    step,
)
from pcso_interview.fairness import OVERALL, ImpactRow, adverse_impact
from pcso_interview.profiles import Profile
from pcso_interview.scoring import spread_flagged
from pcso_interview.statistics import fraction_text, percent_text

BATCH = 1000


@dataclass(frozen=True)
class Selection:
    """Which signed sessions the figures are about; empty fields match everything."""

    profile_id: str = ""
    campaign: str = ""
    date_from: str = ""
    date_to: str = ""

    def describe(self, profile_names: Mapping[str, str] | None = None) -> str:
        """In words, for a chart's caption or a file: "Gwent Police · Community Support
        Officer · campaign … · 2026-01-01 to 2026-06-30"."""
        names = profile_names or {}
        parts = [
            names.get(self.profile_id, self.profile_id) if self.profile_id else "every profile"
        ]
        if self.campaign:
            parts.append(f"campaign {self.campaign}")
        if self.date_from and self.date_to:
            parts.append(f"{self.date_from} to {self.date_to}")
        elif self.date_from:
            parts.append(f"from {self.date_from}")
        elif self.date_to:
            parts.append(f"up to {self.date_to}")
        else:
            parts.append("all dates")
        return " · ".join(parts)


def profile_names(
    loaded: Iterable[Profile], in_use: Iterable[tuple[str, str, str]] = ()
) -> dict[str, str]:
    """The profiles HR may choose, by id, named "force · role": every one loaded, then every
    other one a session was made with (``in_use``, from the store: id, force, role), its force
    file gone, renamed or broken since: its sessions are still counted, by profile too."""
    names = {p.id: f"{p.force} · {p.role_title}" for p in loaded}
    for profile_id, force, role_title in in_use:
        names.setdefault(profile_id, f"{force} · {role_title}")
    return names


@dataclass(frozen=True)
class Gathered:
    facts: Sequence[SessionFacts]
    profiles: Mapping[str, Profile]
    equality: Sequence[EqualityRow]

    def release(self) -> None:
        """Let the rows go a slice at a time (facts.release), once the figures are made."""
        for rows in (self.facts, self.equality):
            if isinstance(rows, list):
                release(rows)


def gather(reader: FactsReader, selection: Selection, steps: Steps | None = None) -> Gathered:
    """The selection's signed sessions and their equality data; raises Stopped when
    ``steps`` answers False."""
    from pcso_interview.store.review import SessionQuery

    step(steps, 0, 0, "Finding the sessions")
    ids = reader.session_ids(
        SessionQuery(
            status=("signed",),
            profile_id=selection.profile_id,
            campaign=selection.campaign,
            date_from=selection.date_from,
            date_to=selection.date_to,
            sort="date",
            descending=False,
        )
    )
    facts: list[SessionFacts] = []
    profiles: dict[str, Profile] = {}
    for start in range(0, len(ids), BATCH):
        step(steps, start, len(ids), "Reading the sessions")
        batch = reader.session_facts(ids[start : start + BATCH])
        facts += batch.facts
        profiles.update(batch.profiles)
    step(steps, len(ids), len(ids), "Reading the equality data")
    equality = reader.equality_rows(ids)
    return Gathered(facts, profiles, list(equality))


@dataclass(frozen=True)
class AreaFigures:
    area_id: str
    name: str
    graded: int
    mean_agreed: Fraction | None
    fail_share: Fraction | None  # agreed grade below the area's minimum
    spread_share: Fraction | None  # members' grades 2 or more apart


@dataclass(frozen=True)
class Insight:
    selection: Selection
    candidates: int  # signed sessions
    passes: int
    with_equality: int  # of them, candidates with equality data
    areas: tuple[AreaFigures, ...]
    impact: tuple[ImpactRow, ...]
    assessors: tuple[Leniency, ...]
    agreement: tuple[Agreement, ...]
    months: tuple[Month, ...]
    assessor_months: tuple[AssessorMonth, ...]

    @property
    def pass_rate(self) -> Fraction | None:
        return Fraction(self.passes, self.candidates) if self.candidates else None

    def shown_assessors(self, every: bool = False) -> tuple[Leniency, ...]:
        """Those with at least MIN_GRADES compared grades, or every one when asked."""
        return tuple(a for a in self.assessors if every or a.enough)

    @property
    def hidden_assessors(self) -> int:
        return sum(not a.enough for a in self.assessors)


def area_figures(sessions: Sequence[Scored]) -> tuple[AreaFigures, ...]:
    """Per area (matched across profiles by id, named as first met): graded, mean agreed grade,
    share below the minimum, share with a spread of 2 or more between members."""
    graded: dict[str, list[int]] = defaultdict(list)
    failed: dict[str, int] = defaultdict(int)
    spread_pairs: dict[str, int] = defaultdict(int)
    spread_flags: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for scored in sessions:
        profile = scored.profile
        by_area: dict[str, list[int]] = defaultdict(list)
        for (_, area), own in scored.facts.grades.items():
            by_area[area].append(own)
        for planned in profile.plan:
            names.setdefault(planned.area, profile.area(planned.area).name)
            grade = scored.agreed.get(planned.area)
            if grade is not None:
                graded[planned.area].append(grade)
                failed[planned.area] += planned.minimum is not None and grade < planned.minimum
            given = by_area.get(planned.area, [])
            if len(given) >= 2:
                spread_pairs[planned.area] += 1
                spread_flags[planned.area] += spread_flagged(given)
    return tuple(
        AreaFigures(
            area_id,
            name,
            len(graded[area_id]),
            Fraction(sum(graded[area_id]), len(graded[area_id])) if graded[area_id] else None,
            Fraction(failed[area_id], len(graded[area_id])) if graded[area_id] else None,
            Fraction(spread_flags[area_id], spread_pairs[area_id])
            if spread_pairs[area_id]
            else None,
        )
        for area_id, name in names.items()
    )


def compute(gathered: Gathered, selection: Selection, steps: Steps | None = None) -> Insight:
    step(steps, 0, 5, "Counting outcomes")
    sessions = score(gathered.facts, gathered.profiles)
    areas = area_figures(sessions)
    step(steps, 1, 5, "Adverse impact")
    impact = adverse_impact(sessions, gathered.equality)
    step(steps, 2, 5, "Assessors' leniency")
    found = comparisons(gathered.facts)
    assessors = leniency(gathered.facts, found)
    step(steps, 3, 5, "Agreement between assessors")
    agreed = agreement(sessions)
    step(steps, 4, 5, "Drift by month")
    months, assessor_months = drift(sessions, found)
    step(steps, 5, 5, "Done")
    candidates, passes = len(sessions), sum(s.result == "pass" for s in sessions)
    release(sessions)
    release(found)
    return Insight(
        selection=selection,
        candidates=candidates,
        passes=passes,
        with_equality=len({r.session_id for r in gathered.equality}),
        areas=areas,
        impact=impact,
        assessors=assessors,
        agreement=agreed,
        months=months,
        assessor_months=assessor_months,
    )


# --- writing it out ----------------------------------------------------------------------------


def _number(value: Fraction | float | None, places: int = 4) -> float | None:
    return None if value is None else round(float(value), places)


def impact_json(row: ImpactRow) -> dict[str, Any]:
    if row.hidden:
        return {
            "scope": row.scope,
            "characteristic": row.characteristic,
            "group": row.group,
            "candidates": row.suppressed,
            "passed": None,
            "rate": None,
            "ratio": None,
            "flag": None,
        }
    return {
        "scope": row.scope,
        "characteristic": row.characteristic,
        "group": row.group,
        "candidates": row.candidates,
        "passed": row.passed,
        "rate": _number(row.rate),
        "ratio": _number(row.ratio),
        "flag": row.flag,
    }


def assessor_json(row: Leniency) -> dict[str, Any]:
    return {
        "name": row.assessor.name,
        "number": row.assessor.number,
        "grades": row.grades,
        "sessions": row.sessions,
        "leniency": _number(row.mean),
        "low": _number(row.low),
        "high": _number(row.high),
        "changed_after_reveal": row.changed_after_reveal,
    }


def to_json(insight: Insight, *, every_assessor: bool = False) -> dict[str, Any]:
    s = insight.selection
    return {
        "selection": {
            "profile": s.profile_id or None,
            "campaign": s.campaign or None,
            "from": s.date_from or None,
            "to": s.date_to or None,
        },
        "candidates": insight.candidates,
        "passed": insight.passes,
        "pass_rate": _number(insight.pass_rate),
        "with_equality_data": insight.with_equality,
        "adverse_impact": [impact_json(r) for r in insight.impact],
        "assessors": [assessor_json(a) for a in insight.shown_assessors(every_assessor)],
        "assessors_hidden_under_min_grades": (0 if every_assessor else insight.hidden_assessors),
        "min_grades": MIN_GRADES,
        "agreement": [
            {
                "profile": a.profile_id,
                "area": a.area,
                "alpha": _number(a.alpha),
                "units": a.units,
            }
            for a in insight.agreement
        ],
        "areas": [
            {
                "area": a.name,
                "graded": a.graded,
                "mean_agreed": _number(a.mean_agreed),
                "below_minimum": _number(a.fail_share),
                "spread_2_or_more": _number(a.spread_share),
            }
            for a in insight.areas
        ],
        "drift": [
            {
                "month": m.month,
                "sessions": m.sessions,
                "mean_grade": _number(m.mean_grade),
                "mean_agreed": _number(m.mean_agreed),
                "pass_rate": _number(m.pass_rate),
            }
            for m in insight.months
        ],
    }


def ratio_text(value: Fraction | None) -> str:
    return fraction_text(value, 2)


def impact_cells(row: ImpactRow) -> list[str]:
    """A row of the adverse-impact table as shown and exported: "<5" or "withheld" in place of
    every figure of a suppressed group."""
    if row.hidden:
        return [
            "overall (pass)" if row.scope == OVERALL else row.scope,
            row.characteristic,
            row.group,
            row.suppressed,
            "",
            "",
            "",
            "",
        ]
    return [
        "overall (pass)" if row.scope == OVERALL else row.scope,
        row.characteristic,
        row.group,
        str(row.candidates),
        str(row.passed),
        percent_text(row.rate),
        ratio_text(row.ratio),
        "below 4/5" if row.flag else "",
    ]


IMPACT_HEADER = [
    "scope",
    "characteristic",
    "group",
    "candidates",
    "passed or at minimum",
    "rate",
    "ratio to highest",
    "flag",
]


def impact_csv_rows(insight: Insight) -> list[list[str]]:
    return [IMPACT_HEADER, *(impact_cells(r) for r in insight.impact)]


def lenience_text(value: Fraction | float | None) -> str:
    if value is None:
        return "-"
    text = fraction_text(Fraction(value), 2)
    return text if text.startswith("-") or text == "0.00" else f"+{text}"


ASSESSOR_HEADER = [
    "assessor",
    "grades",
    "sessions",
    "leniency",
    "95% low",
    "95% high",
    "changed after reveal",
]


def assessor_cells(row: Leniency) -> list[str]:
    return [
        row.assessor.label,
        str(row.grades),
        str(row.sessions),
        lenience_text(row.mean),
        lenience_text(row.low),
        lenience_text(row.high),
        str(row.changed_after_reveal),
    ]


def alpha_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def figures_csv_rows(
    insight: Insight,
    *,
    every_assessor: bool = False,
    profile_names: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """Every figure of the selection, one table after another, for one CSV file."""
    rows: list[list[str]] = [
        ["selection", insight.selection.describe(profile_names)],
        ["signed sessions", str(insight.candidates)],
        ["pass rate", percent_text(insight.pass_rate)],
        ["with equality data", str(insight.with_equality)],
        [],
        ["area", "graded", "mean agreed grade", "below the minimum", "spread of 2 or more"],
        *(
            [
                a.name,
                str(a.graded),
                fraction_text(a.mean_agreed),
                percent_text(a.fail_share),
                percent_text(a.spread_share),
            ]
            for a in insight.areas
        ),
        [],
        *impact_csv_rows(insight),
        [],
        ASSESSOR_HEADER,
        *(assessor_cells(a) for a in insight.shown_assessors(every_assessor)),
    ]
    if insight.hidden_assessors and not every_assessor:
        rows.append([f"{insight.hidden_assessors} assessor(s) with fewer than {MIN_GRADES} grades"])
    rows += [
        [],
        ["profile", "area", "Krippendorff's alpha (ordinal)", "units"],
        *([a.profile_id, a.area, alpha_text(a.alpha), str(a.units)] for a in insight.agreement),
        [],
        ["month", "sessions", "mean member grade", "mean agreed grade", "pass rate"],
        *(
            [
                m.month,
                str(m.sessions),
                fraction_text(m.mean_grade),
                fraction_text(m.mean_agreed),
                percent_text(m.pass_rate),
            ]
            for m in insight.months
        ),
    ]
    return rows


__all__ = [
    "ALL_AREAS",
    "OVERALL",
    "Gathered",
    "Insight",
    "Selection",
    "Stopped",
    "compute",
    "gather",
    "to_json",
]

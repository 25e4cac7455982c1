"""Are the assessors consistent? Leniency against their co-panelists, agreement between them,
drift over the months, and grades changed after the others' grades were revealed.

- **Leniency**: for every area a member graded in a session where others graded it too, their
  own grade minus the mean of the *others'* grades (their own grade is not in what it is
  compared with, as it would be in the agreed grade). Averaged per assessor, with the number of
  grades and of sessions behind it and a 95 % confidence interval (Student's t; the grades of
  one session are treated as independent, so the interval is if anything too narrow). An
  assessor with fewer than 10 grades is hidden by default: one session says little.
- **Agreement**: Krippendorff's alpha for ordinal data (the ``krippendorff`` package), per area
  and over all areas of a profile; the units are the (session, area) pairs graded by two or
  more members, the values the members' own grades on the profile's scale.
- **Drift**: per month, the mean of the members' grades and of the agreed grades, the pass
  rate, and each assessor's leniency.
- **Changed after reveal**: grades a member changed once they could see the others' grades
  (the store keeps each one: session.Revision), per assessor.

Pure functions over facts.SessionFacts; exact fractions where the figure is a mean of grades.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from statistics import NormalDist

from pcso_interview.facts import Scored, SessionFacts
from pcso_interview.statistics import Assessor

MIN_GRADES = 10  # assessors with fewer compared grades are hidden unless asked for
CONFIDENCE = 0.95
ALL_AREAS = "all areas"


# --- Student's t -------------------------------------------------------------------------------


def _t_two_sided(t: float, df: int) -> float:
    """P(-t < T < t) for Student's t with ``df`` degrees of freedom (exact finite sums for an
    integer df: Abramowitz and Stegun 26.7.3 and 26.7.4)."""
    theta = math.atan(t / math.sqrt(df))
    c2 = math.cos(theta) ** 2
    s = math.sin(theta)
    if df % 2:
        total, term = 0.0, math.cos(theta)
        for k in range(1, (df - 1) // 2 + 1):
            if k > 1:
                term *= c2 * (2 * k - 2) / (2 * k - 1)
            total += term
        return (2 / math.pi) * (theta + (s * total if df > 1 else 0.0))
    total, term = 1.0, 1.0
    for k in range(1, df // 2):
        term *= c2 * (2 * k - 1) / (2 * k)
        total += term
    return s * total


def t_quantile(p: float, df: int) -> float:
    """The ``p`` quantile (p > 0.5) of Student's t: exact by bisection up to 200 degrees of
    freedom, the Cornish-Fisher expansion (A&S 26.7.5, error under 1e-8) above."""
    if df < 1:
        raise ValueError("Student's t needs at least one degree of freedom")
    z = NormalDist().inv_cdf(p)
    if df > 200:
        g1 = (z**3 + z) / 4
        g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
        g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
        g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
        return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4
    target = 2 * p - 1
    low, high = z, 1000.0
    for _ in range(100):
        middle = (low + high) / 2
        if _t_two_sided(middle, df) < target:
            low = middle
        else:
            high = middle
    return (low + high) / 2


# --- leniency ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """One grade compared with the co-panelists': who, where, when, and the difference (own
    grade minus the mean of the others' grades) as a fraction over the number of others."""

    assessor: Assessor
    session_id: str
    area_id: str
    month: str
    numerator: int  # own * n - total, over n - 1 (n grades of the area, own among them)
    others: int

    @property
    def difference(self) -> Fraction:
        return Fraction(self.numerator, self.others)


def comparisons(facts: Iterable[SessionFacts]) -> list[Comparison]:
    found = []
    for session in facts:
        people = {m.id: Assessor(m.name, m.number) for m in session.panel}
        areas: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for (member_id, area_id), grade in session.grades.items():
            areas[area_id].append((member_id, grade))
        month = session.date[:7]
        for area_id, given in sorted(areas.items()):
            n = len(given)
            if n < 2:
                continue
            total = sum(g for _, g in given)
            for member_id, grade in given:
                person = people.get(member_id)
                if person is not None:
                    found.append(
                        Comparison(
                            person, session.session_id, area_id, month, grade * n - total, n - 1
                        )
                    )
    return found


def mean_of(found: Sequence[Comparison]) -> Fraction | None:
    """The exact mean of the differences (summed per number of others, then divided)."""
    if not found:
        return None
    sums: dict[int, int] = defaultdict(int)
    for c in found:
        sums[c.others] += c.numerator
    return sum((Fraction(total, others) for others, total in sums.items()), Fraction(0)) / len(
        found
    )


@dataclass(frozen=True)
class Leniency:
    """One assessor: above 0 lenient (grades above their co-panelists'), below 0 severe."""

    assessor: Assessor
    grades: int  # grades compared with co-panelists'
    sessions: int
    mean: Fraction | None
    low: float | None  # the 95 % interval of the mean; None under two grades
    high: float | None
    changed_after_reveal: int = 0

    @property
    def enough(self) -> bool:
        return self.grades >= MIN_GRADES


def interval(values: Sequence[float]) -> tuple[float | None, float | None]:
    """The 95 % confidence interval of the mean of ``values`` (Student's t)."""
    n = len(values)
    if n < 2:
        return None, None
    mean = math.fsum(values) / n
    variance = math.fsum((v - mean) ** 2 for v in values) / (n - 1)
    half = t_quantile(0.5 + CONFIDENCE / 2, n - 1) * math.sqrt(variance / n)
    return mean - half, mean + half


def changed_after_reveal(facts: Iterable[SessionFacts]) -> dict[Assessor, int]:
    counts: dict[Assessor, int] = defaultdict(int)
    for session in facts:
        for member_id, _area in session.revised:
            member = session.member(member_id)
            if member is not None:
                counts[Assessor(member.name, member.number)] += 1
    return dict(counts)


def leniency(
    facts: Sequence[SessionFacts], found: Sequence[Comparison] | None = None
) -> tuple[Leniency, ...]:
    """Every assessor who graded in these sessions, most severe first (those with no
    co-panelist to compare with last). ``found``: the comparisons, if already made."""
    by_assessor: dict[Assessor, list[Comparison]] = defaultdict(list)
    for comparison in comparisons(facts) if found is None else found:
        by_assessor[comparison.assessor].append(comparison)
    changed = changed_after_reveal(facts)
    everyone = set(by_assessor) | set(changed)
    for session in facts:
        graded = {member_id for member_id, _ in session.grades}
        everyone.update(Assessor(m.name, m.number) for m in session.panel if m.id in graded)
    rows = []
    for assessor in everyone:
        mine = by_assessor.get(assessor, [])
        low, high = interval([c.numerator / c.others for c in mine])
        rows.append(
            Leniency(
                assessor,
                len(mine),
                len({c.session_id for c in mine}),
                mean_of(mine),
                low,
                high,
                changed.get(assessor, 0),
            )
        )
    return tuple(
        sorted(
            rows,
            key=lambda r: (r.mean is None, r.mean or 0, r.assessor.name, r.assessor.number),
        )
    )


# --- agreement ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Agreement:
    profile_id: str
    area: str  # the area's name, or ALL_AREAS
    alpha: float | None  # None when there is nothing to agree on (no pair, one value only)
    units: int  # (session, area) pairs graded by two or more members


def ordinal_alpha(units: Sequence[Sequence[int]], domain: Sequence[int]) -> float | None:
    """Krippendorff's alpha, ordinal, of units each holding the values its coders gave."""
    import krippendorff  # numpy behind it: only when the figures are asked for
    import numpy as np

    pairable = [u for u in units if len(u) >= 2]
    if not pairable or len({v for u in pairable for v in u}) < 2:
        return None
    index = {value: i for i, value in enumerate(domain)}
    counts = np.zeros((len(pairable), len(domain)), dtype=np.int64)
    for row, unit in enumerate(pairable):
        for given in unit:
            counts[row, index[given]] += 1
    try:
        value = float(
            krippendorff.alpha(
                value_counts=counts, value_domain=list(domain), level_of_measurement="ordinal"
            )
        )
    except (ValueError, ZeroDivisionError):
        return None
    return None if math.isnan(value) else value


def agreement(sessions: Sequence[Scored]) -> tuple[Agreement, ...]:
    """Per profile: alpha over all its areas, then per area in the profile's order."""
    units: dict[str, dict[str, list[list[int]]]] = defaultdict(lambda: defaultdict(list))
    domains: dict[str, set[int]] = defaultdict(set)
    names: dict[str, dict[str, str]] = defaultdict(dict)
    order: dict[str, list[str]] = defaultdict(list)
    for scored in sessions:
        session, profile = scored.facts, scored.profile
        domains[profile.id].update(profile.scale.values)
        for planned in profile.plan:
            if planned.area not in names[profile.id]:
                names[profile.id][planned.area] = profile.area(planned.area).name
                order[profile.id].append(planned.area)
            given = [g for (_, area), g in session.grades.items() if area == planned.area]
            if given:
                units[profile.id][planned.area].append(given)
    rows = []
    for profile_id in sorted(units):
        domain = sorted(domains[profile_id])
        every = [u for area in order[profile_id] for u in units[profile_id][area]]
        rows.append(
            Agreement(
                profile_id,
                ALL_AREAS,
                ordinal_alpha(every, domain),
                sum(len(u) >= 2 for u in every),
            )
        )
        for area in order[profile_id]:
            area_units = units[profile_id][area]
            rows.append(
                Agreement(
                    profile_id,
                    names[profile_id][area],
                    ordinal_alpha(area_units, domain),
                    sum(len(u) >= 2 for u in area_units),
                )
            )
    return tuple(rows)


# --- drift -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Month:
    month: str  # YYYY-MM
    sessions: int
    mean_grade: Fraction | None  # of the members' own grades
    mean_agreed: Fraction | None
    pass_rate: Fraction | None


@dataclass(frozen=True)
class AssessorMonth:
    assessor: Assessor
    month: str
    grades: int
    leniency: Fraction


def drift(
    sessions: Sequence[Scored], found: Sequence[Comparison] | None = None
) -> tuple[tuple[Month, ...], tuple[AssessorMonth, ...]]:
    """Per month: sessions, mean member grade, mean agreed grade, pass rate; and each
    assessor's leniency per month."""
    count: dict[str, int] = defaultdict(int)
    passes: dict[str, int] = defaultdict(int)
    own: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    agreed: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for scored in sessions:
        month = scored.facts.date[:7]
        count[month] += 1
        passes[month] += scored.result == "pass"
        own[month][0] += sum(scored.facts.grades.values())
        own[month][1] += len(scored.facts.grades)
        given = [g for g in scored.agreed.values() if g is not None]
        agreed[month][0] += sum(given)
        agreed[month][1] += len(given)
    months = tuple(
        Month(
            month,
            count[month],
            Fraction(*own[month]) if own[month][1] else None,
            Fraction(*agreed[month]) if agreed[month][1] else None,
            Fraction(passes[month], count[month]),
        )
        for month in sorted(count)
    )
    by: dict[tuple[Assessor, str], list[Comparison]] = defaultdict(list)
    for c in comparisons(s.facts for s in sessions) if found is None else found:
        by[(c.assessor, c.month)].append(c)
    per_assessor = tuple(
        AssessorMonth(assessor, month, len(mine), mean_of(mine) or Fraction(0))
        for (assessor, month), mine in sorted(
            by.items(), key=lambda kv: (kv[0][0].name, kv[0][0].number, kv[0][1])
        )
    )
    return months, per_assessor

"""Adverse impact by equality group: are candidates of one group passing less often?

For each characteristic the recruitment system records (ethnicity, sex, disability ...) and
each group of it: how many candidates had a signed outcome, how many passed, the pass rate, and
its ratio to the highest rate of any group shown. A ratio below four fifths (0.8) is flagged:
the "four-fifths rule" of adverse-impact monitoring. The same for each area: the share of the
group's candidates whose agreed grade was at or above the area's minimum.

Small groups are never shown: a group of fewer than 5 candidates is "<5", with no count, pass
count, rate or ratio. Suppressing it alone would not hide it: its count is the total minus the
groups shown. So other cells are withheld too (complementary suppression), chosen until every
small group's size, and whether any of its candidates passed or failed, can no longer be worked
out from what is shown plus the totals (unless the totals say it of everyone: every candidate
passed, or none did). When the selection mixes profiles with different areas, an area's table
counts only the candidates of the profiles that have it, and its counts plus another area's
could give the overall count: such a table is withheld whole while any group of any profile's
set of areas is under 5 (partial_table_unsafe). The highest-rate group used for the ratios is
the highest among the groups shown, so a ratio never reveals a withheld group's rate either.

Rates and ratios are exact fractions; the screens and files round them only for display.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from pcso_interview.facts import EqualityRow, Scored

SMALL_GROUP = 5  # groups of fewer candidates are shown as "<5"
FOUR_FIFTHS = Fraction(4, 5)
OVERALL = "overall"
UNDER = "<5"
WITHHELD = "withheld"


@dataclass(frozen=True)
class Tally:
    candidates: int
    passed: int


@dataclass(frozen=True)
class ImpactRow:
    """One group of one characteristic, overall (pass) or for one area (at or above its
    minimum). A suppressed row carries no figures: ``shown`` says why ("<5" or "withheld")."""

    scope: str  # OVERALL or the area's name
    characteristic: str
    group: str
    candidates: int | None
    passed: int | None
    rate: Fraction | None
    ratio: Fraction | None
    flag: bool
    suppressed: str = ""  # "", UNDER or WITHHELD

    @property
    def hidden(self) -> bool:
        return bool(self.suppressed)


@dataclass(frozen=True)
class Disclosure:
    """What anyone can learn about the withheld groups of one table: their number, which are
    under 5, and (from the totals) their combined candidates and passes."""

    small: int  # withheld groups known to be under 5 (each 1 to 4)
    large: int  # withheld groups known to be 5 or more
    candidates: int  # their combined candidates
    passed: int  # their combined passes
    uniform: bool = False  # every candidate of the table passed, or none did: known anyway


def small_group_exposed(known: Disclosure) -> bool:
    """Whether a group under 5 can be worked out: its size (only one value fits), or that all
    of it passed, or that all of it failed. The groups under 5 are alike to an onlooker (each
    1 to 4), so one check holds for each of them."""
    if known.small == 0:
        return False
    others_small = known.small - 1
    low = others_small + known.large * SMALL_GROUP  # the other withheld groups, together
    high = others_small * (SMALL_GROUP - 1) + (known.candidates if known.large else 0)
    fits = [
        (size, passed)
        for size in range(1, SMALL_GROUP)
        if low <= known.candidates - size <= high
        for passed in range(size + 1)
        # the others' passes can be anything from none to all of them
        if 0 <= known.passed - passed <= known.candidates - size
    ]
    sizes = {size for size, _ in fits}
    if len(sizes) < 2:
        return True
    # When every candidate of the table passed (or none did), the totals say so of each group
    # whatever is withheld: nothing more to hide.
    return not known.uniform and (
        all(passed == 0 for _, passed in fits) or all(passed == size for size, passed in fits)
    )


@dataclass(frozen=True)
class Suppression:
    hidden: dict[str, str]  # group -> UNDER or WITHHELD
    protected: bool  # False: even with every group withheld a group under 5 shows


def suppressed_groups(tallies: Mapping[str, Tally], already: Iterable[str] = ()) -> Suppression:
    """Which groups to withhold, and why: every group under 5 ("<5"), then the smallest of the
    others ("withheld") until no group under 5 can be worked out from the rest and the totals.
    ``already``: groups withheld in a wider table (an area's table withholds what the overall
    one does), withheld here whatever their size."""
    hidden = {g: UNDER for g, t in tallies.items() if t.candidates < SMALL_GROUP}
    for group in already:
        if group in tallies and group not in hidden:
            hidden[group] = WITHHELD
    passes = sum(t.passed for t in tallies.values())
    uniform = passes in (0, sum(t.candidates for t in tallies.values()))
    while True:
        known = Disclosure(
            small=sum(reason == UNDER for reason in hidden.values()),
            large=sum(reason == WITHHELD for reason in hidden.values()),
            candidates=sum(tallies[g].candidates for g in hidden),
            passed=sum(tallies[g].passed for g in hidden),
            uniform=uniform,
        )
        if not small_group_exposed(known):
            return Suppression(hidden, True)
        shown = sorted(
            (g for g in tallies if g not in hidden), key=lambda g: (tallies[g].candidates, g)
        )
        if not shown:
            return Suppression(hidden, False)
        hidden[shown[0]] = WITHHELD


ALL_GROUPS = "all groups"


def impact_rows(
    scope: str, characteristic: str, tallies: Mapping[str, Tally], suppression: Suppression
) -> list[ImpactRow]:
    """The table of one characteristic in one scope; a table that cannot be protected is one
    row saying every group is withheld."""
    hidden = suppression.hidden
    if not suppression.protected:
        return [
            ImpactRow(scope, characteristic, ALL_GROUPS, None, None, None, None, False, WITHHELD)
        ]
    rates = {
        g: Fraction(t.passed, t.candidates)
        for g, t in tallies.items()
        if g not in hidden and t.candidates
    }
    best = max(rates.values(), default=None)
    rows = []

    # The groups shown, largest first; then those withheld, by reason and name alone: listed
    # by size, their order would tell which of two small groups is the larger.
    def order(g: str) -> tuple[bool, str, int, str]:
        return (g in hidden, hidden.get(g, ""), 0 if g in hidden else -tallies[g].candidates, g)

    for group in sorted(tallies, key=order):
        if group in hidden:
            rows.append(
                ImpactRow(
                    scope, characteristic, group, None, None, None, None, False, hidden[group]
                )
            )
            continue
        tally = tallies[group]
        rate = rates[group]
        ratio = rate / best if best else None
        flag = ratio is not None and ratio < FOUR_FIFTHS
        rows.append(
            ImpactRow(
                scope, characteristic, group, tally.candidates, tally.passed, rate, ratio, flag
            )
        )
    return rows


def adverse_impact(
    sessions: Sequence[Scored], equality: Iterable[EqualityRow]
) -> tuple[ImpactRow, ...]:
    """Every characteristic's groups, overall and for each area, suppressed as described.

    Only signed sessions with a pass or fail count; each session is one candidate. Areas are
    matched across profiles by their id and named as the first profile names them."""
    groups: dict[str, dict[str, str]] = defaultdict(dict)  # session -> characteristic -> group
    for row in equality:
        groups[row.session_id][row.characteristic] = row.group
    characteristics = sorted({c for by in groups.values() for c in by})
    overall: dict[str, dict[str, list[int]]] = {c: {} for c in characteristics}
    # Candidates by the set of areas they were graded in (a profile's areas): an area that
    # only some of them have counts a part of the overall table's candidates.
    parts: dict[str, dict[frozenset[str], dict[str, int]]] = {c: {} for c in characteristics}
    areas: dict[str, dict[str, dict[str, list[int]]]] = {}
    area_names: dict[str, str] = {}
    for session in sessions:
        mine = groups.get(session.facts.session_id)
        if not mine or not session.counts:
            continue
        passed = session.result == "pass"
        for characteristic, group in mine.items():
            tally = overall[characteristic].setdefault(group, [0, 0])
            tally[0] += 1
            tally[1] += passed
        profile = session.profile
        areas_graded = frozenset(
            p.area for p in profile.plan if session.agreed.get(p.area) is not None
        )
        for characteristic, group in mine.items():
            part = parts[characteristic].setdefault(areas_graded, {})
            part[group] = part.get(group, 0) + 1
        for planned in profile.plan:
            grade = session.agreed.get(planned.area)
            if grade is None:
                continue
            area_names.setdefault(planned.area, profile.area(planned.area).name)
            by_characteristic = areas.setdefault(planned.area, {})
            for characteristic, group in mine.items():
                tally = by_characteristic.setdefault(characteristic, {}).setdefault(group, [0, 0])
                tally[0] += 1
                tally[1] += planned.minimum is None or grade >= planned.minimum
    rows: list[ImpactRow] = []
    withheld: dict[str, set[str]] = {}
    for characteristic in characteristics:
        tallies = {g: Tally(*t) for g, t in overall[characteristic].items()}
        suppression = suppressed_groups(tallies)
        withheld[characteristic] = (
            set(suppression.hidden) if suppression.protected else set(tallies)
        )
        rows += impact_rows(OVERALL, characteristic, tallies, suppression)
    for area_id, by_characteristic in areas.items():
        for characteristic in characteristics:
            counted = by_characteristic.get(characteristic, {})
            tallies = {g: Tally(*t) for g, t in counted.items()}
            if partial_table_unsafe(parts[characteristic], area_id):
                suppression = Suppression({g: WITHHELD for g in tallies}, False)
            else:
                suppression = suppressed_groups(tallies, withheld[characteristic])
            rows += impact_rows(area_names[area_id], characteristic, tallies, suppression)
    return tuple(rows)


def partial_table_unsafe(parts: Mapping[frozenset[str], Mapping[str, int]], area_id: str) -> bool:
    """Whether an area's table must be withheld whole: it counts only some of the candidates
    (a selection of several profiles, the area in some of them), and a group has 1 to 4
    candidates among the candidates of some set of areas. A group's count in the overall table
    is then the sum of its counts in tables of areas no candidate has both of, and a small one
    would be the difference of two cells shown; when no group of any set of areas is under 5,
    every count of any table, and any difference of them, is 0 or 5 or more."""
    if all(area_id in areas for areas in parts):
        return False  # every candidate of the overall table: the same counts, nothing to add
    return any(0 < n < SMALL_GROUP for counts in parts.values() for n in counts.values())

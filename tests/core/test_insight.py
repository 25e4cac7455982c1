"""HR insight's figures against independent computations: adverse-impact ratios from exact
fractions worked out here, Krippendorff's alpha against his published worked example,
leniency from a hand-made panel, and the suppression of small groups checked by enumerating
what an onlooker could work out from the published cells."""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcso_interview.consistency import (
    MIN_GRADES,
    _t_two_sided,
    agreement,
    drift,
    leniency,
    t_quantile,
)
from pcso_interview.facts import EqualityRow, SessionFacts, score
from pcso_interview.fairness import (
    ALL_GROUPS,
    OVERALL,
    SMALL_GROUP,
    UNDER,
    WITHHELD,
    Tally,
    adverse_impact,
    impact_rows,
    suppressed_groups,
)
from pcso_interview.insight import (
    Gathered,
    Selection,
    compute,
    figures_csv_rows,
    impact_cells,
    to_json,
)
from pcso_interview.profiles import load_profiles
from pcso_interview.session import Member
from pcso_interview.statistics import Assessor
from tests.store_support import profile

SEVEN_POINT = Path(__file__).resolve().parents[1] / "data" / "profiles" / "example-seven-point.json"

GWENT = profile("gwent-cso")
AREAS = [a.id for a in GWENT.planned_areas]
PROFILES = {"gwent": GWENT}
ANN = Member("m1", "Ann Chair", "chair", "1001")
BOB = Member("m2", "Bob Member", "member", "2002")
CAT = Member("m3", "Cat Member", "member", "3003")
DAN = Member("m4", "Dan Member", "member", "4004")


def facts(
    session_id: str,
    grades: dict[tuple[str, str], int],
    *,
    panel: tuple[Member, ...] = (ANN, BOB),
    recorded: dict[str, int] | None = None,
    day: str = "2026-03-02",
    revised: tuple[tuple[str, str], ...] = (),
) -> SessionFacts:
    return SessionFacts(
        session_id=session_id,
        snapshot="gwent",
        candidate_name="Invented Candidate",
        candidate_ref=session_id,
        date=day,
        venue="HQ",
        campaign="Spring",
        status="signed",
        version=1,
        panel=panel,
        grades=grades,
        recorded=recorded or {},
        revised=revised,
    )


def candidate(session_id: str, passed: bool, low_area: str = "ownership") -> SessionFacts:
    """Both members grade every area 3; a failing candidate has 2 for one area (below its
    minimum of 3), so only that area's share differs from everyone's."""
    agreed = {a: 3 for a in AREAS}
    if not passed:
        agreed[low_area] = 2
    grades = {(m.id, a): g for m in (ANN, BOB) for a, g in agreed.items()}
    return facts(session_id, grades, recorded=agreed)


# --- adverse impact --------------------------------------------------------------------------

GROUPS = {  # group: (candidates, passed)
    "Alpha": (40, 30),  # 3/4, the highest rate shown
    "Bravo": (25, 14),  # 14/25: ratio 56/75, below four fifths
    "Charlie": (20, 12),  # 3/5: ratio exactly 4/5, which is not below
    "Delta": (10, 5),  # the smallest shown group: withheld so Echo cannot be worked out
    "Echo": (3, 1),  # under 5
}


def population() -> tuple[list[SessionFacts], list[EqualityRow]]:
    sessions, equality = [], []
    for group, (count, passed) in GROUPS.items():
        for n in range(count):
            sid = f"{group}-{n}"
            sessions.append(candidate(sid, n < passed))
            equality.append(EqualityRow(sid, "Ethnicity", group))
            equality.append(EqualityRow(sid, "Sex", "Female" if n % 2 else "Male"))
    return sessions, equality


def test_adverse_impact_ratios_are_the_exact_fractions():
    sessions, equality = population()
    rows = adverse_impact(score(sessions, PROFILES), equality)
    overall = {r.group: r for r in rows if r.scope == OVERALL and r.characteristic == "Ethnicity"}
    assert overall["Alpha"].rate == Fraction(3, 4) and overall["Alpha"].ratio == 1
    assert overall["Bravo"].rate == Fraction(14, 25)
    assert overall["Bravo"].ratio == Fraction(14, 25) / Fraction(3, 4) == Fraction(56, 75)
    assert overall["Bravo"].flag  # 0.7467 < 0.8
    assert overall["Charlie"].ratio == Fraction(4, 5) and not overall["Charlie"].flag
    assert (overall["Charlie"].candidates, overall["Charlie"].passed) == (20, 12)
    # Per area: the share at or above the minimum. Failing candidates failed Ownership only.
    ownership = {
        r.group: r
        for r in rows
        if r.scope == "We take ownership" and r.characteristic == "Ethnicity"
    }
    assert ownership["Bravo"].ratio == Fraction(56, 75)
    aware = [r for r in rows if r.scope == "We are emotionally aware" and not r.hidden]
    assert {r.rate for r in aware} == {Fraction(1)} and not any(r.flag for r in aware)
    sex = {r.group: r for r in rows if r.scope == OVERALL and r.characteristic == "Sex"}
    men = [n < GROUPS[g][1] for g, (c, _) in GROUPS.items() for n in range(c) if n % 2 == 0]
    women = [n < GROUPS[g][1] for g, (c, _) in GROUPS.items() for n in range(c) if n % 2]
    assert sex["Male"].rate == Fraction(sum(men), len(men))
    assert sex["Female"].rate == Fraction(sum(women), len(women))
    best = max(sex["Male"].rate, sex["Female"].rate)
    assert {sex["Male"].ratio, sex["Female"].ratio} == {
        sex["Male"].rate / best,
        sex["Female"].rate / best,
    }


def test_a_group_under_five_shows_no_figure_and_its_neighbour_is_withheld():
    sessions, equality = population()
    rows = adverse_impact(score(sessions, PROFILES), equality)
    for row in rows:
        if row.group == "Echo":
            assert row.suppressed == UNDER
            assert (row.candidates, row.passed, row.rate, row.ratio, row.flag) == (
                None,
                None,
                None,
                None,
                False,
            )
            assert impact_cells(row)[3:] == ["<5", "", "", "", ""]
        if row.group == "Delta":
            assert row.suppressed == WITHHELD
            assert impact_cells(row)[3:] == ["withheld", "", "", "", ""]
    insight = compute(
        Gathered(tuple(sessions), PROFILES, tuple(equality)), Selection(profile_id="gwent-cso")
    )
    published = to_json(insight)["adverse_impact"]
    echo = [r for r in published if r["group"] == "Echo"]
    assert echo and all(
        r["candidates"] == "<5" and r["passed"] is r["rate"] is r["ratio"] is r["flag"] is None
        for r in echo
    )
    text = "\n".join(",".join(r) for r in figures_csv_rows(insight))
    assert "Echo,<5,,,," in text and "Delta,withheld,,,," in text
    assert ",3,1," not in text and ",10,5," not in text  # neither group's own counts


def test_groups_too_few_to_protect_are_one_withheld_row():
    """Three candidates, one in each group: even all withheld, each must be 1 of 3."""
    tallies = {"A": Tally(1, 1), "B": Tally(1, 0), "C": Tally(1, 1)}
    suppression = suppressed_groups(tallies)
    assert not suppression.protected
    (row,) = impact_rows(OVERALL, "Ethnicity", tallies, suppression)
    assert (row.group, row.suppressed, row.candidates) == (ALL_GROUPS, WITHHELD, None)


def test_an_area_withholds_what_the_overall_table_withholds():
    sessions, equality = population()
    rows = adverse_impact(score(sessions, PROFILES), equality)
    for scope in {r.scope for r in rows}:
        hidden = {r.group for r in rows if r.scope == scope and r.hidden}
        assert {"Delta", "Echo"} <= hidden, scope


def seven_point_candidate(session_id: str, passed: bool) -> SessionFacts:
    """A candidate of a profile whose areas (calm, honest) share nothing with Gwent's."""
    agreed = {"calm": 5 if passed else 3, "honest": 5}
    grades = {(m.id, a): g for m in (ANN, BOB) for a, g in agreed.items()}
    return replace(facts(session_id, grades, recorded=agreed), snapshot="seven")


def test_no_small_group_is_the_difference_of_two_tables_of_a_mixed_selection():
    """Every profile at once, two of them with no area in common: the overall count of a group
    is the sum of its counts in a Gwent area and in a seven-point area, so showing two of the
    three gives the third away. Echo has 3 Gwent candidates and 5 seven-point ones."""
    seven = next(p for p in load_profiles([SEVEN_POINT]) if p.id == "example-seven-point")
    population = {  # group: (Gwent candidates, seven-point candidates)
        "Alpha": (20, 15),
        "Bravo": (12, 10),
        "Echo": (3, 5),
    }
    sessions, equality = [], []
    for group, (gwent, other) in population.items():
        for n in range(gwent + other):
            sid = f"{group}-{n}"
            made = candidate(sid, n % 3 > 0) if n < gwent else seven_point_candidate(sid, n % 2)
            sessions.append(made)
            equality.append(EqualityRow(sid, "Ethnicity", group))
    rows = adverse_impact(score(sessions, {"gwent": GWENT, "seven": seven}), equality)
    shown = {(r.scope, r.group): r.candidates for r in rows if not r.hidden}
    gwent_areas = {GWENT.area(a).name for a in AREAS}
    seven_areas = {seven.area(a.area).name for a in seven.plan}
    for group in population:
        total = shown.get((OVERALL, group))
        for mine, theirs in ((gwent_areas, seven_areas), (seven_areas, gwent_areas)):
            for scope in mine:
                hidden = (scope, group) not in shown
                for other in theirs:
                    if hidden and total is not None and (other, group) in shown:
                        derived = total - shown[(other, group)]
                        assert not 0 < derived < SMALL_GROUP, (group, scope, derived)
    # The overall table needs nothing withheld (no group under 5 over every profile) ...
    assert {g for (scope, g) in shown if scope == OVERALL} == set(population)
    # ... and an area both profiles have would show every group too (none here).
    assert not gwent_areas & seven_areas


def test_a_group_all_of_which_failed_is_not_given_away_by_the_totals():
    """Echo (2) all failed and Delta (5) all failed: withholding only Delta would show, from
    the totals, that every Echo candidate failed; more is withheld until it does not."""
    tallies = {"A": Tally(30, 20), "B": Tally(12, 6), "D": Tally(5, 0), "E": Tally(2, 0)}
    hidden = suppressed_groups(tallies).hidden
    assert hidden["E"] == UNDER and hidden["D"] == WITHHELD and hidden["B"] == WITHHELD
    assert exposures(tallies, hidden) == []


@cache
def _combinations(ranges: tuple[tuple[int, int], ...], total: int) -> frozenset[tuple[int, int]]:
    """Every (size, passed) the groups with these size ranges can reach together (sizes
    summing at most to ``total``): a brute-force walk, independent of fairness.py."""
    reach = {(0, 0)}
    for low, high in ranges:
        reach = {
            (size + s, passed + p)
            for size, passed in reach
            for s in range(low, min(high, total) + 1)
            if size + s <= total
            for p in range(s + 1)
        }
    return frozenset(reach)


def exposures(tallies: dict[str, Tally], hidden: dict[str, str]) -> list[str]:
    """What an onlooker learns about each group under 5 from the shown cells and the totals:
    its size when only one fits, or that all of it passed, or that all of it failed."""
    total = sum(t.candidates for g, t in tallies.items() if g in hidden)
    passed = sum(t.passed for g, t in tallies.items() if g in hidden)
    uniform = all(t.passed == t.candidates for t in tallies.values()) or all(
        t.passed == 0 for t in tallies.values()
    )
    found = []
    for group, reason in hidden.items():
        if reason != UNDER:
            continue
        others = tuple(
            (1, 4) if why == UNDER else (5, total)
            for g, why in sorted(hidden.items())
            if g != group
        )
        rest = _combinations(others, total)
        fits = [
            (a, p) for a in range(1, 5) for p in range(a + 1) if (total - a, passed - p) in rest
        ]
        if len({a for a, _ in fits}) < 2:
            found.append(f"{group}: its size")
        if not uniform:  # when all or none of the table passed, the totals say so anyway
            if all(p == 0 for _, p in fits):
                found.append(f"{group}: all failed")
            if all(p == a for a, p in fits):
                found.append(f"{group}: all passed")
    return found


@given(
    st.lists(st.tuples(st.integers(1, 14), st.floats(0, 1)), min_size=1, max_size=5).map(
        lambda groups: {
            f"G{i}": Tally(size, round(size * share)) for i, (size, share) in enumerate(groups)
        }
    )
)
def test_no_small_group_can_be_worked_out_from_the_rest(tallies):
    suppression = suppressed_groups(tallies)
    rows = impact_rows(OVERALL, "Ethnicity", tallies, suppression)
    if not suppression.protected:
        assert [r.group for r in rows] == [ALL_GROUPS]
        return
    for group, tally in tallies.items():
        if tally.candidates < 5:
            assert suppression.hidden[group] == UNDER
    assert exposures(tallies, suppression.hidden) == []
    shown = [r for r in rows if not r.hidden]
    for row in shown:
        assert (row.candidates, row.passed) == (
            tallies[row.group].candidates,
            tallies[row.group].passed,
        )
    best = max((r.rate for r in shown), default=None)
    for row in shown:
        assert row.ratio == (row.rate / best if best else None)


# --- agreement: Krippendorff's published example -----------------------------------------------

# Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
# Communication, University of Pennsylvania, Departmental Papers (ASC) 43: the reliability data
# of four observers (A-D) and twelve units with missing values, for which he works out
# alpha = 0.743 (nominal), 0.815 (ordinal), 0.849 (interval) and 0.797 (ratio). The same data
# is the example of the krippendorff package's documentation.
KRIPPENDORFF = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}


def test_ordinal_alpha_is_krippendorffs_worked_example():
    """Each unit is one session's first area; each observer a panel member."""
    members = dict(zip("ABCD", (ANN, BOB, CAT, DAN), strict=True))
    sessions = []
    for unit in range(12):
        grades = {
            (members[o].id, AREAS[0]): values[unit]
            for o, values in KRIPPENDORFF.items()
            if values[unit] is not None
        }
        sessions.append(facts(f"K-{unit}", grades, panel=(ANN, BOB, CAT, DAN)))
    rows = agreement(score(sessions, PROFILES))
    first = next(r for r in rows if r.area == GWENT.planned_areas[0].name)
    assert round(first.alpha, 3) == 0.815
    assert first.units == 11  # the twelfth unit has one value: nothing to pair it with
    overall = next(r for r in rows if r.area == "all areas")
    assert overall.alpha == pytest.approx(first.alpha)
    assert [r.alpha for r in rows if r.area not in (first.area, "all areas")] == [None] * 5


# --- leniency: a hand-made panel ---------------------------------------------------------------

X, Y = AREAS[0], AREAS[1]
PANEL_SESSIONS = [
    # S1, a panel of three: X Ann 4, Bob 3, Cat 2; Y all 3.
    facts(
        "S1",
        {("m1", X): 4, ("m2", X): 3, ("m3", X): 2, ("m1", Y): 3, ("m2", Y): 3, ("m3", Y): 3},
        panel=(ANN, BOB, CAT),
        day="2026-01-20",
        revised=(("m1", X), ("m1", Y)),
    ),
    # S2, Ann and Bob: X Ann 5, Bob 3; Y both 4.
    facts(
        "S2",
        {("m1", X): 5, ("m2", X): 3, ("m1", Y): 4, ("m2", Y): 4},
        day="2026-02-03",
    ),
]


def test_leniency_is_own_grade_against_the_co_panelists_mean():
    """Ann: S1 X 4 - (3+2)/2 = 1.5, S1 Y 0, S2 X 5 - 3 = 2, S2 Y 0 -> 7/8 over 4 grades.
    Bob: 3 - 3 = 0, 0, 3 - 5 = -2, 0 -> -1/2. Cat: 2 - 3.5 = -1.5, 0 -> -3/4 over 2."""
    rows = {r.assessor.name: r for r in leniency(PANEL_SESSIONS)}
    ann, bob, cat = rows["Ann Chair"], rows["Bob Member"], rows["Cat Member"]
    assert (ann.mean, ann.grades, ann.sessions) == (Fraction(7, 8), 4, 2)
    assert (bob.mean, bob.grades, bob.sessions) == (Fraction(-1, 2), 4, 2)
    assert (cat.mean, cat.grades, cat.sessions) == (Fraction(-3, 4), 2, 1)
    # Ann's 95% interval: mean 0.875, sample variance 3.1875 / 3, t(0.975, 3) = 3.182446
    half = 3.182446305284263 * math.sqrt(3.1875 / 3 / 4)
    assert ann.low == pytest.approx(0.875 - half) and ann.high == pytest.approx(0.875 + half)
    assert (ann.changed_after_reveal, bob.changed_after_reveal) == (2, 0)
    assert [r.assessor.name for r in leniency(PANEL_SESSIONS)] == [
        "Cat Member",
        "Bob Member",
        "Ann Chair",
    ]  # most severe first


def test_assessors_under_ten_grades_are_hidden_unless_asked_for():
    insight = compute(Gathered(tuple(PANEL_SESSIONS), PROFILES, ()), Selection())
    assert insight.shown_assessors() == ()
    assert insight.hidden_assessors == 3
    assert len(insight.shown_assessors(every=True)) == 3
    assert to_json(insight)["assessors"] == []
    assert to_json(insight)["assessors_hidden_under_min_grades"] == 3
    shown = to_json(insight, every_assessor=True)["assessors"]
    assert {a["name"]: a["leniency"] for a in shown} == {
        "Ann Chair": 0.875,
        "Bob Member": -0.5,
        "Cat Member": -0.75,
    }
    assert MIN_GRADES == 10


def test_drift_gives_each_month_its_own_figures():
    months, per_assessor = drift(score(PANEL_SESSIONS, PROFILES))
    assert [m.month for m in months] == ["2026-01", "2026-02"]
    assert months[0].mean_grade == Fraction(4 + 3 + 2 + 3 + 3 + 3, 6)
    assert months[1].mean_grade == Fraction(5 + 3 + 4 + 4, 4)
    january = {a.assessor.name: a.leniency for a in per_assessor if a.month == "2026-01"}
    assert january == {"Ann Chair": Fraction(3, 4), "Bob Member": 0, "Cat Member": Fraction(-3, 4)}


@pytest.mark.parametrize(
    ("df", "quantile"),
    [(1, 12.7062047), (2, 4.3026527), (3, 3.1824463), (9, 2.2621572), (10, 2.2281389),
     (30, 2.0422725), (200, 1.9718962), (1000, 1.9623391)],
)  # fmt: skip
def test_t_quantiles_match_the_tables(df, quantile):
    assert t_quantile(0.975, df) == pytest.approx(quantile, abs=1e-6)
    if df <= 200:
        assert _t_two_sided(quantile, df) == pytest.approx(0.95, abs=1e-7)


def test_an_assessor_with_no_co_panelist_has_no_leniency():
    alone = facts("S9", {("m1", X): 3}, panel=(ANN,))
    (row,) = leniency([alone])
    assert (row.assessor, row.grades, row.mean, row.low) == (
        Assessor("Ann Chair", "1001"),
        0,
        None,
        None,
    )


def test_the_order_of_the_withheld_rows_says_nothing_of_their_sizes():
    """Two groups under 5 with 3 candidates between them: 1 and 2, or 2 and 1. Listed
    largest first, their order told which was which; they are listed by name."""
    base = {"Alpha": Tally(30, 20), "Bravo": Tally(25, 10), "Charlie": Tally(20, 12)}
    one = {**base, "Echo": Tally(1, 0), "Foxtrot": Tally(2, 1)}
    other = {**base, "Echo": Tally(2, 1), "Foxtrot": Tally(1, 0)}
    layouts = []
    for tallies in (one, other):
        rows = impact_rows(OVERALL, "Ethnicity", tallies, suppressed_groups(tallies))
        layouts.append([(r.group, r.suppressed) for r in rows if r.hidden])
    assert layouts[0] == layouts[1]
    assert [group for group, _ in layouts[0]] == sorted(group for group, _ in layouts[0])

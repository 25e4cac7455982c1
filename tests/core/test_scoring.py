"""Scoring rules: counts, spread, half-up means, agreed grades and the outcome."""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcso_interview.profiles import Profile, load_profiles
from pcso_interview.scoring import (
    Classification,
    Outcome,
    Result,
    classification_counts,
    derived_agreed_grade,
    evaluate_outcome,
    mean_half_up,
    rationale_required,
    spread,
    spread_flagged,
)

FAST = settings()  # the run's profile (tests/conftest.py): quick or thorough
GRADES = st.integers(min_value=1, max_value=5)


@pytest.fixture(scope="module")
def kent(builtin_profiles) -> Profile:
    """Kent plans all ten areas, values included, each with minimum 3 and weight 1."""
    return builtin_profiles.get("kent-crime-prevention-pcso")


def all_at(profile: Profile, grade: int) -> dict[str, int]:
    return {p.area: grade for p in profile.plan}


def weighted_profile(builtin_data, weights: dict[str, int], pass_mark: int) -> Profile:
    """Kent with chosen weights (unlisted areas leave the plan) and its own pass mark."""
    data = copy.deepcopy(
        next(p for p in builtin_data["profiles"] if p["id"] == "kent-crime-prevention-pcso")
    )
    data["interview_plan"] = [
        {**p, "weight": weights[p["area"]]} for p in data["interview_plan"] if p["area"] in weights
    ]
    data["outcome_rule"] = {"pass_mark_percent": pass_mark}
    return Profile.from_dict(data)


# --- classification counts, spread ---------------------------------------------------------------


def test_classification_counts():
    """Unmarked indicators count as nothing recorded, so the total is always the area's size."""
    marks = {
        "a": Classification.DEMONSTRATED,
        "b": "demonstrated",
        "c": Classification.PARTLY,
        "d": Classification.CONTRARY,
        "e": Classification.NONE,
        "not-in-area": Classification.DEMONSTRATED,
    }
    counts = classification_counts(["a", "b", "c", "d", "e", "f", "g"], marks)
    assert (counts.demonstrated, counts.partly, counts.contrary, counts.nothing) == (2, 1, 1, 3)
    assert counts.total == 7


def test_classification_counts_of_unmarked_area():
    """Before anything is recorded, every indicator is 'nothing recorded'."""
    counts = classification_counts(iter(["x", "y"]), {})
    assert (counts.demonstrated, counts.partly, counts.contrary, counts.nothing) == (0, 0, 0, 2)


@pytest.mark.parametrize(
    ("grades", "expected", "flagged"),
    [([], 0, False), ([3], 0, False), ([3, 4], 1, False), ([2, 4], 2, True), ([1, 3, 5], 4, True)],
)
def test_spread_and_flag_at_two(grades, expected, flagged):
    """A spread of 2 or more between members is flagged for discussion, 1 is not."""
    assert spread(grades) == expected
    assert spread_flagged(iter(grades)) is flagged


# --- mean rounded half up ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grades", "expected"),
    [
        ([2, 3], 3),  # 2.5: round() would give 2
        ([3, 4], 4),  # 3.5
        ([1, 2], 2),  # 1.5
        ([4, 5], 5),  # 4.5: round() would give 4
        ([2, 2, 3], 2),  # 2.33
        ([2, 3, 3], 3),  # 2.67
        ([1, 2, 2, 2, 2], 2),  # 1.8
        ([2, 2, 2, 3], 2),  # 2.25
        ([2, 3, 3, 3], 3),  # 2.75
        ([4], 4),
    ],
)
def test_mean_half_up(grades, expected):
    """Half up, never Python's half-to-even rounding."""
    assert mean_half_up(grades) == expected


def test_mean_of_nothing_is_refused():
    """There is no agreed grade from no grades."""
    with pytest.raises(ValueError):
        mean_half_up([])


@FAST
@given(st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=8))
def test_mean_half_up_matches_decimal(grades):
    """Same answer as Decimal's ROUND_HALF_UP for any panel's grades."""
    mean = Decimal(sum(grades)) / Decimal(len(grades))
    assert mean_half_up(grades) == int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- agreed grades and rationale -----------------------------------------------------------------


def test_derived_agreed_grade_mean():
    """The mean waits for every member, then rounds half up."""
    members = ["a", "b", "c"]
    assert derived_agreed_grade("mean", {"a": 2, "b": 3}, "a", members) is None
    assert derived_agreed_grade("mean", {"a": 2, "b": 3, "c": 3}, "a", members) == 3
    assert derived_agreed_grade("mean", {"a": 2, "b": 3}, "a", ["a", "b"]) == 3
    assert derived_agreed_grade("mean", {}, "a", []) is None


def test_derived_agreed_grade_chair():
    """Under 'chair' the chair's own grade is the panel's."""
    assert derived_agreed_grade("chair", {"a": 2, "b": 5}, "a", ["a", "b"]) == 2
    assert derived_agreed_grade("chair", {"b": 5}, "a", ["a", "b"]) is None


def test_derived_agreed_grade_consensus():
    """Under consensus the chair records it after discussion; nothing is derived."""
    assert derived_agreed_grade("consensus", {"a": 3, "b": 3}, "a", ["a", "b"]) is None


def test_derived_agreed_grade_unknown_method():
    """A typo in a method must not quietly behave like consensus."""
    with pytest.raises(ValueError):
        derived_agreed_grade("median", {"a": 3}, "a", ["a"])


@pytest.mark.parametrize(
    ("method", "agreed", "grades", "required"),
    [
        ("consensus", 3, [2, 4], False),
        ("consensus", 2, [2, 4], False),
        ("consensus", 4, [2, 4], False),
        ("consensus", 1, [2, 4], True),
        ("consensus", 5, [2, 4], True),
        ("consensus", 3, [], False),
        ("mean", 5, [2, 4], False),
        ("chair", 1, [2, 4], False),
    ],
)
def test_rationale_required(method, agreed, grades, required):
    """Only a consensus grade outside the members' range needs a written reason."""
    assert rationale_required(method, agreed, grades) is required


# --- outcome -------------------------------------------------------------------------------------


def test_pass(kent):
    """All areas at the minimum reaches 60% exactly: a Pass with no reasons."""
    outcome = evaluate_outcome(kent, all_at(kent, 3))
    assert outcome.result is Result.PASS
    assert outcome.reasons == ()
    assert (outcome.weighted_total, outcome.weighted_max) == (30, 50)
    assert outcome.percentage_text == "60.0%"
    assert outcome.result.label == "Pass"


def test_fail_lists_every_reason(kent):
    """A Fail names each area below its floor and the weighted total, not just the first."""
    agreed = all_at(kent, 3)
    agreed.update(integrity=2, transparency=1, ownership=2)
    outcome = evaluate_outcome(kent, agreed)
    assert outcome.result is Result.FAIL
    assert "Integrity: 2, below the minimum 3" in outcome.reasons
    assert "Transparency: 1, below the minimum 3" in outcome.reasons
    assert "Take Ownership: 2, below the minimum 3" in outcome.reasons
    total_reason = "Weighted total 26 of 50 (52.0%), below the pass mark of 60%"
    assert total_reason in outcome.reasons
    assert len(outcome.reasons) == 4


def test_fail_on_one_area_with_high_total(kent):
    """A strong total does not buy off an area below its minimum."""
    agreed = all_at(kent, 5)
    agreed["integrity"] = 2
    outcome = evaluate_outcome(kent, agreed)
    assert outcome.result is Result.FAIL
    assert outcome.reasons == ("Integrity: 2, below the minimum 3",)


def test_fail_on_total_only(builtin_data):
    """Every area at its floor can still fail a higher pass mark."""
    profile = weighted_profile(builtin_data, {"integrity": 1, "collaborative": 1}, pass_mark=70)
    outcome = evaluate_outcome(profile, {"integrity": 3, "collaborative": 3})
    assert outcome.result is Result.FAIL
    assert outcome.reasons == ("Weighted total 6 of 10 (60.0%), below the pass mark of 70%",)
    assert evaluate_outcome(profile, {"integrity": 3, "collaborative": 4}).result is Result.PASS


def test_incomplete_names_each_missing_area(kent):
    """Incomplete says what is missing, by name; None counts as missing."""
    agreed = all_at(kent, 4)
    del agreed["integrity"]
    agreed["public-service"] = None
    outcome = evaluate_outcome(kent, agreed)
    assert outcome.result is Result.INCOMPLETE
    assert outcome.reasons == (
        "Integrity: no agreed grade yet",
        "Public Service: no agreed grade yet",
    )


def test_incomplete_wins_over_fail(kent):
    """With an area missing the result is Incomplete even if another area is below its floor."""
    agreed = all_at(kent, 1)
    del agreed["transparency"]
    assert evaluate_outcome(kent, agreed).result is Result.INCOMPLETE


def test_weighted_totals(builtin_data):
    """Weights multiply the grade and the maximum; the pass mark is a percentage of that max."""
    profile = weighted_profile(
        builtin_data, {"integrity": 3, "collaborative": 2, "ownership": 1}, pass_mark=70
    )
    # 3*4 + 2*4 + 1*3 = 23 of 6*5 = 30 -> 76.7%
    outcome = evaluate_outcome(profile, {"integrity": 4, "collaborative": 4, "ownership": 3})
    assert (outcome.weighted_total, outcome.weighted_max) == (23, 30)
    assert outcome.percentage_text == "76.7%"
    assert outcome.result is Result.PASS
    # 3*3 + 2*4 + 1*4 = 21 of 30 = 70.0%: exactly the pass mark passes
    outcome = evaluate_outcome(profile, {"integrity": 3, "collaborative": 4, "ownership": 4})
    assert outcome.weighted_total == 21
    assert outcome.result is Result.PASS
    # 3*3 + 2*3 + 1*5 = 20 of 30 = 66.7%: unweighted it would be 11/15 = 73.3% and pass
    outcome = evaluate_outcome(profile, {"integrity": 3, "collaborative": 3, "ownership": 5})
    assert outcome.weighted_total == 20
    assert outcome.result is Result.FAIL
    assert outcome.reasons == ("Weighted total 20 of 30 (66.7%), below the pass mark of 70%",)


def test_outcome_to_dict_holds_integers_and_strings(kent):
    """The outcome goes into the signed content, which refuses floats."""
    d = evaluate_outcome(kent, all_at(kent, 4)).to_dict()
    assert d == {
        "result": "pass",
        "reasons": [],
        "weighted_total": 40,
        "weighted_max": 50,
        "pass_mark_percent": 60,
        "percentage": "80.0%",
    }


KENT_PROFILE = load_profiles([]).get("kent-crime-prevention-pcso")
PLANNED = [p.area for p in KENT_PROFILE.plan]
FULL_GRADES = st.fixed_dictionaries({area: GRADES for area in PLANNED})


@FAST
@given(FULL_GRADES, st.sampled_from(PLANNED), st.integers(0, 4))
def test_raising_a_grade_never_loses_a_pass(agreed, area, step):
    """Monotone: a better agreed grade can only help the candidate."""
    before = evaluate_outcome(KENT_PROFILE, agreed)
    raised = {**agreed, area: min(5, agreed[area] + step)}
    after = evaluate_outcome(KENT_PROFILE, raised)
    assert after.weighted_total >= before.weighted_total
    if before.result is Result.PASS:
        assert after.result is Result.PASS
    if before.result is Result.FAIL:
        assert after.result is not Result.INCOMPLETE
        assert len(after.reasons) <= len(before.reasons)


@FAST
@given(FULL_GRADES, st.sampled_from(PLANNED), st.integers(1, 2))
def test_area_below_minimum_always_fails(agreed, low, grade):
    """With every area graded, any area under its floor fails whatever the others."""
    assert grade < KENT_PROFILE.planned(low).minimum
    agreed = {**agreed, low: grade}
    outcome = evaluate_outcome(KENT_PROFILE, agreed)
    assert outcome.result is Result.FAIL
    name = KENT_PROFILE.area(low).name
    assert f"{name}: {grade}, below the minimum 3" in outcome.reasons


@FAST
@given(st.fixed_dictionaries({}, optional={area: st.one_of(st.none(), GRADES) for area in PLANNED}))
def test_incomplete_iff_a_planned_area_lacks_a_grade(agreed):
    """Incomplete exactly when something is missing; never Pass or Fail on partial grades."""
    missing = [KENT_PROFILE.area(a).name for a in PLANNED if agreed.get(a) is None]
    outcome = evaluate_outcome(KENT_PROFILE, agreed)
    assert (outcome.result is Result.INCOMPLETE) == bool(missing)
    if missing:
        assert outcome.reasons == tuple(f"{n}: no agreed grade yet" for n in missing)
    else:
        assert outcome.result in (Result.PASS, Result.FAIL)


@FAST
@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_percentage_text_rounds_half_up(total, maximum):
    """One decimal, half up, matching Decimal: 56.65% shows as 56.7%, not 56.6%."""
    outcome = Outcome(Result.PASS, (), total, maximum, 60)
    expected = (Decimal(100 * total) / Decimal(maximum)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    assert outcome.percentage_text == f"{expected}%"
    assert outcome.percentage == Fraction(100 * total, maximum)


@pytest.mark.parametrize(
    ("total", "maximum", "text"),
    [
        (5665, 10_000, "56.7%"),
        (5664, 10_000, "56.6%"),
        (1, 8, "12.5%"),
        (1, 3, "33.3%"),
        (2, 3, "66.7%"),
        (0, 5, "0.0%"),
        (5, 5, "100.0%"),
        (0, 0, "0.0%"),
    ],
)
def test_percentage_text_examples(total, maximum, text):
    """Pinned cases, including a half exactly (12.5) and an empty plan."""
    assert Outcome(Result.PASS, (), total, maximum, 60).percentage_text == text


def test_each_classification_reads_with_its_own_symbol_first():
    """Screens and the sheet show the same text; a symbol tells them apart without colour."""
    texts = [c.text for c in Classification]
    symbols = [text.split(" ", 1)[0] for text in texts]
    assert len(set(symbols)) == len(texts)
    assert not any(symbol.isalnum() for symbol in symbols)
    assert Classification.CONTRARY.text == "− Contrary"

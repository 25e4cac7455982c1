"""Profiles in any force's shape (issue 18): lettered scales by label, decimal weights and weight
0, pass marks with decimals or in points, several questions, stems, own frameworks, profiles
without a level, several sources, vetting, and percentages that never contradict the decision.

The force files here are invented for the tests (tests/data/profiles/, "Example Constabulary");
no indicator text in them is a real force's.
"""

from __future__ import annotations

import copy
import json
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.profiles import (
    PROFILES_FORMAT,
    Profile,
    ProfileFileError,
    parse_profiles,
    profile_warnings,
    read_profile_file,
)
from pcso_interview.scoring import (
    RULES_VERSION,
    Outcome,
    Result,
    evaluate_outcome,
    number_text,
    percentage_text,
)
from pcso_interview.store import Store
from tests.store_support import new_session

FAST = settings()
PROFILES_DIR = Path(__file__).resolve().parents[1] / "data" / "profiles"
EXAMPLE = PROFILES_DIR / "example-constabulary.json"
SEVEN_POINT = PROFILES_DIR / "example-seven-point.json"


def example_data() -> dict:
    """The Example Constabulary profile as written: a fresh copy to change."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return copy.deepcopy(data["profiles"][0])


def parse(prof: dict) -> Profile:
    """As `profiles --check` and the app read a force file (the rules of today)."""
    (profile,) = parse_profiles({"format": PROFILES_FORMAT, "version": 1, "profiles": [prof]}, "t")
    return profile


def refusal(prof: dict) -> tuple[str, str]:
    with pytest.raises(ProfileFileError) as caught:
        parse(prof)
    return caught.value.error.json_path, caught.value.error.message


def kent_data(builtin_data) -> dict:
    return copy.deepcopy(
        next(p for p in builtin_data["profiles"] if p["id"] == "kent-crime-prevention-pcso")
    )


# --- the example force file: every new field at once ---------------------------------------------


def test_the_example_force_file_reads_every_new_field():
    (profile,) = read_profile_file(EXAMPLE)
    assert profile.force == "Example Constabulary"
    assert profile.framework == "example-values-2026"
    assert profile.framework_label == "Example Constabulary Values 2026 (test data)"
    assert profile.level is None
    assert profile.level_text == "not levelled"
    assert profile.vetting == "Test Vetting Level TV1"
    assert [s.file for s in profile.sources] == ["example-role-profile.txt", "example-values.txt"]
    assert profile.source_file == "example-role-profile.txt"
    assert profile.sources_text == (
        "Example Role Profile (invented for tests), January 2026;"
        " Example Values Guide (invented for tests)"
    )
    assert profile.area("courage").stem == "Test stem: we show test courage when we:"
    assert profile.area("service").stem == ""
    scale = profile.scale
    assert not scale.numbered
    assert (scale.meets, scale.labels_text) == (2, "A, B, C, D")
    assert [scale.value_of(t) for t in ("A", "b", " c ", "D", "E", "3")] == [4, 3, 2, 1, None, None]
    courage, respect, service = profile.plan
    assert (courage.weight, courage.minimum) == (Fraction(3, 2), 3)  # "B"
    assert (respect.weight, respect.minimum) == (1, 2)  # the scale's 'meets', "C"
    assert (service.weight, service.minimum, service.scored) == (0, None, False)
    assert courage.questions == (
        "Test question C1: tell us about test courage.",
        "Test question C2: what would you test differently?",
    )
    assert courage.question_keys == ("courage", "courage#2")
    assert profile.decimal_weights
    assert profile.pass_mark_percent == Fraction(125, 2)
    assert profile.pass_mark_text == "62.5%"
    assert profile.rules_version == RULES_VERSION
    assert profile_warnings(profile) == []


def test_the_copy_a_session_keeps_holds_decimals_as_text():
    """Canonical JSON (the digest's) holds integers and strings only: 1.5 is kept as "1.5",
    and the label a minimum was written with stays as written."""
    (profile,) = read_profile_file(EXAMPLE)
    snapshot = profile.to_dict()
    assert [p["weight"] for p in snapshot["interview_plan"]] == ["1.5", 1, 0]
    assert snapshot["interview_plan"][0]["minimum"] == "B"
    assert "minimum" not in snapshot["interview_plan"][2]  # weight 0: no minimum
    assert snapshot["outcome_rule"] == {"pass_mark_percent": "62.5"}
    assert snapshot["rules_version"] == RULES_VERSION
    again = Profile.from_dict(snapshot)
    assert again == profile
    assert parse(snapshot) == profile  # a snapshot is itself a valid force profile


# --- lettered scales -----------------------------------------------------------------------------


def test_two_points_with_one_label_are_refused():
    prof = example_data()
    prof["scale"]["points"][2]["label"] = "c"  # "C" already: a typed "c" would mean both
    where, message = refusal(prof)
    assert where == "$.profiles[0].scale.points[2].label"
    assert "two points of the scale have the label 'c'" in message


def test_a_minimum_by_a_label_the_scale_lacks_is_refused():
    prof = example_data()
    prof["interview_plan"][0]["minimum"] = "E"
    where, message = refusal(prof)
    assert where == "$.profiles[0].interview_plan[0].minimum"
    assert message == (
        "minimum 'E' is not a label on the scale (A, B, C, D), so the area could never pass"
    )


def test_reasons_name_grades_by_their_letters():
    (profile,) = read_profile_file(EXAMPLE)
    outcome = evaluate_outcome(profile, {"courage": 2, "respect": 1, "service": 1})
    assert outcome.result is Result.FAIL
    assert outcome.reasons == (
        "Courage (test): C, below the minimum B",
        "Respect (test): D, below the minimum C",
        "Weighted total 4.0 of 10.0 (40.0%), below the pass mark of 62.5%",
    )


def test_a_letter_typed_is_read_by_label_and_anything_else_refused_in_words():
    (profile,) = read_profile_file(EXAMPLE)
    scale = profile.scale
    assert scale.typed_problem("b") == ""
    assert scale.typed_problem("3") == "3 is not a grade on this scale (A, B, C, D)."
    assert scale.typed_problem("E") == "E is not a grade on this scale (A, B, C, D)."


# --- decimal weights and weight 0 ----------------------------------------------------------------


def test_decimal_weights_are_exact_and_shown_to_one_decimal_place():
    (profile,) = read_profile_file(EXAMPLE)
    outcome = evaluate_outcome(profile, {"courage": 3, "respect": 2, "service": 4})
    # 1.5 * 3 + 1 * 2 + 0 * 4 = 6.5 of 2.5 * 4 = 10: service is observed, not scored
    assert (outcome.weighted_total, outcome.weighted_max) == (Fraction(13, 2), 10)
    assert (outcome.total_text, outcome.max_text, outcome.percentage_text) == (
        "6.5",
        "10.0",
        "65.0%",
    )
    assert outcome.result is Result.PASS
    assert outcome.explanation() == [
        "Every area is at or above its minimum; 6.5 of 10.0 (65.0%) is at least the 62.5%"
        " pass mark."
    ]
    assert outcome.to_dict() == {
        "result": "pass",
        "reasons": [],
        "weighted_total": "6.5",
        "weighted_max": "10.0",
        "pass_mark_percent": "62.5",
        "percentage": "65.0%",
    }


def test_tenths_add_up_exactly(builtin_data):
    """0.1 x 1 + 0.3 x 3 is 0.9999999999999999 in floating point; here it is 1, so a total at
    the pass mark passes."""
    prof = kent_data(builtin_data)
    prof["interview_plan"] = [
        {"area": "integrity", "weight": 0.1, "minimum": 1},
        {"area": "collaborative", "weight": 0.3},
    ]
    prof["outcome_rule"] = {"pass_mark_points": 1}
    profile = parse(prof)
    outcome = evaluate_outcome(profile, {"integrity": 1, "collaborative": 3})
    assert outcome.weighted_total == 1
    assert outcome.result is Result.PASS
    assert (outcome.total_text, outcome.max_text) == ("1.0", "2.0")
    assert 0.1 * 1 + 0.3 * 3 < 1  # what floats would have said


def test_an_area_of_weight_0_has_a_minimum_only_when_given_one():
    prof = example_data()
    (profile,) = (parse(prof),)
    assert evaluate_outcome(profile, {"courage": 3, "respect": 2, "service": 1}).result is (
        Result.PASS
    )
    prof["interview_plan"][2]["minimum"] = "C"
    strict = parse(prof)
    outcome = evaluate_outcome(strict, {"courage": 3, "respect": 2, "service": 1})
    assert outcome.reasons == ("Service (test): D, below the minimum C",)
    missing = evaluate_outcome(strict, {"courage": 3, "respect": 2})
    assert missing.result is Result.INCOMPLETE  # observed areas are still graded and agreed


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        (1.25, "weight 1.25 has more than 1 decimal place"),
        ("1.25", "weight 1.25 has more than 1 decimal place"),
        (101, "weight 101 is outside 0 to 100"),
        (-1, "weight -1 is outside 0 to 100"),
        ("heavy", "weight 'heavy' is not a number"),
    ],
)
def test_weights_beyond_one_decimal_place_or_out_of_range_are_refused(weight, message):
    prof = example_data()
    prof["interview_plan"][0]["weight"] = weight
    where, said = refusal(prof)
    assert where == "$.profiles[0].interview_plan[0].weight"
    assert said.startswith(message), said


def test_a_plan_of_only_weight_0_is_refused():
    prof = example_data()
    for planned in prof["interview_plan"]:
        planned["weight"] = 0
    where, message = refusal(prof)
    assert where == "$.profiles[0].interview_plan"
    assert "every planned area has weight 0" in message


# --- pass marks ----------------------------------------------------------------------------------


def test_a_pass_mark_in_points(builtin_data):
    """'At least 9': a total of 9 passes, 8 fails, and the reason says points."""
    prof = kent_data(builtin_data)
    prof["interview_plan"] = [{"area": a} for a in ("integrity", "collaborative", "ownership")]
    prof["outcome_rule"] = {"pass_mark_points": 9}
    profile = parse(prof)
    assert profile.pass_mark_text == "9 points"
    at_nine = evaluate_outcome(profile, {"integrity": 3, "collaborative": 3, "ownership": 3})
    assert at_nine.result is Result.PASS
    assert at_nine.explanation() == [
        "Every area is at or above its minimum; 9 of 15 (60.0%) is at least the pass mark of"
        " 9 points."
    ]
    assert at_nine.to_dict()["pass_mark_points"] == 9
    assert "pass_mark_percent" not in at_nine.to_dict()
    prof["outcome_rule"] = {"pass_mark_points": 10}
    eight = evaluate_outcome(parse(prof), {"integrity": 3, "collaborative": 3, "ownership": 3})
    assert eight.reasons == ("Weighted total 9 of 15 (60.0%), below the pass mark of 10 points",)


def test_a_pass_mark_of_62_5_percent_is_exact(builtin_data):
    prof = kent_data(builtin_data)
    prof["interview_plan"] = [{"area": a} for a in ("integrity", "collaborative")]
    prof["outcome_rule"] = {"pass_mark_percent": 62.5}
    profile = parse(prof)
    assert profile.to_dict()["outcome_rule"] == {"pass_mark_percent": "62.5"}
    # 6 of 10 is 60% (fails), 7 of 10 is 70% (passes); no float rounding decides either
    assert evaluate_outcome(profile, {"integrity": 3, "collaborative": 3}).reasons == (
        "Weighted total 6 of 10 (60.0%), below the pass mark of 62.5%",
    )
    assert evaluate_outcome(profile, {"integrity": 3, "collaborative": 4}).result is Result.PASS


@pytest.mark.parametrize(
    ("rule", "where", "message"),
    [
        ({"pass_mark_percent": 62.125}, ".pass_mark_percent", "more than 2 decimal places"),
        ({"pass_mark_percent": 100.5}, ".pass_mark_percent", "can never be reached"),
        ({"pass_mark_points": 51}, ".pass_mark_points", "the weighted maximum is 50"),
        ({"pass_mark_points": 9.25}, ".pass_mark_points", "more than 1 decimal place"),
        ({"pass_mark_percent": 60, "pass_mark_points": 9}, "", "not both"),
        # a negative pass mark was "outside 0 to None"
        ({"pass_mark_percent": -5}, ".pass_mark_percent", "pass mark -5 is below 0"),
        ({"pass_mark_points": -0.5}, ".pass_mark_points", "pass mark -0.5 is below 0"),
    ],
)
def test_pass_marks_that_cannot_work_are_refused(builtin_data, rule, where, message):
    prof = kent_data(builtin_data)
    prof["outcome_rule"] = rule
    path, said = refusal(prof)
    assert path == f"$.profiles[0].outcome_rule{where}"
    assert message in said


def test_a_pass_mark_a_candidate_at_every_minimum_cannot_reach_is_warned_of():
    """On 1-7 with 'meets' at 4, the default 60% fails a candidate at every minimum (57.1%)."""
    (seven,) = read_profile_file(SEVEN_POINT)
    (warning,) = profile_warnings(seven)
    assert "every area at its minimum scores 8 of 14 (57.1%)" in warning
    assert "below the pass mark of 60%" in warning


def test_the_seed_profiles_draw_no_warning(builtin_profiles):
    assert [w for p in builtin_profiles for w in profile_warnings(p)] == []


# --- questions, stems, frameworks, levels, sources ---------------------------------------------


def test_one_question_and_a_list_of_questions_together_are_refused():
    prof = example_data()
    prof["interview_plan"][0]["question"] = "Test question: which one?"
    where, message = refusal(prof)
    assert where == "$.profiles[0].interview_plan[0]"
    assert "not both" in message


def test_a_framework_of_the_forces_own_must_be_named():
    prof = example_data()
    del prof["framework_name"]
    where, message = refusal(prof)
    assert where == "$.profiles[0].framework_name"
    assert "'example-values-2026' is the force's own" in message


def test_the_known_frameworks_need_no_name_and_a_level_names_what_it_applies_to(builtin_profiles):
    kent = builtin_profiles.get("kent-crime-prevention-pcso")
    gwent = builtin_profiles.get("gwent-cso")
    assert kent.framework_label == "CVF 2016"
    assert kent.level_text == "competencies at level 1; values are not levelled"
    assert gwent.level_text == "level 1"  # Gwent prints competencies only


def test_source_and_sources_together_or_neither_are_refused():
    prof = example_data()
    prof["source"] = prof["sources"][0]
    assert refusal(prof) == (
        "$.profiles[0]",
        "give the source document as 'source' or several as 'sources', not both",
    )
    del prof["source"], prof["sources"]
    assert refusal(prof)[0] == "$.profiles[0]"


def test_each_question_of_an_area_is_recorded_in_the_session_and_its_signed_content(tmp_path):
    (profile,) = read_profile_file(EXAMPLE)
    store = Store.open(tmp_path / "sessions.db")
    try:
        session_id = new_session(
            store,
            made_from=profile,
            questions={"respect#2": "Test question R2, as asked on the day."},
        )
        store.set_question(session_id, "courage#2", "Test question C2, reworded on the day.")
        with pytest.raises(SessionRuleError, match="no question 'courage#3'"):
            store.set_question(session_id, "courage#3", "A third the profile does not have.")
        session = store.load(session_id)
        assert session.area_questions("courage") == [
            ("courage", "Test question C1: tell us about test courage."),
            ("courage#2", "Test question C2, reworded on the day."),
        ]
        assert session.signed_content()["questions"] == {
            "courage": "Test question C1: tell us about test courage.",
            "courage#2": "Test question C2, reworded on the day.",
            "respect": "Test question R1: tell us about test respect.",
            "respect#2": "Test question R2, as asked on the day.",
            "service": "Test question S1: observed only.",
            "service#2": "Test question S2: observed only, second.",
        }
        audit = [(e.action, e.subject) for e in store.audit_trail(session_id)]
        assert ("question", "courage#2") in audit
    finally:
        store.close()


def test_a_single_question_area_keeps_its_old_key(builtin_profiles):
    """Records made before several questions existed keep their questions (and digests)."""
    kent = builtin_profiles.get("kent-crime-prevention-pcso")
    assert all(p.question_keys == (p.area,) for p in kent.plan)


# --- percentages that never contradict the decision ----------------------------------------------


def boundary_profile(builtin_data, *, rules: int | None) -> Profile:
    """Kent's ten areas weighted 100 x 8, 99 and 1 (a maximum of 4500), every minimum 1 so the
    total alone decides; read as today (rules 2) or as a copy kept before rules existed."""
    prof = kent_data(builtin_data)
    weights = [100] * 8 + [99, 1]
    prof["interview_plan"] = [
        {"area": p["area"], "weight": w, "minimum": 1}
        for p, w in zip(prof["interview_plan"], weights, strict=True)
    ]
    prof["outcome_rule"] = {"pass_mark_percent": 60}
    if rules is None:
        return Profile.from_dict(prof)  # a snapshot without rules_version: a record from before
    return parse(prof)


def boundary_grades(profile: Profile) -> dict[str, int]:
    """100 x (3+3+3+3+3+3+3+4) + 99 x 2 + 1 x 1 = 2699 of 4500 = 59.977...%."""
    areas = [p.area for p in profile.plan]
    return dict(zip(areas, [3] * 7 + [4, 2, 1], strict=True))


def test_2699_of_4500_fails_and_says_so_without_contradiction(builtin_data):
    profile = boundary_profile(builtin_data, rules=RULES_VERSION)
    outcome = evaluate_outcome(profile, boundary_grades(profile))
    assert (outcome.weighted_total, outcome.weighted_max) == (2699, 4500)
    assert outcome.result is Result.FAIL
    assert outcome.percentage_text == "59.98%"
    assert outcome.reasons == ("Weighted total 2699 of 4500 (59.98%), below the pass mark of 60%",)
    # one more point reaches 60.0% exactly: a pass that reads as one
    grades = boundary_grades(profile)
    last = profile.plan[-1].area
    passing = evaluate_outcome(profile, {**grades, last: grades[last] + 1})
    assert (passing.result, passing.percentage_text) == (Result.PASS, "60.0%")


def test_a_record_from_before_keeps_its_wording_so_its_digest_still_matches(builtin_data):
    """A profile copy with no rules_version was made by an earlier app, which printed one
    decimal place always; its signed content (outcome included) must read as it did then."""
    old = boundary_profile(builtin_data, rules=None)
    assert old.rules_version == 1
    outcome = evaluate_outcome(old, boundary_grades(old))
    assert outcome.to_dict() == {
        "result": "fail",
        "reasons": ["Weighted total 2699 of 4500 (60.0%), below the pass mark of 60%"],
        "weighted_total": 2699,
        "weighted_max": 4500,
        "pass_mark_percent": 60,
        "percentage": "60.0%",
    }


@pytest.mark.parametrize(
    ("percent", "threshold", "text"),
    [
        (Fraction(269900, 4500), Fraction(60), "59.98%"),
        (Fraction(11990, 200), Fraction(60), "59.95%"),  # exactly half a tenth below
        (Fraction(60), Fraction(60), "60.0%"),
        (Fraction(60049, 1000), Fraction(60), "60.0%"),  # above: 60.0% reads as reaching it
        (Fraction(6245, 100), Fraction(125, 2), "62.45%"),
        (Fraction(60) - Fraction(1, 10**12), Fraction(60), "59.9999999999%"),
        (Fraction(2, 3) * 100, None, "66.7%"),
    ],
)
def test_percentage_text_examples_at_the_boundary(percent, threshold, text):
    assert percentage_text(percent, threshold) == text


@FAST
@given(
    st.integers(0, 100_000),
    st.integers(1, 100_000),
    st.integers(0, 10_000).map(lambda n: Fraction(n, 100)),
)
def test_the_percentage_shown_is_never_on_the_other_side_of_the_pass_mark(total, maximum, mark):
    total = min(total, maximum)
    exact = Fraction(100 * total, maximum)
    shown = percentage_text(exact, mark)
    value = Fraction(Decimal(shown.rstrip("%")))
    assert (value >= mark) == (exact >= mark), (total, maximum, mark, shown)
    one_place = Decimal(exact.numerator) / Decimal(exact.denominator)
    rounded = one_place.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if (Fraction(rounded) >= mark) == (exact >= mark):
        assert shown == f"{rounded}%"  # away from the boundary: one decimal place, as before


def test_outcome_texts_for_the_screens():
    outcome = Outcome(Result.FAIL, (), 2699, 4500, 60, rules=RULES_VERSION)
    assert outcome.score_text == "2699 of 4500 (59.98%)"
    assert outcome.pass_mark_text == "60%"
    assert number_text(Fraction(9, 2)) == "4.5"
    assert number_text(Fraction(6), decimals=True) == "6.0"

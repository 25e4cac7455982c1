"""Campaign statistics equal figures computed here, independently, from the stored sessions."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

import pytest

from pcso_interview.demo import demo_sessions
from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.profiles import Profile, load_profiles
from pcso_interview.session import Member
from pcso_interview.statistics import (
    compute_statistics,
    fraction_text,
    percent_text,
    statistics_csv_rows,
)
from pcso_interview.store import Store
from tests.store_support import profile, sign_as

TODAY = date(2026, 6, 1)
GWENT = "gwent-cso"
MEAN_ID = "gwent-cso-mean-test"
ANN = Member("m1", "Ann Chair", "chair", "1001")
BOB = Member("m2", "Bob Member", "member", "2002")
# (Ann, Bob) grades for every area of each mean-method session; the means are mostly x.5,
# where rounding half to even (round()) and half up differ.
MEAN_GRADES = [(2, 3), (3, 4), (1, 2), (2, 4), (4, 5), (3, 3), (4, 1)]


def mean_profile() -> Profile:
    data = profile(GWENT).to_dict()
    data["id"] = MEAN_ID
    data["agreed_grade_method"] = "mean"
    return Profile.from_dict(data)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """Demo sessions of every seed profile, one of them reopened, and mean-method sessions
    scored through the Store API."""
    path = tmp_path_factory.mktemp("statistics") / "sessions.db"
    store = Store.open(path)
    store.insert_many(demo_sessions(list(load_profiles([])), 200, seed=41, today=TODAY), "demo")
    reopened = store.conn.execute(
        "SELECT id FROM sessions WHERE profile_id = ? AND status = 'signed' LIMIT 1", [GWENT]
    ).fetchone()[0]
    store.reopen(reopened, "Grade recorded against the wrong area.", "HR Officer")
    mean = mean_profile()
    for n, (ann, bob) in enumerate(MEAN_GRADES):
        session_id = store.create_session(
            mean,
            candidate_name=f"Mean Candidate {n}",
            candidate_ref=f"M-{n:03d}",
            date=f"2026-0{1 + n % 5}-1{n}",
            venue="HQ",
            panel=(ANN, BOB),
        )
        for area in mean.planned_areas:
            store.grade(session_id, ANN.id, area.id, ann)
            store.grade(session_id, BOB.id, area.id, bob)
        for member in (ANN, BOB):
            sign_as(store, session_id, member.id, typed_name=member.name)
    yield store
    store.close()


@dataclass
class Expected:
    candidates: int = 0
    passes: int = 0
    agreed: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    failing: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    flagged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    pairs: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    differences: dict[str, list[Fraction]] = field(default_factory=lambda: defaultdict(list))


def independent(store: Store, chosen: Profile, date_from: str = "", date_to: str = "") -> Expected:
    """Signed sessions of the profile in the range, found with sqlite3, read with store.load."""
    conn = sqlite3.connect(store.path)
    try:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM sessions WHERE profile_id = ? AND status = 'signed'"
                " AND (? = '' OR date >= ?) AND (? = '' OR date <= ?)",
                [chosen.id, date_from, date_from, date_to, date_to],
            )
        ]
    finally:
        conn.close()
    found = Expected()
    for session_id in ids:
        session = store.load(session_id)
        found.candidates += 1
        found.passes += session.outcome.result.value == "pass"
        for planned in chosen.plan:
            own = {m: session.grades[(m.id, planned.area)] for m in session.panel}
            agreed = session.agreed_grade(planned.area)
            if chosen.method == "mean":  # half up, worked out here with integers
                total, count = sum(own.values()), len(own)
                assert agreed == (2 * total + count) // (2 * count)
            found.agreed[planned.area].append(agreed)
            found.failing[planned.area] += agreed < planned.minimum
            found.pairs[planned.area] += 1
            found.flagged[planned.area] += max(own.values()) - min(own.values()) >= 2
            for member, grade in own.items():  # against the others' mean, not the agreed grade
                label = f"{member.name} ({member.number})" if member.number else member.name
                others = [g for m, g in own.items() if m != member]
                found.differences[label].append(grade - Fraction(sum(others), len(others)))
    return found


def check(store: Store, chosen: Profile, date_from: str = "", date_to: str = "") -> int:
    expected = independent(store, chosen, date_from, date_to)
    stats = compute_statistics(chosen, store.statistics_sessions(chosen.id, date_from, date_to))
    assert stats.candidates == expected.candidates
    assert stats.passes == expected.passes
    assert stats.pass_rate == Fraction(expected.passes, expected.candidates)
    assert [a.area_id for a in stats.areas] == [p.area for p in chosen.plan]
    for area in stats.areas:
        grades = expected.agreed[area.area_id]
        assert area.graded == len(grades) == expected.candidates
        assert area.mean_agreed == Fraction(sum(grades), len(grades))
        assert area.fail_share == Fraction(expected.failing[area.area_id], len(grades))
        assert area.spread_share == Fraction(
            expected.flagged[area.area_id], expected.pairs[area.area_id]
        )
    assert stats.spread_share == Fraction(
        sum(expected.flagged.values()), sum(expected.pairs.values())
    )
    assert {a.assessor.label: (a.grades, a.mean_difference) for a in stats.assessors} == {
        label: (len(d), sum(d, Fraction(0)) / len(d)) for label, d in expected.differences.items()
    }
    order = [(a.mean_difference, a.assessor.name) for a in stats.assessors]
    assert order == sorted(order)  # most severe first
    return stats.candidates


@pytest.mark.parametrize("profile_id", [p.id for p in load_profiles([])])
def test_every_figure_matches_an_independent_count(db, profile_id):
    """Reopened, withdrawn and unfinished sessions do not count; every signed one does."""
    assert check(db, profile(profile_id)) >= 20


def test_a_date_range_counts_only_sessions_inside_it(db):
    everything = check(db, profile(GWENT))
    inside = check(db, profile(GWENT), "2025-03-01", "2025-12-31")
    assert 0 < inside < everything
    assert check(db, profile(GWENT), date_from="2025-09-01") < everything
    assert check(db, profile(GWENT), date_to="2025-09-01") < everything
    stats = compute_statistics(profile(GWENT), db.statistics_sessions(GWENT, "2030-01-01"))
    assert stats.candidates == 0 and stats.pass_rate is None
    assert all(a.mean_agreed is None and a.fail_share is None for a in stats.areas)


def test_bounds_of_the_range_are_inclusive(db):
    day = db.conn.execute(
        "SELECT date FROM sessions WHERE profile_id = ? AND status = 'signed'"
        " GROUP BY date ORDER BY count(*) DESC, date LIMIT 1",
        [GWENT],
    ).fetchone()[0]
    assert check(db, profile(GWENT), day, day) >= 1


def test_a_mean_method_profile_gets_derived_agreed_grades(db):
    """Nothing is recorded by a chair under ``mean``: the figures use the means, half up."""
    chosen = mean_profile()
    recorded = db.conn.execute(
        "SELECT count(*) FROM agreed a JOIN sessions s ON s.id = a.session_id"
        " WHERE s.profile_id = ?",
        [MEAN_ID],
    ).fetchone()[0]
    assert recorded == 0
    assert check(db, chosen) == len(MEAN_GRADES)
    stats = compute_statistics(chosen, db.statistics_sessions(MEAN_ID))
    means = [(2 * (a + b) + 2) // 4 for a, b in MEAN_GRADES]
    assert means == [3, 4, 2, 3, 5, 3, 3]
    assert {a.mean_agreed for a in stats.areas} == {Fraction(sum(means), len(means))}
    assert {a.spread_share for a in stats.areas} == {Fraction(2, len(MEAN_GRADES))}
    with pytest.raises(SessionRuleError):
        db.agree(db.resolve("M-000"), chosen.plan[0].area, 3)


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Fraction(1, 8), 2, "0.13"),  # 0.125: half up, not half to even
        (Fraction(3, 8), 2, "0.38"),
        (Fraction(5, 2), 0, "3"),
        (Fraction(7, 2), 0, "4"),
        (Fraction(-1, 8), 2, "-0.13"),  # the same size either side of zero
        (Fraction(-1, 1000), 2, "0.00"),  # never "-0.00"
        (Fraction(10, 3), 2, "3.33"),
        (Fraction(3), 2, "3.00"),
        (None, 2, "-"),
    ],
)
def test_fraction_text_rounds_half_up(value, places, text):
    assert fraction_text(value, places) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(1, 16), "6.3%"),  # 6.25
        (Fraction(1, 8), "12.5%"),
        (Fraction(1, 3), "33.3%"),
        (Fraction(2, 3), "66.7%"),
        (Fraction(1, 1600), "0.1%"),  # 0.0625 -> 0.1
        (Fraction(1), "100.0%"),
        (None, "-"),
    ],
)
def test_percent_text_rounds_half_up(value, text):
    assert percent_text(value) == text


def test_csv_rows_carry_every_figure(db):
    stats = compute_statistics(profile(GWENT), db.statistics_sessions(GWENT))
    rows = statistics_csv_rows(stats)
    assert rows[0] == ["figure", "area or assessor", "value"]
    assert rows[1] == ["candidates", "", str(stats.candidates)]
    assert rows[2] == ["pass rate", "", percent_text(stats.pass_rate)]
    assert len(rows) == 4 + 3 * len(stats.areas) + len(stats.assessors)
    for area in stats.areas:
        assert ["mean agreed grade", area.name, fraction_text(area.mean_agreed)] in rows
        assert ["candidates failing the area", area.name, percent_text(area.fail_share)] in rows
    for assessor in stats.assessors:
        assert (
            rows.count(
                [
                    "assessor: mean of own grade minus co-panelists' mean",
                    assessor.assessor.label,
                    fraction_text(assessor.mean_difference),
                ]
            )
            == 1
        )

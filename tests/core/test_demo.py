"""Invented demo sessions: every grade they hold must be one the profile's scale allows."""

from __future__ import annotations

from datetime import date

import pytest

from pcso_interview.demo import demo_sessions
from pcso_interview.profiles import Profile
from tests.store_support import profile as load_profile


def profile_on_scale(values: tuple[int, ...]) -> Profile:
    """A built-in profile re-scaled to the given consecutive points (minimum: the middle)."""
    data = load_profile("gwent-cso").to_dict()
    meets = values[len(values) // 2]
    points = data["scale"]["points"]
    data["scale"] = {
        "id": f"points-{values[0]}-{values[-1]}",
        "meets": meets,
        "points": [
            {**points[n % len(points)], "value": v, "label": str(v)} for n, v in enumerate(values)
        ],
    }
    for plan in data["interview_plan"]:
        plan["minimum"] = meets
    return Profile.from_dict(data)


@pytest.mark.parametrize("values", [(1, 2, 3), (4, 5, 6, 7, 8)], ids=["three", "four-to-eight"])
def test_demo_grades_stay_on_the_profile_scale(values):
    """A scale other than 1 to 5 gets grades and agreed grades on its own points."""
    scaled = profile_on_scale(values)
    sessions = list(demo_sessions([scaled], 150, seed=7, today=date(2026, 6, 1)))
    grades = [g for s in sessions for g in s.grades.values()]
    assert grades and set(grades) <= set(values)
    for session in sessions:
        for area_id, agreed in session.agreed.items():
            members = list(session.member_grades(area_id).values())
            assert min(members) <= agreed.grade <= max(members)
            assert agreed.rationale == ""

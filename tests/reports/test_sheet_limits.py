"""The limits on a session's details (pcso_interview.session: MAX_CANDIDATE_NAME and the rest)
are lengths the marking sheet always lays out: a full panel with every detail at its longest,
in the widest scripts the sheet prints, English or bilingual, gives a sheet. Past them the
sheet overflowed its page (reportlab's LayoutError), so the core refuses them."""

from __future__ import annotations

import copy
import io
import re

import pytest
from pypdf import PdfReader

from pcso_interview.profiles import Profile
from pcso_interview.session import (
    MAX_CANDIDATE_NAME,
    MAX_MEMBER_NAME,
    MAX_NUMBER,
    MAX_PANEL,
    MAX_REFERENCE,
    MAX_VENUE,
    Member,
)
from reports.marking_sheet import build_sheet
from tests.reports.sheet_support import open_store, sign
from tests.store_support import KENT
from tests.store_support import profile as load_profile

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

# One character, repeated with no space to break at: the widest of each kind the sheet prints.
WIDEST = {"latin": "W", "cjk": "中", "arabic-ligature": "ﷺ"}


def kent_in(language: str) -> Profile:
    data = copy.deepcopy(load_profile(KENT).to_dict())
    data["sheet_language"] = language
    return Profile.from_dict(data)


def longest(character: str, most: int, tag: str = "") -> str:
    return tag + character * (most - len(tag))


def unbroken(text: str) -> str:
    """A page's text without the line breaks and spaces a long run of one character is
    wrapped at."""
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("script", list(WIDEST))
def test_every_detail_at_its_limit_still_makes_a_sheet(tmp_path, script):
    """On the bilingual sheet, the tightest: every heading and label set twice."""
    character = WIDEST[script]
    prof = kent_in("cy+en")
    panel = tuple(
        Member(
            f"m{n}",
            longest(character, MAX_MEMBER_NAME, str(n)),
            "chair" if n == 1 else "member",
            longest(character, MAX_NUMBER),
        )
        for n in range(1, MAX_PANEL + 1)
    )
    store = open_store(tmp_path / "sessions.db")
    try:
        session_id = store.create_session(
            prof,
            candidate_name=longest(character, MAX_CANDIDATE_NAME),
            candidate_ref=longest(character, MAX_REFERENCE),
            date="2025-11-23",
            venue=longest(character, MAX_VENUE),
            panel=panel,
        )
        for member in panel:
            for area in prof.planned_areas:
                store.grade(session_id, member.id, area.id, 3)
        for area in prof.planned_areas:
            store.agree(session_id, area.id, 3)
        sign(store, session_id)
        session = store.load(session_id)
    finally:
        store.close()
    assert session.status.value == "signed"
    reader = PdfReader(io.BytesIO(build_sheet(session)))
    # Read back where each detail is printed, whole (line breaks aside): the first page and the
    # sign-off page (the last). Reading only those keeps a 12-page sheet quick to check.
    first, last = (unbroken(reader.pages[n].extract_text()) for n in (0, -1))
    for detail in (session.candidate_name, session.candidate_ref, session.venue):
        assert detail in first
    for member in panel:
        assert member.name in last and member.number in last

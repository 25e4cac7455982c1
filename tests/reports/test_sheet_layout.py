"""The marking sheet a panel signs and HR files (issue 14): the decision on page 1, the
evidence after it with only what was recorded, the scale once, a version 2 that says what it
replaces and why, times in UK time, and a document with its title, subject and language."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime

import pytest

from pcso_interview.session import Member
from reports.marking_sheet import CLASSIFIED, CLASSIFIED_KEY, build_sheet, uk_time
from tests.reports.sheet_support import Sheet, open_store, scored, sign
from tests.store_support import KENT, Clock, sign_all

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

FIVE = tuple(
    Member(f"m{n}", name, "chair" if n == 1 else "member", f"PC {1000 + n}")
    for n, name in enumerate(
        [
            "Gwenllïan Angharad Ŵyn-Prydderch",
            "Llŷr Maelgwn Ŵyn ap Rhydderch",
            "Angharad Ŷr Lewis-Morgan",
            "Bartholomew Whitlow-Carraway",
            "Ffion Eluned Ŵyn-Thackeray",
        ],
        start=1,
    )
)


@pytest.fixture(scope="module")
def ten_by_five(tmp_path_factory):
    """Kent (ten areas) scored by five members, signed."""
    store = open_store(tmp_path_factory.mktemp("layout") / "sessions.db")
    sid = scored(store, profile_id=KENT, panel=FIVE, ref="C-0900", grades={"integrity": 2})
    sign(store, sid)
    session = store.load(sid)
    store.close()
    return session, Sheet.read(build_sheet(session))


def test_ten_areas_and_five_members_keep_the_decision_on_page_one(ten_by_five):
    session, sheet = ten_by_five
    assert len(session.planned_areas) == 10 and len(session.panel) == 5
    first = sheet.pages[0]
    assert sheet.page_of_heading("Scoring") == 0 and sheet.page_of_heading("Sign-off") == 0
    assert "Outcome: FAIL" in first
    for area in session.planned_areas:
        assert area.name in first.replace("\n", " ")  # a row of the matrix each
    for member in session.panel:
        assert uk_time(session.signoff(member.id).signed_at) in first
    assert "Integrity: 2, below the minimum 3" in first.replace("\n", " ")


def test_every_indicator_and_every_note_is_on_the_evidence_pages(ten_by_five):
    session, sheet = ten_by_five
    evidence = " ".join(sheet.pages[1:]).replace("\n", " ")
    squashed = re.sub(r"\s+", " ", evidence)
    for area in session.planned_areas:
        for indicator in area.indicators:
            assert re.sub(r"\s+", " ", indicator.text) in squashed, indicator.id
    notes = [m.note for m in session.marks.values() if m.note]
    assert notes and all(re.sub(r"\s+", " ", n) in squashed for n in notes)
    assert "Nothing recorded" not in sheet.text
    evidence = "\n".join(sheet.pages[1:])
    for value, shown in CLASSIFIED.items():
        if value.value == "none":
            continue
        symbol = shown.split()[0]  # five members: the symbol alone in each cell
        recorded = sum(1 for m in session.marks.values() if m.classification is value)
        in_key = CLASSIFIED_KEY.count(symbol)  # the key under the scale shows each once
        assert evidence.count(symbol) - in_key == recorded, value


def test_the_scale_and_its_descriptors_are_printed_once(ten_by_five):
    session, sheet = ten_by_five
    for point in session.profile.scale.points:
        assert sheet.text.replace("\n", " ").count(point.descriptor) == 1


def test_a_pass_says_why(tmp_path):
    store = open_store(tmp_path / "sessions.db")
    try:
        sid = scored(store, ref="C-0901")
        sign(store, sid)
        session = store.load(sid)
    finally:
        store.close()
    first = Sheet.read(build_sheet(session)).pages[0].replace("\n", " ")
    outcome = session.outcome
    assert (
        f"Every area is at or above its minimum; {outcome.weighted_total} of"
        f" {outcome.weighted_max} ({outcome.percentage_text}) is at least the"
        f" {outcome.pass_mark_percent}% pass mark." in first
    )


def test_version_two_names_the_version_it_replaces_and_why(tmp_path):
    store = open_store(tmp_path / "sessions.db")
    try:
        sid = scored(store, ref="C-0902")
        sign(store, sid)
        store.reopen(sid, "Integrity regraded after a complaint", "Rhian Evans")
        session = store.load(sid)
        for member in session.panel:
            store.grade(sid, member.id, "integrity", 4)
        store.agree(sid, "integrity", 4, "Regraded.")
        sign_all(store, sid)
        session = store.load(sid)
        (v1, v2) = store.signed_versions(sid)
    finally:
        store.close()
    first = Sheet.read(build_sheet(session)).pages[0].replace("\n", " ")
    assert session.version == 2
    assert f"Replaces version 1, signed {uk_time(v1.signed_at)}" in first
    assert "by Rhian Evans: Integrity regraded after a complaint" in first
    assert v2.content["previous"]["reason"] == "Integrity regraded after a complaint"


def test_times_are_uk_local_time_with_their_zone():
    assert uk_time("2025-11-23T09:59:00Z") == "23 Nov 2025 09:59 GMT"
    assert uk_time("2025-07-01T09:00:00Z") == "1 Jul 2025 10:00 BST"


def test_a_summer_signing_prints_bst(tmp_path):
    store = open_store(tmp_path / "sessions.db")
    store.clock = Clock(datetime(2025, 7, 1, 9, 0, tzinfo=UTC))
    try:
        sid = scored(store, ref="C-0903")
        sign(store, sid)
        session = store.load(sid)
    finally:
        store.close()
    assert " BST" in Sheet.read(build_sheet(session)).pages[0]


def test_title_subject_and_language_are_set_and_every_font_embedded(ten_by_five, tmp_path):
    session, sheet = ten_by_five
    info = sheet.reader.metadata
    assert info.title == f"Marking sheet {session.candidate_ref} {session.date}"
    assert info.subject.startswith("pcso-interview marking sheet session=")
    assert sheet.reader.trailer["/Root"]["/Lang"] == "en-GB"
    if shutil.which("pdffonts"):
        path = tmp_path / "sheet.pdf"
        path.write_bytes(sheet.data)
        listing = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout
        rows = listing.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows), listing

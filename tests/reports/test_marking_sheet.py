"""The PDF marking sheet read back with pypdf: complete, readable, provably the signed record.

Sessions are built through the real Store on a throwaway database, with Welsh names (ŵ, ŷ)
on the panel and for the candidate, because reportlab's own fonts cannot print them.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from pcso_interview.demo import signature_png
from pcso_interview.lifecycle import Status
from pcso_interview.profiles import Profile
from pcso_interview.scoring import Result
from pcso_interview.session import Member, Session
from reports.marking_sheet import (
    DIGEST_PREFIX,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    WATERMARK,
    build_sheet,
    long_date,
    sheet_file_name,
    subject_line,
    uk_time,
)
from tests.reports.sheet_support import (
    CANDIDATE,
    DAY,
    HEX64,
    REF,
    VENUE,
    Sheet,
    found_in,
    in_frame_or_furniture,
    long_note,
    open_store,
    right_edge_overflows,
    scored,
    sign,
    squash,
    text_fonts,
)
from tests.store_support import KENT, sign_as
from tests.store_support import profile as load_profile

LONG_NAMES = (
    Member("m1", "Gwenllïan Angharad Ŵyn-Prydderch ap Llŷr", "chair", "PS 12077"),
    Member("m2", "Llŷr Maelgwn Ŵyn ap Rhydderch-Llewellyn", "member", "C-30311"),
    Member("m3", "Angharad Ŷr Lewis-Morgan Fitzgerald", "member", "45120"),
    Member("m4", "Bartholomew Alexander Whitlow-Carraway", "member", "DC 7781"),
    Member("m5", "Ffion Eluned Ŵyn-Thackeray ap Owain", "member", "PC 9913"),
)
NOTE, NOTE_WORDS = long_note()
FAILING_GRADES = {"integrity": 2, "transparency": 2}


def long_area_names() -> Profile:
    """Kent's profile as a force file might word it: long area names (the schema allows)."""
    data = copy.deepcopy(load_profile(KENT).to_dict())
    for area in data["areas"]:
        area["name"] = f"{area['name']}: as described in the force's role profile"
    return Profile.from_dict(data)


@dataclass
class Built:
    session: Session
    sheet: Sheet
    stored_digest: str


@pytest.fixture(scope="module")
def sheet_db(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("sheet") / "sessions.db"


@pytest.fixture(scope="module")
def built(sheet_db) -> dict[str, Built]:
    """Every kind of sheet the tests read, built once from one throwaway database."""
    store = open_store(sheet_db)
    ids = {
        "failing": scored(store, ref="C-0412", grades=FAILING_GRADES),
        "passing": scored(store, ref="C-0413"),
        "long_indicator": scored(store, ref="C-0414", indicator_note=NOTE),
        "long_area": scored(store, ref="C-0415", area_note=NOTE),
        "five": scored(store, ref="C-0416", panel=LONG_NAMES),
        "drawn": scored(store, ref="C-0417", profile_id="gwent-cso"),
        "draft": scored(store, ref="C-0418"),
        "half_signed": scored(store, ref="C-0419"),
        "long_area_names": scored(store, ref="C-0420", profile=long_area_names()),
    }
    for key, session_id in ids.items():
        if key == "drawn":
            sign(store, session_id, drawn=signature_png())
        elif key == "half_signed":
            chair = store.load(session_id).chair
            sign_as(store, session_id, chair.id, typed_name=chair.name)
        elif key != "draft":
            sign(store, session_id)
    result = {}
    for key, session_id in ids.items():
        session = store.load(session_id)
        result[key] = Built(
            session,
            Sheet.read(build_sheet(session, invariant=True)),
            store.verify(session_id).stored_digest,
        )
    store.close()
    return result


@pytest.fixture(scope="module")
def failing(built) -> Built:
    return built["failing"]


# --- content -----------------------------------------------------------------------------------


def test_every_indicator_of_every_planned_area_is_printed(failing):
    """The sheet is the record: an indicator missing from paper is evidence lost."""
    session, sheet = failing.session, failing.sheet
    assert session.profile.id == KENT
    kinds = [area.kind for area in session.planned_areas]
    assert (kinds.count("competency"), kinds.count("value")) == (6, 4)
    missing = [
        indicator.text
        for area in session.planned_areas
        for indicator in area.indicators
        if not found_in(indicator.text, sheet.text)
    ]
    assert missing == []
    for area in session.planned_areas:
        assert found_in(session.question(area.id), sheet.text), area.id


def test_ordinary_notes_and_classifications_are_printed(failing):
    """Each member's evidence note and classification stands beside the indicator."""
    session, sheet = failing.session, failing.sheet
    notes = [mark.note for mark in session.marks.values() if mark.note]
    assert len(notes) == 2 * len(session.planned_areas)
    assert [n for n in notes if not found_in(n, sheet.text)] == []
    assert sheet.text.count("✓ Demonstrated") == 2 * len(session.planned_areas)
    assert sheet.text.count("✗ Contrary") == len(session.planned_areas)
    assert "Nothing recorded" not in sheet.text  # only what was recorded, not what was not


def test_welsh_names_are_extracted_exactly(failing):
    """ŵ and ŷ must print as typed: a name that prints wrongly is someone else's name."""
    session, sheet = failing.session, failing.sheet
    assert any("ŵ" in m.name.lower() or "ŷ" in m.name.lower() for m in session.panel)
    for member in session.panel:
        assert member.name in sheet.pages[0]  # the matrix and the sign-off
        # and the head of each area's evidence table
        assert sheet.text.count(member.name) >= len(session.planned_areas)
    assert session.candidate_name == CANDIDATE
    assert CANDIDATE in sheet.pages[0]
    assert REF in sheet.pages[0]


def test_failing_outcome_prints_every_reason(failing):
    """A candidate who fails is entitled to see every reason on the sheet."""
    outcome = failing.session.outcome
    assert outcome.result is Result.FAIL
    assert len(outcome.reasons) >= 2
    assert "Outcome: FAIL" in failing.sheet.text
    assert "Outcome: PASS" not in failing.sheet.text
    for reason in outcome.reasons:
        assert found_in(reason, failing.sheet.text), reason
    assert found_in("Integrity: 2, below the minimum 3", failing.sheet.text)


def test_passing_outcome(built):
    """A pass prints as a pass, with no reasons against it."""
    passing = built["passing"]
    assert passing.session.outcome.result is Result.PASS
    assert "Outcome: PASS" in passing.sheet.text
    assert "Outcome: FAIL" not in passing.sheet.text
    assert "below the minimum" not in passing.sheet.text


def test_digest_is_the_sessions_and_the_stores(failing):
    """The printed digest is what `verify` compares: it must be the one stored at sign-off."""
    digest = failing.session.digest()
    assert digest == failing.stored_digest
    assert set(HEX64.findall(failing.sheet.text)) == {digest}
    for page in failing.sheet.pages:
        assert f"{DIGEST_PREFIX} {digest}" in page
    assert found_in(f"Signed off and locked. {DIGEST_PREFIX} {digest}", failing.sheet.pages[0])


def test_subject_names_session_version_and_digest(failing):
    """`verify` reads the claim from the metadata too: session, version and digest."""
    session, subject = failing.session, failing.sheet.subject
    digest = session.digest()
    assert subject == subject_line(session, digest)
    assert f"session={session.id}" in subject
    assert "version=1" in subject
    assert f"sha256={digest}" in subject


def test_page_numbers_on_every_page(failing):
    """Page numbers ("Page N of M") tell whoever files the sheet that no page is missing."""
    pages = failing.sheet.pages
    total = len(pages)
    assert total > 1
    assert f"Page 1 of {total}" in pages[0]
    assert f"Page {total} of {total}" in pages[-1]
    for number, page in enumerate(pages, start=1):
        assert page.count(f"Page {number} of {total}") == 2  # header and footer
        assert not re.search(rf"Page \d+ of (?!{total}\b)\d+", page)


def test_every_page_carries_marking_force_role_and_reference(failing):
    """A page found on its own still says how to handle it and whose it is."""
    session, sheet = failing.session, failing.sheet
    marking = session.profile.protective_marking
    assert marking == "OFFICIAL-SENSITIVE"
    for index, page in enumerate(sheet.pages):
        assert page.count(marking) >= 2, index
        ys = [run.y for run in sheet.runs[index] if run.text == marking]
        assert max(ys) > PAGE_HEIGHT - 40 and min(ys) < 40, index  # top and bottom
        assert f"{session.profile.force} · {session.profile.role_title}" in page
        assert f"Candidate {session.candidate_ref}" in page


def test_signoff_block(failing):
    """On page 1: each member's name, role and number, typed name, and date and time of
    signing in UK time with its zone; the declaration once, above them."""
    session, sheet = failing.session, failing.sheet
    assert sheet.page_of_heading("Sign-off") == 0
    page = sheet.pages[0]
    for member in session.panel:
        signoff = session.signoff(member.id)
        assert signoff is not None
        assert f"Signed: {member.name}" in page
        assert uk_time(signoff.signed_at) in page
        assert f"{member.name}\n{member.role.capitalize()} · {member.number}" in page
    assert squash(sheet.text).count(squash(session.signoffs[0].declaration)) == 1


# --- layout ------------------------------------------------------------------------------------


def test_first_page_holds_candidate_profile_and_panel(failing):
    """HR reads page 1 to know whose sheet it is and who sat on the panel."""
    session, page = failing.session, failing.sheet.pages[0]
    profile = session.profile
    for value in (
        session.candidate_name,
        session.candidate_ref,
        long_date(DAY),
        VENUE,
        profile.force,
        profile.role_title,
        profile.grade,
        profile.framework_label,
        profile.source_title,
    ):
        assert found_in(value, page), value
    lines = failing.sheet.lines(0)
    for member in session.panel:
        at = lines.index(member.name, lines.index("Panel member"))
        assert lines[at + 1] == f"{member.role.capitalize()} · {member.number}"


def test_page_one_is_the_decision_then_the_evidence_in_plan_order(failing):
    """The scoring matrix, the outcome and the sign-offs on page 1; the scale once, then the
    areas in the order the panel asked them."""
    session, sheet = failing.session, failing.sheet
    titles = [text for _, text in sheet.headings()]
    areas = [area.name for area in session.planned_areas]
    assert titles == ["Scoring", "Sign-off", "The grading scale", *areas]
    assert sheet.page_of_heading("Scoring") == sheet.page_of_heading("Sign-off") == 0
    assert "Outcome: FAIL" in sheet.pages[0]
    assert sheet.page_of_heading("The grading scale") == 1
    assert [sheet.page_of_heading(name) for name in areas] == sorted(
        sheet.page_of_heading(name) for name in areas
    )


@pytest.mark.parametrize("key", ["failing", "five", "long_indicator", "drawn"])
def test_text_stays_inside_the_margins_and_frame(built, key):
    """Nothing cut off or printed over the header and footer."""
    sheet = built[key].sheet
    assert right_edge_overflows(sheet) == []
    stray = [
        (index, run.text, round(run.y))
        for index, runs in enumerate(sheet.runs)
        for run in runs
        if not in_frame_or_furniture(run)
    ]
    assert stray == []
    for runs in sheet.runs:
        assert all(-1 <= run.x <= PAGE_WIDTH and -1 <= run.y <= PAGE_HEIGHT for run in runs)


# --- long notes --------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["long_indicator", "long_area"])
def test_twenty_thousand_characters_of_notes_lose_no_word(built, key):
    """Long notes wrap onto more pages; every word must survive, in order, once."""
    long, base = built[key], built["passing"]
    assert len(NOTE) >= 20_000
    assert len(long.sheet.pages) > len(base.sheet.pages) + 2
    assert re.findall(r"w\d{5}", long.sheet.text) == NOTE_WORDS
    assert long.session.digest() == long.stored_digest


@pytest.mark.parametrize(
    "what",
    ["note typed one short line at a time", "two members' notes of many lines", "rationale"],
)
def test_notes_of_many_lines_and_a_long_rationale_still_print(tmp_path, what):
    """A table row taller than a page stops reportlab (LayoutError): no sheet at all.

    Short lines (a list typed one item per line) make tall rows from few characters; a long
    rationale sits in one cell of the grade table."""
    store = open_store(tmp_path / "sessions.db")
    try:
        session_id = scored(store)
        session = store.load(session_id)
        area = session.planned_areas[0]
        indicator = area.indicators[2].id
        words = [f"n{n:05d}" for n in range(1, 1201)]
        if what == "rationale":
            store.agree(session_id, area.id, 3, " ".join(words))
        elif what.startswith("two"):
            for number, member in enumerate(session.panel):
                half = words[number * 45 : number * 45 + 45]
                store.note(session_id, member.id, indicator, "\n".join(half))
            words = words[:90]
        else:
            words = words[:150]
            store.note(session_id, session.chair.id, indicator, "\n".join(words))
        sign(store, session_id)
        sheet = Sheet.read(build_sheet(store.load(session_id)))
    finally:
        store.close()
    assert re.findall(r"n\d{5}", sheet.text) == words
    assert right_edge_overflows(sheet) == []


def test_a_continued_note_names_its_indicator_again(built):
    """A page that opens with the rest of a note still says which indicator it belongs to."""
    sheet, session = built["long_indicator"].sheet, built["long_indicator"].session
    chair = session.chair.name
    continued = re.findall(rf"(\d+) · {re.escape(chair)} \(cont\.\):", sheet.text)
    assert len(continued) >= 3
    assert set(continued) == {"1"}  # the note is on the first indicator of the first area


# --- drafts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["draft", "half_signed"])
def test_unsigned_session_is_a_watermarked_draft_without_digest(built, key):
    """A sheet nobody (or not everybody) signed must not pass for the signed record, and its
    draft mark sits in the side margins, never over a figure of the record."""
    session, sheet = built[key].session, built[key].sheet
    assert session.status is not Status.SIGNED
    for index, page in enumerate(sheet.pages):
        assert page.count(WATERMARK) >= 3, index  # both margins and the footer
        marks = [r for r in sheet.runs[index] if WATERMARK in r.text and r.size >= 10]
        assert len(marks) == 2, index
        for run in marks:  # drawn up the left margin and down the right one
            assert run.x < MARGIN or run.x > PAGE_WIDTH - MARGIN, (index, run)
        for run in sheet.runs[index]:  # and nothing of the record is drawn there
            if WATERMARK not in run.text:
                assert MARGIN - 1 <= run.x <= PAGE_WIDTH - MARGIN, (index, run)
    assert not re.search(r"SHA-256\D{0,40}[0-9a-f]{64}", sheet.text)
    assert HEX64.search(sheet.text) is None
    assert DIGEST_PREFIX not in sheet.text
    assert "sha256=" not in sheet.subject
    assert sheet.subject.endswith(" draft")
    assert built[key].stored_digest == ""


# --- determinism, signature, big panels, file name, font ------------------------------------


def test_two_invariant_builds_are_byte_identical(built, sheet_db):
    """Same session, same bytes: a reprint can be compared with the filed copy."""
    drawn = built["drawn"].session
    reads = []
    for _ in range(2):  # two connections: two reads of the database, not one kept session
        store = open_store(sheet_db)
        try:
            reads.append(store.load(drawn.id))
        finally:
            store.close()
    first, second = reads
    assert first is not second
    one = build_sheet(first, invariant=True)
    assert one == build_sheet(second, invariant=True)
    assert one == built["drawn"].sheet.data
    assert one != build_sheet(built["passing"].session, invariant=True)


def test_drawn_signature_is_embedded_on_the_signoff_page(built):
    """A drawn signature is printed as drawn, on the sign-off page and nowhere else."""
    session, sheet = built["drawn"].session, built["drawn"].sheet
    chair = session.chair
    assert session.signoff(chair.id).method == "drawn"
    with_images = {
        index: page.images for index, page in enumerate(sheet.reader.pages) if page.images
    }
    signoff = sheet.page_of_heading("Sign-off")
    assert list(with_images) == [signoff]
    (image,) = with_images[signoff]
    assert image.image.size == (180, 60)
    tail = "\n".join(sheet.pages[signoff:])
    assert f"Signed: {chair.name}" not in tail  # drawn, not typed
    other = next(m for m in session.panel if not m.is_chair)
    assert f"Signed: {other.name}" in tail


def test_five_members_with_long_names_fit(built):
    """The largest panel, with long double-barrelled Welsh names, loses no row or name."""
    session, sheet = built["five"].session, built["five"].sheet
    assert len(session.panel) == 5
    page = squash(sheet.pages[0])
    for member in session.panel:
        assert squash(member.name) in page, member.name  # matrix and sign-off on page 1
        assert squash(sheet.text).count(squash(member.name)) >= len(session.planned_areas)
    assert sheet.page_of_heading("Sign-off") == 0
    assert right_edge_overflows(sheet) == []


def test_sheet_file_name_has_date_reference_and_safe_characters(failing):
    """The default file name sorts by date and never makes a path or an illegal name."""
    session = failing.session
    assert sheet_file_name(session) == f"{DAY}_{REF}_v1.pdf"
    awkward = replace(session, candidate_ref='../C 04/12:x*?<>|"\\', version=2)
    name = sheet_file_name(awkward)
    assert name.startswith(f"{DAY}_") and name.endswith("_v2.pdf")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}_[A-Za-z0-9_-]+_v\d+\.pdf", name), name
    assert sheet_file_name(replace(session, candidate_ref="Ŵ/1")) == f"{DAY}_Ŵ-1_v1.pdf"


@pytest.mark.parametrize(
    "ref", ["R" * 5_000, "Ŵ" * 5_000, "参考" * 40], ids=["ascii", "welsh", "cjk"]
)
def test_a_reference_too_long_for_a_file_name_is_cut_and_stays_the_session_s_own(failing, ref):
    """A reference kept by an older version can be thousands of characters: the name is cut
    and marked with a hash of the session id, so the sheet can be written at all (a file
    name holds at most 255 bytes) and two such sessions never share one."""
    session = replace(failing.session, candidate_ref=ref)
    name = sheet_file_name(session)
    assert name.startswith(f"{DAY}_{ref[:8]}") and name.endswith("_v1.pdf")
    assert len(name) <= 100 and len(name.encode("utf-8")) <= 200, name
    assert re.search(r"~[0-9a-f]{8}_v1\.pdf$", name), name
    other = replace(session, id="0" * 32)
    assert sheet_file_name(other) != name
    assert sheet_file_name(replace(session, version=2)) == name.replace("_v1.pdf", "_v2.pdf")


def test_a_reference_within_the_set_up_s_limit_keeps_its_whole_file_name(failing):
    session = replace(failing.session, candidate_ref="C" * 64)
    assert sheet_file_name(session) == f"{DAY}_{'C' * 64}_v1.pdf"


def test_body_text_uses_the_bundled_font(failing):
    """Every glyph is drawn in the bundled DejaVu Sans Condensed, embedded in the file."""
    used = text_fonts(failing.sheet)
    assert "DejaVuSansCondensed" in used and "DejaVuSansCondensed-Bold" in used
    assert all(font.startswith("DejaVuSansCondensed") for font in used), used
    for page in failing.sheet.reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            if "DejaVuSansCondensed" in str(font["/BaseFont"]):
                assert "/FontFile2" in font["/FontDescriptor"].get_object()

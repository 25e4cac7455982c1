"""Details longer than any the set-up now accepts, kept by a database from an older version:
the sheet wraps them and splits them across pages, never refusing to print (reportlab's
LayoutError). A sheet whose details fit prints exactly as before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.lib.units import mm

import main
import reports.marking_sheet as marking_sheet
from pcso_interview.demo import signature_png
from reports.marking_sheet import HEADING_NAME, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, build_sheet
from tests.cli_support import cli
from tests.reports.sheet_support import (
    LLYR,
    Run,
    Sheet,
    found_in,
    in_frame_or_furniture,
    kept_by_an_older_version,
    open_store,
    right_edge_overflows,
    scored,
    sign,
)
from tests.store_support import sign_as

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

DAY = "2025-11-23"
# Numbered pieces, run together without a space, so every one can be found again in order.
LONG_NAME = "".join(f"Siôn{n:05d}" for n in range(1, 1112))[:10_000]
LONG_MEMBER = " ".join(f"Llŷr{n:04d}" for n in range(1, 224))[:2_000]


def squeezed(value: str) -> str:
    return "".join(value.split())


def in_frame(run: Run) -> bool:
    """Inside the body's frame: neither the header and footer nor a draft's side marks."""
    return (
        19 * mm - 1 <= run.y <= PAGE_HEIGHT - 20 * mm + 1
        and MARGIN - 1 <= run.x <= PAGE_WIDTH - MARGIN + 1
    )


def in_order(pieces: list[str], text: str) -> bool:
    """Every piece in ``text``, each after the one before (a row split across pages has its
    other cells' text between the parts of a long one)."""
    at = 0
    for piece in pieces:
        at = text.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def body(sheet: Sheet, page: int | None = None) -> str:
    """The text inside the frame (one page, or page after page), the header and footer left
    out: text running on from one page to the next reads on."""
    pages = sheet.runs if page is None else [sheet.runs[page]]
    return " ".join(run.text for runs in pages for run in runs if in_frame(run))


@pytest.fixture(scope="module")
def long_db(tmp_path_factory) -> tuple[Path, str]:
    """A signed session whose candidate's name is 10,000 characters and whose chair's name
    is 2,000, written as an older version would have kept them; the chair signs with a
    drawn signature (an image in a row split across pages), the other member typed."""
    path = tmp_path_factory.mktemp("long-details") / "sessions.db"
    store = open_store(path)
    session_id = scored(store, ref="C-0900", day=DAY)
    store.close()
    kept_by_an_older_version(path, session_id, name=LONG_NAME, members={LLYR.id: LONG_MEMBER})
    store = open_store(path)
    try:
        sign(store, session_id, drawn=signature_png())
    finally:
        store.close()
    return path, session_id


@pytest.fixture(scope="module")
def long_sheet(long_db, tmp_path_factory) -> tuple[Path, Sheet]:
    """The sheet as the pdf verb writes it (main.main: capsys is one test's alone)."""
    path, session_id = long_db
    out = tmp_path_factory.mktemp("long-sheet")
    assert main.main(["--db", str(path), "pdf", session_id, "-o", str(out)]) == 0
    (written,) = out.iterdir()
    return written, Sheet.read(written.read_bytes())


def test_a_ten_thousand_character_name_prints_whole_from_page_one(long_sheet):
    """Page 1 opens as on every sheet (title, force and role, the details' Candidate row
    with the name's start); the name runs on, whole and in order, and the rest of the
    details, the scoring and the sign-off follow it."""
    _, sheet = long_sheet
    lines = sheet.lines(0)
    assert lines[0] == "PCSO interview marking sheet"
    assert lines[1].startswith("Kent Police · ")
    assert lines[2] == "Candidate"
    assert lines[3].startswith("Siôn00001Siôn00002")
    assert squeezed(LONG_NAME) + "·referenceC-0900" in squeezed(body(sheet))
    labels = ["Date and venue", "Force and role", "Profile", "Record"]
    flat = [line for page in range(len(sheet.pages)) for line in sheet.lines(page)]
    at = [flat.index(label) for label in labels]
    assert at == sorted(at) and flat.index("Candidate") < at[0]
    titles = [text for _, text in sheet.headings()]
    assert titles[:3] == ["Scoring", "Sign-off", "The grading scale"]
    assert sheet.page_of_heading("Scoring") > 0  # the details took page 1 and more


def test_a_two_thousand_character_member_name_prints_whole_at_sign_off(long_sheet):
    _, sheet = long_sheet
    text = body(sheet)
    assert found_in(LONG_MEMBER, text[text.index("Panel member") :])


def test_a_column_heading_cuts_a_name_longer_than_the_set_up_accepts(long_sheet):
    """The matrix and every evidence table head a member's column with the name's first
    characters and "…": a heading repeats on every page and must fit on one."""
    _, sheet = long_sheet
    cut = LONG_MEMBER[: HEADING_NAME - 1] + "…"
    areas = len(sheet.headings()) - 3  # after Scoring, Sign-off and The grading scale
    # the matrix, and each evidence table (again on each page it runs onto)
    assert squeezed(body(sheet)).count(squeezed(cut)) >= 1 + areas
    assert found_in(cut, sheet.pages[sheet.page_of_heading("Scoring")])


def test_the_long_sheet_stays_inside_its_margins(long_sheet):
    _, sheet = long_sheet
    assert right_edge_overflows(sheet) == []
    assert [r for runs in sheet.runs for r in runs if not in_frame_or_furniture(r)] == []
    assert all(run.x >= MARGIN - 1 for runs in sheet.runs for run in runs)
    total = len(sheet.pages)
    for index, page in enumerate(sheet.pages, start=1):
        assert f"Candidate C-0900 · Page {index} of {total}" in page


def test_verify_says_the_long_sheet_is_the_signed_record(long_db, long_sheet, capsys):
    path, session_id = long_db
    written, _ = long_sheet
    status, out, _ = cli(capsys, "--db", path, "verify", written)
    assert status == 0 and out.startswith("MATCH "), out
    assert session_id in out


def test_the_long_sheet_is_proven_by_its_content_too(long_db, tmp_path):
    """Not only found in the register: the same record built again (unsigned, so its bytes
    are in no register) matches page for page."""
    from reports.verify import MATCH, verify_pdf

    path, session_id = long_db
    store = open_store(path)
    try:
        copy = tmp_path / "rebuilt.pdf"
        copy.write_bytes(build_sheet(store.load(session_id)))
        verdict = verify_pdf(store, copy)
    finally:
        store.close()
    assert verdict.code == MATCH, verdict
    assert not verdict.registered


def one_session(tmp_path: Path):
    store = open_store(tmp_path / "sessions.db")
    try:
        return store.load(scored(store, ref="C-0901", day=DAY))
    finally:
        store.close()


def test_a_sign_off_row_taller_than_a_page_runs_on_with_no_empty_page(tmp_path):
    """A centred row split across pages: reportlab pads its continuation by half the row's
    height, which left a page of empty table; each page holds some of the record."""
    session = one_session(tmp_path)
    words = [f"Gwen{n:04d}" for n in range(1, 1001)]
    name = " ".join(words)  # 9,999 characters
    panel = tuple(replace(m, name=name) if m.id == LLYR.id else m for m in session.panel)
    sheet = Sheet.read(build_sheet(replace(session, panel=panel)))
    empty = [page + 1 for page in range(len(sheet.pages)) if not body(sheet, page).strip()]
    assert empty == []
    text = body(sheet)
    assert in_order(words, text[text.index("Panel member") :])


@pytest.mark.parametrize(
    "name",
    ["山田太郎" * 2500, "محمد بن عبد الله " * 600],
    ids=["cjk", "arabic"],
)
def test_a_long_name_in_another_script_splits_across_pages_too(tmp_path, name):
    """Such text is set by reports.typeset's ScriptParagraph, which a table splitting a row
    asks for two parts: it answered with one (IndexError in reportlab)."""
    session = one_session(tmp_path)
    sheet = Sheet.read(build_sheet(replace(session, candidate_name=name)))
    assert len(sheet.pages) > 4
    assert sheet.lines(0)[0] == "PCSO interview marking sheet"
    assert sheet.lines(0)[2] == "Candidate"


def test_a_reference_too_long_for_the_header_line_is_cut_there_and_whole_in_the_details(
    tmp_path,
):
    session = one_session(tmp_path)
    ref = "".join(f"R{n:04d}" for n in range(1, 1001))  # 5,000 characters
    sheet = Sheet.read(build_sheet(replace(session, candidate_ref=ref)))
    headers = [r for runs in sheet.runs for r in runs if r.text.startswith("Candidate R")]
    assert len(headers) == len(sheet.pages)
    assert all(run.x >= MARGIN - 1 for run in headers)  # not run off the page's left edge
    total = len(sheet.pages)
    for index, page in enumerate(sheet.pages, start=1):
        header = re.search(r"Candidate (R\S*)… · Page (\d+) of (\d+)", page)
        assert header is not None, page[:300]
        assert ref.startswith(header[1]) and header.group(2, 3) == (str(index), str(total))
    assert found_in(f"· reference {ref}", body(sheet))


def test_a_sheet_that_fits_prints_exactly_as_with_reportlab_s_own_table(tmp_path, monkeypatch):
    """SheetTable splits inside a row only when the row is taller than a page: every other
    sheet is byte for byte what a plain Table made, up to the longest details set-up takes."""
    store = open_store(tmp_path / "sessions.db")
    try:
        ordinary = scored(store, ref="C-0902", day=DAY)
        drawn = scored(store, ref="C-0903", day=DAY, profile_id="gwent-cso")
        sign(store, ordinary)
        sign(store, drawn, drawn=signature_png())
        draft = scored(store, ref="C-0904", day=DAY)
        chair = store.load(draft).chair
        sign_as(store, draft, chair.id, typed_name=chair.name)
        sessions = [store.load(i) for i in (ordinary, drawn, draft)]
    finally:
        store.close()
    # Within the set-up's limits: the longest name, reference and venue it accepts.
    longest = replace(
        sessions[0],
        candidate_name="Ŵ" * 200,
        candidate_ref="C" * 64,
        venue="V" * 200,
        panel=tuple(replace(m, name="N" * 120, number="9" * 32) for m in sessions[0].panel),
    )
    sessions.append(longest)
    ours = [build_sheet(s) for s in sessions]
    monkeypatch.setattr(marking_sheet, "SheetTable", marking_sheet.Table)
    assert [build_sheet(s) for s in sessions] == ours

"""`verify FILE.pdf` against copies an attacker or an old drawer would hand over: a sheet cut
short after its first pages, a withdrawn sheet from before the session was reopened and
withdrawn again, and a sheet signed by another laptop's key (said in words, no traceback)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from tests.cli_support import cli
from tests.reports.sheet_support import issue, open_store, scored, sign, verify

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

DAY = "2025-11-23"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def signed_db(tmp_path) -> tuple[Path, str]:
    path = tmp_path / "sessions.db"
    store = open_store(path)
    session_id = scored(store, ref="C-0100", day=DAY)
    sign(store, session_id)
    store.close()
    return path, session_id


@pytest.mark.parametrize("kept", [1, 3])
def test_a_sheet_cut_short_after_its_first_pages_is_a_mismatch(signed_db, capsys, tmp_path, kept):
    """Its footer still says "Page 1 of 5"; the pages holding the evidence and the grades are
    gone. A re-save drops the signature, so only the content can tell."""
    path, _ = signed_db
    sheet = issue(capsys, path, signed_db[1], tmp_path / "out")
    whole = len(PdfReader(sheet).pages)
    assert whole > kept
    writer = PdfWriter()
    for page in PdfReader(sheet).pages[:kept]:
        if "/Annots" in page:
            del page[NameObject("/Annots")]
        writer.add_page(page)
    cut = tmp_path / "cut.pdf"
    with cut.open("wb") as handle:
        writer.write(handle)
    status, out = verify(capsys, path, cut)
    assert status == 1, out
    assert out.startswith(f"MISMATCH {cut}: ")
    assert f"the sheet has {kept} page(s), the record makes {whole}" in out


def test_a_withdrawn_sheet_from_before_a_reopening_is_not_current(tmp_path, capsys):
    """Reopening a withdrawn session keeps its version number: the old withdrawn sheet, with
    other grades and another reason, is no longer the record once it is withdrawn again."""
    path = tmp_path / "sessions.db"
    store = open_store(path)
    session_id = scored(store, ref="C-0500", day=DAY)
    store.withdraw(session_id, "Did not attend.", "Rhian HR")
    store.close()
    old = issue(capsys, path, session_id, tmp_path / "before")
    assert verify(capsys, path, old)[0] == 0
    store = open_store(path)
    try:
        store.reopen(session_id, "Attended after all.", "Rhian HR")
        session = store.load(session_id)
        for area in session.planned_areas:
            for member in session.panel:
                store.grade(session_id, member.id, area.id, 5)
            store.agree(session_id, area.id, 5, "")
        store.withdraw(session_id, "Withdrew from the process.", "Rhian HR")
    finally:
        store.close()
    status, out = verify(capsys, path, old)
    assert status == 3, out
    assert out.startswith(f"NOT CURRENT {old}: session {session_id} (C-0500) version 1: genuine,")
    new = issue(capsys, path, session_id, tmp_path / "after")
    assert verify(capsys, path, new)[0] == 0


def test_a_sheet_signed_by_another_laptops_key_is_said_so_without_a_traceback(
    signed_db, capsys, tmp_path
):
    path, session_id = signed_db
    sheet = issue(capsys, path, session_id, tmp_path / "out")
    other = tmp_path / "other" / "sessions.db"
    other.parent.mkdir()
    exported = tmp_path / "session.json"
    assert cli(capsys, "--db", path, "export", session_id, "-o", exported)[0] == 0
    assert cli(capsys, "--db", other, "import", exported)[0] == 0
    cli(capsys, "--db", other, "pdf", session_id, "-o", tmp_path / "theirs")  # their own key
    assert (other.parent / "keys").exists()
    shutil.rmtree(tmp_path / "theirs")
    # A process of its own: pytest catches log records before they would reach stderr.
    done = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(other), "verify", str(sheet)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "PDF signature intact, signed by" in done.stdout
    assert "(a key this installation does not know)" in done.stdout

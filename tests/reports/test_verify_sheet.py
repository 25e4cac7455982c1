"""`verify FILE.pdf` proves content, as a careful attacker would test it.

Exit 0 only for a sheet issued for the current record (registered, or its text equal to a
rebuild page by page); exit 1 for any change, naming the first differing line; exit 3 for a
genuine sheet that is no longer current (superseded, reopened, withdrawn, purged) or a draft.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, StreamObject

from pcso_interview.signing_key import trusted_certificates
from reports.marking_sheet import build_sheet
from tests.cli_support import cli, fails
from tests.reports.sheet_support import Clock, issue, open_store, scored, sign, verify
from tests.store_support import sign_all

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

DAY = "2025-11-23"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, str], Path]:
    """Signed sessions (one failing on Integrity), a draft, and each signed one's sheet."""
    folder = tmp_path_factory.mktemp("verify")
    path = folder / "sessions.db"
    store = open_store(path)
    ids = {
        "pass": scored(store, ref="C-0100", day=DAY),
        "fail": scored(store, ref="C-0101", day=DAY, grades={"integrity": 2}),
        "other": scored(store, ref="C-0102", day=DAY, profile_id="gwent-cso"),
        "draft": scored(store, ref="C-0103", day=DAY),
    }
    for key in ("pass", "fail", "other"):
        sign(store, ids[key])
    store.close()
    return path, ids, folder


@pytest.fixture
def db(built, tmp_path) -> tuple[Path, dict[str, str]]:
    """A private copy of the database and its signing key for each test."""
    source, ids, folder = built
    path = tmp_path / "sessions.db"
    shutil.copyfile(source, path)
    if (folder / "keys").exists():
        shutil.copytree(folder / "keys", tmp_path / "keys")
    return path, ids


# --- genuine and current ---------------------------------------------------------------------


def test_a_fresh_sheet_matches_names_its_record_its_issue_and_its_signature(db, capsys, tmp_path):
    path, ids = db
    sheet = issue(capsys, path, ids["fail"], tmp_path)
    status, out = verify(capsys, path, sheet)
    assert status == 0, out
    first, signature = out.splitlines()
    assert first.startswith(f"MATCH {sheet}: session {ids['fail']} (C-0101) version 1")
    assert "the current signed-off record; issued " in first and "(pdf verb)" in first
    assert signature.strip().startswith("PDF signature intact, signed by ")
    assert "pcso-interview installation" in signature and "(this installation's key)" in signature


def test_an_unregistered_copy_with_the_same_content_matches(db, capsys, tmp_path):
    """A sheet built elsewhere from the same record (say, before it was imported here) is not
    in this register; its text equals a rebuild, so it is the record."""
    path, ids = db
    store = open_store(path)
    try:
        copy = tmp_path / "copy.pdf"
        copy.write_bytes(build_sheet(store.load(ids["pass"])))
    finally:
        store.close()
    status, out = verify(capsys, path, copy)
    assert status == 0, out
    assert out.startswith(f"MATCH {copy}: session {ids['pass']}")
    assert "no PDF signature" in out


# --- edited sheets ---------------------------------------------------------------------------


def _forge_with_pypdf(source: Path, target: Path, old: bytes, new: bytes) -> None:
    """Rewrite a page's text as any PDF library can: decompress, replace, save."""
    reader = PdfReader(source)
    writer = PdfWriter(clone_from=reader)
    done = 0
    for page in writer.pages:
        content = page.get_contents()
        data = content.get_data()
        if old in data:
            stream = StreamObject()
            stream.set_data(data.replace(old, new))
            page[NameObject("/Contents")] = writer._add_object(stream)
            done += 1
    assert done == 1
    with target.open("wb") as handle:
        writer.write(handle)


def test_a_sheet_edited_with_a_pdf_library_names_the_changed_line(db, capsys, tmp_path):
    path, ids = db
    sheet = issue(capsys, path, ids["fail"], tmp_path)
    forged = tmp_path / "forged.pdf"
    _forge_with_pypdf(sheet, forged, b"(Outcome: FAIL)", b"(Outcome: PASS)")
    status, out = verify(capsys, path, forged)
    assert status == 1
    assert out.startswith(f"MISMATCH {forged}")
    assert "sheet says 'Outcome: PASS', record says 'Outcome: FAIL'" in out
    page = next(line for line in out.splitlines() if "Outcome: PASS" in line)
    number = int(page.split(":")[0].split()[-1])
    assert "Outcome: FAIL" in PdfReader(sheet).pages[number - 1].extract_text()


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="needs qpdf (apt-get install qpdf)")
def test_a_sheet_edited_with_qpdf_exits_1_naming_the_changed_line(db, capsys, tmp_path):
    """The forgery the issue reports: uncompress, change FAIL to PASS, recompress."""
    path, ids = db
    sheet = issue(capsys, path, ids["fail"], tmp_path)
    open_ = tmp_path / "qdf.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", sheet, open_], check=True)
    edited = open_.read_bytes().replace(b"(Outcome: FAIL)", b"(Outcome: PASS)")
    assert edited != open_.read_bytes()
    fixed = subprocess.run(["fix-qdf"], input=edited, capture_output=True, check=True).stdout
    (tmp_path / "fixed.pdf").write_bytes(fixed)
    forged = tmp_path / "forged.pdf"
    subprocess.run(["qpdf", tmp_path / "fixed.pdf", forged], check=True)
    status, out = verify(capsys, path, forged)
    assert status == 1
    assert out.startswith(f"MISMATCH {forged}: PDF signature BROKEN")
    assert "sheet says 'Outcome: PASS', record says 'Outcome: FAIL'" in out


def test_a_sheet_whose_drawing_changed_but_not_its_text_is_refused(db, capsys, tmp_path):
    """Text extraction is not enough: a forger can change what a page shows (a box's colour
    here; a font's glyphs, an image) and leave the text a reader extracts untouched."""
    path, ids = db
    sheet = issue(capsys, path, ids["pass"], tmp_path)
    forged = tmp_path / "forged.pdf"
    reader = PdfReader(sheet)
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[1]
    data = page.get_contents().get_data()
    assert b".909804 .917647 .941176 rg" in data
    stream = StreamObject()
    stream.set_data(data.replace(b".909804 .917647 .941176 rg", b"1 0 0 rg", 1))
    page[NameObject("/Contents")] = writer._add_object(stream)
    with forged.open("wb") as handle:
        writer.write(handle)
    assert PdfReader(forged).pages[1].extract_text() == reader.pages[1].extract_text()
    status, out = verify(capsys, path, forged)
    assert status == 1
    assert "page 2: the text is the record's, but what the page draws was changed" in out


def test_a_sheet_re_saved_by_qpdf_without_changes_still_matches(db, capsys, tmp_path):
    """Re-saving rewrites the bytes (and drops the signature's validity) but not the content."""
    if shutil.which("qpdf") is None:
        pytest.skip("needs qpdf (apt-get install qpdf)")
    path, ids = db
    store = open_store(path)
    try:
        plain = tmp_path / "plain.pdf"
        plain.write_bytes(build_sheet(store.load(ids["pass"])))
    finally:
        store.close()
    resaved = tmp_path / "resaved.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", plain, resaved], check=True)
    status, out = verify(capsys, path, resaved)
    assert status == 0, out


def test_a_sheet_built_from_changed_content_is_refused_naming_the_line(db, capsys, tmp_path):
    path, ids = db
    store = open_store(path)
    try:
        session = store.load(ids["pass"])
    finally:
        store.close()
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(build_sheet(replace(session, candidate_name="Someone Else")))
    status, out = verify(capsys, path, forged)
    assert status == 1
    assert (
        "sheet says 'Someone Else · reference C-0100', record says 'Siôn Ŷr ap Dafydd ·"
        " reference C-0100'" in out
    )


@pytest.fixture(scope="module")
def flip_target(built, tmp_path_factory):
    """One signed sheet and a database for the byte-flipping test (built once)."""
    source, ids, folder = built
    here = tmp_path_factory.mktemp("flip")
    path = here / "sessions.db"
    shutil.copyfile(source, path)
    if (folder / "keys").exists():
        shutil.copytree(folder / "keys", here / "keys")
    store = open_store(path)
    try:
        from reports.issue import issue as issue_sheet

        data = issue_sheet(store, store.load(ids["fail"]), how="test", actor="Tester")
    finally:
        store.close()
    return path, data, here


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(where=st.floats(0, 1, exclude_max=True), value=st.integers(0, 255))
def test_no_single_changed_byte_of_a_signed_sheet_ever_verifies(flip_target, capsys, where, value):
    path, data, here = flip_target
    index = int(where * len(data))
    if data[index] == value:
        value ^= 0x20
    flipped = data[:index] + bytes([value]) + data[index + 1 :]
    target = here / "flipped.pdf"
    target.write_bytes(flipped)
    status, out, _ = cli(capsys, "--db", path, "verify", target)
    assert status != 0, (index, data[index], value, out)


def test_pyhanko_itself_reports_the_signature_intact_then_broken(db, capsys, tmp_path):
    """Any PDF reader's check, done with pyHanko's own validation."""
    from asn1crypto import x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    path, ids = db
    data = issue(capsys, path, ids["pass"], tmp_path).read_bytes()
    roots = [x509.Certificate.load(c) for c in trusted_certificates(path)]

    def status_of(pdf: bytes):
        signature = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
        return validate_pdf_signature(signature, ValidationContext(trust_roots=roots))

    fresh = status_of(data)
    assert fresh.intact and fresh.valid and fresh.trusted
    middle = len(data) // 3
    flipped = data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]
    assert not status_of(flipped).intact


def test_a_draft_is_not_signed(db, capsys, tmp_path):
    path, ids = db
    sheet = issue(capsys, path, ids["draft"], tmp_path)
    assert b"/ByteRange" not in sheet.read_bytes()
    status, out = verify(capsys, path, sheet)
    assert status == 3
    assert "a genuine DRAFT" in out and "not a signed-off record" in out


# --- genuine but no longer current -------------------------------------------------------------


def _reopen(path: Path, session_id: str, reason: str = "Grade entered against the wrong area"):
    store = open_store(path)
    try:
        store.reopen(session_id, reason, "Rhian HR")
    finally:
        store.close()


def test_version_1_while_reopened_is_genuine_but_not_current(db, capsys, tmp_path):
    path, ids = db
    v1 = issue(capsys, path, ids["fail"], tmp_path)
    _reopen(path, ids["fail"])
    status, out = verify(capsys, path, v1)
    assert status == 3, out
    assert out.startswith(f"NOT CURRENT {v1}: session {ids['fail']} (C-0101) version 1")
    assert "reopened on " in out and "by Rhian HR: Grade entered against the wrong area" in out


def test_version_1_after_version_2_was_signed(db, capsys, tmp_path):
    path, ids = db
    v1 = issue(capsys, path, ids["fail"], tmp_path / "v1")
    unregistered = tmp_path / "copy-v1.pdf"
    store = open_store(path)
    try:
        unregistered.write_bytes(build_sheet(store.load(ids["fail"])))
        store.reopen(ids["fail"], "Integrity regraded", "Rhian HR")
        session = store.load(ids["fail"])
        for member in session.panel:
            store.grade(ids["fail"], member.id, "integrity", 3)
        store.agree(ids["fail"], "integrity", 3, "Regraded after review.")
        sign_all(store, ids["fail"])
    finally:
        store.close()
    for sheet in (v1, unregistered):  # by the register, and by content
        status, out = verify(capsys, path, sheet)
        assert status == 3, out
        assert "version 1: genuine, but no longer current" in out
        assert "version 2 signed off on " in out
    v2 = issue(capsys, path, ids["fail"], tmp_path / "v2")
    status, out = verify(capsys, path, v2)
    assert status == 0 and "version 2" in out


def test_a_purged_sessions_sheet_is_not_current(db, capsys, tmp_path):
    path, ids = db
    sheet = issue(capsys, path, ids["pass"], tmp_path)
    store = open_store(path)
    try:
        store.clock = Clock(datetime(2031, 1, 1, tzinfo=UTC))
        store.purge([ids["pass"]], "Rhian HR", today=datetime(2031, 1, 1).date())
    finally:
        store.close()
    status, out = verify(capsys, path, sheet)
    assert status == 3, out
    assert "purged on " in out and "by Rhian HR" in out


# --- combined PDFs -----------------------------------------------------------------------------


def _combined(path: Path, ids: list[str], target: Path) -> Path:
    from reports.issue import issue_combined

    store = open_store(path)
    try:
        sessions = [store.load(i) for i in ids]
        assert issue_combined(store, sessions, target, how="test", actor="Tester") == target
    finally:
        store.close()
    return target


def test_a_combined_pdf_reports_every_sheet_inside(db, capsys, tmp_path):
    path, ids = db
    chosen = [ids["pass"], ids["fail"], ids["other"]]
    combined = _combined(path, chosen, tmp_path / "all.pdf")
    status, out = verify(capsys, path, combined)
    assert status == 0, out
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert len(lines) == 3
    for number, (line, session_id) in enumerate(zip(lines, chosen, strict=True), start=1):
        assert line.startswith(f"MATCH {combined} sheet {number} of 3 (page ")
        assert session_id in line


def test_a_combined_pdf_with_one_forged_sheet_fails_on_that_sheet(db, capsys, tmp_path):
    path, ids = db
    chosen = [ids["pass"], ids["fail"], ids["other"]]
    combined = _combined(path, chosen, tmp_path / "all.pdf")
    forged = tmp_path / "forged.pdf"
    _forge_with_pypdf(combined, forged, b"(Outcome: FAIL)", b"(Outcome: PASS)")
    status, out = verify(capsys, path, forged)
    assert status == 1
    assert "sheet says 'Outcome: PASS', record says 'Outcome: FAIL'" in out


def test_a_combined_pdf_with_a_superseded_sheet_is_not_current(db, capsys, tmp_path):
    path, ids = db
    combined = _combined(path, [ids["pass"], ids["other"]], tmp_path / "all.pdf")
    _reopen(path, ids["other"])
    status, out = verify(capsys, path, combined)
    assert status == 3
    first, second = [line for line in out.splitlines() if not line.startswith(" ")]
    assert first.startswith("MATCH ") and second.startswith("NOT CURRENT ")


# --- records that changed behind the app's back ------------------------------------------------


def test_a_sheet_of_a_record_edited_behind_the_apps_back_fails(db, capsys, tmp_path):
    """Triggers dropped, a grade and the digests rewritten: the genuine sheet no longer
    matches a record that itself fails verification."""
    path, ids = db
    sheet = issue(capsys, path, ids["fail"], tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for name in ("agreed_locked_update", "sessions_locked_update", "sessions_digest"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute(
            "UPDATE agreed SET grade = 3 WHERE session_id = ? AND area_id = 'integrity'",
            [ids["fail"]],
        )
    finally:
        conn.close()
    status, out = verify(capsys, path, sheet)
    assert status == 1
    assert "the record in the database failed verification" in out
    assert "the record no longer matches what was signed" in out


def test_a_sheet_of_another_database_is_refused(db, capsys, tmp_path):
    path, ids = db
    sheet = issue(capsys, path, ids["pass"], tmp_path)
    other = tmp_path / "elsewhere" / "sessions.db"
    other.parent.mkdir()
    open_store(other).close()
    status, out = verify(capsys, other, sheet)
    assert status == 1
    assert f"no session {ids['pass']} in this database" in out


# --- not a sheet at all ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content", [b"", b"hello, not a PDF\n", b"%PDF-1.4\ntruncated"], ids=["empty", "text", "cut"]
)
def test_a_file_that_is_not_a_pdf_is_one_line(db, capsys, tmp_path, content):
    path, _ = db
    target = tmp_path / "not-a-sheet.pdf"
    target.write_bytes(content)
    assert "not a readable PDF" in fails(capsys, "--db", path, "verify", target)


def test_a_pdf_that_is_not_a_marking_sheet_is_one_line(db, capsys, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path, _ = db
    target = tmp_path / "letter.pdf"
    canvas = Canvas(str(target))
    canvas.drawString(72, 720, "Dear candidate, thank you for attending.")
    canvas.save()
    assert "not the first page of a pcso-interview marking sheet" in fails(
        capsys, "--db", path, "verify", target
    )


def test_a_missing_file_is_one_line(db, capsys, tmp_path):
    path, _ = db
    assert "no such file" in fails(capsys, "--db", path, "verify", tmp_path / "gone.pdf")


def test_the_register_keeps_what_was_issued(db, capsys, tmp_path):
    """Each issued file: its hash, the record it shows, how, when, by whom; and an audit link."""
    import hashlib

    path, ids = db
    sheet = issue(capsys, path, ids["pass"], tmp_path)
    digest = hashlib.sha256(sheet.read_bytes()).hexdigest()
    store = open_store(path)
    try:
        (part,) = store.issued(digest)
        assert (part.session_id, part.version, part.state, part.how) == (
            ids["pass"],
            1,
            "signed",
            "pdf verb",
        )
        assert part.record_digest == store.sheet_digest(ids["pass"], 1)
        assert [e.new for e in store.audit_trail(ids["pass"]) if e.action == "issue sheet"] == [
            digest
        ]
    finally:
        store.close()

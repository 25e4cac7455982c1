"""The `pdf` and `verify FILE.pdf` verbs: exit 0 on success; a user error is exit 1 and one
line on stderr; `verify` tells a sheet that matches the signed record from one that does not.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import main
from pcso_interview.sheet_check import read_sheet_claim
from reports.marking_sheet import build_sheet
from tests.cli_support import cli, fails
from tests.reports.sheet_support import open_store, scored, sign

DAY, OTHER_DAY = "2025-11-23", "2025-11-24"


pytestmark = pytest.mark.usefixtures("empty_user_profiles")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """Two signed sessions and a draft on one day, a signed one on the next."""
    path = tmp_path_factory.mktemp("sheet-verbs") / "sessions.db"
    store = open_store(path)
    ids = {
        "first": scored(store, ref="C-0100", day=DAY),
        "second": scored(store, ref="C-0101", day=DAY, profile_id="gwent-cso"),
        "draft": scored(store, ref="C-0102", day=DAY),
        "next_day": scored(store, ref="C-0200", day=OTHER_DAY, profile_id="gwent-cso"),
    }
    for key in ("first", "second", "next_day"):
        sign(store, ids[key])
    store.close()
    return path, ids


@pytest.fixture
def db(built, tmp_path) -> tuple[Path, dict[str, str]]:
    """A fresh copy per test: some tests change the database behind the app's back."""
    source, ids = built
    path = tmp_path / "sessions.db"
    path.write_bytes(source.read_bytes())
    return path, ids


def write_sheet(capsys, db_path: Path, session: str, out: Path) -> Path:
    status, stdout, _ = cli(capsys, "--db", db_path, "pdf", session, "-o", out)
    assert status == 0
    (line,) = stdout.splitlines()
    return Path(line.split("  ")[0])


def tamper(db_path: Path, session_id: str) -> None:
    """Change a signed row behind the app's back, as someone with sqlite3 could."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("DROP TRIGGER marks_locked_update")
        conn.execute("DROP TRIGGER marks_locked_update_new")
        changed = conn.execute("UPDATE marks SET note = 'x' WHERE session_id = ?", [session_id])
        assert changed.rowcount > 0
        conn.commit()
    finally:
        conn.close()


# --- pdf ---------------------------------------------------------------------------------------


def test_pdf_of_one_session(db, capsys, tmp_path):
    """The file is named by date and reference and carries the stored digest."""
    path, ids = db
    out = tmp_path / "sheets"
    written = write_sheet(capsys, path, ids["first"], out)
    assert written == out / f"{DAY}_C-0100_v1.pdf"
    assert sorted(p.name for p in out.iterdir()) == [written.name]  # no temporary left
    store = open_store(path)
    try:
        stored = store.verify(ids["first"]).stored_digest
    finally:
        store.close()
    assert read_sheet_claim(written).digest == stored
    assert len(PdfReader(written).pages) > 1


def test_pdf_by_candidate_reference(db, capsys, tmp_path):
    path, _ = db
    written = write_sheet(capsys, path, "C-0200", tmp_path)
    assert written.name == f"{OTHER_DAY}_C-0200_v1.pdf"


def test_pdf_of_a_day_writes_every_signed_session_of_that_day_only(db, capsys, tmp_path):
    """Batch printing after an assessment day: signed sheets only, none from other days."""
    path, _ = db
    out = tmp_path / "day"
    status, stdout, err = cli(capsys, "--db", path, "pdf", "--date", DAY, "-o", out)
    assert status == 0
    expected = [f"{DAY}_C-0100_v1.pdf", f"{DAY}_C-0101_v1.pdf"]
    assert sorted(p.name for p in out.iterdir()) == expected
    assert sorted(Path(line).name for line in stdout.splitlines()) == expected
    assert "2 sheet(s) written" in err
    for name in expected:
        assert read_sheet_claim(out / name).digest


def test_pdf_keeps_both_sheets_when_two_references_share_a_file_name(capsys, tmp_path):
    """ "X/77" and "X:77" on one day both become X-77: the second must not overwrite the first."""
    path = tmp_path / "sessions.db"
    store = open_store(path)
    try:
        slash = scored(store, ref="X/77", day=DAY)
        colon = scored(store, ref="X:77", day=DAY)
        for session_id in (slash, colon):
            sign(store, session_id)
    finally:
        store.close()
    out = tmp_path / "day"
    status, stdout, err = cli(capsys, "--db", path, "pdf", "--date", DAY, "-o", out)
    assert status == 0
    printed = [Path(line) for line in stdout.splitlines()]
    assert len(set(printed)) == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in printed)
    assert f"{DAY}_X-77_v1.pdf" in {p.name for p in printed}
    assert {read_sheet_claim(p).session_id for p in printed} == {slash, colon}
    assert "2 sheet(s) written" in err


def test_pdf_of_a_day_without_signed_sessions_fails(db, capsys, tmp_path):
    path, _ = db
    assert "no signed session on 2025-01-01" in fails(
        capsys, "--db", path, "pdf", "--date", "2025-01-01", "-o", tmp_path / "none"
    )


def test_pdf_unknown_session_fails_with_one_line(db, capsys, tmp_path):
    path, _ = db
    out = tmp_path / "unknown"
    fails(capsys, "--db", path, "pdf", "no-such-session", "-o", out)
    assert not out.exists() or not any(out.iterdir())


def test_pdf_needs_ids_or_a_date(db, capsys, tmp_path):
    path, _ = db
    assert "--date" in fails(capsys, "--db", path, "pdf", "-o", tmp_path / "x")


def test_pdf_with_a_bad_date_fails(db, capsys, tmp_path):
    path, _ = db
    assert "not a date" in fails(
        capsys, "--db", path, "pdf", "--date", "23/11/2025", "-o", tmp_path / "x"
    )


# --- verify FILE.pdf ---------------------------------------------------------------------------


def test_verify_fresh_sheet_matches(db, capsys, tmp_path):
    path, ids = db
    sheet = write_sheet(capsys, path, ids["first"], tmp_path)
    status, out, err = cli(capsys, "--db", path, "verify", sheet)
    assert status == 0, err
    assert out.startswith("MATCH ")
    assert ids["first"] in out and "version 1" in out and "C-0100" in out


def test_verify_after_a_change_behind_the_apps_back_is_a_mismatch(db, capsys, tmp_path):
    """The sheet still says what was signed; the rows no longer do: say so."""
    path, ids = db
    sheet = write_sheet(capsys, path, ids["first"], tmp_path)
    tamper(path, ids["first"])
    status, out, _ = cli(capsys, "--db", path, "verify", sheet)
    assert status == 1
    assert out.startswith("MISMATCH ")
    assert "changed since it was signed" in out


def test_verify_a_sheet_that_claims_another_digest_is_a_mismatch(db, capsys, tmp_path):
    """A sheet edited or forged (here: another candidate name) does not match the record."""
    path, ids = db
    store = open_store(path)
    try:
        session = store.load(ids["first"])
    finally:
        store.close()
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(build_sheet(replace(session, candidate_name="Someone Else")))
    status, out, _ = cli(capsys, "--db", path, "verify", forged)
    assert status == 1
    assert out.startswith("MISMATCH ") and "the sheet says" in out


def test_verify_a_draft_sheet_fails_saying_draft(db, capsys, tmp_path):
    path, ids = db
    sheet = write_sheet(capsys, path, ids["draft"], tmp_path)
    assert "DRAFT" in fails(capsys, "--db", path, "verify", sheet)


@pytest.mark.parametrize(
    "content", [b"", b"hello, not a PDF\n", b"%PDF-1.4\ntruncated"], ids=["empty", "text", "cut"]
)
def test_verify_a_file_that_is_not_a_pdf_fails_with_one_line(db, capsys, tmp_path, content):
    """pypdf's own warnings must not add lines to the one-line error."""
    path, _ = db
    target = tmp_path / "not-a-sheet.pdf"
    target.write_bytes(content)
    assert "not a readable PDF" in fails(capsys, "--db", path, "verify", target)


def test_verify_a_broken_pdf_prints_one_line_in_a_real_process(db, tmp_path):
    """As run from a shell, where no logging is set up: pypdf's warnings ("EOF marker not
    found") would reach stderr through logging's last-resort handler, which pytest hides."""
    path, _ = db
    target = tmp_path / "not-a-sheet.pdf"
    target.write_bytes(b"hello, not a PDF\n")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, str(Path(main.__file__)), "--db", str(path), "verify", str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("error: ") and "not a readable PDF" in line


def test_verify_a_pdf_that_is_not_a_marking_sheet_fails(db, capsys, tmp_path):
    path, _ = db
    target = tmp_path / "letter.pdf"
    canvas = Canvas(str(target), pagesize=A4)
    canvas.drawString(72, 720, "Dear candidate, thank you for attending.")
    canvas.save()
    assert "not a pcso-interview marking sheet" in fails(capsys, "--db", path, "verify", target)


def test_verify_a_sheet_whose_metadata_and_print_disagree_fails(db, capsys, tmp_path):
    """Someone changed the Subject to claim another digest: refuse, do not pick one."""
    path, ids = db
    sheet = write_sheet(capsys, path, ids["first"], tmp_path)
    writer = PdfWriter(clone_from=PdfReader(sheet))
    writer.add_metadata(
        {
            "/Subject": f"pcso-interview marking sheet session={ids['first']} "
            f"version=1 sha256={'0' * 64}"
        }
    )
    edited = tmp_path / "edited.pdf"
    with edited.open("wb") as handle:
        writer.write(handle)
    assert "differs" in fails(capsys, "--db", path, "verify", edited)


def test_verify_a_sheet_of_another_database_fails(db, capsys, tmp_path):
    path, ids = db
    sheet = write_sheet(capsys, path, ids["first"], tmp_path)
    empty = tmp_path / "other.db"
    open_store(empty).close()
    assert "no signed sheet" in fails(capsys, "--db", empty, "verify", sheet)


def test_verify_missing_file_fails(db, capsys, tmp_path):
    path, _ = db
    assert "no such file" in fails(capsys, "--db", path, "verify", tmp_path / "gone.pdf")


def test_version_one_sheet_still_verifies_after_reopen_and_second_signoff(db, capsys, tmp_path):
    """HR reopens, the panel changes a grade and signs again (version 2).

    The version-1 sheet is checked against the digest recorded when version 1 was signed
    (the sheets table never changes), so it still matches as version 1; the version-2 sheet
    matches version 2. A change behind the app's back to the rows now belonging to
    version 2 makes the version-2 sheet a mismatch and leaves version 1's record alone.
    """
    path, ids = db
    session_id = ids["first"]
    v1 = write_sheet(capsys, path, session_id, tmp_path / "v1")
    store = open_store(path)
    try:
        store.reopen(session_id, "Transparency grade entered against the wrong area", "HR Officer")
        session = store.load(session_id)
        area = session.planned_areas[-1]
        for member in session.panel:
            store.grade(session_id, member.id, area.id, 4)
        store.agree(session_id, area.id, 4, "Regraded after HR review.")
        sign(store, session_id)
        assert store.load(session_id).version == 2
        digests = [row["digest"] for row in store.sheets(session_id)]
    finally:
        store.close()
    assert len(set(digests)) == 2

    status, out, _ = cli(capsys, "--db", path, "verify", v1)
    assert status == 0 and out.startswith("MATCH ") and "version 1" in out
    assert digests[0] in out

    v2 = write_sheet(capsys, path, session_id, tmp_path / "v2")
    assert v2.name.endswith("_v2.pdf")
    status, out, _ = cli(capsys, "--db", path, "verify", v2)
    assert status == 0 and "version 2" in out and digests[1] in out

    tamper(path, session_id)
    status, out, _ = cli(capsys, "--db", path, "verify", v2)
    assert status == 1 and out.startswith("MISMATCH ") and "version 2" in out
    status, out, _ = cli(capsys, "--db", path, "verify", v1)
    assert status == 0 and out.startswith("MATCH ") and "version 1" in out


def test_verify_between_reopen_and_second_signoff(db, capsys, tmp_path):
    """While version 2 is being worked on, the version-1 sheet is still the signed record."""
    path, ids = db
    v1 = write_sheet(capsys, path, ids["first"], tmp_path)
    store = open_store(path)
    try:
        store.reopen(ids["first"], "Candidate name misspelt", "HR Officer")
    finally:
        store.close()
    status, out, _ = cli(capsys, "--db", path, "verify", v1)
    assert status == 0 and out.startswith("MATCH ") and "version 1" in out


def test_claim_read_from_the_printed_footer_when_metadata_is_gone(db, capsys, tmp_path):
    """A sheet re-saved without its Subject still names its session, version and digest."""
    path, ids = db
    sheet = write_sheet(capsys, path, ids["first"], tmp_path)
    claim = read_sheet_claim(sheet)
    writer = PdfWriter(clone_from=PdfReader(sheet))
    writer.add_metadata({"/Subject": ""})
    bare = tmp_path / "bare.pdf"
    buffer = io.BytesIO()
    writer.write(buffer)
    bare.write_bytes(buffer.getvalue())
    assert read_sheet_claim(bare) == claim
    status, out, _ = cli(capsys, "--db", path, "verify", bare)
    assert status == 0 and out.startswith("MATCH ")

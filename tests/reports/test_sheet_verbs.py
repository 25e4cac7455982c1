"""The `pdf` verb: exit 0 on success; a user error is exit 1 and one line on stderr. Every
sheet it writes is built from the record, signed when signed off, and registered as issued.
(`verify FILE.pdf` is tested in test_verify_sheet.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.marking_sheet import build_sheet
from tests.cli_support import cli, fails
from tests.reports.sheet_support import (
    footer_claim,
    issue,
    kept_by_an_older_version,
    open_store,
    scored,
    sign,
)

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


# --- pdf ---------------------------------------------------------------------------------------


def test_pdf_of_one_session(db, capsys, tmp_path):
    """The file is named by date and reference and carries the stored digest."""
    path, ids = db
    out = tmp_path / "sheets"
    written = issue(capsys, path, ids["first"], out)
    assert written == out / f"{DAY}_C-0100_v1.pdf"
    assert sorted(p.name for p in out.iterdir()) == [written.name]  # no temporary left
    store = open_store(path)
    try:
        stored = store.verify(ids["first"]).stored_digest
    finally:
        store.close()
    assert footer_claim(written).digest == stored
    assert len(PdfReader(written).pages) > 1


def test_pdf_by_candidate_reference(db, capsys, tmp_path):
    path, _ = db
    written = issue(capsys, path, "C-0200", tmp_path)
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
        assert footer_claim(out / name).digest


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
    assert {footer_claim(p).session_id for p in printed} == {slash, colon}
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


def test_the_pdf_verb_builds_the_same_content_every_time(db, capsys, tmp_path):
    """A pure function of the record in the CLI too: a draft is byte-identical run to run; a
    signed sheet is that same build with the signature added as an increment."""
    path, ids = db
    drafts = [issue(capsys, path, ids["draft"], tmp_path / str(n)) for n in (1, 2)]
    assert drafts[0].read_bytes() == drafts[1].read_bytes()
    signed = [issue(capsys, path, ids["first"], tmp_path / f"s{n}") for n in (1, 2)]
    store = open_store(path)
    try:
        plain = build_sheet(store.load(ids["first"]))
    finally:
        store.close()
    for sheet in signed:
        assert sheet.read_bytes().startswith(plain)
        assert b"/ByteRange" in sheet.read_bytes()[len(plain) :]


def _p12(tmp_path: Path, passphrase: bytes) -> Path:
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Force Assessment Unit")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    target = tmp_path / "force.p12"
    target.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"force", key, cert, None, BestAvailableEncryption(passphrase)
        )
    )
    return target


def test_a_force_key_imported_signs_new_sheets_and_old_ones_still_verify(
    db, capsys, tmp_path, monkeypatch
):
    path, ids = db
    before = issue(capsys, path, ids["first"], tmp_path / "before")
    p12 = _p12(tmp_path, b"correct horse")
    monkeypatch.setenv("PCSO_P12_PASSPHRASE", "wrong")
    assert "passphrase" in fails(capsys, "--db", path, "signing-key", "import", p12)
    monkeypatch.setenv("PCSO_P12_PASSPHRASE", "correct horse")
    status, out, _ = cli(capsys, "--db", path, "signing-key", "import", p12)
    assert status == 0 and "Test Force Assessment Unit" in out
    key_file = path.parent / "keys" / "signing.pem"
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    after = issue(capsys, path, ids["first"], tmp_path / "after")
    status, out, _ = cli(capsys, "--db", path, "verify", after)
    assert status == 0 and "signed by Common Name: Test Force Assessment Unit" in out
    assert "(this installation's key)" in out
    status, out, _ = cli(capsys, "--db", path, "verify", before)  # the retired key
    assert status == 0 and "pcso-interview installation" in out
    assert "(this installation's key)" in out


def test_a_day_of_many_sheets_is_built_by_a_pool_and_every_sheet_verifies(capsys, tmp_path):
    """From eight sheets the pdf verb builds them in worker processes: each is still the
    signed, registered sheet of its own record."""
    from reports.issue import POOL_FROM

    path = tmp_path / "sessions.db"
    store = open_store(path)
    try:
        ids = [scored(store, ref=f"C-{n:04d}", day=DAY) for n in range(POOL_FROM + 1)]
        for session_id in ids:
            sign(store, session_id)
    finally:
        store.close()
    out = tmp_path / "day"
    status, stdout, _ = cli(capsys, "--db", path, "pdf", "--date", DAY, "-o", out)
    assert status == 0
    written = [Path(line.split("  ")[0]) for line in stdout.splitlines()]
    assert len(written) == len(ids)
    claimed = {footer_claim(p).session_id for p in written}
    assert claimed == set(ids)
    for sheet in written[:3]:
        status, verdict, _ = cli(capsys, "--db", path, "verify", sheet)
        assert status == 0 and verdict.startswith("MATCH "), verdict


# --- a batch in which some sheets cannot be written ---------------------------------------------


def _failing_for(monkeypatch, *session_ids: str) -> None:
    """Building these sessions' sheets fails as a layout too large for a page did (reportlab's
    LayoutError, over several lines); every other sheet builds as ever. In this process
    only: batches under POOL_FROM sheets are built here."""
    from reportlab.platypus.doctemplate import LayoutError

    from reports import issue

    real = issue.build_sheet

    def build(session, **kwargs):
        if session.id in session_ids:
            raise LayoutError(
                "Flowable <Table@0x7FEA5A3A6D50 5 rows x 2 cols(tallest row 13163.0)> with"
                " cell(0,0) containing\n'Candidate'(504.6 x 13231.0), tallest cell 13163.0"
                " points,  too large on page 2 in frame 'body'(492.6 x 719.3*) of template"
                " 'sheet'"
            )
        return real(session, **kwargs)

    monkeypatch.setattr(issue, "build_sheet", build)


def test_a_sheet_that_cannot_be_built_is_named_and_every_other_sheet_is_written(
    db, capsys, tmp_path, monkeypatch
):
    """The batch goes on past a sheet that fails: one line on stderr names its session (id
    and reference) and why, the summary counts both, and the exit status is 1."""
    path, ids = db
    _failing_for(monkeypatch, ids["first"])
    out = tmp_path / "day"
    status, stdout, err = cli(capsys, "--db", path, "pdf", "--date", DAY, "-o", out)
    assert status == 1
    assert [Path(line).name for line in stdout.splitlines()] == [f"{DAY}_C-0101_v1.pdf"]
    assert sorted(p.name for p in out.iterdir()) == [f"{DAY}_C-0101_v1.pdf"]  # no temporary
    failure, summary = err.splitlines()
    assert failure.startswith(f"error: sheet not written: session {ids['first']} (C-0100): ")
    assert "LayoutError: " in failure and "too large on page 2" in failure
    assert summary == f"1 sheet(s) written to {out}; 1 not written (named above)"


def test_a_batch_that_writes_nothing_makes_no_folder(db, capsys, tmp_path, monkeypatch):
    path, ids = db
    _failing_for(monkeypatch, ids["first"])
    out = tmp_path / "new" / "sheets"
    status, stdout, err = cli(capsys, "--db", path, "pdf", ids["first"], "-o", out)
    assert status == 1 and stdout == ""
    assert err.splitlines()[-1] == "0 sheet(s) written; 1 not written (named above)"
    assert not (tmp_path / "new").exists()


def test_a_folder_made_for_a_batch_whose_files_all_fail_is_removed(
    db, capsys, tmp_path, monkeypatch
):
    """A full disk, say: the folder the batch made (and its new parent) goes again."""
    import errno

    from reports import issue

    def full(_path, _data, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(issue, "write_atomic", full)
    path, ids = db
    out = tmp_path / "new" / "sheets"
    status, stdout, err = cli(capsys, "--db", path, "pdf", "--date", DAY, "-o", out)
    assert status == 1 and stdout == ""
    *failures, summary = err.splitlines()
    assert (
        f"error: sheet not written: session {ids['first']} (C-0100):"
        f" cannot write {DAY}_C-0100_v1.pdf: No space left on device"
    ) in failures
    assert len(failures) == 2 and summary == "0 sheet(s) written; 2 not written (named above)"
    assert not (tmp_path / "new").exists()


def test_a_sheet_whose_file_cannot_be_written_is_named_and_the_others_are_written(
    db, capsys, tmp_path
):
    """Folders already standing under both names the first sheet may have (its own, and
    with the session id's start): it is named, neither folder is touched, the other is
    written."""
    path, ids = db
    out = tmp_path / "day"
    own = out / f"{DAY}_C-0100_v1.pdf"
    other = out / f"{DAY}_C-0100_v1_{ids['first'][:8]}.pdf"
    for folder in (own, other):
        folder.mkdir(parents=True)
    status, stdout, err = cli(capsys, "--db", path, "pdf", "--date", DAY, "-o", out)
    assert status == 1
    assert [Path(line).name for line in stdout.splitlines()] == [f"{DAY}_C-0101_v1.pdf"]
    assert sorted(out.iterdir()) == sorted([own, other, out / f"{DAY}_C-0101_v1.pdf"])
    assert own.is_dir() and other.is_dir() and not any(own.iterdir())
    failure, summary = err.splitlines()
    assert failure == (
        f"error: sheet not written: session {ids['first']} (C-0100): {own.name} and"
        f" {other.name} already exist and are not this session's sheet of version 1"
        " (neither is replaced)"
    )
    assert summary.startswith("1 sheet(s) written to ")


def test_a_folder_standing_under_a_sheets_name_gets_the_sheet_beside_it(db, capsys, tmp_path):
    path, ids = db
    out = tmp_path / "day"
    (out / f"{DAY}_C-0100_v1.pdf").mkdir(parents=True)
    status, stdout, _ = cli(capsys, "--db", path, "pdf", ids["first"], "-o", out)
    assert status == 0
    (written,) = [Path(line) for line in stdout.splitlines()]
    assert written.name == f"{DAY}_C-0100_v1_{ids['first'][:8]}.pdf"
    assert footer_claim(written).session_id == ids["first"]


def test_an_error_that_stops_the_batch_still_says_which_sheets_were_written(
    db, capsys, tmp_path, monkeypatch
):
    """The database refusing the second sheet's registration stops the batch (every sheet
    after it would fail alike): the first is on disk, listed, and the count says so; the
    unregistered second is not left behind."""
    import sqlite3

    from pcso_interview.store import Store

    real = Store.register_issue
    calls = []

    def register(self, *args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise sqlite3.OperationalError("database is locked")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "register_issue", register)
    path, _ = db
    out = tmp_path / "day"
    status, stdout, err = cli(capsys, "--db", path, "pdf", "--date", DAY, "-o", out)
    assert status == 1
    (first,) = [Path(line) for line in stdout.splitlines()]
    assert sorted(out.iterdir()) == [first]
    told, error = err.splitlines()
    assert told == f"1 sheet(s) written to {out} before the error"
    assert error.startswith("error: ") and "database is locked" in error


def test_a_day_of_many_sheets_with_one_that_cannot_be_built_writes_the_rest_in_the_pool(
    capsys, tmp_path
):
    """A record the sheet cannot be built from (a date edited by hand to 31 November) among
    enough sheets for the pool of worker processes: its failure comes back as a reason, the
    others are written, signed, registered and verify."""
    from reports.issue import POOL_FROM

    path = tmp_path / "sessions.db"
    store = open_store(path)
    try:
        ids = [scored(store, ref=f"C-{n:04d}", day=DAY) for n in range(POOL_FROM + 1)]
    finally:
        store.close()
    bad = ids[3]
    kept_by_an_older_version(path, bad, day="2025-11-31")
    store = open_store(path)
    try:
        for session_id in ids:
            sign(store, session_id)
    finally:
        store.close()
    out = tmp_path / "day"
    status, stdout, err = cli(capsys, "--db", path, "pdf", *ids, "-o", out)
    assert status == 1
    written = [Path(line.split("  ")[0]) for line in stdout.splitlines()]
    assert len(written) == POOL_FROM
    assert {footer_claim(p).session_id for p in written} == set(ids) - {bad}
    assert sorted(out.iterdir()) == sorted(written)
    failure, summary = err.splitlines()
    assert failure == (
        f"error: sheet not written: session {bad} (C-0003):"
        " ValueError: day is out of range for month"
    )
    assert summary == f"{POOL_FROM} sheet(s) written to {out}; 1 not written (named above)"
    for sheet in written[2:5]:
        status, verdict, _ = cli(capsys, "--db", path, "verify", sheet)
        assert status == 0 and verdict.startswith("MATCH "), verdict


# --- output paths --------------------------------------------------------------------------------


def test_pdf_of_an_unknown_session_makes_no_folder(db, capsys, tmp_path):
    path, _ = db
    out = tmp_path / "newdir_for_nothing" / "sheets"
    assert "no-such-session" in fails(capsys, "--db", path, "pdf", "no-such-session", "-o", out)
    assert not (tmp_path / "newdir_for_nothing").exists()


def test_a_sheet_whose_reference_is_five_thousand_characters_is_written(capsys, tmp_path):
    """A reference kept by an older version: the file name is cut (with a hash of the
    session id), the sheet written, and verify finds it."""
    path = tmp_path / "sessions.db"
    store = open_store(path)
    try:
        session_id = scored(store, ref="C-0300", day=DAY)
    finally:
        store.close()
    ref = "Ŵ" * 5_000
    kept_by_an_older_version(path, session_id, ref=ref)
    store = open_store(path)
    try:
        sign(store, session_id)
    finally:
        store.close()
    written = issue(capsys, path, session_id, tmp_path / "pdfs")
    assert written.name.startswith(f"{DAY}_ŴŴŴ") and len(written.name.encode("utf-8")) < 200
    assert footer_claim(written).session_id == session_id
    status, verdict, _ = cli(capsys, "--db", path, "verify", written)
    assert status == 0 and verdict.startswith("MATCH "), verdict[:300]


# --- a folder that already holds sheets ------------------------------------------------------


@pytest.fixture
def namesakes(tmp_path) -> tuple[Path, str, str]:
    """Two candidates given one reference on one day (two laptops' numbering, a typing
    slip): both sheets would be called 2025-03-03_C-0600_v1.pdf."""
    path = tmp_path / "sessions.db"
    store = open_store(path)
    try:
        first = scored(store, ref="C-0600", day="2025-03-03", name="Ann Aubrey")
        second = scored(store, ref="C-0600", day="2025-03-03", name="Bea Bowen")
        for session_id in (first, second):
            sign(store, session_id)
    finally:
        store.close()
    return path, first, second


def test_two_runs_into_one_folder_keep_both_namesakes_sheets(capsys, tmp_path, namesakes):
    """The second run used to replace the first candidate's sheet with its own. Each is kept
    and verifies as its own session; printing either again replaces only its own sheet."""
    path, first, second = namesakes
    out = tmp_path / "dup"
    own = out / "2025-03-03_C-0600_v1.pdf"
    beside = out / f"2025-03-03_C-0600_v1_{second[:8]}.pdf"
    assert issue(capsys, path, first, out) == own
    assert issue(capsys, path, second, out) == beside
    assert issue(capsys, path, first, out) == own  # a reprint
    assert issue(capsys, path, second, out) == beside
    assert sorted(out.iterdir()) == [own, beside]
    for sheet, session_id in ((own, first), (beside, second)):
        assert footer_claim(sheet).session_id == session_id
        status, verdict, _ = cli(capsys, "--db", path, "verify", sheet)
        assert status == 0 and verdict.startswith("MATCH "), verdict


def test_a_file_the_register_does_not_know_is_never_replaced(capsys, tmp_path, namesakes):
    """A file under a sheet's name that this installation did not issue (another laptop's
    sheet, an edited copy, anything) is not this session's sheet: it stays as it was."""
    path, first, _ = namesakes
    out = tmp_path / "dup"
    own = issue(capsys, path, first, out)
    edited = own.read_bytes() + b"\n% edited\n"
    own.write_bytes(edited)
    again = issue(capsys, path, first, out)
    assert again == out / f"2025-03-03_C-0600_v1_{first[:8]}.pdf"
    assert own.read_bytes() == edited
    assert footer_claim(again).session_id == first


def test_a_sheet_is_refused_when_both_its_names_hold_another_candidates_sheet(
    capsys, tmp_path, namesakes
):
    """Even the name with the session id's start holds another's sheet (renamed there by
    hand): the sheet is named as not written, and neither file is touched."""
    path, first, second = namesakes
    out = tmp_path / "dup"
    own = issue(capsys, path, first, out)
    beside = out / f"{own.stem}_{second[:8]}.pdf"
    own.rename(beside)
    issue(capsys, path, first, out)
    before = {p: p.read_bytes() for p in (own, beside)}
    status, stdout, err = cli(capsys, "--db", path, "pdf", second, "-o", out)
    assert status == 1 and stdout == ""
    assert err.splitlines()[0] == (
        f"error: sheet not written: session {second} (C-0600): {own.name} and {beside.name}"
        " already exist and are not this session's sheet of version 1 (neither is replaced)"
    )
    assert {p: p.read_bytes() for p in out.iterdir()} == before


# --- interrupted -------------------------------------------------------------------------------


@pytest.mark.parametrize("step", ["write_atomic", "sign_if_signed"])
def test_a_sheet_interrupted_while_signed_or_written_is_registered_and_printed_first(
    db, capsys, tmp_path, monkeypatch, step
):
    """Ctrl+C arriving just as a sheet's file takes its name (the sheet stayed on disk
    unregistered and unsaid), or while pyHanko signs it (an interrupt inside its asyncio run
    left a task's traceback on stderr): the sheet is signed, written, registered and
    printed, then the batch stops, in one line; no temporary file is left."""
    import signal

    from reports import issue as issuing

    real = getattr(issuing, step)

    def interrupted(*args, **kwargs):
        if step == "write_atomic":
            result = real(*args, **kwargs)
            signal.raise_signal(signal.SIGINT)
            return result
        signal.raise_signal(signal.SIGINT)
        return real(*args, **kwargs)

    monkeypatch.setattr(issuing, step, interrupted)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)  # Python's own
    try:
        path, _ = db
        out = tmp_path / "day"
        status, stdout, err = cli(capsys, "--db", path, "pdf", "--date", DAY, "-o", out)
    finally:
        signal.signal(signal.SIGINT, before)
    assert status == 1
    (printed,) = [Path(line) for line in stdout.splitlines()]
    assert sorted(out.iterdir()) == [printed]
    assert err.splitlines() == [
        f"1 sheet(s) written to {out} before the error",
        "error: interrupted",
    ]
    status, verdict, _ = cli(capsys, "--db", path, "verify", printed)
    assert status == 0, verdict
    assert "by command line (pdf verb)" in verdict and "PDF signature intact" in verdict

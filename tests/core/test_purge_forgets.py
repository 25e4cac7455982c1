"""Purge forgets: after `purge --older-than-retention --yes` no byte of a purged session's
personal data is anywhere in the data folder: not in the database, its WAL or free pages, not
in a backup, the cache or a log, nor in the register of the sheets issued of it. The audit
chain still verifies, with tombstones in its place, and `check` passes."""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pcso_interview import paths
from pcso_interview.demo import signature_png
from pcso_interview.equality import parse_equality_csv
from pcso_interview.session import Member
from pcso_interview.store import Store, opening
from reports.issue import issue
from tests.cli_support import cli
from tests.store_support import (
    Clock,
    grade_all,
    indicators,
    new_session,
    profile,
    read,
    sign_as,
    signed_session,
)

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

CANDIDATE = "Zephaniah Quarterfield"
REFERENCE = "ZQ-7781"
ONLY_HERE = Member("m2", "Oswin Thistlewood", "member", "9191")  # sat on this panel only
CHAIR = Member("m1", "Ann Chair", "chair", "1001")  # sits on others too: not personal to it
SECRETS = [
    CANDIDATE,
    REFERENCE,
    "Thistlewood",
    "Calmed the quarrel at the bakery 4471",
    "Clear example of the bakery quarrel 5290",
    "Rationale about the bakery 9931",
    "Tell us about the bakery incident 5512",
    base64.b64encode(signature_png()).decode("ascii")[40:120],  # the drawn signature
    "Vexillary Heritage 3317",  # an equality group from the recruitment system
    "Quarterfield spring intake 8812",  # a campaign named after the candidate
]


def secrets_in(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {s}" for s in SECRETS if s.encode("utf-8") in data]
    return found


@pytest.fixture
def data_folder(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "sessions.db"
    old = Store.open(path, clock=Clock(datetime(2023, 1, 9, 9, 0, tzinfo=UTC)))
    try:
        plan = profile().planned_areas
        sid = new_session(
            old,
            name=CANDIDATE,
            ref=REFERENCE,
            day="2023-01-09",
            panel=(CHAIR, ONLY_HERE),
            questions={plan[0].id: SECRETS[6]},
        )
        for member in (CHAIR, ONLY_HERE):
            old.classify(sid, member.id, indicators()[0], "demonstrated")
            old.note(sid, member.id, indicators()[0], SECRETS[3])
            old.area_note(sid, member.id, plan[0].id, SECRETS[4])
        old.note(sid, "m1", indicators()[0], SECRETS[3] + " (edited)")  # an older text too
        grade_all(old, sid, {"m1": 3, "m2": 5})
        issue(old, old.load(sid), how="preview print", actor=CHAIR.name)  # a draft printed
        for area in plan:
            old.agree(sid, area.id, 3, SECRETS[5])
        png = base64.b64encode(signature_png()).decode("ascii")
        sign_as(old, sid, "m1", typed_name=CHAIR.name)
        sign_as(old, sid, "m2", signature_png_b64=png)
        old.import_equality(
            parse_equality_csv(f"Candidate reference,Ethnicity\n{REFERENCE},{SECRETS[-2]}\n"),
            "Hana HR",
        )
        old.set_campaign([sid], SECRETS[-1], "Hana HR")
        opening.backup_database(path, "start")
    finally:
        old.close()
    young = Store.open(path)
    try:
        kept = signed_session(young, ref="KEEP-0001", name="Keeper Candidate")
        opening.backup_database(path, "start")
    finally:
        young.close()
    (paths.user_cache_dir()).mkdir(parents=True, exist_ok=True)
    return folder, sid, kept


def test_a_purge_leaves_no_byte_of_the_session_anywhere(data_folder, capsys, monkeypatch):
    folder, sid, kept = data_folder
    path = folder / "sessions.db"
    assert secrets_in(folder)  # the test can see them before
    store = Store.open(path)
    store.add_user("Hana HR", "admin", "a long enough passphrase")
    store.close()
    monkeypatch.setenv("PCSO_PASSPHRASE", "a long enough passphrase")
    # Its signed sheet issued (and the kept one's), outside the data folder: the sheets
    # themselves are the candidate's to keep or shred, the register is the database's.
    sheets = folder.parent / "sheets"
    assert cli(capsys, "--db", path, "pdf", sid, kept, "-o", sheets)[0] == 0
    (sheet,) = sheets.glob(f"*_{REFERENCE}_v1.pdf")
    assert read(path, "SELECT count(*) FROM issued_sheets WHERE session_id = ?", [sid]) == [(2,)]
    status, out, err = cli(
        capsys, "--db", path, "purge", "--older-than-retention", "--yes", "--user", "Hana HR"
    )
    assert status == 0, err
    assert "deleted 1 session(s)" in out
    assert "removed 2 backup(s) that held them; a new backup was taken" in out
    assert secrets_in(folder) == []
    assert secrets_in(paths.user_cache_dir()) == []
    # Its sheets left the register with it; the kept session's stay.
    assert read(path, "SELECT session_id FROM issued_sheets") == [(kept,)]
    # The audit chain still verifies, the purged rows redacted to tombstones, and `check`
    # takes the register's missing rows for the purge they were.
    status, out, _ = cli(capsys, "--db", path, "check")
    assert status == 0, out
    status, out, _ = cli(capsys, "--db", path, "verify", sheet)
    assert status == 3, out
    assert out.startswith(f"NOT CURRENT {sheet}: session {sid} was purged on ")
    assert "by Hana HR" in out
    store = Store.open(path)
    try:
        trail = store.audit_trail(sid)
        assert trail[-1].action == "purge" and trail[-1].subject == "past retention"
        assert all(e.actor == e.subject == e.old == e.new == "" for e in trail[:-1])
        assert store.load(kept).record_problems == ()
        assert [b.sessions for b in opening.backup_candidates(path)] == [1]
    finally:
        store.close()


def test_the_error_log_never_holds_candidate_data(tmp_path, monkeypatch):
    """An exception's message may carry a name; the log keeps the kind and where, not what."""
    from PySide6.QtWidgets import QMessageBox

    from ui import app as ui_app

    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, title, text, *a: shown.append(text))
    )
    log = tmp_path / "error.log"
    ui_app.install_error_hook(log)
    try:
        raise ValueError(f"cannot show {CANDIDATE} ({REFERENCE})")
    except ValueError as exc:
        import sys

        sys.excepthook(type(exc), exc, exc.__traceback__)
    text = log.read_text()
    assert "ValueError" in text and "test_purge_forgets.py" in text
    assert CANDIDATE not in text and REFERENCE not in text
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    assert shown and CANDIDATE in shown[0]  # the person at the screen is told what happened
    assert os.access(log, os.R_OK)

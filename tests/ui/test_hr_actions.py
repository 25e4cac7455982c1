"""HR's actions on selected sessions: the files written and the database afterwards.

Each test works on its own copy of a seeded demo database, selects rows with the mouse as a
HR officer does, and checks files with pypdf / csv and rows with a fresh sqlite3 connection.
"""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from pcso_interview.demo import demo_sessions
from pcso_interview.hr_export import neutralise
from pcso_interview.lifecycle import Status
from pcso_interview.profiles import load_profiles
from pcso_interview.session import Member
from pcso_interview.store import Store
from pcso_interview.store.identity import User
from reports import issue
from reports.verify import MATCH, verify_pdf
from tests.store_support import read
from tests.ui.dialogs import when_modal
from tests.ui.keys import press, type_text
from ui.hr import browser as browser_module
from ui.hr.browser import HrBrowser
from ui.reason_dialog import ReasonDialog

HR_USER = User("Rhian Evans-HR", "admin")  # the signed-in HR account

TODAY = date(2026, 6, 1)
GWENT = "gwent-cso"


def build(path: Path, count: int, seed: int, today: date) -> Path:
    store = Store.open(path)
    store.insert_many(demo_sessions(list(load_profiles([])), count, seed=seed, today=today), "d")
    store.close()
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("hr-actions") / "demo.db", 120, 23, TODAY)


@pytest.fixture(scope="module")
def old_template(tmp_path_factory) -> Path:
    """Sessions from 2023 to 2025: looked at on 1 June 2025, those closed a year before are due."""
    return build(tmp_path_factory.mktemp("hr-purge") / "old.db", 80, 29, date(2025, 1, 1))


def copy_of(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "sessions.db"
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def store(template, tmp_path):
    opened = Store.open(copy_of(template, tmp_path))
    yield opened
    opened.close()


@pytest.fixture
def told(monkeypatch) -> list[str]:
    """QMessageBox.information records its title and text instead of blocking."""
    shown: list[str] = []

    def information(_parent, title, text, *_args):
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    return shown


@pytest.fixture
def make_browser(qtbot, profiles):
    def make(store: Store) -> HrBrowser:
        browser = HrBrowser(store, profiles, HR_USER)
        qtbot.addWidget(browser)
        browser.resize(1600, 800)
        browser.show()
        qtbot.waitExposed(browser)
        return browser

    return make


def choose(combo, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def click_row(browser: HrBrowser, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    table = browser.table
    table.scrollTo(browser.model.index(row, 1))
    rect = table.visualRect(browser.model.index(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def select(browser: HrBrowser, rows: list[int]) -> list[str]:
    """Click the first row, Ctrl+click the others; returns their session ids."""
    click_row(browser, rows[0])
    for row in rows[1:]:
        click_row(browser, row, Qt.KeyboardModifier.ControlModifier)
    chosen = [browser.model.row(r).id for r in rows]
    assert browser.selected_ids() == [browser.model.row(r).id for r in sorted(rows)]
    return chosen


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def digest_of(store: Store, session_id: str) -> str:
    (found,) = read(store.path, "SELECT digest FROM sessions WHERE id = ?", [session_id])
    assert len(found[0]) == 64
    return found[0]


# --- reprint -------------------------------------------------------------------------------------


def test_reprint_writes_one_sheet_per_selected_session(make_browser, store, told, tmp_path):
    browser = make_browser(store)
    choose(browser.status, "signed")
    chosen = select(browser, [0, 2, 5])
    folder = tmp_path / "sheets"
    folder.mkdir()
    written = browser.reprint(folder)
    assert sorted(written) == sorted(folder.iterdir())
    assert len(written) == 3
    for path, session_id in zip(written, chosen, strict=True):
        session = store.load(session_id)
        pages, text = pdf_text(path)
        assert pages >= 1
        assert session.candidate_ref in path.name and session.date in path.name
        assert session.candidate_ref in text
        assert digest_of(store, session_id) in text.replace("\n", "")
        verdict = verify_pdf(store, path)  # issued: signed, registered, provable
        assert verdict.code == MATCH and verdict.signature.intact
        assert verdict.registered[0].how == "HR reprint"
    assert told == [f"Sheets written: 3 sheet(s) written to {folder}."]


def test_the_reprint_button_asks_for_a_folder(make_browser, store, told, tmp_path, monkeypatch):
    browser = make_browser(store)
    choose(browser.status, "signed")
    chosen = select(browser, [1, 3])
    monkeypatch.setattr(browser_module, "choose_folder", lambda *_a, **_k: tmp_path)
    QTest.mouseClick(browser.actions["reprint"], Qt.MouseButton.LeftButton)
    names = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert len(names) == 2
    assert all(any(store.load(i).candidate_ref in n for n in names) for i in chosen)


@pytest.mark.parametrize(
    ("key", "method"),
    [("reprint", "reprint"), ("combined", "reprint_combined"), ("csv", "export_csv")],
)
def test_the_buttons_pass_no_checked_flag_as_the_path(
    make_browser, store, monkeypatch, key, method
):
    """clicked(checked=False) must not arrive as the folder or the file to write."""
    received: list[object] = []

    def record(_self, path: Path | None = None) -> None:  # the real methods' signature
        received.append(path)

    monkeypatch.setattr(HrBrowser, method, record)
    browser = make_browser(store)
    QTest.mouseClick(browser.actions[key], Qt.MouseButton.LeftButton)
    assert received == [None]


def test_sheets_whose_names_would_clash_are_all_written(make_browser, store, told, tmp_path):
    """References that differ only in characters a file name cannot hold must not overwrite."""
    panel = (Member("m1", "Ann Chair", "chair", "1001"), Member("m2", "Bob Member", "member", ""))
    gwent = load_profiles([]).get(GWENT)
    for ref in ("X/77", "X:77"):
        store.create_session(
            gwent,
            candidate_name="Same Day",
            candidate_ref=ref,
            date="2026-05-05",
            venue="HQ",
            panel=panel,
        )
    browser = make_browser(store)
    browser.text.setFocus()
    type_text("same day", browser.text)
    press("Return", browser.text)
    assert browser.model.rowCount() == 2
    select(browser, [0, 1])
    written = browser.reprint(tmp_path)
    assert len(set(written)) == 2
    assert len(list(tmp_path.glob("*.pdf"))) == 2
    texts = {pdf_text(p)[1] for p in written}
    assert any("X/77" in t for t in texts) and any("X:77" in t for t in texts)


def test_one_combined_pdf_holds_every_sheet(make_browser, store, told, tmp_path):
    browser = make_browser(store)
    choose(browser.status, "signed")
    chosen = select(browser, [0, 4, 7])
    folder = tmp_path / "single"
    folder.mkdir()
    singles = browser.reprint(folder)
    combined = browser.reprint_combined(tmp_path / "all.pdf")
    assert combined == tmp_path / "all.pdf"
    verdict = verify_pdf(store, combined)
    assert verdict.code == MATCH and len(verdict.sheets) == len(chosen)
    assert [p.how for p in verdict.registered] == ["HR combined PDF"] * len(chosen)
    pages, text = pdf_text(combined)
    assert pages == sum(pdf_text(p)[0] for p in singles)
    flat = text.replace("\n", "")
    for session_id in chosen:
        assert store.load(session_id).candidate_ref in text
        assert digest_of(store, session_id) in flat


def test_stopping_the_combined_pdf_writes_nothing(make_browser, store, told, tmp_path, monkeypatch):
    """Stop after the first of three sheets: no partial PDF that passes for the whole selection."""
    browser = make_browser(store)
    choose(browser.status, "signed")
    select(browser, [0, 1, 2])
    sheets_done: list[int] = []

    def press_stop_after_first(store_, sessions, path, *, progress, **kwargs):
        def progress_then_stop(done: int) -> bool:
            sheets_done.append(done)
            if done == 1:
                (dialog,) = browser.findChildren(QProgressDialog)
                dialog.findChild(QPushButton).click()  # the dialog's "Stop" button
            return progress(done)

        return issue.issue_combined(store_, sessions, path, progress=progress_then_stop, **kwargs)

    monkeypatch.setattr(browser_module, "issue_combined", press_stop_after_first)
    folder = tmp_path / "out"
    folder.mkdir()
    assert browser.reprint_combined(folder / "all.pdf") is None
    assert sheets_done == [1]  # it really stopped early
    assert list(folder.iterdir()) == []
    assert told == ["Stopped: No PDF was written: it was stopped before every sheet was in it."]


def _one_sheet_fails(make_browser, store, monkeypatch, rows: list[int], bad: int):
    """The browser with the signed sessions at ``rows`` selected, and the session at
    ``rows[bad]``, whose sheet cannot be built (as a layout too large for a page could not);
    every other builds as ever. Three sheets are built in this process, not a pool."""
    from reportlab.platypus.doctemplate import LayoutError

    browser = make_browser(store)
    choose(browser.status, "signed")
    failing = store.load(select(browser, rows)[bad])
    real = issue.build_sheet

    def build(session, **kwargs):
        if session.id == failing.id:
            raise LayoutError("Flowable <Table> with cell(0,0) too large on page 2")
        return real(session, **kwargs)

    monkeypatch.setattr(issue, "build_sheet", build)
    return browser, failing


def test_reprint_names_a_sheet_that_could_not_be_built_and_writes_the_others(
    make_browser, store, told, warnings_shown, tmp_path, monkeypatch
):
    browser, bad = _one_sheet_fails(make_browser, store, monkeypatch, [0, 2, 5], 1)
    folder = tmp_path / "sheets"
    folder.mkdir()
    written = browser.reprint(folder)
    assert len(written) == 2 and sorted(written) == sorted(folder.iterdir())
    assert not any(bad.candidate_ref in p.name for p in written)
    assert told == []
    (shown,) = warnings_shown
    assert shown.startswith(f"Not written: 2 sheet(s) written to {folder}.\n\n")
    assert f"session {bad.id} ({bad.candidate_ref}): LayoutError: " in shown
    assert "too large on page 2" in shown


def test_a_combined_pdf_is_not_written_without_a_sheet_that_could_not_be_built(
    make_browser, store, told, warnings_shown, tmp_path, monkeypatch
):
    browser, bad = _one_sheet_fails(make_browser, store, monkeypatch, [0, 1, 2], 2)
    folder = tmp_path / "out"
    folder.mkdir()
    assert browser.reprint_combined(folder / "all.pdf") is None
    assert list(folder.iterdir()) == []
    (shown,) = warnings_shown
    assert shown.startswith("Not written: The PDF could not be written: ")
    assert f"session {bad.id} ({bad.candidate_ref}): LayoutError: " in shown


# --- CSV -----------------------------------------------------------------------------------------


def exported(qtbot, job) -> Path:
    """The export's file once its job has finished (off the window's thread)."""
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=30_000)
    assert job.state == "done", job.error
    return job.result.path


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so a spreadsheet reads it as UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_has_a_row_per_selected_session_with_its_figures(qtbot, make_browser, store, tmp_path):
    browser = make_browser(store)
    choose(browser.profile, GWENT)
    chosen = select(browser, [0, 1, 3, 6])
    path = exported(qtbot, browser.export_csv(tmp_path / "campaign.csv"))
    assert browser.job_bar.label.text() == f"✓ Wrote 4 session(s) to {path}."
    assert path.stat().st_mode & 0o777 == 0o600  # personal data: the owner's only
    rows = read_csv(path)
    assert [r["session_id"] for r in rows] == chosen
    areas = load_profiles([]).get(GWENT).planned_areas
    assert [c for c in rows[0] if c.startswith("agreed: ")] == [f"agreed: {a.name}" for a in areas]
    for row in rows:
        session = store.load(row["session_id"])
        outcome = session.outcome
        for area in areas:
            grade = session.agreed_grade(area.id)
            assert row[f"agreed: {area.name}"] == ("" if grade is None else str(grade))
        assert row["weighted_total"] == str(outcome.weighted_total)
        assert row["weighted_max"] == str(outcome.weighted_max)
        assert row["percentage"] == outcome.percentage_text
        expected = "withdrawn" if session.status is Status.WITHDRAWN else outcome.result.value
        assert row["outcome"] == expected
        assert row["candidate_reference"] == session.candidate_ref
        assert row["candidate_name"] == neutralise(session.candidate_name)
        assert row["status"] == session.status.value


def test_csv_neutralises_formula_cells(qtbot, make_browser, store, tmp_path):
    gwent = load_profiles([]).get(GWENT)
    panel = (Member("m1", "Ann Chair", "chair", "1001"), Member("m2", "Bob Member", "member", ""))
    names = ['=HYPERLINK("http://x")', "@SUM(1)", "+1", "-1+2"]
    for n, name in enumerate(names):
        store.create_session(
            gwent,
            candidate_name=name,
            candidate_ref=f"F-00{n}",
            date="2026-05-20",
            venue="HQ",
            panel=panel,
        )
    browser = make_browser(store)
    choose(browser.profile, GWENT)
    browser.text.setFocus()
    type_text("f-00", browser.text)
    press("Return", browser.text)
    assert browser.model.rowCount() == len(names)
    browser.table.setFocus()
    press("Ctrl+A", browser.table)
    path = exported(qtbot, browser.export_csv(tmp_path / "formulas.csv"))
    rows = read_csv(path)
    assert sorted(r["candidate_name"] for r in rows) == sorted("'" + n for n in names)
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r"))
            assert not value.startswith("-") or value.lstrip("-").replace(".", "").isdigit()


def test_csv_of_two_profiles_has_every_area_of_both(qtbot, make_browser, store, tmp_path):
    browser = make_browser(store)
    chosen = select(browser, [0, 1, 2])
    assert len({store.load(i).profile.id for i in chosen}) > 1
    rows = read_csv(exported(qtbot, browser.export_csv(tmp_path / "mixed.csv")))
    assert [r["session_id"] for r in rows] == chosen
    for row in rows:
        session = store.load(row["session_id"])
        assert row["profile"] == session.profile.id
        for area in session.planned_areas:
            (column,) = [
                c
                for c in row
                if c.startswith("agreed: ") and area.name in c.removeprefix("agreed: ").split(" / ")
            ]
            grade = session.agreed_grade(area.id)
            assert row[column] == ("" if grade is None else str(grade))


def test_choosing_the_database_itself_as_the_export_file_writes_nothing_over_it(
    qtbot, make_browser, store, told, warnings_shown
):
    """A save dialog's "Replace?" answered yes on sessions.db must not lose every session: the
    CSV and the combined PDF are refused and the database is as it was."""
    browser = make_browser(store)
    choose(browser.status, "signed")
    select(browser, [0, 1])
    before = store.count_sessions()
    job = browser.export_csv(store.path)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=30_000)
    assert browser.reprint_combined(store.path) is None
    assert warnings_shown == [
        "Not exported: The file could not be written: the file is a database (or part of one),"
        " which is never written over: choose another file",
        "Not written: The PDF could not be written: the file is a database (or part of one),"
        " which is never written over: choose another file",
    ]
    assert store.path.read_bytes().startswith(b"SQLite format 3\x00")
    assert store.count_sessions() == before
    assert read(store.path, "SELECT count(*) FROM sessions") == [(before,)]


def test_actions_with_nothing_selected_say_so(make_browser, store, told, tmp_path):
    browser = make_browser(store)
    browser.table.clearSelection()
    browser.table.setCurrentIndex(browser.model.index(-1, -1))
    out = tmp_path / "out"
    out.mkdir()
    assert browser.export_csv(out / "x.csv") is None
    assert browser.reprint(out) == []
    assert browser.reprint_combined(out / "all.pdf") is None
    assert browser.reopen() == 0
    assert browser.withdraw() == 0
    assert told == ["Nothing selected: Select one or more sessions first."] * 5
    assert list(out.iterdir()) == []


# --- reopen and withdraw -------------------------------------------------------------------------


def answer(monkeypatch, reply: str | None) -> list[str]:
    """ReasonDialog.ask returns ``reply``; the titles asked are recorded."""
    asked: list[str] = []

    def ask(_parent, title, _prompt):
        asked.append(title)
        return reply

    monkeypatch.setattr(ReasonDialog, "ask", staticmethod(ask))
    return asked


def snapshot(store: Store, session_id: str):
    return store.load(session_id), store.audit_trail(session_id)


def test_reopen_without_a_reason_changes_nothing(make_browser, store, monkeypatch):
    browser = make_browser(store)
    choose(browser.status, "signed")
    (session_id,) = select(browser, [2])
    before = snapshot(store, session_id)
    asked = answer(monkeypatch, None)
    QTest.mouseClick(browser.actions["reopen"], Qt.MouseButton.LeftButton)
    assert asked == ["Reopen signed sessions"]
    assert snapshot(store, session_id) == before
    assert read(store.path, "SELECT status, version FROM sessions WHERE id = ?", [session_id]) == [
        ("signed", 1)
    ]


def test_the_real_reason_dialog_keeps_ok_disabled_without_text(qtbot, make_browser, store):
    browser = make_browser(store)
    choose(browser.status, "signed")
    (session_id,) = select(browser, [0])
    before = snapshot(store, session_id)
    seen: list[str] = []

    def try_blank(dialog: ReasonDialog) -> None:
        assert not dialog.ok_button.isEnabled()
        type_text("   ", dialog.reason)
        assert not dialog.ok_button.isEnabled()
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # does nothing
        assert dialog.isVisible()
        type_text("x", dialog.reason)
        assert dialog.ok_button.isEnabled()  # so the check above could have failed
        dialog.reason.clear()
        assert not dialog.ok_button.isEnabled()
        seen.append("checked")
        # when_modal rejects it in any case

    when_modal(ReasonDialog, try_blank, seen)
    assert browser.reopen() == 0
    assert seen == ["checked"]
    assert QApplication.activeModalWidget() is None
    assert snapshot(store, session_id) == before


def test_reopen_with_a_reason_is_audited_and_makes_version_two(make_browser, store, monkeypatch):
    browser = make_browser(store)
    choose(browser.status, "signed")
    chosen = select(browser, [0, 3])
    reason = "Grade for Integrity recorded against the wrong candidate."
    answer(monkeypatch, reason)
    changed: list[bool] = []
    browser.changed.connect(lambda: changed.append(True))
    QTest.mouseClick(browser.actions["reopen"], Qt.MouseButton.LeftButton)
    for session_id in chosen:
        assert read(
            store.path, "SELECT status, version FROM sessions WHERE id = ?", [session_id]
        ) == [("reopened", 2)]
        last = read(
            store.path,
            "SELECT action, subject, actor, old, new FROM audit WHERE session_id = ?"
            " ORDER BY id DESC LIMIT 1",
            [session_id],
        )
        assert last == [("reopen", reason, HR_USER.name, "signed v1", "reopened v2")]
    assert changed == [True]
    # the list follows: the signed filter no longer shows them
    shown = {browser.model.row(r).id for r in range(browser.model.rowCount())}
    assert not shown & set(chosen)


def test_reopening_a_session_still_being_scored_is_refused(
    make_browser, store, monkeypatch, warnings_shown
):
    browser = make_browser(store)
    choose(browser.status, "scoring")
    (session_id,) = select(browser, [0])
    before = snapshot(store, session_id)
    answer(monkeypatch, "No reason is enough for this.")
    assert browser.reopen() == 0
    assert len(warnings_shown) == 1
    assert snapshot(store, session_id) == before


def test_reopening_a_mixed_selection_reports_the_refusals_once(
    make_browser, store, monkeypatch, warnings_shown
):
    """Two signed and three still being scored: two reopened, one warning naming the three."""
    browser = make_browser(store)
    statuses = [browser.model.row(r).status for r in range(browser.model.rowCount())]
    signed = [r for r, s in enumerate(statuses) if s == "signed"][:2]
    scoring = [r for r, s in enumerate(statuses) if s == "scoring"][:3]
    assert len(signed) == 2 and len(scoring) == 3
    chosen = select(browser, signed + scoring)
    refused = chosen[2:]
    before = {session_id: snapshot(store, session_id) for session_id in refused}
    answer(monkeypatch, "Wrong candidate on the sheet.")
    changed: list[bool] = []
    browser.changed.connect(lambda: changed.append(True))
    assert browser.reopen() == 2
    assert len(warnings_shown) == 1
    (shown,) = warnings_shown
    assert shown.startswith("Not all done: 2 of 5 session(s) reopened; 3 refused. Not reopened:\n")
    lines = shown.splitlines()[1:]
    assert len(lines) == 3
    for line, session_id in zip(lines, sorted(refused, key=chosen.index), strict=True):
        session = store.load(session_id)
        assert line.startswith(f"• {session.candidate_ref} {session.candidate_name}: ")
        assert "cannot move to reopened" in line  # why, in the rule's own words
    for session_id in chosen[:2]:
        assert read(
            store.path, "SELECT status, version FROM sessions WHERE id = ?", [session_id]
        ) == [("reopened", 2)]
    for session_id in refused:
        assert snapshot(store, session_id) == before[session_id]
    assert changed == [True]


def test_withdraw_with_a_reason_locks_and_audits(make_browser, store, monkeypatch):
    browser = make_browser(store)
    choose(browser.status, "scoring")
    (session_id,) = select(browser, [1])
    asked = answer(monkeypatch, "Did not attend the second part.")
    QTest.mouseClick(browser.actions["withdraw"], Qt.MouseButton.LeftButton)
    assert asked == ["Withdraw"]
    assert read(
        store.path,
        "SELECT status, withdrawn_reason, outcome FROM sessions WHERE id = ?",
        [session_id],
    ) == [("withdrawn", "Did not attend the second part.", "withdrawn")]
    last = store.audit_trail(session_id)[-1]
    assert (last.action, last.subject, last.actor, last.old, last.new) == (
        "withdraw",
        "Did not attend the second part.",
        HR_USER.name,
        "scoring",
        "withdrawn",
    )


def test_withdraw_without_a_reason_changes_nothing(make_browser, store, monkeypatch):
    browser = make_browser(store)
    choose(browser.status, "scoring")
    (session_id,) = select(browser, [0])
    before = snapshot(store, session_id)
    answer(monkeypatch, None)
    assert browser.withdraw() == 0
    assert snapshot(store, session_id) == before


# --- purge ---------------------------------------------------------------------------------------


@pytest.fixture
def old_store(old_template, tmp_path):
    """Its clock says 1 June 2025, so only sessions closed before June 2024 are due."""
    opened = Store.open(
        copy_of(old_template, tmp_path), clock=lambda: datetime(2025, 6, 1, 12, tzinfo=UTC)
    )
    yield opened
    opened.close()


def reply(monkeypatch, button) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_purge_deletes_exactly_the_sessions_past_retention(
    make_browser, old_store, monkeypatch, told
):
    due = {row.id for row in old_store.purge_candidates()}
    before = {r[0] for r in read(old_store.path, "SELECT id FROM sessions")}
    assert 0 < len(due) < len(before)
    asked = reply(monkeypatch, QMessageBox.StandardButton.Yes)
    browser = make_browser(old_store)
    QTest.mouseClick(browser.actions["purge"], Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and f"Delete {len(due)} closed session(s)" in asked[0]
    after = {r[0] for r in read(old_store.path, "SELECT id FROM sessions")}
    assert after == before - due
    purged = read(old_store.path, "SELECT session_id, actor FROM audit WHERE action = 'purge'")
    assert sorted(purged) == sorted((i, HR_USER.name) for i in due)
    for table in ("members", "grades", "marks", "agreed", "signoffs", "sheets"):
        left = read(old_store.path, f"SELECT DISTINCT session_id FROM {table}")
        assert not {r[0] for r in left} & due, table
    assert told == [f"Purged: Deleted {len(due)} session(s); the audit log records each one."]
    assert browser.model.rowCount() == len(after)
    assert browser.count.text() == f"{len(after):,} session(s)"  # not the count before


def test_purge_answered_no_deletes_nothing(make_browser, old_store, monkeypatch):
    before = read(old_store.path, "SELECT id FROM sessions ORDER BY id")
    asked = reply(monkeypatch, QMessageBox.StandardButton.No)
    browser = make_browser(old_store)
    assert old_store.purge_candidates()
    assert browser.purge() == 0
    assert len(asked) == 1
    assert read(old_store.path, "SELECT id FROM sessions ORDER BY id") == before
    assert read(old_store.path, "SELECT count(*) FROM audit WHERE action = 'purge'") == [(0,)]


def test_purge_on_a_locked_database_says_so_and_deletes_nothing(
    make_browser, old_store, monkeypatch, warnings_shown
):
    before = read(old_store.path, "SELECT id FROM sessions ORDER BY id")
    browser = make_browser(old_store)

    def locked():
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(old_store, "purge_candidates", locked)
    QTest.mouseClick(browser.actions["purge"], Qt.MouseButton.LeftButton)
    assert len(warnings_shown) == 1
    assert warnings_shown[0].startswith("Could not read: The database could not be read")
    assert read(old_store.path, "SELECT id FROM sessions ORDER BY id") == before


# --- import ----------------------------------------------------------------------------------


def test_import_brings_another_laptops_session_and_refuses_a_tampered_one_in_one_summary(
    make_browser, store, tmp_path, warnings_shown
):
    """HR imports in the window what the command line imports, through the same use case."""
    from pcso_interview import bundle
    from tests.store_support import signed_session

    laptop = Store.open(tmp_path / "laptop-2.db")
    try:
        sid = signed_session(laptop, ref="C-LAPTOP2")
        data = bundle.session_to_dict(laptop.load(sid), laptop.verify(sid).stored_digest)
    finally:
        laptop.close()
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    bundle.write_json(good, data)
    data["session"]["candidate"]["name"] = "Someone Else"
    bundle.write_json(bad, data)
    before = read(store.path, "SELECT count(*) FROM sessions")[0][0]
    browser = make_browser(store)

    assert browser.import_files([good, bad]) == 1
    assert read(store.path, "SELECT count(*) FROM sessions")[0][0] == before + 1
    assert store.load(sid).candidate_ref == "C-LAPTOP2"
    (shown,) = warnings_shown
    assert shown.startswith("Not all imported: 1 of 2 file(s) imported or already here.")
    assert "imported session" in shown and "tampered" in shown
    actors = read(store.path, "SELECT actor FROM audit WHERE session_id = ? LIMIT 1", [sid])
    assert actors == [(HR_USER.name,)]


# --- a list that changed since it was shown ------------------------------------------------------

LIST_CHANGED = (
    "The list changed: The list changed since it was shown (another window or the interview"
    " tab saved sessions); it has been read again: check the selection and try again."
)
AUTUMN = "Autumn 2026 intake"


def shown_ids(browser: HrBrowser) -> list[str]:
    """Every row of the list, as scrolling down it would show them (each page read)."""
    return [browser.model.row(r).id for r in range(browser.model.total)]


def next_candidate(store: Store) -> str:
    """The panel creates the next candidate's session (in the Interview tab of the same
    window, another window or at the command line): it sorts first in HR's list."""
    return store.create_session(
        load_profiles([]).get(GWENT),
        candidate_name="Zed Newcomer",
        candidate_ref="Z-1",
        date="2026-06-30",
        venue="HQ",
        panel=(Member("m1", "Ann Chair", "chair", ""),),
    )


def select_all(browser: HrBrowser) -> None:
    click_row(browser, 0)
    QTest.keyClick(browser.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert browser.selected_count() == browser.model.total > browser_module.PAGE_ROWS


def moved_to(store: Store, campaign: str) -> set[str]:
    rows = read(
        store.path, "SELECT session_id FROM session_campaigns WHERE campaign = ?", [campaign]
    )
    return {session_id for (session_id,) in rows}


def set_campaign_of_selection(qtbot, browser: HrBrowser, campaign: str):
    job = browser.set_campaign(campaign)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    return job


def test_select_all_moves_every_shown_session_to_a_campaign(qtbot, make_browser, store):
    browser = make_browser(store)
    shown = shown_ids(browser)
    assert len(shown) == 120
    select_all(browser)
    job = set_campaign_of_selection(qtbot, browser, AUTUMN)
    assert (job.state, job.result) == ("done", 120)
    assert moved_to(store, AUTUMN) == set(shown)


def test_set_campaign_on_a_list_changed_since_it_was_shown_moves_nothing_and_reads_it_again(
    qtbot, make_browser, store, warnings_shown
):
    """Select-all on 120 shown rows after the next candidate's session was made elsewhere:
    the rows' numbers, read again, moved the unseen new session and left a shown one out."""
    browser = make_browser(store)
    shown = shown_ids(browser)
    new_id = next_candidate(store)
    select_all(browser)
    job = set_campaign_of_selection(qtbot, browser, AUTUMN)
    assert job.state == "failed"
    assert moved_to(store, AUTUMN) == set()
    assert read(store.path, "SELECT count(*) FROM audit WHERE action = 'campaign'") == [(0,)]
    assert warnings_shown == [LIST_CHANGED]
    assert browser.job_bar.label.text() == "✗ Not moved."
    # Read again: the new session is in it, and nothing is selected any more.
    assert browser.model.total == 121 and browser.model.row(0).id == new_id
    assert browser.count.text() == "121 session(s)"
    assert browser.selected_ranges() == []
    # Selected again on the list as it now is, every row it shows is moved.
    select_all(browser)
    job = set_campaign_of_selection(qtbot, browser, AUTUMN)
    assert (job.state, job.result) == ("done", 121)
    assert moved_to(store, AUTUMN) == {*shown, new_id}
    assert len(warnings_shown) == 1


def test_reopen_on_a_list_changed_since_it_was_shown_reopens_nothing_and_reads_it_again(
    make_browser, store, monkeypatch, warnings_shown
):
    browser = make_browser(store)
    shown_ids(browser)
    new_id = next_candidate(store)
    select_all(browser)
    asked = answer(monkeypatch, "Grades recorded against the wrong candidates.")
    QTest.mouseClick(browser.actions["reopen"], Qt.MouseButton.LeftButton)
    assert asked == []  # no reason is asked for what will not be done
    assert read(store.path, "SELECT count(*) FROM sessions WHERE status = 'reopened'") == [(0,)]
    assert read(store.path, "SELECT count(*) FROM audit WHERE action = 'reopen'") == [(0,)]
    assert warnings_shown == [LIST_CHANGED]
    assert browser.model.total == 121 and browser.model.row(0).id == new_id
    assert browser.selected_ranges() == []


def test_reopening_every_shown_session_reopens_each_closed_one(
    make_browser, store, monkeypatch, warnings_shown
):
    browser = make_browser(store)
    shown = shown_ids(browser)
    closed = read(store.path, "SELECT id FROM sessions WHERE status IN ('signed', 'withdrawn')")
    assert 0 < len(closed) < len(shown)
    select_all(browser)
    asked = answer(monkeypatch, "Grades recorded against the wrong candidates.")
    assert browser.reopen() == len(closed)
    assert asked == ["Reopen signed sessions"]
    reopened = read(store.path, "SELECT id FROM sessions WHERE status = 'reopened'")
    assert set(reopened) == set(closed)
    (refusals,) = warnings_shown  # the sessions still open, in one box
    assert refusals.startswith(f"Not all done: {len(closed)} of 120 session(s) reopened;")


def test_a_change_that_moves_no_row_the_list_holds_leaves_the_selection_good(
    qtbot, make_browser, store, warnings_shown
):
    """Another window moved a shown session to another campaign: every row the list read is
    where it was and as many match, so select-all still moves the 120 shown."""
    browser = make_browser(store)
    shown = shown_ids(browser)
    store.set_campaign([shown[5]], "Elsewhere", "Another HR officer")
    select_all(browser)
    job = set_campaign_of_selection(qtbot, browser, AUTUMN)
    assert (job.state, job.result) == ("done", 120)
    assert moved_to(store, AUTUMN) == set(shown)
    assert warnings_shown == []


def test_a_change_among_rows_the_list_never_read_makes_a_large_selection_refused(
    qtbot, make_browser, store, warnings_shown
):
    """Rows the list never read cannot be compared: after any change, select-all is refused
    rather than trusted."""
    browser = make_browser(store)
    assert browser.model.held_ids([(100, 119)]) is None  # the second page was never shown
    unread = store.session_ids(browser.model.query)[110]
    store.set_campaign([unread], "Elsewhere", "Another HR officer")
    select_all(browser)
    job = set_campaign_of_selection(qtbot, browser, AUTUMN)
    assert job.state == "failed" and moved_to(store, AUTUMN) == set()
    assert warnings_shown == [LIST_CHANGED]


def test_a_reprint_does_not_make_the_next_action_on_the_list_refused(
    qtbot, make_browser, store, told, tmp_path, warnings_shown
):
    """Issuing sheets is audited but changes no row of the list: HR's own reprint, then
    Set campaign on everything, moves everything."""
    browser = make_browser(store)
    select(browser, [0, 1])
    assert len(browser.reprint(tmp_path)) == 2
    assert browser.model.held_ids([(100, 119)]) is None
    select_all(browser)
    job = set_campaign_of_selection(qtbot, browser, AUTUMN)
    assert (job.state, job.result) == ("done", 120)
    assert warnings_shown == []


def test_export_of_a_list_changed_since_it_was_shown_writes_nothing_and_reads_it_again(
    qtbot, make_browser, store, tmp_path, warnings_shown
):
    browser = make_browser(store)
    next_candidate(store)
    select_all(browser)
    target = tmp_path / "everything.csv"
    job = browser.export_csv(target)
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert job.state == "failed" and not target.exists()
    assert warnings_shown == [LIST_CHANGED]
    assert browser.job_bar.label.text() == "✗ Not exported."
    assert browser.model.total == 121


def test_the_hr_list_is_read_again_when_shown_after_the_interview_tab_made_a_session(
    qtbot, store, open_window
):
    from ui.hr.sign_in import SignInForm

    store.add_user("Rhian Evans", "admin", "correct horse battery")
    window = open_window(store)
    window.modes.setCurrentWidget(window.hr_tab)
    form = window.hr_tab.widget.findChild(SignInForm)
    form.name.setFocus()
    type_text("Rhian Evans")
    form.passphrase.setFocus()
    type_text("correct horse battery")
    press("Return")
    browser = window.hr_tab.widget.findChild(HrBrowser)
    assert browser is not None and browser.model.total == 120
    window.modes.setCurrentWidget(window.session_list)
    new_id = next_candidate(store)  # as the panel's New session does, on this window's store
    window.modes.setCurrentWidget(window.hr_tab)
    assert browser.model.total == 121 and browser.model.row(0).id == new_id
    assert browser.count.text() == "121 session(s)"

"""The app on the archive (HR review and Statistics only), and "Send to force archive" in a
laptop's HR review, offscreen, on the real server."""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QMessageBox

from pcso_interview.profiles import load_profiles
from pcso_interview.store.identity import User
from tests.archive.laptops import laptop, signed_day
from tests.ui.reach import clashes

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    """Message boxes say what they would say, without blocking the run."""
    shown: list[str] = []

    def box(kind):
        def show(_parent, title, text, *_args, **_kwargs):
            shown.append(f"{kind} {title}: {text}")
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    return shown


def test_send_to_force_archive_from_a_laptops_hr_review(qtbot, tmp_path, archive, boxes):
    from ui.hr.browser import HrBrowser

    store = laptop(tmp_path)
    signed_day(store, 3)
    browser = HrBrowser(store, load_profiles([]), User("Hana HR", "admin"))
    qtbot.addWidget(browser)
    assert not browser.actions["send"].isHidden()
    report = browser.send_to_archive(archive.url("laptop_a"))
    assert report is not None and report.sessions_sent == 3
    assert boxes == [
        "information Force archive: Sent 3 signed version(s) of 3 session(s); 0"
        " session(s) already in the archive."
    ]
    assert store.get_state("archive.url") == archive.url("laptop_a")
    again = browser.send_to_archive(archive.url("laptop_a"))
    assert again is not None and again.sent == []
    assert "Nothing to send" in boxes[-1]
    assert browser.send_to_archive("postgresql://laptop_a:secret@archive.example/x") is None
    assert "pgpass" in boxes[-1]
    store.close()


def test_the_app_on_the_archive_shows_hr_review_and_statistics_only(
    qtbot, tmp_path, archive, boxes
):
    from pcso_interview.store.archive.push import push
    from ui.app import start_window
    from ui.archive_window import ArchiveWindow
    from ui.hr.review_dialog import SessionReviewDialog

    store = laptop(tmp_path)
    ids = signed_day(store, 4)
    push(store, archive.url("laptop_a"))
    window = start_window(argparse.Namespace(db=archive.url(), profiles=[]))
    assert isinstance(window, ArchiveWindow)
    qtbot.addWidget(window)
    tabs = [window.modes.tabText(i) for i in range(window.modes.count())]
    assert tabs == ["HR &review", "S&tatistics"]
    browser = window.hr_browser
    browser.apply_filters()
    assert browser.model.total == 4
    assert {browser.model.row(i).id for i in range(4)} == set(ids)
    hidden_keys = ("import", "equality", "campaign", "reopen", "withdraw", "purge", "pin")
    for hidden in (*hidden_keys, "account", "send"):
        assert browser.actions[hidden].isHidden(), hidden
    for shown in ("open", "reprint", "combined", "csv"):
        assert not browser.actions[shown].isHidden(), shown
    assert clashes(window) == {}  # every Alt key on the screen is one control's
    browser.text.setText("c-0002")
    browser.apply_filters()
    assert browser.model.total == 1
    dialog = SessionReviewDialog(window.store, ids[0])
    qtbot.addWidget(dialog)
    assert dialog.audit.rows and dialog.sheets.rows[0]["version"] == 1
    window.modes.setCurrentIndex(1)
    statistics = window.statistics_tab.ensure()
    statistics.profile.setCurrentIndex(statistics.profile.findData("kent-crime-prevention-pcso"))
    statistics.refresh()
    # Worked out on a job's thread with its own connection to the archive (no prompt).
    qtbot.waitUntil(lambda: not statistics.busy, timeout=30_000)
    assert statistics.insight is not None and statistics.insight.candidates == 4
    # Campaigns are not pushed: on the archive each session is in its default campaign.
    kent = [c for c in window.store.campaigns() if c.startswith("Kent Police · ")]
    assert len(kent) == 1
    assert window.store.campaign_of(ids[0]) == kent[0]
    assert window.store.equality_rows(ids) == []
    assert clashes(window) == {}
    assert boxes == []
    window.close()
    store.close()


def test_an_archive_that_cannot_be_opened_is_explained(qtbot, archive, boxes):
    from ui.app import start_window

    assert start_window(argparse.Namespace(db=archive.url("laptop_a"), profiles=[])) is None
    assert len(boxes) == 1 and "may not read the archive" in boxes[0]


def test_the_archive_window_opens_in_welsh_with_lang_cy_and_switches_back(
    qtbot, tmp_path, archive, boxes
):
    """--lang cy was ignored on the archive (the language was chosen only for a laptop's
    database), and the archive window had no Language menu. Its Alt keys are unique in Welsh."""
    from pcso_interview.app_args import app_parser
    from pcso_interview.store.archive.push import push
    from ui import i18n
    from ui.app import start_window
    from ui.archive_window import ArchiveWindow

    store = laptop(tmp_path)
    signed_day(store, 2)
    push(store, archive.url("laptop_a"))
    args = app_parser().parse_args(["--db", archive.url(), "--lang", "cy"])
    try:
        window = start_window(argparse.Namespace(db=args.db, profiles=[], lang=args.lang))
        assert isinstance(window, ArchiveWindow)
        qtbot.addWidget(window)
        tabs = [window.modes.tabText(i) for i in range(window.modes.count())]
        assert tabs == ["Adolygiad AD (&R)", "Ys&tadegau"]
        assert window.hr_browser.model.total == 2
        assert clashes(window) == {}
        window.modes.setCurrentIndex(1)
        window.statistics_tab.ensure()
        assert clashes(window) == {}
        window.language_actions["en"].trigger()
        tabs = [window.modes.tabText(i) for i in range(window.modes.count())]
        assert tabs == ["HR &review", "S&tatistics"]
        assert window.windowTitle().startswith("PCSO interview — force archive")
        assert boxes == []
        window.close()
    finally:
        i18n.install("en")
        store.close()


def test_closing_the_archive_window_ends_a_running_job_first(qtbot, tmp_path, archive, boxes):
    """Closed while Statistics were being worked out, the archive's window left the job's
    thread running on (Qt aborts the app when a running QThread is destroyed at exit); the
    laptop's window stops and waits for its jobs, and so does the archive's now."""
    from pcso_interview.store.archive.push import push
    from ui.app import start_window
    from ui.hr import jobs

    store = laptop(tmp_path)
    signed_day(store, 4)
    push(store, archive.url("laptop_a"))
    store.close()
    window = start_window(argparse.Namespace(db=archive.url(), profiles=[]))
    qtbot.addWidget(window)
    window.modes.setCurrentIndex(1)
    statistics = window.statistics_tab.ensure()
    job = statistics.refresh()
    assert job is not None and job.running
    threads = set(jobs._running)
    assert threads
    window.close()
    assert all(t.isFinished() for t in threads)  # stopped and waited for before it closed


def test_an_export_on_the_archive_after_a_push_changed_its_list_writes_nothing_and_reads_it_again(
    qtbot, tmp_path, archive, boxes, monkeypatch
):
    """The archive keeps no marker of its list's changes: the ids a large selection resolves
    to are compared with the rows the list read, and a push that put a session before them
    makes the export write nothing; the list is read again and the user told."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from pcso_interview.store.archive.push import push
    from pcso_interview.store.archive.read import ArchiveStore
    from ui.hr import browser as browser_module
    from ui.hr.browser import HrBrowser

    monkeypatch.setattr(browser_module, "PAGE_ROWS", 2)  # three rows resolve in one query
    store = laptop(tmp_path)
    signed_day(store, 3)
    push(store, archive.url("laptop_a"))
    hr = ArchiveStore.open(archive.url())
    browser = HrBrowser(hr, load_profiles([]), User(hr.login, "hr"))
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    shown = [browser.model.row(r).id for r in range(browser.model.total)]
    assert len(shown) == 3
    (newer,) = signed_day(store, 1, prefix="D", day="2025-03-04")
    push(store, archive.url("laptop_a"))

    def export(name: str):
        browser.table.setFocus()
        QTest.keyClick(browser.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        job = browser.export_csv(tmp_path / name)
        assert job is not None
        qtbot.waitUntil(lambda: not job.running, timeout=30_000)
        return job

    job = export("stale.csv")
    assert job.state == "failed" and not (tmp_path / "stale.csv").exists()
    assert boxes == [
        "warning The list changed: The list changed since it was shown (another window or the"
        " interview tab saved sessions); it has been read again: check the selection and try"
        " again."
    ]
    assert browser.model.total == 4 and browser.model.row(0).id == newer
    job = export("all.csv")
    assert job.state == "done" and job.result.sessions == 4
    assert len(boxes) == 1
    browser.close()
    hr.close()
    store.close()

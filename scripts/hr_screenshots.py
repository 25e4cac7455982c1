"""Offscreen screenshots of HR's screens at 1366x768, for review (not committed).

    .venv/bin/python scripts/hr_screenshots.py [OUT_DIR]

Builds a throwaway database (seeded demo sessions, plus one session scored, signed, reopened
with a reason and signed again, so its audit trail and sheets have something to show) and
writes PNGs into OUT_DIR (default: out/hr-screenshots):

    hr-01-browser-all.png          the HR review mode, every session
    hr-02-browser-filtered.png     filtered by text, profile and status, rows selected
    hr-03-review-panel.png         a signed session read-only, as the panel saw it
    hr-04-review-consensus.png     the same, on its consensus page
    hr-05-review-audit.png         its audit trail, from the start
    hr-06-review-audit-end.png     ... and its end: the reopening and the second sign-off
    hr-07-review-sheets.png        its signed sheets (two versions)
    hr-08-statistics-mean.png ...  the statistics mode, one picture per chart tab
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QWidget

from pcso_interview.demo import demo_sessions, sign_for_demo
from pcso_interview.profiles import load_profiles
from pcso_interview.scoring import Classification
from pcso_interview.session import Member
from pcso_interview.store import Store
from ui.hr.browser import HrBrowser
from ui.hr.review_dialog import SessionReviewDialog
from ui.hr.statistics_view import StatisticsView
from ui.main_window import MainWindow

SIZE = (1366, 768)
TODAY = date(2026, 11, 23)
PANEL = (
    Member("m1", "Gwenllïan Ŵyn", "chair", "4471"),
    Member("m2", "Llŷr Pembury", "member", "PC 2210"),
)


def save(widget: QWidget, out: Path, name: str) -> None:
    app = QApplication.instance()
    widget.resize(*SIZE)
    widget.show()
    for _ in range(3):
        app.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def show_mode(window: MainWindow, title: str) -> None:
    """Click the main window's mode tab with this title (modes may be built when first shown)."""
    titles = [window.modes.tabText(i) for i in range(window.modes.count())]
    window.modes.setCurrentIndex(titles.index(title))
    QApplication.processEvents()


def reviewed_session(store: Store, profiles) -> str:
    """Scored, signed, reopened by HR with a reason, corrected and signed again (version 2)."""
    gwent = profiles.get("gwent-cso")
    session_id = store.create_session(
        gwent,
        candidate_name="Ffion Lewis-Morgan",
        candidate_ref="C-26-0412",
        date="2026-11-02",
        venue="Headquarters, Interview Room 1",
        panel=PANEL,
        questions={"emotionally-aware": "Tell us about a time you stayed calm when provoked."},
    )
    cycle = [Classification.DEMONSTRATED, Classification.PARTLY, Classification.DEMONSTRATED]
    for m_index, member in enumerate(PANEL):
        for a_index, area in enumerate(gwent.planned_areas):
            for i_index, indicator in enumerate(area.indicators[:4]):
                store.classify(session_id, member.id, indicator.id, cycle[i_index % 3])
            store.note(
                session_id,
                member.id,
                area.indicators[0].id,
                "Calmed a neighbour dispute by listening first; explained the options.",
            )
            store.grade(session_id, member.id, area.id, 3 + (m_index + a_index) % 2)
    for a_index, area in enumerate(gwent.planned_areas):
        store.agree(session_id, area.id, 3 + a_index % 2)
    for member in PANEL:
        sign_for_demo(store, session_id, member.id, typed_name=member.name)
    store.reopen(
        session_id,
        "The chair recorded 4 for Ownership; the panel agreed 3 (see the chair's notes).",
        "hr.officer",
    )
    ownership = gwent.planned_areas[1].id
    store.agree(session_id, ownership, 3, actor="Gwenllïan Ŵyn")
    for member in PANEL:
        sign_for_demo(store, session_id, member.id, typed_name=member.name)
    return session_id


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/hr-screenshots")
    out.mkdir(parents=True, exist_ok=True)
    _app = QApplication.instance() or QApplication([])  # keeps Qt alive
    profiles = load_profiles([])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "hr-screens.db")
        store.insert_many(demo_sessions(list(profiles), 600, seed=2026, today=TODAY), "demo")
        session_id = reviewed_session(store, profiles)

        window = MainWindow(store, profiles, today=TODAY)
        window.resize(*SIZE)
        window.show()
        user = store.add_user("Rhian Evans", "admin", "correct horse battery")
        show_mode(window, "HR &review")
        save(window, out, "hr-00-sign-in")
        window.hr_session.sign_in(user)
        browser = window.findChild(HrBrowser)
        save(window, out, "hr-01-browser-all")
        browser.profile.setCurrentIndex(browser.profile.findData("south-wales-pcso"))
        browser.status.setCurrentIndex(browser.status.findData("signed"))
        browser.text.setText("ŵyn")
        browser.apply_filters()
        selection = browser.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in (0, 2):
            selection.select(browser.model.index(row, 0), flags)
        save(window, out, "hr-02-browser-filtered")

        dialog = SessionReviewDialog(store, session_id)
        save(dialog, out, "hr-03-review-panel")
        dialog.view.go_to("consensus")
        save(dialog, out, "hr-04-review-consensus")
        dialog.tabs.setCurrentIndex(1)
        save(dialog, out, "hr-05-review-audit")
        dialog.tabs.currentWidget().scrollToBottom()  # the reopening and the second sign-off
        save(dialog, out, "hr-06-review-audit-end")
        dialog.tabs.setCurrentIndex(2)
        save(dialog, out, "hr-07-review-sheets")
        dialog.close()

        show_mode(window, "S&tatistics")
        statistics = window.findChild(StatisticsView)
        statistics.profile.setCurrentIndex(statistics.profile.findData("south-wales-pcso"))
        for index, key in enumerate(statistics.chart_views):
            statistics.charts.setCurrentIndex(index)
            save(window, out, f"hr-{8 + index:02d}-statistics-{key}")
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

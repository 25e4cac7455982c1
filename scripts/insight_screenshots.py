"""Offscreen screenshots of HR insight at 1366x768, for review (not committed).

    .venv/bin/python scripts/insight_screenshots.py [--lang cy|en] [OUT_DIR]

Builds a throwaway database of invented sessions (seeded demo data) with invented
equality-monitoring data (a characteristic with a group under 5, to show the suppression),
two campaigns named by HR, and a few grades changed after reveal, then writes PNGs into
OUT_DIR (default: out/insight-screenshots):

    insight-01-mean.png ... insight-07-drift.png   each statistics tab, every profile
    insight-08-impact-gwent-campaign.png           adverse impact of one campaign: small groups
    insight-08-assessors-gwent.png                 the assessors of one profile and campaign
    insight-09-agreement-gwent.png                 agreement per area of one profile
    insight-10-browser-groups.png                  HR review grouped by campaign, after an export
    chart-impact.png, chart-assessors.png          charts as "Export chart as PNG" writes them
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pcso_interview.demo import demo_sessions
from pcso_interview.equality import parse_equality_csv
from pcso_interview.profiles import load_profiles
from pcso_interview.store import SessionQuery, Store
from pcso_interview.store.identity import User
from ui.hr.browser import HrBrowser
from ui.hr.statistics_view import TABS, StatisticsView

SIZE = (1366, 768)
TODAY = date(2026, 11, 23)
ETHNICITY = (  # invented shares; the last group is small on purpose
    ("White", 78),
    ("Asian or Asian British", 9),
    ("Black, Black British, Caribbean or African", 6),
    ("Mixed or multiple ethnic groups", 4),
    ("Other ethnic group", 2),
    ("Not stated", 1),
)


def save(widget: QWidget, out: Path, name: str) -> None:
    widget.resize(*SIZE)
    widget.show()
    QTest.qWait(150)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def settle(view: StatisticsView) -> None:
    """Until the figures are worked out (on their own thread; the work starts once the
    screen is painted, so a view just shown is busy before its job exists)."""
    while view.busy:
        if view.job is not None and view.job.running:
            loop = QEventLoop()
            view.job.finished.connect(loop.quit)
            loop.exec()
        else:
            QTest.qWait(20)
    QTest.qWait(50)


def build(store: Store) -> None:
    profiles = list(load_profiles([]))
    store.insert_many(demo_sessions(profiles, 1500, seed=2026, today=TODAY), "demo")
    rng = random.Random(7)
    groups = [g for g, _ in ETHNICITY]
    weights = [w for _, w in ETHNICITY]
    lines = ["Candidate reference,Ethnic group,Sex,Disability"]
    for (ref,) in store.conn.execute("SELECT candidate_ref FROM sessions"):
        lines.append(
            f'{ref},"{rng.choices(groups, weights)[0]}",{rng.choice(["Female", "Male"])},'
            f"{rng.choices(['No', 'Yes', 'Prefer not to say'], [85, 12, 3])[0]}"
        )
    lines.append("C-99999,White,Female,No")  # no such candidate: listed as unmatched
    print(store.import_equality(parse_equality_csv("\n".join(lines)), "Rhian Evans").describe())
    gwent = store.session_ids(SessionQuery(profile_id="gwent-cso", date_from="2026-01-01"))
    store.set_campaign(gwent[: len(gwent) // 2], "Gwent PCSO spring 2026 intake", "Rhian Evans")
    store.set_campaign(gwent[len(gwent) // 2 :], "Gwent PCSO autumn 2026 intake", "Rhian Evans")


def main() -> int:
    words = sys.argv[1:]
    language = "en"
    if "--lang" in words:  # Welsh strings run longer: look at both
        at = words.index("--lang")
        language = words[at + 1]
        del words[at : at + 2]
    default = "out/insight-screenshots" + ("" if language == "en" else f"-{language}")
    out = Path(words[0] if words else default)
    out.mkdir(parents=True, exist_ok=True)
    _app = QApplication.instance() or QApplication([])  # keeps Qt alive
    from ui import i18n

    i18n.install(language)
    profiles = load_profiles([])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "insight.db")
        build(store)
        view = StatisticsView(store, profiles)
        view.resize(*SIZE)
        view.show()
        settle(view)
        for index, (key, _, _) in enumerate(TABS):
            view.charts.setCurrentIndex(index)
            save(view, out, f"insight-{index + 1:02d}-{key}")
            if key in ("impact", "assessors"):
                view.export_png(out / f"chart-{key}.png")
        view.profile.setCurrentIndex(view.profile.findData("gwent-cso"))
        settle(view)
        view.campaign.setCurrentIndex(view.campaign.findData("Gwent PCSO spring 2026 intake"))
        settle(view)
        view.charts.setCurrentIndex([k for k, _, _ in TABS].index("impact"))
        save(view, out, "insight-08-impact-gwent-campaign")
        view.every_assessor.setChecked(True)
        view.charts.setCurrentIndex([k for k, _, _ in TABS].index("assessors"))
        save(view, out, "insight-08-assessors-gwent")
        view.campaign.setCurrentIndex(0)
        settle(view)
        view.charts.setCurrentIndex([k for k, _, _ in TABS].index("agreement"))
        save(view, out, "insight-09-agreement-gwent")
        view.close()

        browser = HrBrowser(store, profiles, User("Rhian Evans", "admin"))
        browser.resize(*SIZE)
        browser.show()
        QTest.qWait(100)
        browser.grouping.setCurrentIndex(browser.grouping.findData("campaign"))
        while browser.groups_busy:
            QTest.qWait(20)
        browser.table.selectAll()
        job = browser.export_csv(Path(tmp) / "everything.csv")
        if job is not None and job.running:
            loop = QEventLoop()
            job.finished.connect(loop.quit)
            loop.exec()
        save(browser, out, "insight-10-browser-groups")
        browser.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

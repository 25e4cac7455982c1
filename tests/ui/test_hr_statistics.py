"""The statistics view shows, charts and exports the figures an independent SQL count gives,
worked out off the window's thread; every chart names its profile, campaign, dates and n."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from pcso_interview.demo import demo_sessions
from pcso_interview.hr_export import neutralise
from pcso_interview.insight import Selection, compute, figures_csv_rows, gather
from pcso_interview.profiles import load_profiles
from pcso_interview.session import Member
from pcso_interview.store import Store
from tests.store_support import ANN, EXAMPLE_FORCE_FILE, read, signed_session
from ui.hr.statistics_view import MAX_ASSESSORS, StatisticsView

TODAY = date(2026, 6, 1)
GWENT = "gwent-cso"
KENT = "kent-crime-prevention-pcso"
FORMULA_MEMBER = Member("m2", "=SUM(A1)", "member", "")


@pytest.fixture(scope="module")
def stats_store(tmp_path_factory):
    """Seeded demo sessions, and one signed Gwent session with a formula for a member's name."""
    path = tmp_path_factory.mktemp("hr-statistics") / "sessions.db"
    store = Store.open(path)
    store.insert_many(demo_sessions(list(load_profiles([])), 200, seed=31, today=TODAY), "d")
    signed_session(store, 2, profile_id=GWENT, panel=(ANN, FORMULA_MEMBER), day="2026-01-15")
    yield store
    store.close()


SIGNED = "s.profile_id = ? AND s.status = 'signed' AND s.date >= ? AND s.date <= ?"


def percent(count: int, total: int) -> str:
    """One decimal place, half up, with integers only."""
    tenths = (2000 * count + total) // (2 * total)
    return f"{tenths // 10}.{tenths % 10}%"


def expected_figures(store: Store, profile_id: str, start: str, end: str) -> dict:
    """Every figure as plain SQL aggregates (these consensus profiles record agreed grades)."""
    params = [profile_id, start, end]
    ((candidates, passes),) = read(
        store.path,
        f"SELECT count(*), sum(s.outcome = 'pass') FROM sessions s WHERE {SIGNED}",
        params,
    )
    mean = dict(
        read(
            store.path,
            "SELECT a.area_id, avg(a.grade) FROM agreed a JOIN sessions s ON s.id = a.session_id"
            f" WHERE {SIGNED} GROUP BY a.area_id",
            params,
        )
    )
    failing = {
        area: percent(count, total)
        for area, count, total in read(
            store.path,
            "SELECT a.area_id, sum(a.grade < 3), count(*) FROM agreed a"
            f" JOIN sessions s ON s.id = a.session_id WHERE {SIGNED} GROUP BY a.area_id",
            params,
        )
    }
    spread = {
        area: percent(count, total)
        for area, count, total in read(
            store.path,
            "SELECT area_id, sum(flagged), count(*) FROM (SELECT g.area_id,"
            " max(g.grade) - min(g.grade) >= 2 AS flagged FROM grades g"
            f" JOIN sessions s ON s.id = g.session_id WHERE {SIGNED}"
            " GROUP BY g.session_id, g.area_id) GROUP BY area_id",
            params,
        )
    }
    # Own grade minus the mean of the co-panelists' grades on the same area of the session.
    assessors = dict(
        read(
            store.path,
            "SELECT CASE m.number WHEN '' THEN m.name ELSE m.name || ' (' || m.number || ')' END,"
            " avg(g.grade - (o.total - g.grade) * 1.0 / (o.n - 1)) FROM grades g"
            " JOIN members m ON m.session_id = g.session_id AND m.member_id = g.member_id"
            " JOIN (SELECT session_id, area_id, sum(grade) AS total, count(*) AS n FROM grades"
            " GROUP BY session_id, area_id) o"
            " ON o.session_id = g.session_id AND o.area_id = g.area_id AND o.n > 1"
            f" JOIN sessions s ON s.id = g.session_id WHERE {SIGNED} GROUP BY 1"
            " HAVING count(*) >= 10",
            params,
        )
    )
    return {
        "candidates": candidates,
        "pass rate": percent(passes, candidates),
        "mean": mean,
        "fail": failing,
        "spread": spread,
        "assessors": assessors,
    }


@pytest.fixture
def view(qtbot, stats_store, profiles):
    shown = StatisticsView(stats_store, profiles)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    settled(qtbot, shown)
    return shown


def settled(qtbot, view: StatisticsView) -> None:
    """Until the figures for the current selection are worked out (on their own thread)."""
    qtbot.waitUntil(lambda: not view.busy, timeout=30_000)
    view.draw_every_chart()  # each is drawn when its tab is first shown


def choose(qtbot, view: StatisticsView, profile_id: str, start: str, end: str) -> None:
    view.profile.setCurrentIndex(view.profile.findData(profile_id))
    view.date_from.set_value(date.fromisoformat(start))
    view.date_to.set_value(date.fromisoformat(end))
    settled(qtbot, view)


def bar_values(view: StatisticsView, key: str) -> dict[str, float]:
    chart = view.chart_views[key].chart()
    (series,) = chart.series()
    (bars,) = series.barSets()
    (categories,) = [a for a in series.attachedAxes() if hasattr(a, "categories")]
    labels = categories.categories()
    assert len(labels) == bars.count()
    return {labels[i]: bars.at(i) for i in range(bars.count())}


def leniency_points(view: StatisticsView) -> dict[str, float]:
    """The assessors chart: each dot's value by the label of its row."""
    chart = view.chart_views["assessors"].chart()
    (dots,) = [s for s in chart.series() if s.name().startswith("Mean")]
    (names,) = [a for a in dots.attachedAxes() if hasattr(a, "categoriesLabels")]
    labels = names.categoriesLabels()
    return {labels[int(p.y())].split(" · n=")[0]: p.x() for p in dots.points()}


def table(view: StatisticsView, key: str) -> list[list[str]]:
    model = view.models[key]
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


@pytest.mark.parametrize(
    ("profile_id", "start", "end"),
    [(GWENT, "2024-01-01", "2026-12-31"), (KENT, "2025-01-01", "2025-12-31")],
)
def test_summary_tables_and_charts_show_the_independent_figures(
    qtbot, view, stats_store, profiles, profile_id, start, end
):
    choose(qtbot, view, profile_id, start, end)
    expected = expected_figures(stats_store, profile_id, start, end)
    assert expected["candidates"] >= 10
    summary = view.summary.text()
    assert f"<b>{expected['candidates']}</b> signed session(s)" in summary
    assert f"pass rate <b>{expected['pass rate']}</b>" in summary

    profile = profiles.get(profile_id)
    rows = {r[0]: r for r in table(view, "areas")}
    assert list(rows) == [a.name for a in profile.planned_areas]
    names = {str(i): a.id for i, a in enumerate(profile.planned_areas, start=1)}
    for i, area in enumerate(profile.planned_areas, start=1):
        assert f"{i} {area.name}" in view.key.text()  # the numbers are explained
        row = rows[area.name]
        assert float(row[2]) == pytest.approx(expected["mean"][area.id], abs=0.0051)
        assert row[3] == expected["fail"][area.id]
        assert row[4] == expected["spread"][area.id]
    for key in ("mean", "fail", "spread"):
        values = bar_values(view, key)
        assert list(values) == list(names)
        for label, area_id in names.items():
            want = expected[key][area_id]
            if key == "mean":  # two places, as in the table
                assert values[label] == pytest.approx(want, abs=0.0051), (key, label)
            else:  # the table's percentage, to its one decimal place
                assert values[label] == float(want.rstrip("%")), (key, label)
    points = leniency_points(view)
    expected_short = expected["assessors"]
    assert len(points) == min(MAX_ASSESSORS, len(expected_short))
    for label, value in points.items():  # the furthest from their co-panelists
        assert value == pytest.approx(expected_short[label], abs=0.0051)
    left_out = [abs(v) for k, v in expected_short.items() if k not in points]
    assert min(abs(v) for v in points.values()) >= max(left_out, default=0) - 0.0051
    assert [r[0] for r in table(view, "assessors")] == sorted(
        expected_short, key=lambda k: (expected_short[k], k)
    )


def test_every_chart_names_its_profile_campaign_dates_and_n(qtbot, view, stats_store):
    choose(qtbot, view, GWENT, "2024-01-01", "2026-12-31")
    n = expected_figures(stats_store, GWENT, "2024-01-01", "2026-12-31")["candidates"]
    for key, chart_view in view.chart_views.items():
        title = chart_view.chart().title()
        assert "Gwent Police · Community Support Officer" in title, key
        assert "2024-01-01 to 2026-12-31" in title and f"n = {n} signed session(s)" in title, key
    campaign = view.campaign.itemData(1)
    view.campaign.setCurrentIndex(1)
    settled(qtbot, view)
    assert f"campaign {campaign}" in view.chart_views["impact"].chart().title()


def test_an_empty_range_shows_dashes_not_errors(qtbot, view):
    choose(qtbot, view, GWENT, "2030-01-01", "2030-12-31")
    assert "<b>0</b> signed session(s)" in view.summary.text()
    assert "pass rate <b>-</b>" in view.summary.text()
    assert set(bar_values(view, "mean").values()) == {0.0}
    assert leniency_points(view) == {}
    assert table(view, "impact") == [] and table(view, "assessors") == []


def test_a_locked_database_is_said_in_plain_words(
    qtbot, view, stats_store, monkeypatch, warnings_shown
):
    """No error hook, no figures left over from the previous filters: a plain warning."""
    choose(qtbot, view, GWENT, "2024-01-01", "2026-12-31")
    assert view.insight is not None and view.models["areas"].rowCount() > 0

    def locked(*_args, **_kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Store, "session_facts", locked)  # the job's own connection too
    view.date_from.set_value(date(2025, 1, 1))
    settled(qtbot, view)
    assert len(warnings_shown) == 1
    assert warnings_shown[0].startswith("Could not read: The database could not be read")
    assert "database is locked" in warnings_shown[0]
    assert view.insight is None
    assert all(model.rowCount() == 0 for model in view.models.values())
    assert "not shown" in view.summary.text()
    assert view.export_csv() is None  # nothing to export, and no file dialog asked


def test_stop_leaves_no_figures_and_a_newer_selection_wins(qtbot, view, monkeypatch):
    """Stop ends the work with nothing shown; figures of an earlier selection that finish
    after a newer one was asked for are never shown."""
    import threading

    from pcso_interview import insight

    gate = threading.Event()
    real = insight.compute

    def held(gathered, selection, steps=None):
        gate.wait(10)
        return real(gathered, selection, steps)

    monkeypatch.setattr("ui.hr.statistics_view.compute", held)
    choose_now = view.profile.findData(KENT)
    view.profile.setCurrentIndex(choose_now)
    first = view.job
    assert first is not None and first.running
    view.profile.setCurrentIndex(view.profile.findData(GWENT))  # a newer selection
    second = view.job
    assert second is not first and first.stopping
    view.job_bar.stop()  # Stop, as the button does
    gate.set()
    settled(qtbot, view)
    qtbot.waitUntil(lambda: not first.running)
    assert second.state == "stopped" and view.insight is None
    assert view.job_bar.label.text() == "Stopped: the figures are not shown."
    view.refresh()
    settled(qtbot, view)
    assert view.insight is not None and view.insight.selection.profile_id == GWENT


def test_the_spread_texts_follow_the_scoring_threshold(qtbot, stats_store, profiles, monkeypatch):
    """The words say the threshold the figures use, so changing it changes them too."""
    from ui.hr import statistics_view

    monkeypatch.setattr(statistics_view, "SPREAD_FLAG_AT", 3)
    shown = StatisticsView(stats_store, profiles)
    qtbot.addWidget(shown)
    shown.show()
    choose(qtbot, shown, GWENT, "2024-01-01", "2026-12-31")
    spread_tab = list(shown.chart_views).index("spread")
    assert shown.charts.tabText(spread_tab) == "&Spread 3+"
    chart = shown.chart_views["spread"].chart()
    assert "Areas with a spread of 3 or more between members (%)" in chart.title()
    (series,) = chart.series()
    assert series.barSets()[0].label() == "Spread 3+ (%)"
    assert shown.models["areas"].headerData(4, Qt.Orientation.Horizontal) == "Spread of 3+"


def test_png_export_writes_each_chart_and_says_where(qtbot, view, tmp_path):
    choose(qtbot, view, GWENT, "2024-01-01", "2026-12-31")
    for index in range(view.charts.count()):
        view.charts.setCurrentIndex(index)
        path = view.export_png(tmp_path / f"chart-{index}.png")
        assert path.stat().st_mode & 0o777 == 0o600
        assert view.job_bar.label.text() == f"✓ Wrote the chart to {path}."
        image = QImage(str(path))
        assert not image.isNull()
        shown = view.charts.currentWidget().size()
        assert (image.width(), image.height()) == (shown.width(), shown.height())
        assert image.width() > 300 and image.height() > 200
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 2, index  # a chart, not a blank picture


def test_csv_export_writes_every_figure_neutralised(qtbot, view, stats_store, tmp_path):
    view.every_assessor.setChecked(True)
    choose(qtbot, view, GWENT, "2024-01-01", "2026-12-31")
    selection = Selection(GWENT, "", "2024-01-01", "2026-12-31")
    insight = compute(gather(stats_store, selection), selection)
    path = view.export_csv(tmp_path / "figures.csv")
    assert path.stat().st_mode & 0o777 == 0o600
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    expected = figures_csv_rows(insight, every_assessor=True, profile_names=view.names)
    assert rows == [[neutralise(c) for c in row] for row in expected]
    assert rows[0] == [
        "selection",
        "Gwent Police · Community Support Officer · 2024-01-01 to 2026-12-31",
    ]
    assert "'=SUM(A1)" in [r[0] for r in rows if r]  # the formula member's name, made inert
    assert any(r[3].startswith("-") and not r[3].startswith("'") for r in rows if len(r) == 7)


def test_every_value_of_the_areas_table_is_in_sight(qtbot, view):
    """At 1366x768 the long area names wrap; they must not push the figures out of view."""
    choose(qtbot, view, "south-wales-pcso", "2024-01-01", "2026-12-31")
    table_view = view.tables["areas"]
    header = table_view.horizontalHeader()
    last = view.models["areas"].columnCount() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert right <= table_view.viewport().width()
    assert table_view.horizontalScrollBar().maximum() == 0


def test_the_models_pass_the_model_tester(qtbot, qtmodeltester, view):
    from PySide6.QtCore import qInstallMessageHandler

    reports: list[str] = []
    previous = qInstallMessageHandler(
        lambda _kind, context, message: reports.append(f"{context.category}: {message}")
    )
    try:
        for model in view.models.values():
            qtmodeltester.check(model)
    finally:
        qInstallMessageHandler(previous)
    assert [r for r in reports if r.startswith("qt.modeltest")] == []


def test_the_statistics_view_loads_without_the_pdf_libraries():
    """Its date filter once came from the browser, which pulled in reportlab and pypdf."""
    code = (
        "import sys, ui.hr.statistics_view; "
        "print(sorted(m for m in ('reportlab', 'pypdf', 'ui.hr.browser') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_in_welsh_the_tabs_titles_and_tables_are_welsh_and_the_data_is_not(
    qtbot, stats_store, profiles
):
    """Issue 19 with issue 16: the insight screen in Welsh. Area, group and assessor names are
    data and stay as they are; every fixed word is Welsh."""
    from ui import i18n

    assert i18n.install("cy") == "cy"
    try:
        welsh = StatisticsView(stats_store, profiles)
        qtbot.addWidget(welsh)
        welsh.resize(1366, 768)
        welsh.show()
        qtbot.waitExposed(welsh)
        choose(qtbot, welsh, GWENT, "2024-01-01", "2026-12-31")
        tabs = [welsh.charts.tabText(i) for i in range(welsh.charts.count())]
        assert tabs[0] == "Cymedr (&G)" and tabs[3] == "Effaith andwyol (&C)"
        titles = {k: v.chart().title() for k, v in welsh.chart_views.items()}
        assert "Gwent Police · Community Support Officer" in titles["mean"]  # force data
        assert "2024-01-01 i 2026-12-31" in titles["mean"]
        assert "sesiwn wedi'i llofnodi" in titles["impact"]
        assert titles["drift"].startswith("<b>Drifft fesul mis")
        model = welsh.models["impact"]
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
        assert headers[:3] == ["cwmpas", "nodwedd", "grŵp"]
        assert "at ei gilydd (llwyddo)" in {r[0] for r in table(welsh, "impact")} or not (
            table(welsh, "impact")
        )
        assert welsh.summary.text().startswith("<b>") and "cyfradd llwyddo" in welsh.summary.text()
        assert not any(
            english in text
            for text in [*tabs, *titles.values(), welsh.summary.text(), welsh.key.text()]
            for english in ("signed session", "Adverse impact", "Drift by month", "Areas:")
        )
    finally:
        i18n.install("en")


def drawn_texts(qtbot, chart) -> str:
    """Every text the chart draws (title, axis labels), as shown on the screen."""
    from PySide6.QtCharts import QChartView
    from PySide6.QtWidgets import QGraphicsTextItem

    chart_view = QChartView(chart)
    qtbot.addWidget(chart_view)
    chart_view.resize(900, 700)
    chart_view.show()
    qtbot.waitExposed(chart_view)
    return "\n".join(
        item.toPlainText()
        for item in chart_view.scene().items()
        if isinstance(item, QGraphicsTextItem)
    )


def test_a_group_or_campaign_with_markup_characters_is_drawn_as_written(qtbot):
    """Qt's charts take their texts as HTML: an age band "<25" vanished from its bar's label,
    and a campaign "Intake <Spring> & more" from the title."""
    from fractions import Fraction

    from pcso_interview.consistency import Leniency
    from pcso_interview.fairness import OVERALL, ImpactRow
    from pcso_interview.statistics import Assessor
    from ui.hr.statistics_view import bar_chart, impact_chart, leniency_chart, titled

    context = "every profile · campaign Intake <Spring> & more · n = 40 signed session(s)"
    rows = [
        ImpactRow(OVERALL, "Age", "<25", 20, 15, Fraction(3, 4), Fraction(1), False),
        ImpactRow(OVERALL, "Age", "<b>25-34</b>", 20, 10, Fraction(1, 2), Fraction(2, 3), True),
    ]
    text = drawn_texts(qtbot, impact_chart(rows, context))
    assert "Age: <25 (n=20)" in text and "Age: <b>25-34</b> (n=20)" in text
    assert "campaign Intake <Spring> & more" in text
    mean = Fraction(1, 4)
    chosen = [Leniency(Assessor("<i>Ann</i> Chair", "1001"), 12, 3, mean, 0.1, 0.4)]
    assert "<i>Ann</i> Chair" in drawn_texts(qtbot, leniency_chart(chosen, context))
    bars = titled(bar_chart("", ["<Calm> & kind"], [3.0], 5, "Mean"), "Mean", context)
    assert "<Calm> & kind" in drawn_texts(qtbot, bars)


def test_a_from_date_after_the_to_date_is_said_not_shown_as_no_sessions(qtbot, view):
    """The command line refuses such a range in words; the screen says so too, rather than
    charts of n = 0 that read as "no candidates"."""
    choose(qtbot, view, GWENT, "2026-06-01", "2026-01-01")
    assert view.job is None and view.insight is None
    assert "after the To date" in view.summary.text() and "2026-06-01" in view.summary.text()
    assert all(model.rowCount() == 0 for model in view.models.values())
    choose(qtbot, view, GWENT, "2024-01-01", "2026-12-31")
    assert view.insight is not None and view.insight.candidates > 0


FORCE_PROFILE = "example-constabulary-values"


def test_a_profile_whose_force_file_is_gone_can_still_be_chosen(qtbot, tmp_path):
    """Sessions made with a force file outlive it (retired after its campaign, renamed,
    broken by an edit): the statistics' and HR review's profile lists offered the loaded
    profiles only, so its figures could not be had by profile. It is listed too, named as
    its sessions name it, and chosen gives its sessions' figures."""
    from pcso_interview.store.identity import User
    from ui.hr.browser import HrBrowser

    with_force = load_profiles([EXAMPLE_FORCE_FILE])
    store = Store.open(tmp_path / "sessions.db")
    try:
        store.insert_many(
            demo_sessions([with_force.get(FORCE_PROFILE)], 8, seed=5, today=TODAY), "d"
        )
        ((signed,),) = read(
            store.path,
            "SELECT count(*) FROM sessions WHERE status = 'signed' AND profile_id = ?",
            [FORCE_PROFILE],
        )
        assert signed > 0
        builtin_only = load_profiles([])  # the force file is no longer there
        view = StatisticsView(store, builtin_only)
        qtbot.addWidget(view)
        index = view.profile.findData(FORCE_PROFILE)
        assert index > 0
        name = "Example Constabulary · Police Community Support Officer (test profile)"
        assert view.profile.itemText(index) == name
        view.show()
        qtbot.waitExposed(view)
        settled(qtbot, view)
        view.profile.setCurrentIndex(index)
        settled(qtbot, view)
        assert f"<b>{signed}</b> signed session(s)" in view.summary.text()
        assert name in view.chart_views["mean"].chart().title()
        assert [r[0] for r in table(view, "areas")] == [
            "Courage (test)", "Respect (test)", "Service (test)"
        ]  # fmt: skip

        browser = HrBrowser(store, builtin_only, User("Rhian Evans-HR", "admin"))
        qtbot.addWidget(browser)
        assert browser.profile.itemText(browser.profile.findData(FORCE_PROFILE)) == name
    finally:
        store.close()


def test_an_area_with_no_alpha_is_not_drawn_as_an_alpha_of_0(qtbot):
    """When every member gave every candidate the same grade there is nothing for
    Krippendorff's alpha to measure (the table says "-"); the chart drew such an area as a
    bar labelled 0, which reads as agreement no better than chance: the opposite of what
    happened. An area without an alpha gets no bar, and the title says why."""
    from pcso_interview.consistency import ALL_AREAS, Agreement
    from ui.hr.statistics_view import agreement_chart

    rows = [
        Agreement("gwent-cso", ALL_AREAS, 0.41, 12),
        Agreement("gwent-cso", "Courage", None, 6),  # every grade the same
        Agreement("gwent-cso", "Respect", 0.72, 6),
    ]
    chart = agreement_chart(rows, True, "every profile · n = 6", {})
    (series,) = chart.series()
    (bars,) = series.barSets()
    (categories,) = [a for a in series.attachedAxes() if hasattr(a, "categories")]
    drawn = dict(
        zip(categories.categories(), [bars.at(i) for i in range(bars.count())], strict=True)
    )
    assert drawn == {"Respect": 0.72}
    assert "no alpha" in chart.title() and "No bar for Courage" in chart.title()
    everyone = agreement_chart(rows[1:2], True, "every profile · n = 6", {})
    assert "no alpha" in everyone.title() and everyone.series()[0].barSets()[0].count() == 0
    plain = agreement_chart(rows[2:], True, "every profile · n = 6", {})
    assert "no alpha" not in plain.title()

"""The statistics view shows, charts and exports the figures an independent SQL count gives."""

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
from PySide6.QtGui import QImage

from pcso_interview.demo import demo_sessions
from pcso_interview.hr_export import neutralise
from pcso_interview.profiles import load_profiles
from pcso_interview.session import Member
from pcso_interview.statistics import compute_statistics, statistics_csv_rows
from pcso_interview.store import Store
from tests.store_support import ANN, read, signed_session
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
            f" JOIN sessions s ON s.id = g.session_id WHERE {SIGNED} GROUP BY 1",
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
    return shown


def choose(view: StatisticsView, profile_id: str, start: str, end: str) -> None:
    view.profile.setCurrentIndex(view.profile.findData(profile_id))
    view.date_from.set_value(date.fromisoformat(start))
    view.date_to.set_value(date.fromisoformat(end))


def bar_values(view: StatisticsView, key: str) -> dict[str, float]:
    chart = view.chart_views[key].chart()
    (series,) = chart.series()
    (bars,) = series.barSets()
    (categories,) = [a for a in series.attachedAxes() if hasattr(a, "categories")]
    labels = categories.categories()
    assert len(labels) == bars.count()
    return {labels[i]: bars.at(i) for i in range(bars.count())}


def short(name: str) -> str:
    return name if len(name) <= 30 else name[:29] + "…"


@pytest.mark.parametrize(
    ("profile_id", "start", "end"),
    [(GWENT, "2024-01-01", "2026-12-31"), (KENT, "2025-01-01", "2025-12-31")],
)
def test_summary_table_and_charts_show_the_independent_figures(
    view, stats_store, profiles, profile_id, start, end
):
    choose(view, profile_id, start, end)
    expected = expected_figures(stats_store, profile_id, start, end)
    assert expected["candidates"] >= 10
    summary = view.summary.text()
    assert f"<b>{expected['candidates']}</b> signed session(s)" in summary
    assert f"pass rate <b>{expected['pass rate']}</b>" in summary

    profile = profiles.get(profile_id)
    stats = compute_statistics(profile, stats_store.statistics_sessions(profile_id, start, end))
    model = view.table_model
    shown = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert shown == statistics_csv_rows(stats)[1:]
    assert ["candidates", "", str(expected["candidates"])] in shown
    assert ["pass rate", "", expected["pass rate"]] in shown

    names = {str(i): a.id for i, a in enumerate(profile.planned_areas, start=1)}
    for i, area in enumerate(profile.planned_areas, start=1):
        assert f"{i} {area.name}" in view.key.text()  # the numbers are explained
    for key in ("mean", "fail", "spread"):
        values = bar_values(view, key)
        assert list(values) == list(names)
        for label, area_id in names.items():
            want = expected[key][area_id]
            if key == "mean":  # two places, as in the table
                assert values[label] == pytest.approx(want, abs=0.0051), (key, label)
            else:  # the table's percentage, to its one decimal place
                assert values[label] == float(want.rstrip("%")), (key, label)
    assessors = bar_values(view, "assessors")
    expected_short = {short(k): v for k, v in expected["assessors"].items()}
    assert len(assessors) == min(MAX_ASSESSORS, len(expected_short))
    for label, value in assessors.items():  # the furthest from their co-panelists
        assert value == pytest.approx(expected_short[label], abs=0.0051)
    left_out = [abs(v) for k, v in expected_short.items() if k not in assessors]
    assert min(abs(v) for v in assessors.values()) >= max(left_out, default=0) - 0.0051
    assert list(assessors.values()) == sorted(assessors.values())  # most severe first


def test_an_empty_range_shows_dashes_not_errors(view):
    choose(view, GWENT, "2030-01-01", "2030-12-31")
    assert "<b>0</b> signed session(s)" in view.summary.text()
    assert "pass rate <b>-</b>" in view.summary.text()
    assert set(bar_values(view, "mean").values()) == {0.0}
    assert bar_values(view, "assessors") == {}


def test_a_locked_database_is_said_in_plain_words(view, stats_store, monkeypatch, warnings_shown):
    """No error hook, no figures left over from the previous filters: a plain warning."""
    choose(view, GWENT, "2024-01-01", "2026-12-31")
    assert view.stats is not None and view.table_model.rowCount() > 0

    def locked(*_args, **_kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(stats_store, "statistics_sessions", locked)
    view.date_from.set_value(date(2025, 1, 1))
    assert len(warnings_shown) == 1
    assert warnings_shown[0].startswith("Could not read: The database could not be read")
    assert "database is locked" in warnings_shown[0]
    assert view.stats is None
    assert view.table_model.rowCount() == 0
    assert "not shown" in view.summary.text()
    assert view.export_csv() is None  # nothing to export, and no file dialog asked


def test_the_spread_texts_follow_the_scoring_threshold(qtbot, stats_store, profiles, monkeypatch):
    """The words say the threshold the figures use, so changing it changes them too."""
    from ui.hr import statistics_view

    monkeypatch.setattr(statistics_view, "SPREAD_FLAG_AT", 3)
    shown = StatisticsView(stats_store, profiles)
    qtbot.addWidget(shown)
    choose(shown, GWENT, "2024-01-01", "2026-12-31")
    spread_tab = list(shown.chart_views).index("spread")
    assert shown.charts.tabText(spread_tab) == "&Spread of 3+"
    assert "areas flagged for a spread of 3 or more: " in shown.summary.text()
    chart = shown.chart_views["spread"].chart()
    assert chart.title() == "Areas with a spread of 3 or more between members (%)"
    (series,) = chart.series()
    assert series.barSets()[0].label() == "Spread 3+ (%)"


def test_png_export_writes_each_chart(view, tmp_path):
    choose(view, GWENT, "2024-01-01", "2026-12-31")
    for index in range(view.charts.count()):
        view.charts.setCurrentIndex(index)
        path = view.export_png(tmp_path / f"chart-{index}.png")
        assert path.stat().st_mode & 0o777 == 0o600
        image = QImage(str(path))
        assert not image.isNull()
        shown = view.charts.currentWidget().size()
        assert (image.width(), image.height()) == (shown.width(), shown.height())
        assert image.width() > 300 and image.height() > 200
        colours = {image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}
        assert len(colours) > 2  # a chart, not a blank picture


def test_csv_export_writes_the_rows_neutralised(view, stats_store, profiles, tmp_path):
    choose(view, GWENT, "2024-01-01", "2026-12-31")
    stats = compute_statistics(
        profiles.get(GWENT), stats_store.statistics_sessions(GWENT, "2024-01-01", "2026-12-31")
    )
    path = view.export_csv(tmp_path / "figures.csv")
    assert path.stat().st_mode & 0o777 == 0o600
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows == [[neutralise(c) for c in row] for row in statistics_csv_rows(stats)]
    labels = [r[1] for r in rows if r[0].startswith("assessor")]
    assert "'=SUM(A1)" in labels
    differences = [r[2] for r in rows if r[0].startswith("assessor")]
    assert any(d.startswith("-") for d in differences)  # negative numbers stay numbers
    assert all(not d.startswith("'") for d in differences)


def test_every_value_in_the_table_is_in_sight(view):
    """At 1366x768 the long figure names wrap; they must not push the values out of view."""
    choose(view, "south-wales-pcso", "2024-01-01", "2026-12-31")
    view.table.scrollToBottom()  # the assessors' rows have the longest labels
    header = view.table.horizontalHeader()
    value = 2
    assert view.table_model.headerData(value, header.orientation()) == "Value"
    right = header.sectionViewportPosition(value) + header.sectionSize(value)
    assert right <= view.table.viewport().width()
    assert view.table.horizontalScrollBar().maximum() == 0
    model = view.table_model
    widest = max(
        view.table.fontMetrics().horizontalAdvance(model.data(model.index(r, value)))
        for r in range(model.rowCount())
    )
    assert header.sectionSize(value) >= widest


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

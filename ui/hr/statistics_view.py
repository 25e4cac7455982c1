"""HR insight for a selection of signed sessions, as charts (QtCharts) and tables.

krippendorff (and numpy) are imported with this screen: imported first on a job's thread, a
module's initialisation held Python's lock for a fifth of a second, and the window stalled.

The figures are worked out on a thread of their own (ui/hr/jobs.py) with progress and Stop: a
selection of 50,000 sessions never freezes the window. Every chart's title names what it
shows: the profile (or every profile), the campaign, the dates and n, so that an exported
picture says where it came from.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from html import escape
from pathlib import Path
from typing import Any

import krippendorff  # noqa: F401  numpy with it: loaded here, not by the first job (see below)
from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.consistency import ALL_AREAS, MIN_GRADES, Agreement, Leniency, Month
from pcso_interview.facts import Steps
from pcso_interview.fairness import FOUR_FIFTHS, OVERALL, ImpactRow
from pcso_interview.files import write_atomic
from pcso_interview.hr_export import neutralise
from pcso_interview.insight import (
    ASSESSOR_HEADER,
    IMPACT_HEADER,
    AreaFigures,
    Insight,
    Selection,
    alpha_text,
    assessor_cells,
    compute,
    figures_csv_rows,
    gather,
    impact_cells,
    profile_names,
)
from pcso_interview.plain_text import clipped
from pcso_interview.profiles import ProfileSet
from pcso_interview.scoring import SPREAD_FLAG_AT
from pcso_interview.statistics import fraction_text, percent_text
from pcso_interview.store.reading import SessionReader
from ui import labels, messages
from ui.feedback import EXPECTED_ERRORS, explain
from ui.file_dialogs import save_file
from ui.hr.campaign_filter import CampaignFilter
from ui.hr.date_filter import OptionalDate
from ui.hr.jobs import Job, JobBar, own_connection
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.table_model import Column, RowsModel

MAX_ASSESSORS = 15  # the chart shows those furthest from their co-panelists; the table, all
MAX_GROUPS = 16  # groups in the adverse-impact chart; the table has every one
SHOWN_MS = 60  # from showing the screen to starting its work: time to paint it first
FLAGGED = QColor("#b00020")
FINE = QColor("#1f5f99")
# The core's column titles and fixed cells (pcso_interview.insight), shown through
# translate("insight", ...); a test keeps this list in step with the core's.
INSIGHT_WORDS = (
    QT_TRANSLATE_NOOP("insight", "scope"),
    QT_TRANSLATE_NOOP("insight", "characteristic"),
    QT_TRANSLATE_NOOP("insight", "group"),
    QT_TRANSLATE_NOOP("insight", "candidates"),
    QT_TRANSLATE_NOOP("insight", "passed or at minimum"),
    QT_TRANSLATE_NOOP("insight", "rate"),
    QT_TRANSLATE_NOOP("insight", "ratio to highest"),
    QT_TRANSLATE_NOOP("insight", "flag"),
    QT_TRANSLATE_NOOP("insight", "assessor"),
    QT_TRANSLATE_NOOP("insight", "grades"),
    QT_TRANSLATE_NOOP("insight", "sessions"),
    QT_TRANSLATE_NOOP("insight", "leniency"),
    QT_TRANSLATE_NOOP("insight", "95% low"),
    QT_TRANSLATE_NOOP("insight", "95% high"),
    QT_TRANSLATE_NOOP("insight", "changed after reveal"),
    QT_TRANSLATE_NOOP("insight", "overall (pass)"),
    QT_TRANSLATE_NOOP("insight", "below 4/5"),
    QT_TRANSLATE_NOOP("insight", "<5"),
    QT_TRANSLATE_NOOP("insight", "withheld"),
)
FIXED_CELLS = frozenset(INSIGHT_WORDS)


def fixed_word(text: str) -> str:
    """A fixed word of the core's tables in the window's language; force and HR data (area,
    characteristic and group names) never reach here."""
    return translate("insight", text) if text in FIXED_CELLS else text


def describe_selection(selection: Selection, names: dict[str, str]) -> str:
    """The selection in words, in the window's language (the core's describe() is English, for
    files): profile, campaign and dates."""
    parts = [
        names.get(selection.profile_id, selection.profile_id)
        if selection.profile_id
        else translate("StatisticsView", "every profile")
    ]
    if selection.campaign:
        parts.append(translate("StatisticsView", "campaign {name}").format(name=selection.campaign))
    if selection.date_from and selection.date_to:
        parts.append(
            translate("StatisticsView", "{start} to {end}").format(
                start=selection.date_from, end=selection.date_to
            )
        )
    elif selection.date_from:
        parts.append(translate("StatisticsView", "from {start}").format(start=selection.date_from))
    elif selection.date_to:
        parts.append(translate("StatisticsView", "up to {end}").format(end=selection.date_to))
    else:
        parts.append(translate("StatisticsView", "all dates"))
    return " · ".join(parts)


def _short(name: str, most: int = 30) -> str:
    """A name shortened for a chart's label, as text: Qt's charts read their labels and titles
    as HTML, where an age band "<25" or a campaign "Intake <Spring>" would vanish."""
    return escape(clipped(name, most), quote=False)


def titled(chart: QChart, title: str, context: str, note: str = "") -> QChart:
    """The chart's headline and, under it, what it is about (profile, campaign, dates, n)
    and, on a line of its own, what the chart leaves out (``note``)."""
    lines = [f"<b>{escape(title, quote=False)}</b>"]
    lines += [
        f"<span style='font-size:small'>{escape(line, quote=False)}</span>"
        for line in (context, note)
        if line
    ]
    chart.setTitle("<br>".join(lines))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def bar_chart(
    title: str,
    labels: list[str],
    values: list[float],
    axis_max: float,
    series_name: str,
    horizontal: bool = False,
    axis_min: float = 0,
) -> QChart:
    chart = QChart()
    chart.setTitle(escape(title, quote=False))
    bar_set = QBarSet(series_name)
    bar_set.append(values)
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    bar_set.setLabelColor(QColor("#202020"))  # readable on the background, not on the bar
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_short(label) for label in labels])
    values_axis = QValueAxis()
    values_axis.setRange(axis_min, axis_max)
    if axis_max - axis_min <= 10 and float(axis_max).is_integer() and float(axis_min).is_integer():
        values_axis.setTickCount(int(axis_max - axis_min) + 1)
        values_axis.setLabelFormat("%d")
    else:
        values_axis.setTickCount(6)
    if horizontal:
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values_axis)
    chart.legend().setVisible(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _number(value: Fraction | None) -> float:
    return float(fraction_text(value)) if value is not None else 0.0


def _percent(value: Fraction | None) -> float:  # one decimal place, as the table shows it
    return float(fraction_text(value * 100, 1)) if value is not None else 0.0


def impact_chart(rows: Sequence[ImpactRow], context: str) -> QChart:
    """Each shown group's pass rate as a ratio to the highest-rate group of its characteristic,
    red below four fifths, with the 0.8 line; withheld groups are not drawn."""
    shown = [r for r in rows if r.scope == OVERALL and not r.hidden][:MAX_GROUPS]
    chart = QChart()
    ok = QBarSet(translate("StatisticsView", "4/5 or more of the highest rate"))
    low = QBarSet(translate("StatisticsView", "Below 4/5: flagged"))
    ok.setColor(FINE)
    low.setColor(FLAGGED)
    for row in shown:
        value = round(float(row.ratio), 2) if row.ratio is not None else 0.0
        (low if row.flag else ok).append(value)
        (ok if row.flag else low).append(0.0)
    series = QHorizontalStackedBarSeries()
    series.append(ok)
    series.append(low)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(
        [f"{_short(f'{r.characteristic}: {r.group}', 34)} (n={r.candidates})" for r in shown]
        or [""]
    )
    categories.setTruncateLabels(False)
    ratio_axis = QValueAxis()
    ratio_axis.setRange(0, 1.1)
    ratio_axis.setTickCount(12)
    ratio_axis.setLabelFormat("%.1f")
    ratio_axis.setTitleText(
        translate("StatisticsView", "Pass rate as a share of the highest group's rate")
    )
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(ratio_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(ratio_axis)
    # The four-fifths line, across every bar.
    rule = QLineSeries()
    rule.setName(translate("StatisticsView", "Four fifths (0.8)"))
    rule.append(float(FOUR_FIFTHS), -0.5)
    rule.append(float(FOUR_FIFTHS), max(len(shown), 1) - 0.5)
    rule.setPen(QPen(QColor("#202020"), 2, Qt.PenStyle.DashLine))
    chart.addSeries(rule)
    across = QValueAxis()
    across.setRange(-0.5, max(len(shown), 1) - 0.5)
    across.setVisible(False)
    chart.addAxis(across, Qt.AlignmentFlag.AlignRight)
    rule.attachAxis(ratio_axis)
    rule.attachAxis(across)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    title = translate(
        "StatisticsView",
        "Adverse impact: overall pass; groups under 5 and the groups withheld to protect them"
        " are not drawn",
    )
    return titled(chart, title, context)


def leniency_chart(rows: Sequence[Leniency], context: str) -> QChart:
    """Each assessor's mean difference from their co-panelists (a dot) with its 95 % interval
    (a line), one row each, most severe at the top; the furthest from 0 are chosen."""
    chosen = sorted(
        sorted((r for r in rows if r.mean is not None), key=lambda r: -abs(float(r.mean or 0)))[
            :MAX_ASSESSORS
        ],
        key=lambda r: (-float(r.mean or 0), r.assessor.name),
    )
    chart = QChart()
    names = QCategoryAxis()
    names.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
    names.setRange(-0.5, max(len(chosen), 1) - 0.5)
    values = QValueAxis()
    reach = 0.5
    dots = QScatterSeries()
    dots.setName(translate("StatisticsView", "Mean: own grade minus the co-panelists' mean"))
    dots.setMarkerSize(9)
    dots.setColor(FINE)
    pen = QPen(QColor("#202020"), 2)
    for i, row in enumerate(chosen):
        mean = float(row.mean or 0)
        low = row.low if row.low is not None else mean
        high = row.high if row.high is not None else mean
        reach = max(reach, abs(low), abs(high))
        names.append(escape(f"{row.assessor.label} · n={row.grades}", quote=False), i + 0.5)
        whisker = QLineSeries()
        whisker.append(low, i)
        whisker.append(high, i)
        whisker.setPen(pen)
        chart.addSeries(whisker)
        dots.append(mean, i)
    chart.addSeries(dots)
    zero = QLineSeries()
    zero.append(0, -0.5)
    zero.append(0, max(len(chosen), 1) - 0.5)
    zero.setPen(QPen(QColor("#808080"), 1, Qt.PenStyle.DashLine))
    chart.addSeries(zero)
    values.setRange(-round(reach + 0.05, 1), round(reach + 0.05, 1))
    values.setTickCount(9)
    values.setLabelFormat("%+.2f")
    values.setTitleText(
        translate("StatisticsView", "− severe · lenient +   (lines: 95% intervals)")
    )
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    for series in chart.series():
        series.attachAxis(names)
        series.attachAxis(values)
    chart.legend().setVisible(False)
    more = len([r for r in rows if r.mean is not None]) - len(chosen)
    title = (
        translate(
            "StatisticsView",
            "Assessors with {least} or more grades: leniency against their co-panelists",
        ).format(least=MIN_GRADES)
        if all(r.enough for r in rows)
        else translate(
            "StatisticsView",
            "Every assessor (some with under {least} grades): leniency against their co-panelists",
        ).format(least=MIN_GRADES)
    )
    if more > 0:
        title += " " + translate(
            "StatisticsView", "(the %Ln furthest; the table lists all)", "", len(chosen)
        )
    return titled(chart, title, context)


def agreement_chart(
    rows: Sequence[Agreement], single_profile: bool, context: str, names: dict[str, str]
) -> QChart:
    asked = [r for r in rows if (r.area != ALL_AREAS) == single_profile]
    # No alpha (every grade the same, or no two members grading) is not an alpha of 0, which
    # would read as agreement no better than chance: no bar; the table shows "-".
    shown = [r for r in asked if r.alpha is not None]
    labels = [r.area if single_profile else names.get(r.profile_id, r.profile_id) for r in shown]
    values = [round(r.alpha, 3) for r in shown if r.alpha is not None]
    low = min([0.0, *values])
    chart = bar_chart(
        "",
        labels,
        values,
        1.0,
        translate("StatisticsView", "Krippendorff's alpha (ordinal)"),
        horizontal=True,
        axis_min=low,
    )
    axis = chart.axes(Qt.Orientation.Horizontal)
    if axis:
        axis[0].setTitleText(
            translate(
                "StatisticsView",
                "Krippendorff's alpha, ordinal: 0.8 or more reliable, under 0.667 not",
            )
        )
    title = (
        translate("StatisticsView", "Agreement between assessors per area")
        if single_profile
        else translate("StatisticsView", "Agreement between assessors per profile, all areas")
    )
    missing = [
        r.area if single_profile else names.get(r.profile_id, r.profile_id)
        for r in asked
        if r.alpha is None
    ]
    note = ""
    if missing:
        note = translate(
            "StatisticsView",
            "No bar for {names}: no alpha (one grade value only, or no two members grading)",
        ).format(
            names=", ".join(clipped(name, 30) for name in missing[:5])
            + (" …" if len(missing) > 5 else "")
        )
    return titled(chart, title, context, note)


def drift_chart(months: Sequence[Month], context: str) -> QChart:
    chart = QChart()
    own, agreed = QLineSeries(), QLineSeries()
    own.setName(translate("StatisticsView", "Mean of the members' own grades"))
    agreed.setName(translate("StatisticsView", "Mean agreed grade"))
    for i, month in enumerate(months):
        own.append(i, _number(month.mean_grade))
        agreed.append(i, _number(month.mean_agreed))
    for series in (own, agreed):
        series.setPointsVisible(True)
        chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([m.month for m in months] or [""])
    categories.setLabelsAngle(-90)
    categories.setTruncateLabels(False)
    values = QValueAxis()
    grades = [float(v) for m in months for v in (m.mean_grade, m.mean_agreed) if v is not None]
    low = math.floor(min(grades, default=1) * 4) / 4
    high = math.ceil(max(grades, default=5) * 4) / 4
    values.setRange(low, max(high, low + 0.5))
    values.setTickCount(int((max(high, low + 0.5) - low) * 4) + 1)
    values.setLabelFormat("%.2f")
    values.setTitleText(translate("StatisticsView", "Grade"))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    for series in (own, agreed):
        series.attachAxis(categories)
        series.attachAxis(values)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return titled(
        chart, translate("StatisticsView", "Drift by month: the grades given and agreed"), context
    )


def _table(model: RowsModel[Any], name: str, stretch: int = 0) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    header.setResizeContentsPrecision(50)  # sized by the first rows, not all of them
    return table


def _cells(header: list[str], cells: Callable[[Any], list[str]]) -> list[Column[Any]]:
    def cell(i: int) -> Callable[[Any], str]:
        if i == 1 or i == 2:  # characteristic and group, or grades and sessions: as they are
            return lambda row: cells(row)[i]
        return lambda row: fixed_word(cells(row)[i])

    return [
        Column(translate("insight", title), cell(i), align_right=i > 2)
        for i, title in enumerate(header)
    ]


def area_columns() -> list[Column[AreaFigures]]:
    return [
        Column(translate("StatisticsView", "Area"), lambda a: a.name),
        Column(translate("StatisticsView", "Graded"), lambda a: a.graded, align_right=True),
        Column(
            translate("StatisticsView", "Mean agreed grade"),
            lambda a: fraction_text(a.mean_agreed),
            align_right=True,
        ),
        Column(
            translate("StatisticsView", "Below the minimum"),
            lambda a: percent_text(a.fail_share),
            align_right=True,
        ),
        Column(
            translate("StatisticsView", "Spread of {least}+").format(least=SPREAD_FLAG_AT),
            lambda a: percent_text(a.spread_share),
            align_right=True,
        ),
    ]


def agreement_columns() -> list[Column[Agreement]]:
    return [
        Column(
            translate("StatisticsView", "Area"),
            lambda a: translate("StatisticsView", "all areas") if a.area == ALL_AREAS else a.area,
        ),
        # the id: names are long, and the chart has them
        Column(translate("StatisticsView", "Profile"), lambda a: a.profile_id),
        Column(
            translate("StatisticsView", "Alpha (ordinal)"),
            lambda a: alpha_text(a.alpha),
            align_right=True,
        ),
        Column(translate("StatisticsView", "Units"), lambda a: a.units, align_right=True),
    ]


def month_columns() -> list[Column[Month]]:
    return [
        Column(translate("StatisticsView", "Month"), lambda m: m.month),
        Column(translate("StatisticsView", "Sessions"), lambda m: m.sessions, align_right=True),
        Column(
            translate("StatisticsView", "Mean member grade"),
            lambda m: fraction_text(m.mean_grade),
            align_right=True,
        ),
        Column(
            translate("StatisticsView", "Mean agreed grade"),
            lambda m: fraction_text(m.mean_agreed),
            align_right=True,
        ),
        Column(
            translate("StatisticsView", "Pass rate"),
            lambda m: percent_text(m.pass_rate),
            align_right=True,
        ),
    ]


# Tab key, title, the table it shows beside its chart
TABS = (
    ("mean", QT_TRANSLATE_NOOP("StatisticsView", "Mean &grade"), "areas"),
    ("fail", QT_TRANSLATE_NOOP("StatisticsView", "Faili&ng"), "areas"),
    # the threshold filled in when the view is built
    ("spread", QT_TRANSLATE_NOOP("StatisticsView", "&Spread {least}+"), "areas"),
    ("impact", QT_TRANSLATE_NOOP("StatisticsView", "Adverse impa&ct"), "impact"),
    ("assessors", QT_TRANSLATE_NOOP("StatisticsView", "&Assessors"), "assessors"),
    ("agreement", QT_TRANSLATE_NOOP("StatisticsView", "Agree&ment"), "agreement"),
    ("drift", QT_TRANSLATE_NOOP("StatisticsView", "&Drift by month"), "drift"),
)


class StatisticsView(QWidget):
    def __init__(self, store: SessionReader, profiles: ProfileSet, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.profiles = profiles
        self.names: dict[str, str] = {}  # by profile id: filled with the combo box (_fill_profiles)
        self.insight: Insight | None = None
        self.job: Job[object] | None = None
        self._pending: dict[str, Callable[[], QChart]] = {}  # charts drawn when first shown
        self._refresh_due = False
        self.profile = QComboBox()
        self.profile.setAccessibleName(translate("StatisticsView", "Profile"))
        self.profile.addItem(translate("StatisticsView", "Every profile"), "")
        self._fill_profiles()
        self.campaign = CampaignFilter()
        self.campaign.setAccessibleName(translate("StatisticsView", "Campaign"))
        self.date_from = OptionalDate(translate("StatisticsView", "From"))
        self.date_to = OptionalDate(translate("StatisticsView", "To"))
        self.every_assessor = QCheckBox(
            translate("StatisticsView", "Assessors under &{least} grades").format(least=MIN_GRADES)
        )
        self.every_assessor.setToolTip(
            translate(
                "StatisticsView",
                "Also list assessors with fewer than {least} grades compared with their"
                " co-panelists (hidden by default: a session or two says little)",
            ).format(least=MIN_GRADES)
        )
        self.key = QLabel()
        self.key.setWordWrap(True)
        self.key.setAccessibleName(translate("StatisticsView", "Key to the area numbers"))
        self.summary = QLabel()
        self.summary.setAccessibleName(translate("StatisticsView", "Summary figures"))
        self.summary.setWordWrap(True)
        self.job_bar = JobBar()
        self.charts = QTabWidget()
        self.charts.setAccessibleName(translate("StatisticsView", "Charts"))
        self.chart_views: dict[str, QChartView] = {}
        for key, title, _ in TABS:
            title = translate("StatisticsView", title).format(least=SPREAD_FLAG_AT)
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setAccessibleName(title.replace("&", ""))
            view.viewport().setAccessibleName(title.replace("&", ""))
            self.chart_views[key] = view
            self.charts.addTab(view, title)
        self.models: dict[str, RowsModel[Any]] = {
            "areas": RowsModel(area_columns()),
            "impact": RowsModel(_cells(IMPACT_HEADER, impact_cells)),
            "assessors": RowsModel(_cells(ASSESSOR_HEADER, assessor_cells)),
            "agreement": RowsModel(agreement_columns()),
            "drift": RowsModel(month_columns()),
        }
        names = {
            "areas": translate("StatisticsView", "Figures per area"),
            "impact": translate("StatisticsView", "Adverse impact table"),
            "assessors": translate("StatisticsView", "Assessors table"),
            "agreement": translate("StatisticsView", "Agreement table"),
            "drift": translate("StatisticsView", "Drift table"),
        }
        self.tables = {
            key: _table(model, names[key], 2 if key == "impact" else 0)
            for key, model in self.models.items()
        }
        self.table_stack = QStackedWidget()
        for table in self.tables.values():
            self.table_stack.addWidget(table)
        self.charts.currentChanged.connect(self._show_table)
        export_png = QPushButton(translate("StatisticsView", "E&xport chart as PNG…"))
        export_png.clicked.connect(lambda: self.export_png())
        export_csv = QPushButton(translate("StatisticsView", "Export figures as CS&V…"))
        export_csv.clicked.connect(lambda: self.export_csv())
        top = QHBoxLayout()
        label = QLabel(translate("StatisticsView", "Pr&ofile:"))
        label.setBuddy(self.profile)
        top.addWidget(label)
        top.addWidget(self.profile, 1)
        top.addWidget(self.campaign, 1)
        top.addWidget(self.date_from)
        top.addWidget(self.date_to)
        second = QHBoxLayout()
        second.addWidget(self.summary, 1)
        second.addWidget(self.every_assessor)
        second.addWidget(export_png)
        second.addWidget(export_csv)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.charts)
        body.addWidget(self.table_stack)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.job_bar)
        layout.addWidget(body, 1)
        layout.addWidget(self.key)
        self._fill_campaigns()
        self.profile.currentIndexChanged.connect(self.refresh)
        self.campaign.currentIndexChanged.connect(self.refresh)
        self.date_from.changed.connect(self.refresh)
        self.date_to.changed.connect(self.refresh)
        self.every_assessor.toggled.connect(self._show)

    # --- the selection and the work ------------------------------------------------------------

    def selection(self) -> Selection:
        return Selection(
            profile_id=self.profile.currentData() or "",
            campaign=self.campaign.currentData() or "",
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
        )

    @property
    def busy(self) -> bool:
        return self._refresh_due or (self.job is not None and self.job.running)

    def _fill_profiles(self) -> None:
        """Every profile loaded, then any other a session was made with (its force file gone,
        renamed or broken since): its sessions are still counted, and chosen by profile."""
        try:
            in_use = self.store.profiles_in_use()
        except EXPECTED_ERRORS:
            in_use = []  # the loaded profiles still; the figures say what cannot be read
        self.names = profile_names(self.profiles, in_use)
        for profile_id, name in self.names.items():
            if self.profile.findData(profile_id) < 0:
                self.profile.addItem(name, profile_id)

    def _fill_campaigns(self) -> None:
        try:
            names = self.store.campaigns()
        except EXPECTED_ERRORS:
            names = []
        self.campaign.fill(names)

    def showEvent(self, event: QShowEvent) -> None:
        # Sessions may have been signed, moved or purged since it was last shown. The work
        # starts once the screen is painted: painting it while a job holds Python's lock half
        # the time took a seventh of a second.
        self._fill_profiles()
        self._fill_campaigns()
        self._refresh_due = True
        QTimer.singleShot(SHOWN_MS, self._refresh_when_shown)
        super().showEvent(event)

    def _refresh_when_shown(self) -> None:
        if self._refresh_due:
            self.refresh()

    def refresh(self) -> Job[object] | None:
        """Work the figures out again for the selection, off the window's thread; a job still
        running for an earlier selection is stopped and its figures never shown."""
        self._refresh_due = False
        if self.job is not None and self.job.running:
            self.job.stop()
        selection = self.selection()
        if selection.date_from and selection.date_to and selection.date_from > selection.date_to:
            # No session can be in it: say so, as the command line does, rather than n = 0.
            self.job = None
            self.insight = None
            self._show()
            self.job_bar.say("")
            self.summary.setText(
                translate(
                    "StatisticsView",
                    "The From date ({start}) is after the To date ({end}): no session can be"
                    " in that range.",
                ).format(start=selection.date_from, end=selection.date_to)
            )
            return None

        def work(reader: SessionReader, steps: Steps) -> Insight:
            gathered = gather(reader, selection, steps)
            insight = compute(gathered, selection, steps)
            gathered.release()
            return insight

        job: Job[object] = Job(
            translate("StatisticsView", "Working out the figures"),
            work,
            own_connection(self.store),
            parent=self,
        )
        self.job = job
        job.finished.connect(lambda: self._finished(job))
        self.job_bar.follow(job)
        self.summary.setText(translate("StatisticsView", "Working out the figures…"))
        return job.start()

    def _finished(self, job: Job[object]) -> None:
        if job is not self.job:
            return  # an earlier selection's: its figures are not what is asked for now
        if job.state == "done" and isinstance(job.result, Insight):
            self.insight = job.result
            self.job_bar.say("")
            self._show()
            return
        self.insight = None
        self._show()
        if job.state == "stopped":
            self.job_bar.say(translate("StatisticsView", "Stopped: the figures are not shown."))
            self.summary.setText(
                translate("StatisticsView", "Stopped before the figures were worked out.")
            )
            return
        self.job_bar.say(translate("StatisticsView", "✗ Could not work out the figures."))
        self.summary.setText(
            translate("StatisticsView", "Could not read the sessions: the figures are not shown.")
        )
        error = job.error
        if isinstance(error, EXPECTED_ERRORS):
            messages.warn(
                self, translate("StatisticsView", "Could not read"), explain(error, reading=True)
            )
        else:
            messages.warn(
                self, translate("StatisticsView", "Could not work out the figures"), str(error)
            )

    # --- showing the figures -------------------------------------------------------------------

    def context(self) -> str:
        """What every chart is about, in its title: profile, campaign, dates and n."""
        n = self.insight.candidates if self.insight is not None else 0
        return translate("StatisticsView", "{selection} · n = %Ln signed session(s)", "", n).format(
            selection=describe_selection(self.selection(), self.names)
        )

    def _show_table(self, index: int) -> None:
        self.table_stack.setCurrentWidget(self.tables[TABS[index][2]])
        self._draw_current()

    def _draw_current(self) -> None:
        key = TABS[self.charts.currentIndex()][0]
        build = self._pending.pop(key, None)
        if build is not None:
            self.chart_views[key].setChart(build())

    def draw_every_chart(self) -> None:
        """Draw the charts not yet shown (tests and exports look at all of them)."""
        for key in list(self._pending):
            self.chart_views[key].setChart(self._pending.pop(key)())

    def _show(self) -> None:
        insight = self.insight
        self._pending = {}
        if insight is None:
            self.key.setText("")
            for view in self.chart_views.values():
                view.setChart(QChart())
            for model in self.models.values():
                model.set_rows([])
            return
        every = self.every_assessor.isChecked()
        summary = translate(
            "StatisticsView",
            "<b>%Ln</b> signed session(s) · pass rate <b>{rate}</b> · equality data for"
            " <b>{equality}</b>",
            "",
            insight.candidates,
        ).format(rate=percent_text(insight.pass_rate), equality=f"{insight.with_equality:,}")
        if not every:
            summary += " · " + translate(
                "StatisticsView",
                "%Ln assessor(s) with fewer than {least} grades not listed",
                "",
                insight.hidden_assessors,
            ).format(least=MIN_GRADES)
        self.summary.setText(summary)
        context = self.context()
        areas = insight.areas
        chosen = self.selection().profile_id
        loaded = {p.id for p in self.profiles}
        if not areas and chosen in loaded:  # nothing signed yet: its areas, empty
            areas = tuple(
                AreaFigures(a.id, a.name, 0, None, None, None)
                for a in self.profiles.get(chosen).planned_areas
            )
        numbers = [str(n) for n in range(1, len(areas) + 1)]
        self.key.setText(
            translate("StatisticsView", "Areas: {areas}").format(
                areas=" · ".join(f"{n} {a.name}" for n, a in zip(numbers, areas, strict=True))
            )
        )
        top = max((p.scale.highest for p in self.profiles), default=5)
        shown = insight.shown_assessors(every)
        single = bool(chosen)
        # A mean of letters is a mean of the points they stand for: the title says which.
        if not chosen:
            graded = list(self.profiles)
        else:  # one profile; one only its sessions know has no scale at hand
            graded = [self.profiles.get(chosen)] if chosen in loaded else []
        scales = {p.scale for p in graded if not p.scale.numbered}
        in_points = (
            " "
            + translate("StatisticsView", "(in points: {points})").format(
                points=", ".join(f"{p.label} {p.value}" for p in scales.pop().points)
            )
            if len(scales) == 1
            else " " + translate("StatisticsView", "(letters in points)")
            if scales
            else ""
        )
        flag = SPREAD_FLAG_AT
        area_charts = {
            key: (title, values, top_value, series)
            for key, title, values, top_value, series in (
                ("mean", translate("StatisticsView", "Mean agreed grade per area") + in_points,
                 [_number(a.mean_agreed) for a in areas], top,
                 translate("StatisticsView", "Mean agreed grade")),
                ("fail", translate("StatisticsView", "Candidates below the minimum, per area (%)"),
                 [_percent(a.fail_share) for a in areas], 100,
                 translate("StatisticsView", "Failing (%)")),
                ("spread", translate(
                    "StatisticsView", "Areas with a spread of {least} or more between members (%)"
                 ).format(least=flag),
                 [_percent(a.spread_share) for a in areas], 100,
                 translate("StatisticsView", "Spread {least}+ (%)").format(least=flag)),
            )
        }  # fmt: skip

        def area_chart(key: str) -> QChart:
            title, values, top_value, series = area_charts[key]
            return titled(bar_chart("", numbers, values, top_value, series), title, context)

        # Each chart is drawn when its tab is first shown: the window's thread builds one
        # chart, not seven, when the figures arrive.
        self._pending = {
            "mean": lambda: area_chart("mean"),
            "fail": lambda: area_chart("fail"),
            "spread": lambda: area_chart("spread"),
            "impact": lambda: impact_chart(insight.impact, context),
            "assessors": lambda: leniency_chart(shown, context),
            "agreement": lambda: agreement_chart(insight.agreement, single, context, self.names),
            "drift": lambda: drift_chart(insight.months, context),
        }
        self._draw_current()
        self.models["areas"].set_rows(list(areas))
        self.models["impact"].set_rows(list(insight.impact))
        self.models["assessors"].set_rows(list(shown))
        self.models["agreement"].set_rows(list(insight.agreement))
        self.models["drift"].set_rows(list(insight.months))
        self._show_table(self.charts.currentIndex())

    # --- exports -------------------------------------------------------------------------------

    def export_png(self, path: Path | None = None) -> Path | None:
        if path is None:
            path = save_file(
                self,
                translate("StatisticsView", "Export chart"),
                Path.home() / "chart.png",
                translate("StatisticsView", "PNG (*.png)"),
                ".png",
            )
            if path is None:
                return None
        view = self.charts.currentWidget()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        try:
            if not view.grab().save(buffer, "PNG"):
                raise OSError(translate("StatisticsView", "the chart could not be drawn"))
            write_atomic(path, bytes(data.data()))
        except OSError as exc:
            self._not_written(path, exc)
            return None
        self.job_bar.say(
            translate("StatisticsView", "✓ Wrote the chart to {path}.").format(path=path)
        )
        return path

    def csv_rows(self) -> list[list[str]]:
        if self.insight is None:
            return []
        return figures_csv_rows(
            self.insight, every_assessor=self.every_assessor.isChecked(), profile_names=self.names
        )

    def export_csv(self, path: Path | None = None) -> Path | None:
        if self.insight is None:
            return None
        if path is None:
            path = save_file(
                self,
                translate("StatisticsView", "Export figures"),
                Path.home() / "statistics.csv",
                translate("StatisticsView", "CSV (*.csv)"),
                ".csv",
            )
            if path is None:
                return None
        buffer = io.StringIO()
        rows = [[neutralise(c) for c in row] for row in self.csv_rows()]
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        try:
            write_atomic(path, buffer.getvalue().encode("utf-8-sig"))
        except OSError as exc:
            self._not_written(path, exc)
            return None
        self.job_bar.say(
            translate("StatisticsView", "✓ Wrote the figures to {path}.").format(path=path)
        )
        return path

    def _not_written(self, path: Path, exc: OSError) -> None:
        messages.warn(
            self,
            translate("StatisticsView", "Not exported"),
            translate("StatisticsView", "{path} could not be written: {exc}").format(
                path=path, exc=labels.os_error_text(exc)
            ),
        )

"""Statistics for a profile and date range, as charts (QtCharts) and as a table."""

from __future__ import annotations

import csv
import io
from fractions import Fraction
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.files import write_atomic
from pcso_interview.hr_export import neutralise
from pcso_interview.profiles import ProfileSet
from pcso_interview.scoring import SPREAD_FLAG_AT
from pcso_interview.statistics import (
    Statistics,
    compute_statistics,
    fraction_text,
    percent_text,
    statistics_csv_rows,
)
from pcso_interview.store.reading import SessionReader
from ui import messages
from ui.feedback import attempt
from ui.file_dialogs import save_file
from ui.hr.date_filter import OptionalDate
from ui.i18n import translate
from ui.table_model import Column, RowsModel

MAX_ASSESSORS = 15  # the chart shows those furthest from the agreed grades; the table, all


def _short(name: str) -> str:
    return name if len(name) <= 30 else name[:29] + "…"


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
    chart.setTitle(title)
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


class StatisticsView(QWidget):
    def __init__(self, store: SessionReader, profiles: ProfileSet, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.profiles = profiles
        self.stats: Statistics | None = None
        self.profile = QComboBox()
        self.profile.setAccessibleName(translate("StatisticsView", "Profile"))
        for p in profiles:
            self.profile.addItem(f"{p.force} · {p.role_title}", p.id)
        self.date_from = OptionalDate(translate("StatisticsView", "From"))
        self.date_to = OptionalDate(translate("StatisticsView", "To"))
        self.key = QLabel()
        self.key.setWordWrap(True)
        self.key.setAccessibleName(translate("StatisticsView", "Key to the area numbers"))
        self.summary = QLabel()
        self.summary.setAccessibleName(translate("StatisticsView", "Summary figures"))
        self.summary.setWordWrap(True)
        self.charts = QTabWidget()
        self.charts.setAccessibleName(translate("StatisticsView", "Charts"))
        self.chart_views: dict[str, QChartView] = {}
        for key, title in (
            ("mean", translate("StatisticsView", "Mean agreed &grade")),
            ("fail", translate("StatisticsView", "Failing ea&ch area")),
            (
                "spread",
                translate("StatisticsView", "&Spread of {SPREAD_FLAG_AT}+").format(
                    SPREAD_FLAG_AT=SPREAD_FLAG_AT
                ),
            ),
            ("assessors", translate("StatisticsView", "&Assessors")),
        ):
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setAccessibleName(title.replace("&", ""))
            view.viewport().setAccessibleName(title.replace("&", ""))
            self.chart_views[key] = view
            self.charts.addTab(view, title)
        self.table_model: RowsModel[list[str]] = RowsModel(
            [
                Column(translate("StatisticsView", "Figure"), lambda r: r[0]),
                Column(translate("StatisticsView", "Area or assessor"), lambda r: r[1]),
                Column(translate("StatisticsView", "Value"), lambda r: r[2], align_right=True),
            ]
        )
        self.table = QTableView()
        self.table.setAccessibleName(translate("StatisticsView", "Statistics table"))
        self.table.setModel(self.table_model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # The long figure names take what is left and wrap, so the values are never pushed out
        # of sight behind a horizontal scroll bar (they were, at 1366x768).
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        export_png = QPushButton(translate("StatisticsView", "E&xport chart as PNG…"))
        export_png.clicked.connect(lambda: self.export_png())
        export_csv = QPushButton(translate("StatisticsView", "Export figures as CS&V…"))
        export_csv.clicked.connect(lambda: self.export_csv())
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("StatisticsView", "Profile:")))
        top.addWidget(self.profile, 1)
        top.addWidget(self.date_from)
        top.addWidget(self.date_to)
        top.addWidget(export_png)
        top.addWidget(export_csv)
        body = QHBoxLayout()
        body.addWidget(self.charts, 3)
        body.addWidget(self.table, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        layout.addWidget(self.key)
        self.profile.currentIndexChanged.connect(self.refresh)
        self.date_from.changed.connect(self.refresh)
        self.date_to.changed.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # sessions may have been signed or reopened since it was last shown
        super().showEvent(event)

    def refresh(self) -> None:
        profile = self.profiles.get(self.profile.currentData())
        ok, sessions = attempt(
            self,
            lambda: self.store.statistics_sessions(
                profile.id, self.date_from.value(), self.date_to.value()
            ),
            reading=True,
        )
        if not ok or sessions is None:  # the figures on screen would belong to other filters
            self.stats = None
            self.summary.setText(
                translate(
                    "StatisticsView", "Could not read the sessions: the figures are not shown."
                )
            )
            self.key.setText("")
            for view in self.chart_views.values():
                view.setChart(QChart())
            self.table_model.set_rows([])
            return
        self.stats = stats = compute_statistics(profile, sessions)
        self.summary.setText(
            translate(
                "StatisticsView",
                "<b>{candidates}</b> signed session(s) · pass rate "
                "<b>{value}</b> · areas flagged for a spread of "
                "{SPREAD_FLAG_AT} or more: <b>{value2}</b>",
            ).format(
                candidates=stats.candidates,
                value=percent_text(stats.pass_rate),
                SPREAD_FLAG_AT=SPREAD_FLAG_AT,
                value2=percent_text(stats.spread_share),
            )
        )
        names = [str(number) for number in range(1, len(stats.areas) + 1)]
        self.key.setText(
            translate("StatisticsView", "Areas: ")
            + " · ".join(f"{i} {a.name}" for i, a in enumerate(stats.areas, start=1))
        )
        top = profile.scale.highest
        scale = profile.scale
        # A mean of letters is a mean of the points they stand for: the title says which.
        in_points = (
            ""
            if scale.numbered
            else translate("StatisticsView", " (in points: ")
            + ", ".join(f"{p.label} {p.value}" for p in scale.points)
            + ")"
        )

        def number(value: Fraction | None) -> float:
            return float(fraction_text(value)) if value is not None else 0.0

        def percent(value: Fraction | None) -> float:  # one decimal place, as the table shows it
            return float(fraction_text(value * 100, 1)) if value is not None else 0.0

        flag = SPREAD_FLAG_AT
        charts = (
            ("mean", translate("StatisticsView", "Mean agreed grade per area{in_points}"),
             [number(a.mean_agreed) for a in stats.areas], top,
             translate("StatisticsView", "Mean agreed grade")),
            ("fail", translate("StatisticsView", "Candidates below the minimum, per area (%)"),
             [percent(a.fail_share) for a in stats.areas], 100,
             translate("StatisticsView", "Failing (%)")),
            ("spread",
             translate("StatisticsView", "Areas with a spread of {flag} or more "
                       "between members (%)"),
             [percent(a.spread_share) for a in stats.areas], 100,
             translate("StatisticsView", "Spread {flag}+ (%)")),
        )  # fmt: skip
        for key, title, values, top_value, series in charts:
            title = title.format(in_points=in_points, flag=flag)
            series = series.format(flag=flag)
            self.chart_views[key].setChart(bar_chart(title, names, values, top_value, series))
        shown = sorted(
            sorted(stats.assessors, key=lambda a: -abs(a.mean_difference))[:MAX_ASSESSORS],
            key=lambda a: (a.mean_difference, a.assessor.name),
        )
        differences = [number(a.mean_difference) for a in shown]
        reach = max([1.0, *(abs(d) for d in differences)])
        more = len(stats.assessors) - len(shown)
        self.chart_views["assessors"].setChart(
            bar_chart(
                translate(
                    "StatisticsView",
                    "Assessors: mean of own grade minus agreed grade (+ lenient, - severe)",
                )
                + (
                    translate(
                        "StatisticsView", "; the {count} furthest, the table lists all"
                    ).format(count=len(shown))
                    if more > 0
                    else ""
                ),
                [a.assessor.label for a in shown],
                differences,
                reach,
                translate("StatisticsView", "Mean difference"),
                horizontal=True,
                axis_min=-reach,
            )
        )
        self.table_model.set_rows(statistics_csv_rows(stats)[1:])

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
            messages.warn(
                self,
                translate("StatisticsView", "Not exported"),
                translate("StatisticsView", "{path} could not be written: {exc}").format(
                    path=path, exc=exc
                ),
            )
            return None
        return path

    def export_csv(self, path: Path | None = None) -> Path | None:
        if self.stats is None:
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
        rows = [[neutralise(c) for c in row] for row in statistics_csv_rows(self.stats)]
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        try:
            write_atomic(path, buffer.getvalue().encode("utf-8-sig"))
        except OSError as exc:
            messages.warn(
                self,
                translate("StatisticsView", "Not exported"),
                translate("StatisticsView", "{path} could not be written: {exc}").format(
                    path=path, exc=exc
                ),
            )
            return None
        return path

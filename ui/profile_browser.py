"""Read-only view of the force profiles: their areas, indicators and the role's criteria."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.profiles import Area, Criterion, Indicator, Profile
from pcso_interview.scoring import number_text
from ui import labels
from ui.i18n import translate
from ui.table_model import Column, RowsModel


@dataclass(frozen=True)
class IndicatorRow:
    area: Area
    number: int
    indicator: Indicator
    planned: bool


def profiles_model(profiles: list[Profile]) -> RowsModel[Profile]:
    return RowsModel(
        [
            Column(translate("profile_browser", "Force"), lambda p: p.force),
            Column(translate("profile_browser", "Role"), lambda p: p.role_title),
            Column(translate("profile_browser", "Grade"), lambda p: p.grade),
            Column(translate("profile_browser", "Framework"), lambda p: p.framework_label),
            Column(translate("profile_browser", "Areas"), lambda p: len(p.areas), align_right=True),
            Column(
                translate("profile_browser", "Indicators"),
                lambda p: p.indicator_count,
                align_right=True,
            ),
        ],
        profiles,
    )


def indicators_model() -> RowsModel[IndicatorRow]:
    return RowsModel(
        [
            Column(translate("profile_browser", "Area"), lambda r: r.area.name),
            Column(translate("profile_browser", "Kind"), lambda r: labels.kind(r.area.kind)),
            Column(translate("profile_browser", "No."), lambda r: r.number, align_right=True),
            Column(
                translate("profile_browser", "Indicator"),
                # the stem the indicators complete, before the first: "We act with courage when we:"
                lambda r: (
                    (f"{r.area.stem} " if r.area.stem and r.number == 1 else "") + r.indicator.text
                ),
                tooltip=lambda r: f"{r.area.stem} {r.indicator.text}".strip(),
            ),
            Column(
                translate("profile_browser", "Text from"),
                lambda r: (
                    translate("profile_browser", "national CVF")
                    if r.area.is_national
                    else translate("profile_browser", "this document")
                ),
            ),
            Column(
                translate("profile_browser", "At interview"),
                lambda r: (
                    translate("profile_browser", "yes")
                    if r.planned
                    else translate("profile_browser", "no")
                ),
            ),
        ]
    )


def criteria_model() -> RowsModel[Criterion]:
    return RowsModel(
        [
            Column(translate("profile_browser", "Category"), lambda c: labels.category(c.category)),
            Column(
                translate("profile_browser", "Criterion"),
                lambda c: c.text,
                tooltip=lambda c: f"{c.text}\n\n{c.description}" if c.description else c.text,
            ),
            Column(
                translate("profile_browser", "Description"),
                lambda c: c.description,
                tooltip=lambda c: c.description,
            ),
            Column(translate("profile_browser", "Level"), lambda c: c.level),
            Column(
                translate("profile_browser", "Essential / desirable"),
                lambda c: (
                    labels.requirement(c.requirement)
                    if c.requirement
                    else translate("profile_browser", "not stated")
                ),
            ),
            Column(
                translate("profile_browser", "Assessed by"),
                lambda c: ", ".join(c.assessed_by) or translate("profile_browser", "not stated"),
            ),
        ]
    )


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    return view


class ProfileBrowser(QWidget):
    """Every loaded profile; selecting one shows its areas, indicators and criteria."""

    def __init__(self, profiles: list[Profile], parent: QWidget | None = None):
        super().__init__(parent)
        self.profile_list = _table(translate("ProfileBrowser", "Profiles"))
        self.profile_model = profiles_model(profiles)
        self.profile_list.setModel(self.profile_model)
        self.profile_list.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(translate("ProfileBrowser", "Profile summary"))
        self.indicators = _table(translate("ProfileBrowser", "Areas and indicators"))
        self.indicator_model = indicators_model()
        self.indicators.setModel(self.indicator_model)
        self.criteria = _table(translate("ProfileBrowser", "The role's criteria"))
        self.criteria_model = criteria_model()
        self.criteria.setModel(self.criteria_model)
        for view in (self.indicators, self.criteria):
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.indicators.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.criteria.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.criteria.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for view in (self.indicators, self.criteria):
            view.horizontalHeader().sectionResized.connect(
                lambda *_, v=view: v.resizeRowsToContents()
            )
        tabs = QTabWidget()
        tabs.setAccessibleName(translate("ProfileBrowser", "Profile details"))
        tabs.addTab(self.indicators, translate("ProfileBrowser", "Areas and in&dicators"))
        tabs.addTab(self.criteria, translate("ProfileBrowser", "Role &criteria"))
        # A table sized while its tab was hidden has rows as tall as its narrowest layout.
        tabs.currentChanged.connect(lambda _index: self._fit_rows())
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        # The summary scrolls rather than set the window's least height: a force's framework,
        # sources and vetting level make it several lines on a small or scaled screen.
        summary_area = QScrollArea()
        summary_area.setWidget(self.summary)
        summary_area.setWidgetResizable(True)
        summary_area.setFrameShape(QScrollArea.Shape.NoFrame)
        summary_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        summary_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lines = self.fontMetrics().lineSpacing()
        summary_area.setMinimumHeight(2 * lines)
        summary_area.setMaximumHeight(7 * lines)
        details_layout.addWidget(summary_area)
        details_layout.addWidget(tabs, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.profile_list)
        splitter.addWidget(details)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.profile_list.selectionModel().selectionChanged.connect(self._selected)
        if profiles:
            self.profile_list.selectRow(0)

    def _fit_rows(self) -> None:
        for view in (self.indicators, self.criteria):
            if view.isVisible():
                view.resizeRowsToContents()

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.show_profile(self.profile_model.row(rows[0].row()))

    def show_profile(self, profile: Profile) -> None:
        planned = {p.area for p in profile.plan}
        sources = "; ".join(
            f"{s.title or s.file}{' (' + s.date + ')' if s.date else ''} — {s.file}"
            for s in profile.sources
        )
        decimals = profile.decimal_weights
        plan = ", ".join(
            f"{profile.area(p.area).name} ×{number_text(p.weight, decimals=decimals)}"
            + (
                translate("ProfileBrowser", " (min {value})").format(
                    value=profile.scale.label(p.minimum)
                )
                if p.minimum is not None
                else ""
            )
            for p in profile.plan
        )
        self.summary.setText(
            translate(
                "ProfileBrowser",
                "<b>{value}</b> · {value2} · {value3} · {value4}, {value5}",
            ).format(
                value=escape(profile.force),
                value2=escape(profile.role_title),
                value3=escape(profile.grade),
                value4=escape(profile.framework_label),
                value5=escape(labels.phrase(profile.level_phrase)),
            )
            + (
                translate("ProfileBrowser", " · vetting: {value}").format(
                    value=escape(profile.vetting)
                )
                if profile.vetting
                else ""
            )
            + translate(
                "ProfileBrowser",
                "<br>Source: {value}<br>Scale: {value2} · agreed grades: "
                "{method} · pass mark {value3} · {value4} · kept "
                "{retention_months} months<br>At interview: {value5}",
            ).format(
                value=escape(sources),
                value2=escape(profile.scale.labels_text),
                method=labels.method(profile.method),
                value3=escape(labels.phrase(profile.pass_mark_phrase)),
                value4=escape(profile.protective_marking),
                retention_months=profile.retention_months,
                value5=escape(plan),
            )
            + (f"<br><i>{escape(profile.notes)}</i>" if profile.notes else "")
        )
        self.indicator_model.set_rows(
            [
                IndicatorRow(area, n, indicator, area.id in planned)
                for area in profile.areas
                for n, indicator in enumerate(area.indicators, start=1)
            ]
        )
        self.criteria_model.set_rows(list(profile.criteria))
        self._fit_rows()

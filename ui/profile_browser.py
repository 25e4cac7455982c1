"""Read-only view of the force profiles: their areas, indicators and the role's criteria."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.profiles import Area, Criterion, Indicator, Profile
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
            Column("Force", lambda p: p.force),
            Column("Role", lambda p: p.role_title),
            Column("Grade", lambda p: p.grade),
            Column("Framework", lambda p: p.framework.upper()),
            Column("Areas", lambda p: len(p.areas), align_right=True),
            Column("Indicators", lambda p: p.indicator_count, align_right=True),
        ],
        profiles,
    )


def indicators_model() -> RowsModel[IndicatorRow]:
    return RowsModel(
        [
            Column("Area", lambda r: r.area.name),
            Column("Kind", lambda r: r.area.kind),
            Column("No.", lambda r: r.number, align_right=True),
            Column("Indicator", lambda r: r.indicator.text, tooltip=lambda r: r.indicator.text),
            Column(
                "Text from",
                lambda r: "national CVF" if r.area.is_national else "this document",
            ),
            Column("At interview", lambda r: "yes" if r.planned else "no"),
        ]
    )


def criteria_model() -> RowsModel[Criterion]:
    return RowsModel(
        [
            Column("Category", lambda c: c.category),
            Column("Criterion", lambda c: c.text, tooltip=lambda c: c.text),
            Column("Level", lambda c: c.level),
            Column("Essential / desirable", lambda c: c.requirement or "not stated"),
            Column("Assessed by", lambda c: ", ".join(c.assessed_by) or "not stated"),
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
        self.profile_list = _table("Profiles")
        self.profile_model = profiles_model(profiles)
        self.profile_list.setModel(self.profile_model)
        self.profile_list.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("Profile summary")
        self.indicators = _table("Areas and indicators")
        self.indicator_model = indicators_model()
        self.indicators.setModel(self.indicator_model)
        self.criteria = _table("The role's criteria")
        self.criteria_model = criteria_model()
        self.criteria.setModel(self.criteria_model)
        for view in (self.indicators, self.criteria):
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.indicators.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.criteria.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for view in (self.indicators, self.criteria):
            view.horizontalHeader().sectionResized.connect(
                lambda *_, v=view: v.resizeRowsToContents()
            )
        tabs = QTabWidget()
        tabs.setAccessibleName("Profile details")
        tabs.addTab(self.indicators, "Areas and in&dicators")
        tabs.addTab(self.criteria, "Role &criteria")
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.summary)
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

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.show_profile(self.profile_model.row(rows[0].row()))

    def show_profile(self, profile: Profile) -> None:
        planned = {p.area for p in profile.plan}
        self.summary.setText(
            f"<b>{profile.force}</b> · {profile.role_title} · {profile.grade} · "
            f"{profile.framework.upper()} level {profile.level}<br>"
            f"Source: {profile.source_title or profile.source_file}"
            f"{' (' + profile.source_date + ')' if profile.source_date else ''}"
            f" — {profile.source_file}<br>"
            f"Agreed grades: {profile.method} · pass mark {profile.pass_mark_percent}% · "
            f"{profile.protective_marking} · kept {profile.retention_months} months"
            + (f"<br><i>{profile.notes}</i>" if profile.notes else "")
        )
        self.indicator_model.set_rows(
            [
                IndicatorRow(area, n, indicator, area.id in planned)
                for area in profile.areas
                for n, indicator in enumerate(area.indicators, start=1)
            ]
        )
        self.criteria_model.set_rows(list(profile.criteria))

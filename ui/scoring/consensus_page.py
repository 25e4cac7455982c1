"""Consensus: each area against the members' grades, spread flags, the agreed grade per the
profile's method, the rationale where it is required, and the live outcome with its reasons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.phrases import Phrase
from pcso_interview.profiles import Area, Scale
from pcso_interview.scoring import SPREAD_FLAG_AT, Method, Result
from pcso_interview.session import Session
from ui import labels, messages
from ui.i18n import translate
from ui.scoring.note_editor import SAVE_AFTER_MS
from ui.scoring.pages import initials
from ui.table_model import Index

RATIONALE_MIN_WIDTH = 160
COMPACT_HEIGHT = 560  # as the area page's (ui.scoring.area_page)
CELL_PADDING = 16  # a header's margins beside its title

RESULT_SYMBOL = {Result.PASS: "✓", Result.FAIL: "✗", Result.INCOMPLETE: "…"}


@dataclass(frozen=True)
class ConsensusRow:
    area: Area
    grades: tuple[int | None, ...]  # one per panel member, in panel order
    spread_flag: bool
    agreed: int | None
    rationale: str
    rationale_required: bool


class ConsensusModel(QAbstractTableModel):
    """Rows are the planned areas; the agreed grade and rationale are editable by the chair."""

    agree_requested = Signal(str, object, str)  # area id, grade | None, rationale
    refused = Signal(str)  # what was typed cannot be stored, in words for the user

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ConsensusRow] = []
        self.member_names: list[str] = []
        self.visible = False
        self.editable = False
        self.scale: Scale | None = None
        self.short_names = False  # members' columns titled by initials, the name as the tip

    def load(self, session: Session, visible: bool, editable: bool) -> None:
        self.beginResetModel()
        self.member_names = [m.name for m in session.panel]
        self.visible = visible
        self.editable = editable and session.profile.method is Method.CONSENSUS
        self.scale = session.profile.scale
        self.rows = [
            ConsensusRow(
                area,
                tuple(session.grades.get((m.id, area.id)) for m in session.panel),
                session.spread_flagged(area.id),
                session.agreed_grade(area.id),
                session.rationale(area.id),
                session.needs_rationale(area.id),
            )
            for area in session.planned_areas
        ]
        self.endResetModel()

    # columns: area, one per member, spread, agreed, rationale
    @property
    def agreed_column(self) -> int:
        return 1 + len(self.member_names) + 1

    @property
    def rationale_column(self) -> int:
        return self.agreed_column + 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.member_names) + 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        names = self.member_names
        if role == Qt.ItemDataRole.DisplayRole:
            shown = [initials(n) for n in names] if self.short_names else names
            return [
                translate("ConsensusModel", "Area"),
                *shown,
                translate("ConsensusModel", "Spread"),
                translate("ConsensusModel", "Agreed"),
                translate("ConsensusModel", "Rationale"),
            ][section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return [
                translate("ConsensusModel", "Area"),
                *names,
                translate("ConsensusModel", "Spread"),
                translate("ConsensusModel", "Agreed"),
                translate("ConsensusModel", "Rationale"),
            ][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """The agreed grade is editable by the chair once grades show; its rationale once
        there is an agreed grade to explain (a rationale typed earlier would have nowhere
        to go)."""
        flags = super().flags(index)
        if not (index.isValid() and self.editable and self.visible):
            return flags
        column = index.column()
        if column == self.agreed_column or (
            column == self.rationale_column and self.rows[index.row()].agreed is not None
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == self.agreed_column:
                return self._label(row.agreed)
            if column == self.rationale_column:
                return row.rationale
        spread_column = 1 + len(self.member_names)
        if role == Qt.ItemDataRole.FontRole and column == spread_column and row.spread_flag:
            font = QFont()
            font.setBold(True)
            return font
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == self.rationale_column
            and row.rationale_required
        ):
            return translate(
                "ConsensusModel",
                "The agreed grade lies outside the members' grades: a rationale is required.",
            )
        return None

    def _text(self, row: ConsensusRow, column: int) -> str:
        members = len(self.member_names)
        if column == 0:
            return row.area.name
        if 1 <= column <= members:
            if not self.visible:
                return "hidden"
            grade = row.grades[column - 1]
            return "-" if grade is None else self._label(grade)
        if column == members + 1:
            if not self.visible:
                return ""
            return (
                translate("ConsensusModel", "⚑ {SPREAD_FLAG_AT}+ discuss").format(
                    SPREAD_FLAG_AT=SPREAD_FLAG_AT
                )
                if row.spread_flag
                else ""
            )
        if column == self.agreed_column:
            return self._label(row.agreed)
        if column == self.rationale_column:
            if row.rationale_required and not row.rationale.strip():
                return translate("ConsensusModel", "⚠ required: outside the members' grades")
            return row.rationale
        return ""

    def _label(self, grade: int | None) -> str:
        """A grade as the scale writes it: "3", or "B" on a lettered scale."""
        if grade is None:
            return ""
        return self.scale.label(grade) if self.scale is not None else str(grade)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row = self.rows[index.row()]
        if index.column() == self.agreed_column:
            text = str(value).strip()
            if not text:
                self.agree_requested.emit(row.area.id, None, "")
                return True
            if self.scale is None:
                return False
            grade = self.scale.value_of(text)  # typed as the scale labels it: "3", or "B"
            if grade is None:
                problem = self.scale.typed_problem_phrase(text)
                self.refused.emit(labels.phrase(problem) if problem is not None else "")
                return False
            self.agree_requested.emit(row.area.id, grade, row.rationale)
            return True
        self.agree_requested.emit(row.area.id, row.agreed, str(value))
        return True


class RationaleDelegate(QStyledItemDelegate):
    """The rationale's editor saves as it is typed (every SAVE_AFTER_MS), not only on Enter:
    a crash mid-sentence loses a fraction of a second, not the panel's reasoning."""

    typed = Signal(int, str)  # row, text so far

    def __init__(self, model: ConsensusModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.open_editor: QLineEdit | None = None  # a rationale being typed, if any

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if index.column() == self.model.rationale_column and isinstance(editor, QLineEdit):
            timer = QTimer(editor)
            timer.setSingleShot(True)
            timer.setInterval(SAVE_AFTER_MS)
            row = index.row()
            timer.timeout.connect(lambda: self.typed.emit(row, editor.text()))
            editor.textEdited.connect(lambda _text: timer.isActive() or timer.start())
            self.open_editor = editor
            # Qt frees a closed editor later: by then the next cell's may be the open one.
            editor.destroyed.connect(lambda _=None, closed=editor: self._forget_editor(closed))
        return editor

    def _forget_editor(self, closed: QLineEdit) -> None:
        if self.open_editor is closed:
            self.open_editor = None

    def finish(self) -> None:
        """Save the rationale being typed and close its editor, as Enter would: the window
        may be closing, and text typed since the last draft would be lost (and the editor's
        own timer would then write to a closed database)."""
        editor = self.open_editor
        if editor is None:
            return
        self.open_editor = None
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)


class ConsensusPage(QWidget):
    agree_requested = Signal(str, object, str)
    rationale_typed = Signal(str, object, str)  # area id, its agreed grade, text so far

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel(translate("ConsensusPage", "<h2 style='margin:0'>Consensus</h2>"))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.full_explanation = self.short_explanation = ""
        self.model = ConsensusModel(self)
        self.model.agree_requested.connect(self.agree_requested)
        self.model.refused.connect(self._refused)
        self.table = QTableView()
        self.table.setAccessibleName(translate("ConsensusPage", "Agreed grades"))
        self.table.setModel(self.model)
        self.delegate = RationaleDelegate(self.model, self.table)
        self.delegate.typed.connect(self._rationale_typed)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # one Tab stop; arrows move inside
        self.table.setWordWrap(True)
        # At least three areas in view, however small the screen (the page scrolls).
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.table.installEventFilter(self)  # its width decides how members are titled
        self.outcome = QLabel()
        self.outcome.setAccessibleName(translate("ConsensusPage", "Outcome"))
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.outcome)

    def _refused(self, message: str) -> None:
        """Said once the editor has closed, then the keys are back on the cell typed in (a
        box shown from inside the editor left the focus on the window's tab bar)."""
        current = self.table.currentIndex()

        def say() -> None:
            messages.warn(self, translate("ConsensusPage", "Not saved"), message)
            self.window().activateWindow()
            if current.isValid():
                self.table.setCurrentIndex(current)
            self.table.setFocus()

        QTimer.singleShot(0, say)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Short (a small or scaled screen): no heading (the list on the left says where
        this is), for the agreed grades and the outcome to stay in view together."""
        super().resizeEvent(event)
        self.heading.setVisible(event.size().height() >= COMPACT_HEIGHT)
        self._show_explanation()

    def _fit_columns(self) -> None:
        """Members' full names as the columns' titles where they fit beside a rationale of
        RATIONALE_MIN_WIDTH; their initials otherwise (the name as the tip), so that the
        Area column never scrolls out of view on a small screen."""
        model = self.model
        if not model.member_names:
            return
        metrics = self.table.horizontalHeader().fontMetrics()
        names = sum(metrics.horizontalAdvance(n) + CELL_PADDING for n in model.member_names)
        fixed = self.table.sizeHintForColumn(0) + sum(
            self.table.horizontalHeader().sectionSizeHint(c)
            for c in (model.agreed_column - 1, model.agreed_column)
        )
        short = self.table.viewport().width() < fixed + names + RATIONALE_MIN_WIDTH
        if short != model.short_names:
            model.short_names = short
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)

    def start(self) -> None:
        """Opening Consensus: the cursor on the first agreed grade still to type (the first
        row when none is left), whatever was selected before."""
        rows = self.model.rows
        empty = next((n for n, r in enumerate(rows) if r.agreed is None), 0)
        if rows:
            self.table.setCurrentIndex(self.model.index(empty, self.model.agreed_column))

    def flush(self) -> None:
        """A rationale still being typed is saved (before the window closes)."""
        self.delegate.finish()

    def _rationale_typed(self, row: int, text: str) -> None:
        if 0 <= row < len(self.model.rows) and self.model.rows[row].agreed is not None:
            found = self.model.rows[row]
            self.rationale_typed.emit(found.area.id, found.agreed, text)

    def show_session(self, session: Session, member_id: str, editable: bool) -> None:
        member = session.member(member_id)
        visible = session.has_submitted(member_id)
        method = session.profile.method
        self.short_explanation = ""  # what a short page says instead, if anything shorter
        chair_may_edit = editable and member.is_chair and visible
        current = self.table.currentIndex()
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is self.table or self.table.isAncestorOf(focus))
        self.model.load(session, visible, chair_may_edit)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.rationale_column, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        rows, columns = self.model.rowCount(), self.model.columnCount()
        if current.isValid() and current.row() < rows and current.column() < columns:
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        else:
            self.start()
        if had_focus:
            self.table.setFocus()
        if not visible:
            done = session.graded_count(member_id)
            self.explanation.setText(
                translate(
                    "ConsensusPage",
                    "The members' grades stay hidden from {name} until they have "
                    "graded every area ({done} of {count} done).",
                ).format(name=member.name, done=done, count=len(session.planned_areas))
            )
        elif method is Method.CONSENSUS and not member.is_chair:
            self.explanation.setText(
                translate(
                    "ConsensusPage",
                    "The chair ({name}) records the agreed grades: choose "
                    "'Scoring as' the chair (Ctrl+M) to type them.",
                ).format(name=session.chair.name)
            )
        elif method is Method.CONSENSUS and len(session.panel) == 1:
            self.explanation.setText(
                translate(
                    "ConsensusPage",
                    "One member: each agreed grade is taken from your own grade as you grade the"
                    " area. Type another grade here to change it (Right for the rationale, which is"
                    " required when it differs from yours).",
                )
            )
        elif method is Method.CONSENSUS:
            self.short_explanation = translate(
                "ConsensusPage", "Type the agreed grade, Enter; Right for the rationale."
            )
            self.explanation.setText(
                translate(
                    "ConsensusPage",
                    "Type the agreed grade for each area after the panel's "
                    "discussion (Enter, then Down for the next); Right for the "
                    "rationale. A rationale is required when the agreed grade "
                    "lies outside the members' grades. ⚑ marks a spread of "
                    "{SPREAD_FLAG_AT} or more.",
                ).format(SPREAD_FLAG_AT=SPREAD_FLAG_AT)
            )
        else:
            self.explanation.setText(
                translate(
                    "ConsensusPage", "This profile derives agreed grades by the '{method}' method."
                ).format(method=labels.method(method))
            )
        self.explanation.setToolTip(self.explanation.text())
        self.full_explanation = self.explanation.text()
        self._show_explanation()
        self.outcome.setText(outcome_text(session, member.name))

    def _show_explanation(self) -> None:
        short = self.heading.isHidden() and bool(self.short_explanation)
        self.explanation.setText(self.short_explanation if short else self.full_explanation)


NOT_AGREED = ("outcome.not_agreed", "blocker.not_agreed")


def grouped(reasons: Sequence[str | Phrase]) -> list[str]:
    """The areas with no agreed grade yet in one line ("No agreed grade yet: A, B."), the other
    reasons as they are, in the interface's language: ten areas to agree are one line, not
    ten, on a small screen."""
    waiting = [
        str(dict(r.fields)["area"])
        for r in reasons
        if isinstance(r, Phrase) and r.key in NOT_AGREED
    ]
    rest = [
        labels.phrase(r) for r in reasons if not (isinstance(r, Phrase) and r.key in NOT_AGREED)
    ]
    return (
        [
            translate("consensus_page", "No agreed grade yet: {value}.").format(
                value=", ".join(waiting)
            )
        ]
        if waiting
        else []
    ) + rest


def outcome_text(session: Session, member_name: str, *, next_step: bool = True) -> str:
    """The live outcome with every reason, as Consensus and Sign-off show it (rich text)."""
    if session.blind:
        return translate(
            "consensus_page",
            "The agreed grades and the outcome show for {member_name} "
            "once they have graded every area.",
        ).format(member_name=member_name)
    outcome = session.outcome
    lines = [
        translate(
            "consensus_page",
            "<b>Outcome: {value} {label}</b> — {score_text}, pass mark {pass_mark_text}",
        ).format(
            value=RESULT_SYMBOL[outcome.result],
            label=labels.outcome(outcome.result),
            score_text=labels.phrase(outcome.score_phrase),
            pass_mark_text=labels.phrase(outcome.pass_mark_phrase),
        )
    ]
    reasons = outcome.explanation_phrases() if outcome.result is not Result.PASS else []
    lines += [f"• {escape(reason, quote=False)}" for reason in grouped(reasons)]
    # Grades changed after their member had seen the others': the panel sees each one.
    lines += [
        f"⚑ {escape(labels.phrase(session.revision_phrase(r)), quote=False)}"
        for r in session.revisions
    ]
    if next_step and not session.signoff_blockers() and not session.locked:
        lines.append(translate("consensus_page", "<b>Next: Sign-off (Ctrl+Shift+S)</b>"))
    return "<br>".join(lines)

"""One area for one member: the question, each indicator's classification and note, the
member's free note and grade, with the scale's descriptors and the member's counts in view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.guidance import grade_keys
from pcso_interview.profiles import Area, Indicator, Scale
from pcso_interview.scoring import Classification
from pcso_interview.session import Session
from ui import labels
from ui.fit import PageScroll
from ui.i18n import translate
from ui.scoring.note_editor import SAVE_AFTER_MS, NoteEditor
from ui.shortcuts import classify_keys
from ui.table_model import Column, Index, RowsModel

# Below this height the scale's descriptors fold into one line for the grade chosen (or about
# to be chosen). The table's columns follow its width (``AreaPage._fit_columns``).
COMPACT_HEIGHT = 560
INDICATOR_MIN_WIDTH = 180  # the Indicator column never gets narrower: it wraps, it does not clip
NOTE_MIN_WIDTH = 160  # narrower than this, the Evidence note column leaves the table
NOTE_HEIGHT = 80  # the evidence note's editor at most, unless the page is short
CELL_PADDING = 16  # a cell's margins and focus frame beside its text
SIDE_MIN_WIDTH = 200  # the grade's side: "4  Exceeds requirements" in full

CLASSIFICATION_BACKGROUND = {
    Classification.DEMONSTRATED: QColor("#e3f2e1"),
    Classification.PARTLY: QColor("#fff4d6"),
    Classification.CONTRARY: QColor("#fbe0e0"),
}


@dataclass(frozen=True)
class IndicatorMark:
    number: int
    indicator: Indicator
    classification: Classification
    note: str


# The Evidence column on a narrow page: the symbol and the key that sets it ("+ D").
SHORT_TEXT = {
    Classification.DEMONSTRATED: "+ D",
    Classification.PARTLY: "~ P",
    Classification.CONTRARY: "− C",
    Classification.NONE: "· N",
}


class IndicatorsModel(RowsModel[IndicatorMark]):
    def __init__(self, parent: QObject | None = None) -> None:
        self.short = False  # the Evidence column as "+ D" (a narrow page), its word in the tip
        super().__init__(
            [
                Column(
                    translate("IndicatorsModel", "Evidence"),
                    lambda r: (
                        SHORT_TEXT[r.classification]
                        if self.short
                        else labels.classification_text(r.classification)
                    ),
                ),
                Column(
                    translate("IndicatorsModel", "Indicator"),
                    lambda r: f"{r.number}. {r.indicator.text}",
                ),
                Column(
                    translate("IndicatorsModel", "Evidence note"),
                    lambda r: r.note.replace("\n", " "),
                ),
            ],
            parent=parent,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() == 0:
            colour = CLASSIFICATION_BACKGROUND.get(self.row(index.row()).classification)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            mark = self.row(index.row())
            if index.column() == 0:
                return labels.classification_text(mark.classification)
            return f"{mark.indicator.text}\n\n{mark.note}" if mark.note else mark.indicator.text
        return super().data(index, role)

    def update_rows(self, rows: Sequence[IndicatorMark]) -> None:
        """Same indicators, new marks: change the cells in place so the cursor stays put."""
        if len(rows) != len(self.rows) or any(
            a.indicator != b.indicator for a, b in zip(rows, self.rows, strict=True)
        ):
            self.set_rows(rows)
            return
        super().update_rows(rows)


class GradeBox(QGroupBox):
    """The member's grade: a point is chosen by typing its label ("3", or "B"), by the arrow
    keys and Space, or by a click. Esc goes back to the indicators."""

    grade_typed = Signal(int)  # the value whose label was typed
    leave = Signal()

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.scale: Scale | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = event.text().strip()
        value = self.scale.value_of(typed) if typed and self.scale is not None else None
        if value is not None:
            self.grade_typed.emit(value)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.leave.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class QuestionLine(QLineEdit):
    """An area's second (third, ...) question, saved as typed like the first: each question
    asked is recorded. It knows the question's key ("area-id#2") it was showing."""

    changed = Signal(str, str)  # question key, text

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = ""
        self.saved = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.flush)
        self.textEdited.connect(lambda _text: self._timer.isActive() or self._timer.start())
        self.editingFinished.connect(self.flush)

    def show_question(self, key: str, text: str) -> None:
        if self.key != key:
            self.flush()  # typed for the question being left: saved to that question
        if not self.hasFocus() or self.key != key:
            self.setText(text)
        self.key, self.saved = key, text

    def flush(self) -> None:
        self._timer.stop()
        if self.key and self.text() != self.saved:
            self.saved = self.text()
            self.changed.emit(self.key, self.text())


class IndicatorTable(QTableView):
    """The indicators, driven by single keys: classify, grade, open the note."""

    classify = Signal(int, object)  # row, Classification
    grade_key = Signal(str)  # a digit typed: a grade's label on a numbered scale
    grade_box = Signal()  # G: choose the grade by its label (a letter) in the grade box
    open_note = Signal(int)
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        key = event.key()
        keys = classify_keys()
        if plain and key in keys and row >= 0 and not self.isReadOnly():
            self.classify.emit(row, keys[key])
            event.accept()
            return
        if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not self.isReadOnly():
            self.grade_key.emit(chr(key))
            event.accept()
            return
        if plain and key == Qt.Key.Key_G and not self.isReadOnly():
            self.grade_box.emit()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self.open_note.emit(row)
            event.accept()
            return
        super().keyPressEvent(event)

    def isReadOnly(self) -> bool:
        return bool(self.property("readOnly"))


class AreaPage(QWidget):
    """A view: it shows one member's marks for one area and asks for changes by signals."""

    classify_requested = Signal(str, object)  # indicator id, Classification
    note_changed = Signal(object, str)  # (session id, member id, indicator id), text
    area_note_changed = Signal(object, str)  # (session id, member id, area id), text
    grade_requested = Signal(str, object)  # area id, int | None
    question_changed = Signal(str, str)  # area id, text

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.area: Area | None = None
        self.session: Session | None = None
        self._editable = False
        self.member_id = ""
        self.advance = True  # classifying moves the cursor to the next indicator (a setting)
        self.compact = False
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAccessibleName(translate("AreaPage", "Area"))
        self.question = QLineEdit()
        self.question.setAccessibleName(translate("AreaPage", "Question asked"))
        self.question.setPlaceholderText(
            translate("AreaPage", "Type the question asked for this area")
        )
        self.question.editingFinished.connect(self._question_done)
        # Saved as typed: at most a third of a second of a question is ever unsaved.
        self._question_area = ""
        self._question_timer = QTimer(self)
        self._question_timer.setSingleShot(True)
        self._question_timer.setInterval(SAVE_AFTER_MS)
        self._question_timer.timeout.connect(self._question_done)
        self.question.textEdited.connect(self._question_typed)
        question_row = QHBoxLayout()
        question_row.setContentsMargins(0, 0, 0, 0)
        question_label = QLabel(translate("AreaPage", "&Q:"))
        question_label.setToolTip(
            translate("AreaPage", "The question asked for this area (Ctrl+Shift+Q)")
        )
        question_label.setBuddy(self.question)
        question_row.addWidget(question_label)
        question_row.addWidget(self.question)
        # An area the profile gives several questions: one line each after the first.
        self.more_questions: list[QuestionLine] = []
        self.more_questions_layout = QVBoxLayout()
        self.more_questions_layout.setContentsMargins(0, 0, 0, 0)

        self.model = IndicatorsModel(self)
        self.table = IndicatorTable()
        self.table.setAccessibleName(translate("AreaPage", "Indicators"))
        self.table.setAccessibleDescription(
            translate(
                "AreaPage",
                "D demonstrated, P partly, C contrary, N nothing recorded, Enter for the note, "
                "1 to 5 for the grade (G then the letter on a lettered scale)",
            )
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # one Tab stop; arrows move inside
        # At least three indicators in view, however small the screen (the page scrolls).
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 260)
        header.setMinimumSectionSize(40)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.resized.connect(self._fit_columns)
        self._rows_later = QTimer(self)  # rows fitted to their text once the columns are set
        self._rows_later.setSingleShot(True)
        self._rows_later.setInterval(0)
        self._rows_later.timeout.connect(self.table.resizeRowsToContents)
        # The least the table may have: the Evidence column at its shortest ("+ D", or its
        # title), the Indicator column's minimum, a scroll bar and the frame.
        shortest = max(
            header.sectionSizeHint(0),
            max(self.fontMetrics().horizontalAdvance(t) for t in SHORT_TEXT.values())
            + CELL_PADDING,
        )
        scroll_bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        self.table.setMinimumWidth(
            shortest + INDICATOR_MIN_WIDTH + scroll_bar + 2 * self.table.frameWidth()
        )
        self.table.classify.connect(self._classify_row)
        self.table.grade_key.connect(self._grade_key)
        self.table.grade_box.connect(self._focus_grade)
        self.table.open_note.connect(self._open_note)

        self.note = NoteEditor(translate("AreaPage", "Evidence note for the selected indicator"))
        self.note.setPlaceholderText(
            translate("AreaPage", "Evidence note for the selected indicator (Enter to type)")
        )
        self.note.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        self.note.setMaximumHeight(NOTE_HEIGHT)
        self.note.commit.connect(lambda key, text: self.note_changed.emit(key, text))
        self.note.escaped.connect(self.table.setFocus)
        self.note_label = QLabel(translate("AreaPage", "Evidence &note"))
        self.note_label.setBuddy(self.note)

        self.area_note = NoteEditor(translate("AreaPage", "Free note for the area"))
        self.area_note.setPlaceholderText(
            translate("AreaPage", "Anything else for this area (Ctrl+E)")
        )
        self.area_note.commit.connect(lambda key, text: self.area_note_changed.emit(key, text))
        self.area_note.escaped.connect(self.table.setFocus)

        self.grade_box = GradeBox(translate("AreaPage", "Your &grade"))
        self.grade_box.grade_typed.connect(self._grade_typed)
        self.grade_box.leave.connect(self.table.setFocus)
        self.grade_layout = QGridLayout(self.grade_box)
        self.grade_group = QButtonGroup(self)
        self.grade_group.setExclusive(True)
        self.grade_group.idClicked.connect(self._grade_clicked)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName(translate("AreaPage", "Your classification counts"))

        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        evidence = QWidget()
        evidence_layout = QVBoxLayout(evidence)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        self.stem = QLabel()  # the words the indicators complete: "We act with courage when we:"
        self.stem.setWordWrap(True)
        self.stem.setAccessibleName(translate("AreaPage", "The indicators complete"))
        self.stem.setStyleSheet("font-style: italic;")
        evidence_layout.addWidget(self.stem)
        evidence_layout.addWidget(self.table, 1)
        self.note_row = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.note_row.addWidget(self.note_label)
        self.note_row.addWidget(self.note, 1)
        evidence_layout.addLayout(self.note_row)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.grade_box)
        self.descriptor = QLabel()  # the compact form: one descriptor, the grade's in view
        self.descriptor.setWordWrap(True)
        self.descriptor.setAccessibleName(translate("AreaPage", "Descriptor"))
        self.descriptor.setStyleSheet("color: #37474f;")
        self.descriptor.setVisible(False)
        side_layout.addWidget(self.descriptor)
        # A grade with nothing recorded behind it is allowed (evaluation is the member's
        # judgement), but said, gently, where the grade is.
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(translate("AreaPage", "Grade warning"))
        self.warning.setStyleSheet("color: #6d4c00;")
        self.warning.setVisible(False)
        side_layout.addWidget(self.warning)
        side_layout.addWidget(self.counts)
        area_note_label = QLabel(translate("AreaPage", "Area n&ote (Ctrl+E)"))
        area_note_label.setBuddy(self.area_note)
        side_layout.addWidget(area_note_label)
        self.area_note.setMinimumHeight(60)
        side_layout.addWidget(self.area_note, 1)
        # The side scrolls rather than push the window off a small or scaled screen.
        self.side = PageScroll(side)
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side.setMinimumWidth(SIDE_MIN_WIDTH)
        self.side_content = side
        self.side.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(evidence)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([720, 330])
        self.splitter.setChildrenCollapsible(False)
        splitter = self.splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The area's name above the question; side by side when the page is short.
        self.top_row = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.top_row.addWidget(self.title)
        self.top_row.addLayout(question_row, 1)
        layout.addLayout(self.top_row)
        layout.addLayout(self.more_questions_layout)
        layout.addWidget(splitter, 1)

    # --- showing -------------------------------------------------------------------------------

    def show_area(self, session: Session, area: Area, member_id: str, editable: bool) -> None:
        same_area = (
            self.area is not None
            and self.area.id == area.id
            and self.member_id == member_id
            and self.session is not None
            and self.session.id == session.id
        )
        if self.area is not None and area.id != self.area.id:
            self._question_done()  # typed for the area being left: saved to that area
        self.session = session
        self.area = area
        self.member_id = member_id
        self._set_editable(editable)
        self._show_title()
        self.stem.setText(area.stem)
        self.stem.setVisible(bool(area.stem))
        if not self.question.hasFocus() or self._question_area != area.id:
            self.question.setText(session.question(area.id))
            self._question_area = area.id
        self._show_more_questions(session.area_questions(area.id)[1:])
        rows = [
            IndicatorMark(
                n,
                indicator,
                session.mark(member_id, indicator.id).classification,
                session.mark(member_id, indicator.id).note,
            )
            for n, indicator in enumerate(area.indicators, start=1)
        ]
        current = self.table.currentIndex().row() if same_area else 0
        self.model.update_rows(rows)
        if not same_area:
            self.table.resizeRowsToContents()
            self.area_note.bind(
                (session.id, member_id, area.id), session.area_notes.get((member_id, area.id), "")
            )
        if rows:
            row = min(max(current, 0), len(rows) - 1)
            if self.table.currentIndex().row() != row:
                self.table.setCurrentIndex(self.model.index(row, 0))
            self._bind_note(row)
        self._show_grade(session, area, member_id)

    def _show_title(self) -> None:
        """The area's name and kind; on a short page the name alone (the rest as its tip)."""
        area = self.area
        if area is None:
            return
        cluster = f" · {area.cluster}" if area.cluster else ""
        source = (
            translate("AreaPage", " · indicator text: national CVF") if area.is_national else ""
        )
        if self.session is not None and not self.session.profile.planned(area.id).scored:
            source += translate("AreaPage", " · observed, not scored (weight 0)")
        about = f"{labels.kind(area.kind)}{cluster}{source}"
        self.title.setWordWrap(not self.compact)
        if self.compact:
            self.title.setText(
                translate("AreaPage", "<b style='font-size:large'>{value}</b>").format(
                    value=escape(area.name)
                )
            )
            self.title.setToolTip(f"{area.name}: {about}")
        else:
            self.title.setText(
                translate("AreaPage", "<h2 style='margin:0'>{value}</h2>{value2}").format(
                    value=escape(area.name), value2=escape(about)
                )
            )
            self.title.setToolTip("")

    def _set_editable(self, editable: bool) -> None:
        self.table.setProperty("readOnly", not editable)
        for widget in (self.question, self.note, self.area_note):
            widget.setReadOnly(not editable)
        for line in self.more_questions:
            line.setReadOnly(not editable)
        # Not disabled when read-only: a greyed-out grade is hard to read; clicks are ignored.
        self._editable = editable

    def _show_grade(self, session: Session, area: Area, member_id: str) -> None:
        scale = session.profile.scale
        if (
            len(self.grade_group.buttons()) != len(scale.points)
            or self.grade_group.property("scale") != scale.id
        ):
            for button in self.grade_group.buttons():
                self.grade_group.removeButton(button)
                button.deleteLater()
            while self.grade_layout.count():
                item = self.grade_layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
            self._descriptors: list[QLabel] = []
            for row, point in enumerate(scale.points):
                button = QRadioButton(f"{point.label}  {point.name}")
                button.setAccessibleName(
                    translate("AreaPage", "Grade {label}, {name}").format(
                        label=point.label, name=point.name
                    )
                )
                button.setAccessibleDescription(point.descriptor)
                button.setToolTip(point.descriptor)
                button.installEventFilter(self)  # its descriptor shows while it has the focus
                self.grade_group.addButton(button, point.value)
                descriptor = QLabel(point.descriptor)
                descriptor.setWordWrap(True)
                descriptor.setIndent(22)
                descriptor.setStyleSheet("color: #37474f;")
                descriptor.setVisible(not self.compact)
                self._descriptors.append(descriptor)
                self.grade_layout.addWidget(button, 2 * row, 0)
                self.grade_layout.addWidget(descriptor, 2 * row + 1, 0)
            self.grade_group.setProperty("scale", scale.id)
            buttons = self.grade_group.buttons()
            QWidget.setTabOrder(self.note, buttons[0])
            for first, second in pairwise(buttons):
                QWidget.setTabOrder(first, second)
            QWidget.setTabOrder(buttons[-1], self.area_note)
            # The side as wide as its grades' names ("4  Exceeds requirements"): never cut.
            scroll_bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
            self.side.setMinimumWidth(
                max(SIDE_MIN_WIDTH, self.grade_box.minimumSizeHint().width() + scroll_bar + 4)
            )
            # On a lettered scale, how to type a grade from the indicators: G, then the letter.
            self.grade_box.setTitle(
                translate("AreaPage", "Your &grade")
                if scale.numbered
                else translate("AreaPage", "Your &grade ({value})").format(
                    value=labels.phrase(grade_keys(scale))
                )
            )
        self.grade_box.scale = scale
        grade = session.grades.get((member_id, area.id))
        self.grade_group.setExclusive(False)
        for button in self.grade_group.buttons():
            button.setChecked(self.grade_group.id(button) == grade)
        self.grade_group.setExclusive(True)
        counts = session.counts(member_id, area.id)
        graded = (
            translate("AreaPage", "your grade {value}").format(value=scale.label(grade))
            if grade is not None
            else translate("AreaPage", "not graded yet")
        )
        self.counts.setText(
            translate("AreaPage", "<b>Your evidence</b> ({graded}):<br>{counts}").format(
                graded=graded, counts=labels.counts_text(counts)
            )
        )
        recorded = counts.demonstrated + counts.partly + counts.contrary
        noted = any(session.mark(member_id, i.id).note.strip() for i in area.indicators)
        noted = noted or bool(session.area_notes.get((member_id, area.id), "").strip())
        if grade is not None and not recorded and not noted:
            self.warning.setText(
                translate(
                    "AreaPage",
                    "⚠ Graded {value} with nothing recorded for this area. If "
                    "there was evidence, classify it (D, P, C) or add a note; "
                    "the grade stands either way.",
                ).format(value=scale.label(grade))
            )
        else:
            self.warning.setText("")
        self.warning.setVisible(bool(self.warning.text()))
        self._show_descriptor()

    def _show_descriptor(self, value: int | None = None) -> None:
        """Compact form: one descriptor, for the grade focused or else the grade chosen."""
        if self.session is None:
            return
        scale = self.session.profile.scale
        chosen = value if value is not None else self.grade_group.checkedId()
        point = next((p for p in scale.points if p.value == chosen), None)
        self.descriptor.setText(f"{point.label} = {point.descriptor}" if point else "")
        self.descriptor.setVisible(self.compact and point is not None)

    def set_compact(self, compact: bool) -> None:
        """A short page (a small or scaled screen): the scale's descriptors fold into one
        line, the area's name sits beside the question, the note's label beside the note."""
        if compact == self.compact:
            return
        self.compact = compact
        for label in getattr(self, "_descriptors", []):
            label.setVisible(not compact)
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        self.top_row.setDirection(across if compact else down)
        self.note_row.setDirection(across if compact else down)
        # Short: the note two lines high, the rest of the height for the indicators.
        self.note.setMaximumHeight(self.note.minimumHeight() if compact else NOTE_HEIGHT)
        self._show_title()
        self._show_descriptor()
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self._note_label(self.model.row(row).number)

    def _fit_columns(self) -> None:
        """No column narrower than its text: the Indicator column keeps INDICATOR_MIN_WIDTH.
        Short of room, the Evidence note column leaves the table first (the note shows
        beneath it), then the Evidence column shows the symbol and its key ("+ D", the word
        as its tip)."""
        width = self.table.viewport().width()
        metrics = self.table.fontMetrics()
        words = [labels.classification_text(c) for c in Classification]
        full = max(metrics.horizontalAdvance(w) for w in words) + CELL_PADDING
        short = width < full + INDICATOR_MIN_WIDTH
        if short != self.model.short:
            self.model.short = short
            if self.model.rowCount():
                self.model.dataChanged.emit(
                    self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, 0)
                )
        texts = SHORT_TEXT.values() if short else words
        evidence = max(
            self.table.horizontalHeader().sectionSizeHint(0),
            max(metrics.horizontalAdvance(t) for t in texts) + CELL_PADDING,
        )
        room = width - evidence - INDICATOR_MIN_WIDTH
        self.table.setColumnHidden(2, room < NOTE_MIN_WIDTH)
        if room >= NOTE_MIN_WIDTH:
            note = max(NOTE_MIN_WIDTH, min(400, (width - evidence) * 2 // 5))
            self.table.horizontalHeader().resizeSection(2, note)
        # Each row as tall as its wrapped text at the widths the columns now have.
        self._rows_later.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_compact(event.size().height() < COMPACT_HEIGHT)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QRadioButton):
            self._show_descriptor(self.grade_group.id(watched))
        return super().eventFilter(watched, event)

    # --- user actions --------------------------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._bind_note(current.row())

    def _bind_note(self, row: int) -> None:
        if 0 <= row < self.model.rowCount() and self.session is not None:
            mark = self.model.row(row)
            self.note.bind((self.session.id, self.member_id, mark.indicator.id), mark.note)
            self._note_label(mark.number)

    def _note_label(self, number: int) -> None:
        self.note_label.setText(
            translate("AreaPage", "&Note {number}:").format(number=number)
            if self.compact
            else translate("AreaPage", "Evidence &note for indicator {number}").format(
                number=number
            )
        )

    def _classify_row(self, row: int, classification: Classification) -> None:
        self.classify_requested.emit(self.model.row(row).indicator.id, classification)
        # Stored (and shown): on to the next indicator, so each one costs one key.
        done = 0 <= row < self.model.rowCount() and self.model.row(row).classification == (
            classification
        )
        if self.advance and done and row + 1 < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row + 1, 0))

    def _grade_key(self, digit: str) -> None:
        """A digit in the indicators: the grade labelled so. A lettered scale has no digits:
        the grade box takes the focus, to type the letter."""
        if self.session is None or self.area is None:
            return
        scale = self.session.profile.scale
        value = scale.value_of(digit)
        if value is not None:
            self.grade_requested.emit(self.area.id, value)
        elif not scale.numbered:
            self._focus_grade()

    def _focus_grade(self) -> None:
        buttons = self.grade_group.buttons()
        checked = self.grade_group.checkedButton()
        target = checked or (buttons[0] if buttons else None)
        if target is not None:
            target.setFocus()

    def _grade_typed(self, value: int) -> None:
        """A label typed in the grade box: the grade, then back to the indicators."""
        if self.area is None or not self._editable:
            return
        self.grade_requested.emit(self.area.id, value)
        self.table.setFocus()

    def _grade_clicked(self, value: int) -> None:
        if self.area is None or self.session is None:
            return
        if not self._editable:  # read-only: put the recorded grade back
            self._show_grade(self.session, self.area, self.member_id)
            return
        self.grade_requested.emit(self.area.id, value)

    def _open_note(self, row: int) -> None:
        self._bind_note(row)
        self.note.setFocus()
        self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def _show_more_questions(self, questions: list[tuple[str, str]]) -> None:
        """One line per question after the first, labelled Q2, Q3, ...; lines are made or
        hidden as areas with more or fewer questions come and go."""
        while len(self.more_questions) < len(questions):
            line = QuestionLine()
            number = len(self.more_questions) + 2
            line.setAccessibleName(
                translate("AreaPage", "Question {number} asked").format(number=number)
            )
            line.setPlaceholderText(
                translate("AreaPage", "Type question {number} asked for this area").format(
                    number=number
                )
            )
            line.setReadOnly(not self._editable)
            line.changed.connect(self.question_changed)
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            label = QLabel(translate("AreaPage", "Q{number}:").format(number=number))
            label.setBuddy(line)
            row_layout.addWidget(label)
            row_layout.addWidget(line)
            self.more_questions_layout.addWidget(row)
            QWidget.setTabOrder(
                self.more_questions[-1] if self.more_questions else self.question, line
            )
            self.more_questions.append(line)
        for index, line in enumerate(self.more_questions):
            holder = line.parentWidget()
            if index < len(questions):
                line.show_question(*questions[index])
            else:
                line.flush()
                line.key = ""
            if holder is not None:
                holder.setVisible(index < len(questions))

    def _question_typed(self) -> None:
        if self.area is not None:
            self._question_area = self.area.id
            if not self._question_timer.isActive():
                self._question_timer.start()

    def _question_done(self) -> None:
        self._question_timer.stop()
        area_id = self._question_area
        if (
            area_id
            and self.session is not None
            and self.question.text() != self.session.question(area_id)
        ):
            self.question_changed.emit(area_id, self.question.text())

    def flush(self) -> None:
        """Save any note or question text still waiting for its timer (before leaving)."""
        self.note.flush()
        self.area_note.flush()
        if self._question_timer.isActive():
            self._question_done()
        for line in self.more_questions:
            line.flush()

    def refused_notes(self) -> list[str]:
        return self.note.refused() + self.area_note.refused()

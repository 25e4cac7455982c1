"""One area for one member: the question, each indicator's classification and note, the
member's free note and grade, with the scale's descriptors and the member's counts in view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from pcso_interview.profiles import Area, Indicator, Scale
from pcso_interview.scoring import Classification
from pcso_interview.session import Session
from ui.scoring.note_editor import SAVE_AFTER_MS, NoteEditor
from ui.shortcuts import classify_keys
from ui.table_model import Column, Index, RowsModel

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


class IndicatorsModel(RowsModel[IndicatorMark]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("Evidence", lambda r: r.classification.text),
                Column("Indicator", lambda r: f"{r.number}. {r.indicator.text}"),
                Column("Evidence note", lambda r: r.note.replace("\n", " ")),
            ],
            parent=parent,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() == 0:
            colour = CLASSIFICATION_BACKGROUND.get(self.row(index.row()).classification)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            mark = self.row(index.row())
            return f"{mark.indicator.text}\n\n{mark.note}" if mark.note else mark.indicator.text
        return super().data(index, role)

    def update_rows(self, rows: list[IndicatorMark]) -> None:
        """Same indicators, new marks: change the cells in place so the cursor stays put."""
        if len(rows) != len(self.rows) or any(
            a.indicator != b.indicator for a, b in zip(rows, self.rows, strict=True)
        ):
            self.set_rows(rows)
            return
        self._rows = list(rows)
        if rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1)
            )


def grade_keys_text(scale: Scale) -> str:
    """How a grade is typed, in words: digits on a numbered scale; on a lettered one (whose C
    and D would classify) G, then the letter."""
    labels = [p.label for p in scale.points]
    keys = f"{labels[0]}-{labels[-1]}" if len(labels) > 2 else " or ".join(labels)
    if scale.numbered:
        return keys
    best_first = scale.labels_text.split(", ")
    return f"G then {best_first[0]}-{best_first[-1]}"


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
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Area")
        self.question = QLineEdit()
        self.question.setAccessibleName("Question asked")
        self.question.setPlaceholderText("Type the question asked for this area")
        self.question.editingFinished.connect(self._question_done)
        # Saved as typed: at most a third of a second of a question is ever unsaved.
        self._question_area = ""
        self._question_timer = QTimer(self)
        self._question_timer.setSingleShot(True)
        self._question_timer.setInterval(SAVE_AFTER_MS)
        self._question_timer.timeout.connect(self._question_done)
        self.question.textEdited.connect(self._question_typed)
        question_row = QHBoxLayout()
        question_label = QLabel("&Q:")
        question_label.setBuddy(self.question)
        question_row.addWidget(question_label)
        question_row.addWidget(self.question)
        # An area the profile gives several questions: one line each after the first.
        self.more_questions: list[QuestionLine] = []
        self.more_questions_layout = QVBoxLayout()
        self.more_questions_layout.setContentsMargins(0, 0, 0, 0)

        self.model = IndicatorsModel(self)
        self.table = IndicatorTable()
        self.table.setAccessibleName("Indicators")
        self.table.setAccessibleDescription(
            "D demonstrated, P partly, C contrary, N nothing recorded, Enter for the note, "
            "1 to 5 for the grade (G then the letter on a lettered scale)"
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 260)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.classify.connect(self._classify_row)
        self.table.grade_key.connect(self._grade_key)
        self.table.grade_box.connect(self._focus_grade)
        self.table.open_note.connect(self._open_note)

        self.note = NoteEditor("Evidence note for the selected indicator")
        self.note.setPlaceholderText("Evidence note for the selected indicator (Enter to type)")
        self.note.setMaximumHeight(80)
        self.note.commit.connect(lambda key, text: self.note_changed.emit(key, text))
        self.note.escaped.connect(self.table.setFocus)
        self.note_label = QLabel("Evidence &note")
        self.note_label.setBuddy(self.note)

        self.area_note = NoteEditor("Free note for the area")
        self.area_note.setPlaceholderText("Anything else for this area (Ctrl+E)")
        self.area_note.commit.connect(lambda key, text: self.area_note_changed.emit(key, text))
        self.area_note.escaped.connect(self.table.setFocus)

        self.grade_box = GradeBox("Your &grade")
        self.grade_box.grade_typed.connect(self._grade_typed)
        self.grade_box.leave.connect(self.table.setFocus)
        self.grade_layout = QGridLayout(self.grade_box)
        self.grade_group = QButtonGroup(self)
        self.grade_group.setExclusive(True)
        self.grade_group.idClicked.connect(self._grade_clicked)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName("Your classification counts")

        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        evidence = QWidget()
        evidence_layout = QVBoxLayout(evidence)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        self.stem = QLabel()  # the words the indicators complete: "We act with courage when we:"
        self.stem.setWordWrap(True)
        self.stem.setAccessibleName("The indicators complete")
        self.stem.setStyleSheet("font-style: italic;")
        evidence_layout.addWidget(self.stem)
        evidence_layout.addWidget(self.table, 1)
        evidence_layout.addWidget(self.note_label)
        evidence_layout.addWidget(self.note)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.grade_box)
        side_layout.addWidget(self.counts)
        area_note_label = QLabel("Area note (Ctrl+E)")
        area_note_label.setBuddy(self.area_note)
        side_layout.addWidget(area_note_label)
        side_layout.addWidget(self.area_note, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(evidence)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([720, 330])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(question_row)
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
        cluster = f" · {area.cluster}" if area.cluster else ""
        source = " · indicator text: national CVF" if area.is_national else ""
        if not session.profile.planned(area.id).scored:
            source += " · observed, not scored (weight 0)"
        self.title.setText(f"<h2 style='margin:0'>{area.name}</h2>{area.kind}{cluster}{source}")
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
            for row, point in enumerate(scale.points):
                button = QRadioButton(f"{point.label}  {point.name}")
                button.setAccessibleName(f"Grade {point.label}, {point.name}")
                button.setAccessibleDescription(point.descriptor)
                button.setToolTip(point.descriptor)
                self.grade_group.addButton(button, point.value)
                descriptor = QLabel(point.descriptor)
                descriptor.setWordWrap(True)
                descriptor.setIndent(22)
                descriptor.setStyleSheet("color: #37474f;")
                self.grade_layout.addWidget(button, 2 * row, 0)
                self.grade_layout.addWidget(descriptor, 2 * row + 1, 0)
            self.grade_group.setProperty("scale", scale.id)
            # On a lettered scale, how to type a grade from the indicators: G, then the letter.
            self.grade_box.setTitle(
                "Your &grade" if scale.numbered else f"Your &grade ({grade_keys_text(scale)})"
            )
        self.grade_box.scale = scale
        grade = session.grades.get((member_id, area.id))
        self.grade_group.setExclusive(False)
        for button in self.grade_group.buttons():
            button.setChecked(self.grade_group.id(button) == grade)
        self.grade_group.setExclusive(True)
        counts = session.counts(member_id, area.id)
        graded = f"your grade {scale.label(grade)}" if grade is not None else "not graded yet"
        self.counts.setText(f"<b>Your evidence</b> ({graded}):<br>{counts}")

    # --- user actions --------------------------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._bind_note(current.row())

    def _bind_note(self, row: int) -> None:
        if 0 <= row < self.model.rowCount() and self.session is not None:
            mark = self.model.row(row)
            self.note.bind((self.session.id, self.member_id, mark.indicator.id), mark.note)
            self.note_label.setText(f"Evidence &note for indicator {mark.number}")

    def _classify_row(self, row: int, classification: Classification) -> None:
        self.classify_requested.emit(self.model.row(row).indicator.id, classification)

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
            line.setAccessibleName(f"Question {number} asked")
            line.setPlaceholderText(f"Type question {number} asked for this area")
            line.setReadOnly(not self._editable)
            line.changed.connect(self.question_changed)
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            label = QLabel(f"Q{number}:")
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

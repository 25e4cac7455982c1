"""Set up a new session: profile, candidate, date, venue, panel and the questions asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcso_interview.campaigns import default_campaign
from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.profiles import Profile
from pcso_interview.session import (
    MAX_PANEL,
    Member,
    Role,
    check_details,
    check_panel,
    member_problems,
)
from ui import i18n, labels, messages
from ui.fit import TITLE_BAR, PageScroll
from ui.i18n import translate
from ui.table_model import Column, Index, RowsModel

STACK_BELOW_WIDTH = 880  # narrower than this, the questions go below the form


@dataclass(frozen=True)
class NewSession:
    profile: Profile
    candidate_name: str
    candidate_ref: str
    date: str
    venue: str
    panel: tuple[Member, ...]
    questions: dict[str, str]
    campaign: str = ""  # empty: the profile's force and role and the month (the store's default)
    interview_language: str = "en"  # the language the interview is held in: "en" or "cy"


@dataclass
class QuestionRow:
    area_id: str  # the question's key: the area's id, or "area-id#2" for its second question
    area_name: str
    question: str
    planned: str = ""  # the profile's own question, as the table was filled: nothing typed


class QuestionsModel(RowsModel[QuestionRow]):
    """The question asked for each planned area; the question column is editable."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(translate("QuestionsModel", "Area"), lambda r: r.area_name),
                Column(translate("QuestionsModel", "Question asked"), lambda r: r.question),
            ],
            parent=parent,
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 1:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == 1:
            return self.row(index.row()).question
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 1:
            return False
        self.row(index.row()).question = str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True


class DateEdit(QDateEdit):
    """Tab leaves the field (a plain QDateEdit tabs through day, month and year first)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def profile_label(profile: Profile) -> str:
    return f"{profile.force} · {profile.role_title} · {profile.grade} · {profile.framework_label}"


class NewSessionDialog(QDialog):
    def __init__(
        self,
        profiles: list[Profile],
        *,
        recent_venues: list[str] = (),  # type: ignore[assignment]
        recent_panels: list[tuple[Member, ...]] = (),  # type: ignore[assignment]
        today: date | None = None,
        parent: QWidget | None = None,
        campaigns: list[str] = (),  # type: ignore[assignment]
    ):
        super().__init__(parent)
        self.setWindowTitle(translate("NewSessionDialog", "New interview session"))
        self.profiles = profiles
        self.recent_panels = list(recent_panels)
        self.result_session: NewSession | None = None

        self.profile_box = QComboBox()
        self.profile_box.setAccessibleName(translate("NewSessionDialog", "Profile"))
        # As wide as the form gives it, not as its longest entry: the questions keep their half.
        self.profile_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.profile_box.setMinimumContentsLength(24)
        for p in profiles:
            self.profile_box.addItem(profile_label(p), p.id)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_label.setAccessibleName(
            translate("NewSessionDialog", "Areas graded at interview")
        )
        self.candidate_name = QLineEdit()
        self.candidate_name.setAccessibleName(translate("NewSessionDialog", "Candidate name"))
        self.candidate_ref = QLineEdit()
        self.candidate_ref.setAccessibleName(translate("NewSessionDialog", "Candidate reference"))
        self.candidate_ref.setPlaceholderText(translate("NewSessionDialog", "e.g. C-0412"))
        self.date_edit = DateEdit()
        self.date_edit.setAccessibleName(translate("NewSessionDialog", "Interview date"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        day = today or date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        # The fields inside have names of their own for screen readers.
        inner_date = self.date_edit.findChild(QLineEdit)
        if inner_date is not None:
            inner_date.setAccessibleName(translate("NewSessionDialog", "Interview date"))
        self.venue = QComboBox()
        self.venue.setEditable(True)
        self.venue.setAccessibleName(translate("NewSessionDialog", "Venue"))
        self.venue.addItems(list(recent_venues))
        self.venue.setCurrentText(recent_venues[0] if recent_venues else "")
        venue_field = self.venue.lineEdit()
        if venue_field is not None:
            venue_field.setAccessibleName(translate("NewSessionDialog", "Venue"))

        # The campaign: by default the profile's force and role and the interview's month,
        # following the profile and the date until someone chooses or types another.
        self.campaign = QComboBox()
        self.campaign.setEditable(True)
        self.campaign.setAccessibleName(translate("NewSessionDialog", "Campaign"))
        line = self.campaign.lineEdit()
        if line is not None:  # the text typed: named for a screen reader too
            line.setAccessibleName(translate("NewSessionDialog", "Campaign"))
        self.campaign.setToolTip(
            translate(
                "NewSessionDialog",
                "The recruitment round this interview belongs to; HR can move it later.",
            )
        )
        self._known_campaigns = list(campaigns)
        self._campaign_chosen = False
        self._fill_campaign()
        self.campaign.textActivated.connect(self._campaign_picked)
        editor = self.campaign.lineEdit()
        if editor is not None:
            editor.textEdited.connect(self._campaign_picked)
        self.date_edit.dateChanged.connect(self._fill_campaign)

        form = QFormLayout()
        form.addRow(translate("NewSessionDialog", "&Profile"), self.profile_box)
        form.addRow("", self.plan_label)
        form.addRow(translate("NewSessionDialog", "Candidate &name"), self.candidate_name)
        form.addRow(translate("NewSessionDialog", "Candidate &reference"), self.candidate_ref)
        form.addRow(translate("NewSessionDialog", "&Date"), self.date_edit)
        form.addRow(translate("NewSessionDialog", "&Venue"), self.venue)
        # The language the interview is held in (a candidate may ask for Welsh); the app's own
        # language unless changed.
        self.interview_language = QComboBox()
        self.interview_language.setAccessibleName(
            translate("NewSessionDialog", "Language of the interview")
        )
        self.interview_language.addItem(translate("NewSessionDialog", "English"), "en")
        self.interview_language.addItem(translate("NewSessionDialog", "Welsh"), "cy")
        found = self.interview_language.findData(i18n.current())
        self.interview_language.setCurrentIndex(max(found, 0))
        form.addRow(translate("NewSessionDialog", "Interview lan&guage"), self.interview_language)
        form.addRow(translate("NewSessionDialog", "Ca&mpaign"), self.campaign)

        panel_box = QGroupBox(
            translate("NewSessionDialog", "Panel (1 to 5 members, exactly one chair)")
        )
        grid = QGridLayout(panel_box)
        self.recent_panel_box = QComboBox()
        self.recent_panel_box.setAccessibleName(translate("NewSessionDialog", "Recent panels"))
        self.recent_panel_box.addItem(translate("NewSessionDialog", "Recent panels…"))
        for panel in self.recent_panels:
            self.recent_panel_box.addItem(", ".join(m.name for m in panel))
        self.recent_panel_box.setEnabled(bool(self.recent_panels))
        self.recent_panel_box.activated.connect(self._use_recent_panel)
        grid.addWidget(self.recent_panel_box, 0, 0, 1, 3)
        grid.addWidget(QLabel(translate("NewSessionDialog", "Name")), 1, 0)
        grid.addWidget(QLabel(translate("NewSessionDialog", "Staff or collar number")), 1, 1)
        grid.addWidget(QLabel(translate("NewSessionDialog", "Chair")), 1, 2)
        self.member_names: list[QLineEdit] = []
        self.member_numbers: list[QLineEdit] = []
        self.chair_group = QButtonGroup(self)
        for i in range(MAX_PANEL):
            name = QLineEdit()
            name.setAccessibleName(
                translate("NewSessionDialog", "Panel member {value} name").format(value=i + 1)
            )
            number = QLineEdit()
            number.setAccessibleName(
                translate("NewSessionDialog", "Panel member {value} staff or collar number").format(
                    value=i + 1
                )
            )
            chair = QRadioButton()
            chair.setAccessibleName(
                translate("NewSessionDialog", "Panel member {value} is the chair").format(
                    value=i + 1
                )
            )
            self.chair_group.addButton(chair, i)
            grid.addWidget(name, i + 2, 0)
            grid.addWidget(number, i + 2, 1)
            grid.addWidget(chair, i + 2, 2, Qt.AlignmentFlag.AlignCenter)
            self.member_names.append(name)
            self.member_numbers.append(number)
        self.chair_group.button(0).setChecked(True)

        self.questions = QuestionsModel(self)
        self.questions_view = QTableView()
        self.questions_view.setAccessibleName(
            translate("NewSessionDialog", "Questions asked per area")
        )
        self.questions_view.setModel(self.questions)
        self.questions_view.verticalHeader().setVisible(False)
        self.questions_view.setWordWrap(True)  # a long question wraps; it is never cut off
        self.questions_view.setTabKeyNavigation(False)
        self.questions_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.questions_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.questions_view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        questions_box = QGroupBox(
            translate("NewSessionDialog", "&Questions (optional; can be changed later)")
        )
        QVBoxLayout(questions_box).addWidget(self.questions_view)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(translate("NewSessionDialog", "Problem"))
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("NewSessionDialog", "Start &scoring")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.cancel)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(panel_box)
        left.addStretch(1)
        # Side by side; one above the other on a narrow (small or scaled) screen, where the
        # whole form scrolls rather than run off it.
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.addLayout(left, 1)
        self.columns.addWidget(questions_box, 1)
        content = QWidget()
        content.setLayout(self.columns)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.form_scroll = PageScroll(content)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.profile_box.currentIndexChanged.connect(self._profile_changed)
        self._profile_changed()
        order: list[QWidget] = [
            self.profile_box,
            self.candidate_name,
            self.candidate_ref,
            self.date_edit,
            self.venue,
            self.campaign,
            self.recent_panel_box,
        ]
        for name, number in zip(self.member_names, self.member_numbers, strict=True):
            order += [name, number]
        # The interview's language last: its default (the app's language) is usually right,
        # so the keyboard flow from venue to panel stays as it was; Alt+G (Welsh: Alt+I) reaches it.
        order += [self.chair_group.button(0), self.questions_view, self.interview_language]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        # Each question's row as tall as its wrapped text.
        header = self.questions_view.horizontalHeader()
        header.sectionResized.connect(lambda *_: self.questions_view.resizeRowsToContents())
        self.questions.dataChanged.connect(lambda *_: self.questions_view.resizeRowsToContents())
        self.questions.modelReset.connect(self.questions_view.resizeRowsToContents)
        self.questions_view.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self._fit_to_screen()
        # The candidate's name is the first thing typed (the profile is usually the same all
        # day, and typing into the profile box opened its list).
        self.candidate_name.setFocus()

    def _fit_to_screen(self) -> None:
        """1100x560 where the screen has room for it (and its title bar), else the screen."""
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width()), min(560, screen.height() - TITLE_BAR))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        across = event.size().width() >= STACK_BELOW_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if across else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    @property
    def profile(self) -> Profile:
        return self.profiles[self.profile_box.currentIndex()]

    def default_campaign(self) -> str:
        profile = self.profile
        day = self.date_edit.date().toString("yyyy-MM-dd")
        return default_campaign(profile.force, profile.role_title, day)

    def _campaign_picked(self, _text: str = "") -> None:
        self._campaign_chosen = True

    def _fill_campaign(self) -> None:
        """The default first, then recent campaigns; a campaign someone chose is kept."""
        if self._campaign_chosen:
            return
        default = self.default_campaign()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        self.campaign.addItems([default, *(c for c in self._known_campaigns if c != default)])
        self.campaign.setCurrentIndex(0)
        self.campaign.blockSignals(False)

    def _profile_changed(self) -> None:
        if hasattr(self, "campaign"):
            self._fill_campaign()
        profile = self.profile
        names = ", ".join(a.name for a in profile.planned_areas)
        self.plan_label.setText(
            translate("NewSessionDialog", "Graded at interview: {names}").format(names=names)
        )
        old = {r.area_id: r.question for r in self.questions.rows}
        rows = []
        for planned in profile.plan:
            name = profile.area(planned.area).name
            keys = planned.question_keys
            for number, key in enumerate(keys, start=1):
                asked = planned.questions[number - 1] if number <= len(planned.questions) else ""
                label = (
                    name
                    if len(keys) == 1
                    else translate("NewSessionDialog", "{name} (question {number})").format(
                        name=name, number=number
                    )
                )
                rows.append(QuestionRow(key, label, old.get(key) or asked, asked))
        self.questions.set_rows(rows)

    def _use_recent_panel(self, index: int) -> None:
        if index <= 0:
            return
        panel = self.recent_panels[index - 1]
        for i in range(MAX_PANEL):
            member = panel[i] if i < len(panel) else None
            self.member_names[i].setText(member.name if member else "")
            self.member_numbers[i].setText(member.number if member else "")
            if member is not None and member.is_chair:
                self.chair_group.button(i).setChecked(True)

    def panel(self) -> tuple[Member, ...]:
        return tuple(member for _, member in self._members())

    def _members(self) -> list[tuple[int, Member]]:
        """Each named member with their row, counted from 1 (rows left empty are skipped)."""
        chair_row = self.chair_group.checkedId()
        members = []
        for i in range(MAX_PANEL):
            name = self.member_names[i].text().strip()
            if name:
                role = Role.CHAIR if i == chair_row else Role.MEMBER
                number = self.member_numbers[i].text().strip()
                members.append((i + 1, Member(f"m{i + 1}", name, role, number)))
        return members

    def build(self) -> NewSession:
        """What was entered, checked; raises SessionRuleError with a message for the user."""
        if not self.candidate_name.text().strip():
            raise SessionRuleError(translate("NewSessionDialog", "Enter the candidate's name."))
        if not self.candidate_ref.text().strip():
            raise SessionRuleError(translate("NewSessionDialog", "Enter the candidate reference."))
        chair_row = self.chair_group.checkedId()
        if chair_row >= 0 and not self.member_names[chair_row].text().strip():
            raise SessionRuleError(
                translate("NewSessionDialog", "The member marked as chair needs a name.")
            )
        panel = self.panel()
        check_panel(panel)
        name, ref = self.candidate_name.text().strip(), self.candidate_ref.text().strip()
        day = self.date_edit.date().toString("yyyy-MM-dd")
        venue = self.venue.currentText().strip()
        # The core's one rule for details (no control characters, not too long), said here
        # before the store would refuse them; a member by their row, empty rows counted.
        check_details(name, ref, day, venue)
        for row, member in self._members():
            problems = member_problems(member, row)
            if problems:
                raise SessionRuleError(problems[0].typed())
        return NewSession(
            profile=self.profile,
            candidate_name=name,
            candidate_ref=ref,
            date=day,
            venue=venue,
            panel=panel,
            questions={r.area_id: r.question for r in self.questions.rows if r.question.strip()},
            campaign=" ".join(self.campaign.currentText().split()),
            interview_language=self.interview_language.currentData(),
        )

    def accept(self) -> None:
        try:
            self.result_session = self.build()
        except SessionRuleError as exc:
            self.error.setText(f"✗ {labels.error_text(exc)}")
            return
        super().accept()

    def typed(self) -> bool:
        """Has the user typed anything a cancel would throw away? (A recent panel picked or
        the defaults left as they were, the profile's own questions included, is nothing to
        lose.)"""
        lines = [self.candidate_name, self.candidate_ref, *self.member_names, *self.member_numbers]
        return any(line.isModified() and line.text().strip() for line in lines) or any(
            row.question.strip() != row.planned.strip() for row in self.questions.rows
        )

    def may_discard(self) -> bool:
        """Cancel, Escape or the window's close button: one reflexive Escape must not throw
        away a whole set-up (candidate, panel, questions) without asking."""
        return not self.typed() or messages.ask(
            self,
            translate("NewSessionDialog", "Discard this set-up?"),
            translate(
                "NewSessionDialog",
                "What you typed for this session (the candidate, the panel and the questions)"
                " will be lost.",
            ),
        )

    def cancel(self) -> None:
        if self.may_discard():
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel):  # Escape; Cmd+. on a Mac
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The title bar's close button (a close from the system, not from the app)."""
        if event.spontaneous() and not self.may_discard():
            event.ignore()
            return
        super().closeEvent(event)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        profiles: list[Profile],
        *,
        recent_venues: list[str] = (),  # type: ignore[assignment]
        recent_panels: list[tuple[Member, ...]] = (),  # type: ignore[assignment]
        today: date | None = None,
        campaigns: list[str] = (),  # type: ignore[assignment]
    ) -> NewSession | None:
        dialog = cls(
            profiles,
            recent_venues=recent_venues,
            recent_panels=recent_panels,
            today=today,
            parent=parent,
            campaigns=campaigns,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_session
        return None

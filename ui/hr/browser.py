"""HR's sessions browser: filter, sort and page through every session; act on a selection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcso_interview import use_cases
from pcso_interview.equality import EqualityImport, read_equality_file
from pcso_interview.facts import Steps, step
from pcso_interview.hr_export import Exported, export_csv_file
from pcso_interview.insight import profile_names
from pcso_interview.lifecycle import Status
from pcso_interview.profiles import ProfileSet
from pcso_interview.session import Session
from pcso_interview.store import SessionGroup, SessionQuery, SessionRow, Store
from pcso_interview.store.identity import User
from pcso_interview.store.reading import SessionReader
from reports.issue import SheetError, issue_combined, issue_folder
from ui import labels, messages
from ui.feedback import EXPECTED_ERRORS, attempt, explain
from ui.file_dialogs import choose_folder, open_files, save_file
from ui.hr.campaign_dialog import CampaignDialog
from ui.hr.campaign_filter import CampaignFilter
from ui.hr.date_filter import OptionalDate
from ui.hr.jobs import Job, JobBar, own_connection
from ui.hr.review_dialog import SessionReviewDialog
from ui.hr.sessions_model import (
    INTERVIEW_LANGUAGES,
    ListChanged,
    PagedSessionsModel,
    Ranges,
)
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.reason_dialog import ReasonDialog
from ui.table_model import Column, RowsModel

if TYPE_CHECKING:
    from pcso_interview.store.archive.push import PushReport

TEXT_DELAY_MS = 150
PAGE_ROWS = 100  # a selection up to this size is read from the rows on screen
DATA_ACTIONS = ("import", "equality", "purge", "pin", "account")  # the second row of buttons
FAILURES_LISTED = 15  # in the one summary after reopening or withdrawing a selection
ARCHIVE_URL_STATE = "archive.url"  # the last force archive sent to (no password: never kept)
OUTCOMES = [
    (QT_TRANSLATE_NOOP("browser", "Any outcome"), ""),
    (QT_TRANSLATE_NOOP("browser", "Pass"), "pass"),
    (QT_TRANSLATE_NOOP("browser", "Fail"), "fail"),
    (QT_TRANSLATE_NOOP("browser", "Incomplete"), "incomplete"),
    (QT_TRANSLATE_NOOP("browser", "Withdrawn"), "withdrawn"),
]
GROUPINGS = [
    (QT_TRANSLATE_NOOP("browser", "No grouping"), ""),
    (QT_TRANSLATE_NOOP("browser", "Group by day"), "day"),
    (QT_TRANSLATE_NOOP("browser", "Group by campaign"), "campaign"),
]
UNMATCHED_LISTED = 15  # references of an equality import that match no session, in the summary


def equality_summary(result: EqualityImport) -> str:
    """What an equality import kept and left, in the window's language."""
    matched = result.candidates - len(result.unmatched)
    text = translate(
        "HrBrowser",
        "Imported equality data ({characteristics}) for {matched} of %Ln candidate(s),"
        " in {sessions} session(s).",
        "",
        result.candidates,
    ).format(
        characteristics=", ".join(result.characteristics),
        matched=f"{matched:,}",
        sessions=f"{result.sessions:,}",
    )
    if result.unmatched:
        text += " " + translate(
            "HrBrowser",
            "%Ln reference(s) match no session and were not kept.",
            "",
            len(result.unmatched),
        )
    if result.repeated:
        text += " " + translate(
            "HrBrowser",
            "%Ln reference(s) appear more than once (the last row was used).",
            "",
            len(result.repeated),
        )
    return text


def groups_model() -> RowsModel[SessionGroup]:
    return RowsModel(
        [
            Column(
                translate("browser", "Day or campaign"), lambda g: g.key, tooltip=lambda g: g.key
            ),
            Column(translate("browser", "Sessions"), lambda g: g.sessions, align_right=True),
            Column(translate("browser", "Signed"), lambda g: g.signed, align_right=True),
            Column(translate("browser", "Pass"), lambda g: g.passed, align_right=True),
            Column(translate("browser", "Fail"), lambda g: g.failed, align_right=True),
            Column(translate("browser", "Withdrawn"), lambda g: g.withdrawn, align_right=True),
            Column(
                translate("browser", "Days"),
                lambda g: (
                    g.first
                    if g.first == g.last
                    else translate("browser", "{first} to {last}").format(
                        first=g.first, last=g.last
                    )
                ),
            ),
        ]
    )


class HrBrowser(QWidget):
    """Every session, page by page; open one read-only; reprint, export, reopen, withdraw."""

    changed = Signal()  # something was reopened, withdrawn or purged

    def __init__(
        self,
        store: SessionReader,
        profiles: ProfileSet,
        user: User,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        # On the force archive HR reads, reprints and exports; changes are made on laptops.
        self.on_archive = not isinstance(store, Store)
        self.user = user  # the signed-in HR account: every action is audited in its name
        self.text = QLineEdit()
        self.text.setPlaceholderText(translate("HrBrowser", "Candidate, reference or panel member"))
        self.text.setAccessibleName(translate("HrBrowser", "Search text"))
        self.text.setClearButtonEnabled(True)
        self.profile = QComboBox()
        self.profile.setAccessibleName(translate("HrBrowser", "Profile filter"))
        self.profile.addItem(translate("HrBrowser", "Every profile"), "")
        self.profiles = profiles
        self._fill_profiles()
        self.status = QComboBox()
        self.status.setAccessibleName(translate("HrBrowser", "Status filter"))
        self.status.addItem(translate("HrBrowser", "Any status"), "")
        for s in Status:
            self.status.addItem(labels.status(s), s.value)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(translate("HrBrowser", "Outcome filter"))
        for label, value in OUTCOMES:
            self.outcome.addItem(translate("browser", label), value)
        self.language = QComboBox()
        self.language.setAccessibleName(translate("HrBrowser", "Interview language filter"))
        self.language.addItem(translate("HrBrowser", "Any language"), "")
        for code, name in INTERVIEW_LANGUAGES.items():
            self.language.addItem(translate("sessions_model", name), code)
        self.date_from = OptionalDate(translate("HrBrowser", "From"))
        self.date_to = OptionalDate(translate("HrBrowser", "To"))
        self.campaign = CampaignFilter()
        self.campaign.setAccessibleName(translate("HrBrowser", "Campaign filter"))
        self.grouping = QComboBox()
        self.grouping.setAccessibleName(translate("HrBrowser", "Group by"))
        for label, value in GROUPINGS:
            self.grouping.addItem(translate("browser", label), value)
        # Two rows, so that every filter fits a 1366-pixel laptop screen.
        filters = QHBoxLayout()
        search_label = QLabel(translate("HrBrowser", "Fin&d:"))
        search_label.setBuddy(self.text)
        filters.addWidget(search_label)
        filters.addWidget(self.text, 2)
        filters.addWidget(self.profile, 1)
        filters.addWidget(self.campaign, 1)
        more_filters = QHBoxLayout()
        for widget in (self.status, self.outcome, self.language, self.date_from, self.date_to):
            more_filters.addWidget(widget)
        more_filters.addStretch(1)
        more_filters.addWidget(self.grouping)
        self._fill_campaigns()

        self.model = PagedSessionsModel(store, self)
        self.table = QTableView()
        self.table.setAccessibleName(translate("HrBrowser", "Sessions"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        # The column headers get a selection of their own (always empty): painting them asks
        # whether each whole column is selected, which walks every row through the model,
        # 450,000 calls into Python per paint with 50,000 rows selected (select-all froze the
        # window, and every repaint after it).
        header.setSelectionModel(QItemSelectionModel(self.model, self.table))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((90, 180, 100, 300, 150, 110, 90, 110)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.activated.connect(lambda index: self.open_session(index.row()))

        # A day's or a campaign's sessions at a glance; choosing one filters the list to it.
        self.groups_model = groups_model()
        self.groups = QTableView()
        self.groups.setAccessibleName(translate("HrBrowser", "Days or campaigns"))
        self.groups.setModel(self.groups_model)
        self.groups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.verticalHeader().setVisible(False)
        group_header = self.groups.horizontalHeader()
        group_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        group_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        group_header.resizeSection(0, 190)  # long campaign names elide; the counts stay in sight
        group_header.setResizeContentsPrecision(50)  # sized by the first rows, not 731 days
        self.groups.activated.connect(lambda index: self.open_group(index.row()))
        self.groups.setMinimumWidth(360)
        # Cut in the middle: a default campaign's force and its month both stay in sight.
        self.groups.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.groups.setWordWrap(False)
        self.groups.hide()
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.groups)
        self.split.addWidget(self.table)
        self.split.setStretchFactor(1, 1)
        self.job_bar = JobBar()
        self.job: Job[object] | None = None
        self._next: Job[object] | None = None  # asked for while a stopped job was ending
        self.groups_job: Job[object] | None = None

        self.count = QLabel()
        self.count.setAccessibleName(translate("HrBrowser", "Matching sessions"))
        # The work on the selection above, the database's and the accounts' below.
        buttons = QHBoxLayout()
        data_buttons = QHBoxLayout()
        # Shadows QWidget.actions() on purpose: the buttons by key, as the tests reach them.
        self.actions: dict[str, QPushButton] = {}  # type: ignore[assignment]
        # Lambdas, not the methods: clicked passes checked=False, which reprint, reprint_combined
        # and export_csv would take for their folder or path.
        for key, label, slot in (
            ("open", translate("HrBrowser", "Open (Enter)"), lambda: self.open_selected()),
            ("reprint", translate("HrBrowser", "Repri&nt sheets…"), lambda: self.reprint()),
            (
                "combined",
                translate("HrBrowser", "One &combined PDF…"),
                lambda: self.reprint_combined(),
            ),
            ("csv", translate("HrBrowser", "Export C&SV…"), lambda: self.export_csv()),
            ("campaign", translate("HrBrowser", "Set campai&gn…"), lambda: self.set_campaign()),
            (
                "import",
                translate("HrBrowser", "I&mport session files…"),
                lambda: self.import_files(),
            ),
            (
                "equality",
                translate("HrBrowser", "Import e&quality data…"),
                lambda: self.import_equality(),
            ),
            ("reopen", translate("HrBrowser", "Re&open…"), lambda: self.reopen()),
            ("withdraw", translate("HrBrowser", "&Withdraw…"), lambda: self.withdraw()),
            ("purge", translate("HrBrowser", "P&urge past retention…"), lambda: self.purge()),
            ("pin", translate("HrBrowser", "Reset a mem&ber's PIN…"), lambda: self.reset_pin()),
            ("account", translate("HrBrowser", "Add HR &account…"), lambda: self.add_account()),
            (
                "send",
                translate("HrBrowser", "Send to force archi&ve…"),
                lambda: self.send_to_archive(),
            ),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            row = (
                data_buttons
                if key in ("import", "equality", "purge", "pin", "account")
                else buttons
            )
            row.addWidget(button)
            self.actions[key] = button
        for key in ("pin", "account"):  # an admin's tasks
            self.actions[key].setVisible(user.is_admin and not self.on_archive)
        # Changes are made on laptops (campaign moves and equality data too, for now).
        for key in ("import", "equality", "campaign", "reopen", "withdraw", "purge"):
            self.actions[key].setVisible(not self.on_archive)
        self.actions["send"].setVisible(not self.on_archive)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        data_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(more_filters)
        layout.addWidget(self.split, 1)
        layout.addLayout(buttons)
        layout.addLayout(data_buttons)
        layout.addWidget(self.job_bar)

        self._filtered = False  # apply_filters has run (it fills in the count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(self._timer.start)
        self.text.returnPressed.connect(self.apply_filters)
        for combo in (
            self.profile,
            self.status,
            self.outcome,
            self.language,
            self.campaign,
            self.grouping,
        ):
            combo.currentIndexChanged.connect(self.apply_filters)
        for optional in (self.date_from, self.date_to):
            optional.changed.connect(self.apply_filters)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.text.setFocus)

    # --- filtering -----------------------------------------------------------------------------

    def current_query(self) -> SessionQuery:
        status = self.status.currentData()
        return SessionQuery(
            text=self.text.text().strip(),
            status=(status,) if status else (),
            profile_id=self.profile.currentData(),
            outcome=self.outcome.currentData(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            campaign=self.campaign.currentData() or "",
            language=self.language.currentData(),
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )

    def apply_filters(self) -> None:
        self._timer.stop()
        ok, _ = attempt(self, lambda: self.model.set_query(self.current_query()), loud=False)
        self.count.setText(
            translate("HrBrowser", "%Ln session(s)", "", self.model.total)
            if ok
            else translate("HrBrowser", "Could not search")
        )
        self._filtered = True
        self._fill_groups()

    def _refresh(self) -> None:
        """After a change: the list, its count, the groups and the campaigns as they now are;
        a busy database leaves the list as it was and says so in the count."""
        self._fill_profiles()
        self._fill_campaigns()
        ok, _ = attempt(self, self.model.refresh, loud=False)
        self.count.setText(
            translate("HrBrowser", "%Ln session(s)", "", self.model.total)
            if ok
            else translate("HrBrowser", "Could not refresh the list")
        )
        self._fill_groups()

    def _fill_profiles(self) -> None:
        """Every profile loaded, then any other a session was made with (its force file gone,
        renamed or broken since): its sessions are still listed, and filtered by it."""
        ok, in_use = attempt(self, self.store.profiles_in_use, reading=True, loud=False)
        for profile_id, name in profile_names(
            self.profiles, in_use if ok and in_use else ()
        ).items():
            if self.profile.findData(profile_id) < 0:
                self.profile.addItem(name, profile_id)

    def _fill_campaigns(self) -> None:
        """Every campaign in the database, the one chosen kept chosen."""
        ok, names = attempt(self, self.store.campaigns, reading=True, loud=False)
        if not ok or names is None:
            return
        self.campaign.fill(names)

    def _fill_groups(self) -> None:
        """The days' or campaigns' counts, worked out on a thread of their own: grouping
        50,000 sessions takes SQLite a sixth of a second, too long for the window to wait."""
        by = self.grouping.currentData() or ""
        self.groups.setVisible(bool(by))
        if self.groups_job is not None and self.groups_job.running:
            self.groups_job.stop()
        if not by:
            self.groups_job = None
            self.groups_model.set_rows([])
            return
        query = self.current_query()

        def work(reader: SessionReader, _steps: Steps) -> list[SessionGroup]:
            return reader.session_groups(query, by)

        job: Job[object] = Job(
            translate("HrBrowser", "Counting the sessions"), work, self._connect(), parent=self
        )
        self.groups_job = job

        def counted() -> None:
            if job is self.groups_job and job.state == "done" and isinstance(job.result, list):
                self.groups_model.set_rows(job.result)

        job.finished.connect(counted)
        job.start()

    @property
    def groups_busy(self) -> bool:
        return self.groups_job is not None and self.groups_job.running

    def open_group(self, row: int) -> None:
        """Filter the list to one day or one campaign of the groups."""
        if not 0 <= row < self.groups_model.rowCount():
            return
        group = self.groups_model.row(row)
        if self.grouping.currentData() == "day":
            from datetime import date as day_of

            chosen = day_of.fromisoformat(group.key)
            for optional in (self.date_from, self.date_to):
                optional.blockSignals(True)
                optional.set_value(chosen)
                optional.blockSignals(False)
            self.apply_filters()
        else:
            index = self.campaign.findData(group.key)
            if index < 0:
                self.campaign.addItem(group.key, group.key)
                index = self.campaign.count() - 1
            self.campaign.setCurrentIndex(index)

    def showEvent(self, event: QShowEvent) -> None:
        # Not pages_loaded == 0: the sort indicator set in __init__ has already queried once,
        # and the count label stayed empty until a filter changed.
        if not self._filtered:
            self.apply_filters()
        elif self._changed_elsewhere():
            self._refresh()  # the interview tab, another window or a command saved sessions
        super().showEvent(event)

    def _changed_elsewhere(self) -> bool:
        """Sessions changed since the list was read (a busy database says no: the list stays,
        and an action on it is checked again)."""
        marker = self.model.marker
        if marker is None:
            return False
        ok, changed = attempt(
            self, lambda: self.store.list_changed_since(marker), reading=True, loud=False
        )
        return bool(ok and changed)

    # --- selection -----------------------------------------------------------------------------

    def selected_ranges(self) -> Ranges:
        """The selected rows as runs (first, last), in order: a select-all of 50,000 rows is
        one run, found without touching a row."""
        selection = self.table.selectionModel().selection()
        runs = sorted(
            (selection.at(i).top(), selection.at(i).bottom())
            for i in range(selection.count())
            if selection.at(i).isValid()
        )
        merged: Ranges = []
        for first, last in runs:
            if merged and first <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
            else:
                merged.append((first, last))
        if not merged and self.table.currentIndex().isValid():
            row = self.table.currentIndex().row()
            merged = [(row, row)]
        return merged

    def selected_count(self) -> int:
        return sum(last - first + 1 for first, last in self.selected_ranges())

    def selected_rows(self) -> list[SessionRow]:
        found = [self.model.row(r) for a, b in self.selected_ranges() for r in range(a, b + 1)]
        return [row for row in found if row is not None]

    def selected_ids(self) -> list[str]:
        """The selected sessions' ids, only as the list showed them: from the rows it holds for
        a small selection, in one checked query for a large one. Empty, the user told why, if
        the database would not say or the list changed since it was shown (it is read again)."""
        ranges = self.selected_ranges()
        held = self._held(ranges)
        if held is not None:
            return held
        shown = self.model.as_shown()
        try:
            ok, ids = attempt(self, lambda: shown.ids(self.store, ranges), reading=True)
        except ListChanged:
            self._list_changed()
            return []
        return ids if ok and ids is not None else []

    def _held(self, ranges: Ranges) -> list[str] | None:
        """A small selection's ids from the rows the list holds (what it showed); None for a
        large one, or one with a row the list no longer holds."""
        if sum(last - first + 1 for first, last in ranges) > PAGE_ROWS:
            return None
        return self.model.held_ids(ranges)

    def _list_changed(self) -> None:
        """An action found the list changed since it was shown: nothing was done; the list is
        read again and the user asked to check the selection."""
        self._refresh()
        self.table.selectionModel().clear()  # the current row too: nothing acts until chosen
        messages.warn(
            self,
            translate("HrBrowser", "The list changed"),
            translate(
                "HrBrowser",
                "The list changed since it was shown (another window or the interview tab"
                " saved sessions); it has been read again: check the selection and try again.",
            ),
        )

    @property
    def laptop(self) -> Store:
        """The laptop's store: what only a laptop does (its buttons are hidden on the archive)."""
        assert isinstance(self.store, Store), "the force archive is read-only here"
        return self.store

    def _need_selection(self) -> list[str] | None:
        if not self.selected_ranges():
            self._nothing_selected()
            return None
        return self.selected_ids() or None  # empty: the user has been told why

    def _nothing_selected(self) -> None:
        messages.inform(
            self,
            translate("HrBrowser", "Nothing selected"),
            translate("HrBrowser", "Select one or more sessions first."),
        )

    def open_session(self, row: int) -> None:
        found = self.model.row(row)
        if found is not None:
            SessionReviewDialog.ask(self, self.store, found.id)

    def open_selected(self) -> None:
        ids = self._need_selection()
        if ids:
            SessionReviewDialog.ask(self, self.store, ids[0])

    # --- actions -------------------------------------------------------------------------------

    def _sessions(self, ids: list[str]) -> list[Session] | None:
        """Every session in ``ids``; None, the user told why, if the database would not say."""
        ok, sessions = attempt(self, lambda: [self.store.load(i) for i in ids], reading=True)
        return sessions if ok else None

    def _with_progress(
        self, title: str, total: int
    ) -> tuple[QProgressDialog, Callable[[int], bool]]:
        dialog = QProgressDialog(title, translate("HrBrowser", "Stop"), 0, total, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def progress(done: int) -> bool:
            dialog.setValue(done)
            return not dialog.wasCanceled()

        return dialog, progress

    def reprint(self, folder: Path | None = None) -> list[Path]:
        ids = self._need_selection()
        if not ids:
            return []
        if not folder:
            folder = choose_folder(
                self, translate("HrBrowser", "Folder for the sheets"), Path.home()
            )
            if folder is None:
                return []
        sessions = self._sessions(ids)
        if sessions is None:
            return []
        dialog, progress = self._with_progress(
            translate("HrBrowser", "Writing marking sheets…"), len(ids)
        )
        try:
            batch = issue_folder(
                self.store,
                sessions,
                folder,
                how="HR reprint",
                actor=self.user.name,
                progress=progress,
            )
        except OSError as exc:
            messages.warn(
                self,
                translate("HrBrowser", "Not written"),
                translate("HrBrowser", "The sheets could not be written: {exc}").format(
                    exc=labels.os_error_text(exc)
                ),
            )
            return []
        except EXPECTED_ERRORS as exc:
            messages.warn(self, translate("HrBrowser", "Not written"), explain(exc))
            return []
        finally:
            dialog.close()
        written = translate(
            "HrBrowser", "%Ln sheet(s) written to {folder}.", "", len(batch.written)
        ).format(folder=folder)
        if batch.failed:
            # Every other sheet is written; each one that could not be is named, with why.
            failures = "".join(f"\n• {failed}" for failed in batch.failed)
            not_written = translate("HrBrowser", "The sheets could not be written: {exc}").format(
                exc=failures
            )
            messages.warn(
                self, translate("HrBrowser", "Not written"), f"{written}\n\n{not_written}"
            )
            return batch.written
        messages.inform(self, translate("HrBrowser", "Sheets written"), written)
        return batch.written

    def reprint_combined(self, path: Path | None = None) -> Path | None:
        ids = self._need_selection()
        if not ids:
            return None
        if not path:
            path = save_file(
                self,
                translate("HrBrowser", "One PDF of every selected sheet"),
                Path.home() / "marking-sheets.pdf",
                translate("HrBrowser", "PDF (*.pdf)"),
                ".pdf",
            )
            if path is None:
                return None
        sessions = self._sessions(ids)
        if sessions is None:
            return None
        dialog, progress = self._with_progress(
            translate("HrBrowser", "Combining marking sheets…"), len(ids)
        )
        try:
            written = issue_combined(
                self.store,
                sessions,
                path,
                how="HR combined PDF",
                actor=self.user.name,
                progress=progress,
            )
            # Stopped part-way: a PDF missing some of the selection would pass for the whole
            # of it, so nothing is written.
            if written is None:
                messages.inform(
                    self,
                    translate("HrBrowser", "Stopped"),
                    translate(
                        "HrBrowser",
                        "No PDF was written: it was stopped before every sheet was in it.",
                    ),
                )
                return None
        except (OSError, SheetError) as exc:  # SheetError: a sheet that could not be built
            messages.warn(
                self,
                translate("HrBrowser", "Not written"),
                translate("HrBrowser", "The PDF could not be written: {exc}").format(
                    exc=labels.os_error_text(exc)
                ),
            )
            return None
        except EXPECTED_ERRORS as exc:
            messages.warn(self, translate("HrBrowser", "Not written"), explain(exc))
            return None
        finally:
            dialog.close()
        return path

    # --- work off the window's thread ------------------------------------------------------------

    def _start(self, job: Job[object]) -> Job[object] | None:
        """Run ``job`` with progress and Stop below the list; one at a time. Once Stop has
        been pressed, the next job waits for the stopped one to end (at its next step) and
        then starts by itself."""
        current = self.job
        if current is not None and current.running and current.stopping and self._next is None:
            self._next = job
            current.finished.connect(self._start_next)
            return job
        if self.job is not None and self.job.running:
            messages.inform(
                self,
                translate("HrBrowser", "Still working"),
                translate("HrBrowser", "{title} is still running: wait or press Stop.").format(
                    title=self.job.title
                ),
            )
            return None
        self.job = job
        self.job_bar.follow(job)
        return job.start()

    def _start_next(self) -> None:
        job, self._next = self._next, None
        if job is not None and self.isVisible():  # not once the window has closed
            self.job = job
            self.job_bar.follow(job)
            job.start()

    def export_csv(self, path: Path | None = None) -> Job[object] | None:
        """The selected sessions as CSV, across profiles, written off the window's thread with
        progress and Stop; stopped, nothing is written. Returns the running job."""
        ranges = self.selected_ranges()
        if not ranges:
            self._nothing_selected()
            return None
        if not path:
            path = save_file(
                self,
                translate("HrBrowser", "Export CSV"),
                Path.home() / "sessions.csv",
                translate("HrBrowser", "CSV (*.csv)"),
                ".csv",
            )
            if path is None:
                return None
        held, shown = self._held(ranges), self.model.as_shown()
        count = self.selected_count()
        target = path

        def work(reader: SessionReader, steps: Steps) -> Exported:
            step(steps, 0, count, "Finding the sessions")
            ids = held if held is not None else shown.ids(reader, ranges)
            return export_csv_file(reader, ids, target, steps)

        job: Job[object] = Job(
            translate("HrBrowser", "Exporting %Ln session(s) to CSV", "", count),
            work,
            self._connect(),
        )
        job.finished.connect(lambda: self._exported(job))
        return self._start(job)

    def _connect(self) -> Callable[[], SessionReader]:
        return own_connection(self.store)

    def _connect_laptop(self) -> Callable[[], Store]:
        """For a job that changes sessions: only on a laptop (its buttons are hidden on the
        archive)."""
        path = self.laptop.path
        return lambda: Store.open(path, thorough=False)

    def _exported(self, job: Job[object]) -> None:
        if job.state == "done" and isinstance(job.result, Exported):
            self.job_bar.say(
                translate(
                    "HrBrowser", "✓ Wrote %Ln session(s) to {path}.", "", job.result.sessions
                ).format(path=job.result.path)
            )
        elif job.state == "stopped":
            self.job_bar.say(translate("HrBrowser", "Stopped: no file was written."))
        else:
            self.job_bar.say(translate("HrBrowser", "✗ Not exported."))
            error = job.error
            if isinstance(error, ListChanged):
                self._list_changed()
                return
            text = (
                translate("HrBrowser", "The file could not be written: {error}").format(
                    error=labels.os_error_text(error)
                )
                if isinstance(error, OSError)
                else explain(error)
                if isinstance(error, EXPECTED_ERRORS)
                else translate("HrBrowser", "The export failed: {error}").format(error=error)
            )
            messages.warn(self, translate("HrBrowser", "Not exported"), text)

    def set_campaign(self, name: str | None = None) -> Job[object] | None:
        """Move the selected sessions to a campaign (each move audited in the HR account's
        name); not part of any signed record, so a signed session moves too."""
        ranges = self.selected_ranges()
        if not ranges:
            self._nothing_selected()
            return None
        count = self.selected_count()
        if name is None:
            _, known = attempt(self, self.store.campaigns, reading=True)
            current = self.model.row(ranges[0][0])
            name = CampaignDialog.ask(
                self,
                known or [],
                current.campaign if current is not None else "",
                count,
            )
            if not name:
                return None
        held, shown = self._held(ranges), self.model.as_shown()
        actor, chosen = self.user.name, name

        def work(writer: Store, steps: Steps) -> int:
            step(steps, 0, count, "Finding the sessions")
            ids = held if held is not None else shown.ids(writer, ranges)
            step(steps, 0, len(ids), "Moving the sessions")
            return writer.set_campaign(ids, chosen, actor)

        job: Job[object] = Job(
            translate("HrBrowser", "Moving %Ln session(s) to {name}", "", count).format(name=name),
            work,
            self._connect_laptop(),
        )

        def moved() -> None:
            if job.state == "done":
                self.job_bar.say(
                    translate(
                        "HrBrowser",
                        "✓ Moved {moved} of %Ln session(s) to campaign “{name}”.",
                        "",
                        count,
                    ).format(moved=f"{job.result:,}", name=chosen)
                )
            elif isinstance(job.error, ListChanged):  # nothing moved
                self.job_bar.say(translate("HrBrowser", "✗ Not moved."))
                self._list_changed()
                return
            elif job.state == "failed" and job.error is not None:
                self.job_bar.say(translate("HrBrowser", "✗ Not moved."))
                messages.warn(self, translate("HrBrowser", "Not moved"), explain(job.error))
            self._refresh()
            self.changed.emit()

        job.finished.connect(moved)
        return self._start(job)

    def import_equality(self, path: Path | None = None) -> Job[object] | None:
        """HR's equality-monitoring CSV from the recruitment system: kept apart from the
        sessions (never shown to a panel, never on a sheet); unmatched references listed."""
        if path is None:
            files = open_files(
                self,
                translate("HrBrowser", "Import equality-monitoring data"),
                Path.home(),
                translate("HrBrowser", "CSV files (*.csv);;All files (*)"),
            )
            if not files:
                return None
            path = files[0]
        actor, source = self.user.name, path

        def work(writer: Store, steps: Steps) -> EqualityImport:
            step(steps, 0, 0, "Reading the file")
            data = read_equality_file(source)
            step(steps, 0, 0, "Matching candidates")
            return writer.import_equality(data, actor)

        job: Job[object] = Job(
            translate("HrBrowser", "Importing equality data"), work, self._connect_laptop()
        )

        def imported() -> None:
            result = job.result
            if job.state == "done" and isinstance(result, EqualityImport):
                summary = equality_summary(result)
                self.job_bar.say(f"✓ {summary}")
                text = summary
                if result.unmatched:
                    shown = result.unmatched[:UNMATCHED_LISTED]
                    more = len(result.unmatched) - len(shown)
                    text += "\n\n" + translate(
                        "HrBrowser", "No session has these candidate references:"
                    )
                    text += "\n" + "\n".join(f"• {ref}" for ref in shown)
                    if more:
                        text += "\n" + translate("HrBrowser", "… and %Ln more.", "", more)
                messages.inform(self, translate("HrBrowser", "Equality data imported"), text)
            elif job.state == "failed" and job.error is not None:
                self.job_bar.say(translate("HrBrowser", "✗ Not imported."))
                messages.warn(self, translate("HrBrowser", "Not imported"), str(job.error))

        job.finished.connect(imported)
        return self._start(job)

    def reset_pin(self, member_id: str | None = None) -> bool:
        """An admin clears the PIN a member forgot; they choose a new one when next asked."""
        ids = self._need_selection()
        if not ids:
            return False
        ok, session = attempt(self, lambda: self.store.load(ids[0]), reading=True)
        if not ok or session is None:
            return False
        if member_id is None:
            from PySide6.QtWidgets import QInputDialog

            names = [f"{m.name} ({m.id})" for m in session.panel]
            chosen, picked = QInputDialog.getItem(
                self,
                translate("HrBrowser", "Reset a PIN"),
                translate("HrBrowser", "Whose PIN was forgotten?"),
                names,
                0,
                False,
            )
            if not picked:
                return False
            member_id = session.panel[names.index(chosen)].id
        ok, _ = attempt(
            self, lambda: self.laptop.reset_member_secret(session.id, member_id, self.user)
        )
        if ok:
            name = session.member(member_id).name
            messages.inform(
                self,
                translate("HrBrowser", "PIN reset"),
                translate(
                    "HrBrowser", "{name} chooses a new PIN the next time it is asked for."
                ).format(name=name),
            )
        return ok

    def add_account(self, name: str = "", role: str = "", passphrase: str = "") -> bool:
        """An admin adds an HR account (name, role, a first passphrase to pass on)."""
        if not name:
            from ui.hr.account_dialog import AccountDialog

            answer = AccountDialog.ask(self)
            if answer is None:
                return False
            name, role, passphrase = answer
        ok, user = attempt(
            self, lambda: self.laptop.add_user(name, role or "hr", passphrase, self.user)
        )
        if ok and user is not None:
            messages.inform(
                self,
                translate("HrBrowser", "Account added"),
                translate("HrBrowser", "{name} can now sign in ({role}).").format(
                    name=user.name, role=user.role
                ),
            )
        return ok

    def _batch(
        self,
        ids: list[str],
        run: Callable[[use_cases.Progress], use_cases.BatchResult],
        verb: str,
        title: str,
    ) -> int:
        """Act on each session with progress and Stop, then say once which were refused and
        why (one box for forty refusals, not forty); ``verb`` is the past tense ("reopened")."""
        shown = (
            {r.id: f"{r.candidate_ref} {r.candidate_name}" for r in self.selected_rows()}
            if self.selected_count() <= PAGE_ROWS
            else {}
        )
        dialog, progress = self._with_progress(title, len(ids))
        ok, result = attempt(self, lambda: run(progress))
        dialog.close()
        self._refresh()
        self.changed.emit()
        if not ok or result is None:
            return 0
        if result.refused or result.cancelled:
            lines = [f"• {shown.get(s, s)}: {explain(exc)}" for s, exc in result.refused]
            if len(lines) > FAILURES_LISTED:  # the box must still fit on a laptop screen
                more = len(lines) - FAILURES_LISTED
                lines = [
                    *lines[:FAILURES_LISTED],
                    translate("HrBrowser", "… and {more} more.").format(more=more),
                ]
            refused = (
                translate("HrBrowser", " Not {verb}:\n").format(verb=verb) + "\n".join(lines)
                if lines
                else ""
            )
            messages.warn(
                self,
                translate("HrBrowser", "Not done")
                if not result.done
                else translate("HrBrowser", "Not all done"),
                result.summary(verb) + refused,
            )
        return len(result.done)

    def reopen(self) -> int:
        ids = self._need_selection()
        if not ids:
            return 0
        reason = ReasonDialog.ask(
            self,
            translate("HrBrowser", "Reopen signed sessions"),
            translate(
                "HrBrowser",
                "Why must {count} session(s) be reopened? The reason is "
                "audited; the next sign-off makes the next version of the "
                "sheet.",
            ).format(count=len(ids)),
        )
        if not reason:
            return 0
        return self._batch(
            ids,
            lambda progress: use_cases.reopen_many(
                self.laptop, ids, reason, self.user.name, progress
            ),
            "reopened",
            translate("HrBrowser", "Reopening…"),
        )

    def withdraw(self) -> int:
        ids = self._need_selection()
        if not ids:
            return 0
        reason = ReasonDialog.ask(
            self,
            translate("HrBrowser", "Withdraw"),
            translate(
                "HrBrowser", "Why are {count} candidate(s) withdrawn? The reason is audited."
            ).format(count=len(ids)),
        )
        if not reason:
            return 0
        return self._batch(
            ids,
            lambda progress: use_cases.withdraw_many(
                self.laptop, ids, reason, self.user.name, progress
            ),
            "withdrawn",
            translate("HrBrowser", "Withdrawing…"),
        )

    def import_files(self, files: list[Path] | None = None) -> int:
        """Session files from another laptop, or one member's marks to merge: each imported
        or refused in words, nothing overwritten; one summary at the end."""
        if files is None:
            files = open_files(
                self,
                translate("HrBrowser", "Import session files"),
                Path.home(),
                translate("HrBrowser", "Session files (*.json);;All files (*)"),
            )
        if not files:
            return 0
        ok, results = attempt(
            self, lambda: use_cases.import_files(self.laptop, files, self.user.name)
        )
        self._refresh()
        self.changed.emit()
        if not ok or results is None:
            return 0
        done = sum(r.ok for r in results)
        lines = "\n".join(
            f"• {r.message if r.phrase is None else labels.phrase(r.phrase)}"
            for r in results[:FAILURES_LISTED]
        )
        if len(results) > FAILURES_LISTED:
            lines += translate("HrBrowser", "\n… and {value} more.").format(
                value=len(results) - FAILURES_LISTED
            )
        title = (
            translate("HrBrowser", "Imported")
            if done == len(results)
            else translate("HrBrowser", "Not all imported")
        )
        text = translate(
            "HrBrowser", "{done} of {count} file(s) imported or already here.\n{lines}"
        ).format(done=done, count=len(results), lines=lines)
        if done == len(results):
            messages.inform(self, title, text)
        else:
            messages.warn(self, title, text)
        return done

    def purge(self) -> int:
        if self.job is not None and self.job.running:
            messages.inform(
                self,
                translate("HrBrowser", "Still working"),
                translate("HrBrowser", "{title} is still running: wait or press Stop.").format(
                    title=self.job.title
                ),
            )
            return 0
        ok, due = attempt(self, self.laptop.purge_candidates, reading=True)
        if not ok:
            return 0
        if not due:
            messages.inform(
                self,
                translate("HrBrowser", "Purge"),
                translate("HrBrowser", "No session is past its retention period."),
            )
            return 0
        if not messages.ask(
            self,
            translate("HrBrowser", "Purge past retention"),
            translate(
                "HrBrowser",
                "Delete {count} closed session(s) past their retention "
                "period for good? Nothing of them is kept: not in the "
                "database, not in its backups (backups holding them are "
                "removed and a new one is taken). Each deletion is audited.",
            ).format(count=len(due)),
        ):
            return 0
        ok, result = attempt(self, lambda: self.laptop.purge([r.id for r in due], self.user.name))
        self._refresh()
        self.changed.emit()
        if not ok or result is None:
            return 0
        messages.inform(
            self, translate("HrBrowser", "Purged"), result.describe().capitalize() + "."
        )
        return result.count

    # --- the force archive ---------------------------------------------------------------------

    def send_to_archive(self, url: str | None = None) -> PushReport | None:
        """Send this laptop's signed sessions that the force archive lacks, with progress;
        what was sent stays sent if it is stopped or the connection drops."""
        from pcso_interview.store.archive.connect import ArchiveError, connection_params
        from pcso_interview.store.archive.push import PushProgress, push
        from ui.archive_window import ask_password

        store = self.laptop
        if url is None:
            from PySide6.QtWidgets import QInputDialog

            url, ok = QInputDialog.getText(
                self,
                translate("HrBrowser", "Send to force archive"),
                translate(
                    "HrBrowser",
                    "The force archive: postgresql://LOGIN@HOST/DATABASE\n(no password here: it"
                    " is asked for, or read from ~/.pgpass)",
                ),
                text=store.get_state(ARCHIVE_URL_STATE),
            )
            if not ok or not url.strip():
                return None
        url = url.strip()
        try:
            connection_params(url)
        except ArchiveError as exc:
            messages.warn(self, translate("HrBrowser", "Not sent"), str(exc))
            return None
        attempt(self, lambda: store.set_state(ARCHIVE_URL_STATE, url), loud=False)
        dialog = QProgressDialog(
            translate("HrBrowser", "Sending signed sessions to the force archive…"),
            translate("HrBrowser", "Stop"),
            0,
            0,
            self,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def progress(p: PushProgress) -> bool:
            dialog.setMaximum(p.total)
            dialog.setValue(p.done)
            dialog.setLabelText(
                translate("HrBrowser", "Sent {done} of {total} session(s): {ref}").format(
                    done=p.done, total=p.total, ref=p.candidate_ref
                )
            )
            return not dialog.wasCanceled()

        try:
            report = push(
                store, url, prompt=lambda text: ask_password(self, text), progress=progress
            )
        except EXPECTED_ERRORS as exc:
            messages.warn(self, translate("HrBrowser", "Not all sent"), explain(exc))
            return None
        finally:
            dialog.close()
        text = report.describe().capitalize() + "."
        if report.refused:
            listed = report.refused[:FAILURES_LISTED]
            more = len(report.refused) - len(listed)
            text += "\n\n" + "\n".join(f"• {r}" for r in listed)
            text += translate("HrBrowser", "\n… and {more} more.").format(more=more) if more else ""
            messages.warn(self, translate("HrBrowser", "Force archive"), text)
        else:
            messages.inform(self, translate("HrBrowser", "Force archive"), text)
        return report

"""HR's sessions browser: filter, sort and page through every session; act on a selection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcso_interview import use_cases
from pcso_interview.files import write_atomic
from pcso_interview.hr_export import ExportError, sessions_csv
from pcso_interview.lifecycle import Status
from pcso_interview.profiles import ProfileSet
from pcso_interview.session import Session
from pcso_interview.store import SessionQuery, SessionRow, Store
from pcso_interview.store.identity import User
from pcso_interview.store.reading import SessionReader
from reports.issue import issue_combined, issue_folder
from ui import labels, messages
from ui.feedback import EXPECTED_ERRORS, attempt, explain
from ui.file_dialogs import choose_folder, open_files, save_file
from ui.hr.date_filter import OptionalDate
from ui.hr.review_dialog import SessionReviewDialog
from ui.hr.sessions_model import INTERVIEW_LANGUAGES, PagedSessionsModel
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.reason_dialog import ReasonDialog

if TYPE_CHECKING:
    from pcso_interview.store.archive.push import PushReport

TEXT_DELAY_MS = 150
FAILURES_LISTED = 15  # in the one summary after reopening or withdrawing a selection
ARCHIVE_URL_STATE = "archive.url"  # the last force archive sent to (no password: never kept)
OUTCOMES = [
    (QT_TRANSLATE_NOOP("browser", "Any outcome"), ""),
    (QT_TRANSLATE_NOOP("browser", "Pass"), "pass"),
    (QT_TRANSLATE_NOOP("browser", "Fail"), "fail"),
    (QT_TRANSLATE_NOOP("browser", "Incomplete"), "incomplete"),
    (QT_TRANSLATE_NOOP("browser", "Withdrawn"), "withdrawn"),
]


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
        for p in profiles:
            self.profile.addItem(f"{p.force} · {p.role_title}", p.id)
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
        filters = QHBoxLayout()
        search_label = QLabel(translate("HrBrowser", "Fin&d:"))
        search_label.setBuddy(self.text)
        filters.addWidget(search_label)
        filters.addWidget(self.text, 2)
        for widget in (
            self.profile,
            self.status,
            self.outcome,
            self.language,
            self.date_from,
            self.date_to,
        ):
            filters.addWidget(widget)

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
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((90, 180, 100, 330, 160, 120, 90, 110)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.activated.connect(lambda index: self.open_session(index.row()))

        self.count = QLabel()
        self.count.setAccessibleName(translate("HrBrowser", "Matching sessions"))
        buttons = QHBoxLayout()
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
            (
                "import",
                translate("HrBrowser", "I&mport session files…"),
                lambda: self.import_files(),
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
            buttons.addWidget(button)
            self.actions[key] = button
        for key in ("pin", "account"):  # an admin's tasks
            self.actions[key].setVisible(user.is_admin and not self.on_archive)
        for key in ("import", "reopen", "withdraw", "purge"):  # changes are made on laptops
            self.actions[key].setVisible(not self.on_archive)
        self.actions["send"].setVisible(not self.on_archive)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self._filtered = False  # apply_filters has run (it fills in the count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(self._timer.start)
        self.text.returnPressed.connect(self.apply_filters)
        for combo in (self.profile, self.status, self.outcome, self.language):
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
            language=self.language.currentData(),
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )

    def apply_filters(self) -> None:
        self._timer.stop()
        ok, _ = attempt(self, lambda: self.model.set_query(self.current_query()), loud=False)
        self.count.setText(
            translate("HrBrowser", "%n session(s)", "", self.model.total)
            if ok
            else translate("HrBrowser", "Could not search")
        )
        self._filtered = True

    def _refresh(self) -> None:
        """After a change: a busy database leaves the list as it was and says so in the count."""
        ok, _ = attempt(self, self.model.refresh, loud=False)
        if not ok:
            self.count.setText(translate("HrBrowser", "Could not refresh the list"))

    def showEvent(self, event: QShowEvent) -> None:
        # Not pages_loaded == 0: the sort indicator set in __init__ has already queried once,
        # and the count label stayed empty until a filter changed.
        if not self._filtered:
            self.apply_filters()
        super().showEvent(event)

    # --- selection -----------------------------------------------------------------------------

    def selected_rows(self) -> list[SessionRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        found = [self.model.row(r) for r in rows]
        return [row for row in found if row is not None]

    def selected_ids(self) -> list[str]:
        return [row.id for row in self.selected_rows()]

    @property
    def laptop(self) -> Store:
        """The laptop's store: what only a laptop does (its buttons are hidden on the archive)."""
        assert isinstance(self.store, Store), "the force archive is read-only here"
        return self.store

    def _need_selection(self) -> list[str] | None:
        ids = self.selected_ids()
        if not ids:
            messages.inform(
                self,
                translate("HrBrowser", "Nothing selected"),
                translate("HrBrowser", "Select one or more sessions first."),
            )
            return None
        return ids

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
            written = issue_folder(
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
                translate("HrBrowser", "The sheets could not be written: {exc}").format(exc=exc),
            )
            return []
        except EXPECTED_ERRORS as exc:
            messages.warn(self, translate("HrBrowser", "Not written"), explain(exc))
            return []
        finally:
            dialog.close()
        messages.inform(
            self,
            translate("HrBrowser", "Sheets written"),
            translate("HrBrowser", "%n sheet(s) written to {folder}.", "", len(written)).format(
                folder=folder
            ),
        )
        return written

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
        except OSError as exc:
            messages.warn(
                self,
                translate("HrBrowser", "Not written"),
                translate("HrBrowser", "The PDF could not be written: {exc}").format(exc=exc),
            )
            return None
        except EXPECTED_ERRORS as exc:
            messages.warn(self, translate("HrBrowser", "Not written"), explain(exc))
            return None
        finally:
            dialog.close()
        return path

    def export_csv(self, path: Path | None = None) -> Path | None:
        ids = self._need_selection()
        if not ids:
            return None
        profile_id = self.profile.currentData() or None
        sessions = self._sessions(ids)
        if sessions is None:
            return None
        try:
            text = sessions_csv(sessions, profile_id)
        except ExportError as exc:
            messages.warn(
                self,
                translate("HrBrowser", "Not exported"),
                translate("HrBrowser", "{exc} Choose a profile in the filter to export it.").format(
                    exc=exc
                ),
            )
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
        try:
            write_atomic(path, text.encode("utf-8-sig"))
        except OSError as exc:
            messages.warn(
                self,
                translate("HrBrowser", "Not exported"),
                translate("HrBrowser", "{path} could not be written: {exc}").format(
                    path=path, exc=exc
                ),
            )
            return None
        return path

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
        shown = {r.id: f"{r.candidate_ref} {r.candidate_name}" for r in self.selected_rows()}
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
        lines = "\n".join(f"• {r.message}" for r in results[:FAILURES_LISTED])
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

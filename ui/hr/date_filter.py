"""A date filter that can be switched off, shared by the HR browser and the statistics view.

On its own so that the statistics view need not import the browser, and with it reportlab
and pypdf (over 300 ms), for one small widget.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from ui.i18n import translate


class OptionalDate(QWidget):
    """A date filter that can be switched off (then it matches any date)."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.enabled = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setCalendarPopup(True)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.edit.setAccessibleName(translate("OptionalDate", "{label} date").format(label=label))
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit)

    def value(self) -> str:
        return self.edit.date().toString("yyyy-MM-dd") if self.enabled.isChecked() else ""

    def set_value(self, day: date | None) -> None:
        self.enabled.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))

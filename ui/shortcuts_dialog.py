"""Help → Keyboard shortcuts: the list the code binds, shown in a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui import shortcuts
from ui.i18n import translate


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: the same list the code binds."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        rows = "".join(
            f"<tr><td><b>{translate('shortcuts', keys)}</b></td>"
            f"<td>&nbsp;&nbsp;{translate('shortcuts', what)}</td></tr>"
            for keys, what in shortcuts.HELP
        )
        label = QLabel(f"<table>{rows}</table>")
        label.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        cls(parent).exec()

"""The campaign filter of HR review and of the statistics: every campaign, the chosen one kept."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ui.i18n import translate


class CampaignFilter(QComboBox):
    """ "Every campaign", then each campaign by name; the item's data is the name ("" for all)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumContentsLength(18)  # long names elide; the filters still fit 1366 px
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def fill(self, names: list[str]) -> None:
        """The campaigns as they now are, without a change signal; the one chosen stays
        chosen, even when no session is in it any more."""
        chosen = self.currentData() or ""
        self.blockSignals(True)
        self.clear()
        self.addItem(translate("CampaignFilter", "Every campaign"), "")
        for name in names if chosen in names or not chosen else [*names, chosen]:
            self.addItem(name, name)
        self.setCurrentIndex(max(0, self.findData(chosen)))
        self.blockSignals(False)

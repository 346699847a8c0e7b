"""A combo box of the regimes, each shown as "Qing baojia — 保甲 bǎojiǎ (pao-chia), 1644"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox

from ermu.models.regimes import REGIMES, RegimeSpec


def regime_label(regime: RegimeSpec) -> str:
    """The name and the first year, marked when the year is Ermu's assumption (see models.dating)."""
    from ermu.models.dating import ASSUMED_MARK

    mark = ASSUMED_MARK if regime.start_note else ""
    return f"{regime.title} — {regime.name.display()}, {regime.start_year}{mark}"


class RegimeCombo(QComboBox):
    """Emits ``regime_chosen(id)`` when the user picks a regime (not when set from code)."""

    regime_chosen = Signal(str)

    def __init__(self, parent=None, *, accessible_name: str = "Regime") -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        for regime in sorted(REGIMES.values(), key=lambda r: r.start_year):
            self.addItem(regime_label(regime), regime.id)
            notes = " ".join(regime.date_notes())
            self.setItemData(self.count() - 1, f"{regime.summary} {notes}".strip(), 3)  # ToolTipRole
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(30)
        self.activated.connect(lambda row: self.regime_chosen.emit(self.itemData(row)))

    def regime_id(self) -> str:
        return self.currentData()

    def set_regime_id(self, regime_id: str) -> None:
        row = self.findData(regime_id)
        if row >= 0 and row != self.currentIndex():
            self.blockSignals(True)
            self.setCurrentIndex(row)
            self.blockSignals(False)

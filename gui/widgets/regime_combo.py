"""A combo box of the regimes, each shown as "Qing baojia — 保甲 bǎojiǎ (pao-chia), 1644"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox

from ermu.models.i18n import _
from ermu.models.regimes import REGIMES, RegimeSpec
from ermu.models.regimes.texts import said


def regime_label(regime: RegimeSpec) -> str:
    """The name and the first year, marked when the year is Ermu's assumption (see models.dating)."""
    from ermu.models.dating import ASSUMED_MARK

    mark = ASSUMED_MARK if regime.start_note else ""
    return _("{title} — {name}, {year}{mark}").format(title=_(regime.title), name=regime.name.shown(),
                                                     year=regime.start_year, mark=mark)


def regime_tip(regime: RegimeSpec) -> str:
    """The regime's summary and what the sources say about its assumed years."""
    return " ".join(said(text) for text in (regime.summary, *regime.date_notes()) if text)


class RegimeCombo(QComboBox):
    """Emits ``regime_chosen(id)`` when the user picks a regime (not when set from code)."""

    regime_chosen = Signal(str)

    def __init__(self, parent=None, *, accessible_name: str = "", short: bool = False) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name or _("Regime"))
        #: Titles only ("Qing baojia"): where the full name would not fit at a kiosk's 16 pt (the
        #: panes' captions under the choosers say the rest).
        self.short = short
        for regime in sorted(REGIMES.values(), key=lambda r: r.start_year):
            self.addItem(self._label(regime), regime.id)
            self.setItemData(self.count() - 1, regime_tip(regime), 3)  # ToolTipRole
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(30)
        self.activated.connect(lambda row: self.regime_chosen.emit(self.itemData(row)))

    def retranslate(self) -> None:
        """Every regime's label and tooltip in the current language; the choice stays."""
        for row in range(self.count()):
            if self.itemData(row) not in REGIMES:  # "No regime": a fixed text, carried by itself
                continue
            regime = REGIMES[self.itemData(row)]
            self.setItemText(row, self._label(regime))
            self.setItemData(row, regime_tip(regime), 3)

    def _label(self, regime: RegimeSpec) -> str:
        return _(regime.title) if self.short else regime_label(regime)

    def regime_id(self) -> str:
        return self.currentData()

    def set_regime_id(self, regime_id: str) -> None:
        row = self.findData(regime_id)
        if row >= 0 and row != self.currentIndex():
            self.blockSignals(True)
            self.setCurrentIndex(row)
            self.blockSignals(False)

"""HomeView: a card for every regime — its name, dates, units, scope and sources."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from ermu.models.dating import ASSUMED_MARK, spoken_span
from ermu.models.i18n import _, ngettext
from ermu.models.regimes.texts import said
from ermu.models.regimes import REGIMES, RegimeSpec
from ermu.models.regimes.counties import COUNTIES_EARLY, COUNTIES_LATE, STRUCTURES

from ..face import Face


def unit_text(regime: RegimeSpec, i: int) -> str:
    """'牌 pái (pai) of 10 households' — a level and what it is made of, in the current language."""
    level = regime.levels[i]
    if i == 0:
        made_of = {"households": ngettext("{n} household", "{n} households", level.size),
                   "families": ngettext("{n} family", "{n} families", level.size)}.get(level.counts)
        made_of = (made_of or ngettext("{n} unit", "{n} units", level.size)).format(n=level.size)
    else:
        below = regime.levels[i - 1]
        made_of = _("{n} {unit}").format(n=level.size, unit=_(below.name.hanzi) if _is_chinese() else below.id)
    return _("{name} of {parts}").format(name=level.name.shown(), parts=made_of)


def _is_chinese() -> bool:
    from ermu.models.i18n import speaking_chinese  # the language layer stays unloaded in English

    return speaking_chinese()


#: Cards built before the first paint: what a 1280x800 window shows without scrolling.
FIRST_CARDS = 4


class RegimeCard(QFrame):
    """One regime: what it grouped, when, where, and on whose authority."""

    open_requested = Signal(str)

    def __init__(self, regime: RegimeSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.regime = regime
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        years = regime.years_label()
        spoken = spoken_span(regime.start_year, regime.end_year, regime.start_note, regime.end_note)
        chain = " → ".join(unit_text(regime, i) for i in range(len(regime.levels)))
        title_text = _(regime.title)
        self.setAccessibleName(_("{regime}, {years}").format(regime=title_text, years=spoken))
        dates = " ".join(said(note) for note in regime.date_notes())
        summary_text = said(regime.summary)
        scope_text = said(regime.scope.text)
        self.setAccessibleDescription(_("{summary} Units: {units}. Scope: {scope}").format(
            summary=summary_text, units=chain, scope=scope_text)
            + (" " + _("Dates: {notes}").format(notes=dates) if dates else ""))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(6)
        title = QLabel(f"{title_text}  <span style='color:#52606d'>{years}</span>")
        title.setObjectName("cardTitle")
        name = QLabel(regime.name.shown())
        name.setObjectName("cardName")
        units = QLabel(chain)
        units.setWordWrap(True)
        summary = QLabel(summary_text)
        summary.setWordWrap(True)
        scope = QLabel(_("Scope: {scope}").format(scope=scope_text))
        scope.setWordWrap(True)
        scope.setObjectName("muted")
        keys = sorted(regime.all_sources())
        sources = QLabel(_("Sources: {keys}").format(keys=", ".join(keys)))
        sources.setWordWrap(True)
        sources.setObjectName("muted")
        self.date_note = QLabel(f"{ASSUMED_MARK} {dates}" if dates else "")
        self.date_note.setWordWrap(True)
        self.date_note.setObjectName("muted")
        for label in (title, name, units, summary, scope, self.date_note, sources):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        # hidden only once it has a parent: showing a parentless label would open a window of its own
        self.date_note.setVisible(bool(dates))
        layout.addStretch(1)
        self.open_button = QPushButton(_("Try the {regime}").format(regime=title_text))
        self.open_button.setAccessibleName(_("Open the {regime} in the sandbox").format(regime=title_text))
        self.open_button.clicked.connect(lambda: self.open_requested.emit(regime.id))
        layout.addWidget(self.open_button, alignment=Qt.AlignmentFlag.AlignLeft)


class CountiesCard(QFrame):
    """The Ming county subdivisions: places, shown beside the household regimes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        title = QLabel(_("Beside them: Ming county subdivisions"))
        title.setObjectName("cardTitle")
        layout.addWidget(title)
        intro = QLabel(_(
            "Territory, not households: the Ming created over {early} counties in three years and "
            "had {late} by the dynasty's end ({source}). Below the county, three structures:"
        ).format(early=f"{COUNTIES_EARLY[0]:,}", late=f"{COUNTIES_LATE[0]:,}", source=COUNTIES_LATE[1]))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        lines = []
        for structure in STRUCTURES:
            tiers = " → ".join(t.shown() for t in structure.tiers)
            lines.append(f"<b>{said(structure.title)}</b>: {tiers}<br><span style='color:#52606d'>{said(structure.where)} "
                         f"({', '.join(str(s) for s in structure.sources)})</span>")
        body = QLabel("<br>".join(lines))
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(body)
        self.setAccessibleName(_("Ming county subdivisions"))
        self.setAccessibleDescription(" ".join(
            f"{said(s.title)}: {', '.join(said(t.english) for t in s.tiers)}; {said(s.where)}." for s in STRUCTURES))


class HomeView(Face):
    """The first page: the systems Ermu teaches, oldest first."""

    page_id = "home"

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 22, 28, 12)
        title = QLabel()
        title.setObjectName("pageTitle")
        subtitle = QLabel()
        subtitle.setObjectName("pageSubtitle")
        self.title, self.subtitle = title, subtitle
        subtitle.setWordWrap(True)
        outer.addWidget(title)
        outer.addWidget(subtitle)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 12, 0, 12)
        grid.setSpacing(14)
        # the frame first, the cards into it: a widget moved into a new parent is styled again
        # with everything in it, so a page built bottom-up was styled three times over
        scroll.setWidget(grid_host)
        outer.addWidget(scroll, 1)
        self.scroll = scroll
        self.cards: list[RegimeCard] = []
        self.grid = grid
        self.regimes = sorted(REGIMES.values(), key=lambda r: r.start_year)
        for regime in self.regimes[:FIRST_CARDS]:
            self._add_card(regime)
        self.counties: CountiesCard | None = None
        # the cards below the fold are built after the first paint (or at once when asked for):
        # a zero timer set here would fire before the window's first paint, not after it
        self._finish_queued = False
        self._set_texts()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if not self._finish_queued:
            self._finish_queued = True
            QTimer.singleShot(0, self.finish)

    def retranslate(self) -> None:
        """The page's own texts, then the cards, built again in the current language (they hold no state)."""
        self._set_texts()
        self._rebuild_cards()

    def _set_texts(self) -> None:
        self.setAccessibleName(_("Home: the systems of mutual surveillance"))
        self.title.setText(_("耳目 Ermu — eyes and ears"))
        self.subtitle.setText(_(
            "Build a village of households once, then see who watches whom, who must report to whom, "
            "and who is punished when somebody offends — under each regime of the sources."))

    def _rebuild_cards(self) -> None:
        if not self.cards:
            return
        built = len(self.cards)
        for card in self.cards:
            self.grid.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        if self.counties is not None:
            self.grid.removeWidget(self.counties)
            self.counties.hide()
            self.counties.deleteLater()
            self.counties = None
            built = len(self.regimes)
        for regime in self.regimes[:max(built, FIRST_CARDS)]:
            self._add_card(regime)
        if built >= len(self.regimes):
            self.finish()

    def _add_card(self, regime: RegimeSpec) -> None:
        card = RegimeCard(regime)
        card.open_requested.connect(self.open_regime)
        index = len(self.cards)
        self.grid.addWidget(card, index // 2, index % 2)
        # shown and measured now, not an event later (a layout shows what it is given one event
        # later, and the page would be drawn meanwhile with its first cards squeezed); it has
        # its parent by now, so it opens no window of its own
        card.show()
        self.cards.append(card)

    def finish(self) -> None:
        """Build the rest of the page (idempotent): the later regimes and the county card."""
        if self.counties is not None:
            return
        for regime in self.regimes[len(self.cards):]:
            self._add_card(regime)
        self.counties = CountiesCard()
        self.grid.addWidget(self.counties, len(self.cards) // 2 + 1, 0, 1, 2)
        self.counties.show()  # see _add_card
        QApplication.sendEvent(self.scroll, QEvent(QEvent.Type.LayoutRequest))

    def open_regime(self, regime_id: str) -> None:
        """A card's button: the regime in the sandbox, in a fresh sample village."""
        from ermu.models.presets import Preset

        self.request("open_preset", Preset(regime=regime_id))

    def reset(self) -> None:
        self.scroll.verticalScrollBar().setValue(0)

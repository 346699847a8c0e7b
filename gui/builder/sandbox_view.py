"""SandboxView: the village bar over two tabs, Builder and Player, sharing one VillageDocument."""

from __future__ import annotations

import logging

from dataclasses import asdict

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ermu.models.regimes import REGIMES

from .builder_view import BuilderView
from .document import DEFAULT_HOUSEHOLDS, DEFAULT_REGIME, DEFAULT_SEED, VillageDocument
from .village_bar import VillageBar

log = logging.getLogger(__name__)
TABS = ("builder", "player")


class SandboxView(QWidget):
    status_changed = Signal(str)
    save_requested = Signal(object)  # a Scenario for the library

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sandbox")
        self.document = VillageDocument(self, regime_id=DEFAULT_REGIME, households=DEFAULT_HOUSEHOLDS,
                                        seed=DEFAULT_SEED)
        self.document.status_changed.connect(self.status_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        title = QLabel("Sandbox — build a village, see who watches whom, play an incident")
        title.setAccessibleName("Sandbox title")
        title.setObjectName("pageSubtitle")
        header = QHBoxLayout()
        header.addWidget(title, 1)
        self.save_button = QPushButton("Save to library")
        self.save_button.setAccessibleName("Save this village and incident to the library")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip("Save this village, regime and incident to the library (Ctrl+S)")
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.current_scenario()))
        header.addWidget(self.save_button)
        layout.addLayout(header)
        self.bar = VillageBar(self.document)
        layout.addWidget(self.bar)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Sandbox tabs")
        self.builder = BuilderView(self.document)
        self.tabs.addTab(self.builder, "&Builder")
        self.player = self._make_player()
        self.tabs.addTab(self.player, "&Player")
        layout.addWidget(self.tabs, 1)
        self.addActions([self.bar.undo_action, self.bar.redo_action])

    def _make_player(self) -> QWidget:
        try:
            from ..player.player_view import PlayerView
        except ImportError:  # the incident engine is not installed: say so, keep the builder
            log.exception("player unavailable")
            label = QLabel("The incident player needs the propagation engine, which is not available.")
            label.setWordWrap(True)
            return label
        player = PlayerView(self.document)
        player.status_changed.connect(self.status_changed)
        return player

    def show_tab(self, name: str) -> None:
        if name not in TABS:
            raise ValueError(f"unknown tab {name!r}: use one of {', '.join(TABS)}")
        self.tabs.setCurrentIndex(TABS.index(name))

    def open_preset(self, options: dict) -> None:
        """Open a lesson's preset: regime, households, seed, year and an incident to play."""
        doc = self.document
        regime_id = options.get("regime", doc.regime_id)
        if regime_id not in REGIMES:
            self.status_changed.emit(f"Unknown regime {regime_id!r}: choose one of {', '.join(REGIMES)}.")
            regime_id = doc.regime_id
        year = options.get("year")
        n = options.get("households", len(doc.population))
        seed = options.get("seed", doc.seed)
        try:
            same_village = (int(n), int(seed)) == (len(doc.population), doc.seed)
        except (TypeError, ValueError):
            same_village = False
        if not same_village:
            doc.generate(n, seed, regime_id, year)
        elif regime_id != doc.regime_id or (year is not None and year != doc.year):
            doc.set_regime(regime_id, year)
        incident = options.get("incident")
        if incident and hasattr(self.player, "set_incident"):
            self.player.set_incident(incident)
            self.show_tab("player")

    # -- the library ---------------------------------------------------------------------
    def current_scenario(self, title: str | None = None):
        """Everything needed to reopen this example exactly as it is."""
        from ermu.models.storage import Scenario

        doc = self.document
        session = self.player.session
        incident = {k: v for k, v in asdict(session.incident).items()}
        incident["response"] = str(incident["response"])
        params = session.parameters
        defaults = doc.regime.liability
        parameters = {
            "year": doc.year,
            "incident": incident,
            "observation_probability": params.observation_probability
            if params.observation_probability is not None else defaults.observation_probability,
            "discovery_probability": params.discovery_probability
            if params.discovery_probability is not None else defaults.discovery_probability,
            "register_error_rate": params.register_error_rate
            if params.register_error_rate is not None else defaults.register_error_rate,
        }
        title = title or f"{doc.regime.title}, {len(doc.population):,} households (seed {doc.seed})"
        return Scenario(title, kind="sandbox", regime=doc.regime_id, population=doc.population,
                        parameters=parameters, seed=doc.seed)

    def load_scenario(self, scenario) -> None:
        """Reopen a saved example: its own village (not regenerated), regime, year and incident."""
        params = dict(scenario.parameters or {})
        self.document.propose("generate", f"Open “{scenario.title}”", population=scenario.population,
                              regime_id=scenario.regime or self.document.regime_id, year=params.get("year"))
        session = self.player.session
        for name in ("observation_probability", "discovery_probability", "register_error_rate"):
            if params.get(name) is not None:
                session.parameters = type(session.parameters)(**{**asdict(session.parameters), name: params[name]})
        if params.get("incident"):
            self.player.set_incident(params["incident"])

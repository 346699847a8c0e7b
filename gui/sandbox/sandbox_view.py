"""SandboxView: the village bar over two tabs, Builder and Player, views of the app's sandbox document."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ermu.models.i18n import _

from ..face import Face
from .builder_view import BuilderView
from .player_view import PlayerView
from .village_bar import VillageBar

log = logging.getLogger(__name__)
TABS = ("builder", "player")


class SandboxView(Face):
    page_id = "sandbox"

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setAccessibleName(_("Sandbox"))
        self.document = state.sandbox
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        title = QLabel(_("Sandbox — build a village, see who watches whom, play an incident"))
        title.setObjectName("pageSubtitle")
        header = QHBoxLayout()
        header.addWidget(title, 1)
        self.save_button = QPushButton(_("Save to library"))
        self.save_button.setAccessibleName(_("Save this village and incident to the library"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(_("Save this village, regime and incident to the library (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(not state.kiosk)
        header.addWidget(self.save_button)
        layout.addLayout(header)
        self.bar = VillageBar(self.document)
        layout.addWidget(self.bar)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Sandbox tabs"))
        self.builder = BuilderView(self.document)
        self.tabs.addTab(self.builder, _("&Builder"))
        self.player = PlayerView(self.document, settings=state.settings)
        self.tabs.addTab(self.player, _("&Player"))
        layout.addWidget(self.tabs, 1)
        for action in (self.bar.undo_action, self.bar.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addActions([self.bar.undo_action, self.bar.redo_action])

    def retranslate(self) -> None:
        """The player's and the diagrams' own words (the fixed texts follow by themselves)."""
        self.bar.retranslate()
        self.builder.retranslate()
        self.player.retranslate()

    def show_tab(self, name: str) -> None:
        if name not in TABS:
            raise ValueError(f"unknown tab {name!r}: use one of {', '.join(TABS)}")
        self.tabs.setCurrentIndex(TABS.index(name))

    # -- the contract ----------------------------------------------------------------------
    def open_preset(self, preset) -> None:
        """A lesson's example: its village, regime, year, incident and parameters.

        Unsaved changes are never replaced silently: the teacher is asked first (one undo
        step also brings them back)."""
        if self.document.modified and not self.confirm_replace():
            self.say(_("Kept your village; the example was not opened."))
            return
        self.document.open_preset(preset)
        self.document.undo_stack.setClean()
        if preset.has_incident:
            self.show_tab("player")

    def confirm_replace(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, _("Replace your village?"),
                          _("The sandbox holds changes you have not saved. Open the example in their place? "
                            "(Undo, Ctrl+Z, brings them back.)"), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        replace = box.addButton(_("Open the example"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Keep my village"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(replace)
        box.exec()
        return box.clickedButton() is replace

    def reset(self) -> None:
        self.document.reset()
        self.player.reset()
        self.player.playback.load([])
        self.player.session.simulate()
        self.show_tab("builder")

    # -- the library -----------------------------------------------------------------------
    def current_scenario(self, title: str | None = None):
        return self.document.scenario(title)

    def save(self) -> None:
        if self.state.kiosk:
            return
        self.request("save_scenario", self.current_scenario())
        self.document.undo_stack.setClean()

    def load_scenario(self, scenario) -> None:
        """Reopen a saved example: its own village (not regenerated), regime, year and incident."""
        if self.document.modified and not self.confirm_replace():
            self.say(_("Kept your village; the example was not opened."))
            return
        self.document.load_scenario(scenario)
        if (scenario.parameters or {}).get("incident"):
            self.show_tab("player")

"""The desktop shell: navigation on the left, one face at a time on the right.

The window creates nothing but the navigation and a status line; each face is created
(and its module imported) the first time it is shown, from the page table. Faces get the
app state; their requests reach the :class:`~ermu.gui.navigator.Navigator`, which calls
back into :meth:`show_page`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QPushButton,
                               QStackedWidget, QStatusBar, QWidget)

from .announce import SpokenLabel
from .autosave import Autosaver
from .navigator import Navigator
from .pages import PAGES, Page
from .state import AppState

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    view_changed = Signal(str)

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.setWindowTitle("Ermu 耳目 — eyes and ears")
        self.setMinimumSize(1024, 600)
        self.pages: list[Page] = list(PAGES)
        self.faces: dict[str, QWidget] = {}

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Sections")
        self.navigation.setFixedWidth(200)
        self.stack = QStackedWidget()
        for page in self.pages:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.id)
            item.setToolTip(f"{page.title} ({page.shortcut})" if page.shortcut else page.title)
            self.navigation.addItem(item)
            placeholder = QWidget()
            placeholder.setAccessibleName(page.title)
            self.stack.addWidget(placeholder)
            if page.shortcut:
                action = QAction(page.title, self)
                action.setShortcut(QKeySequence(page.shortcut))
                action.triggered.connect(lambda _=False, pid=page.id: self.show_page(pid))
                self.addAction(action)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = QStatusBar()
        self.status_message = SpokenLabel("")  # every status sentence is announced
        self.status_message.setWordWrap(False)
        self.status.addWidget(self.status_message, 1)
        self.setStatusBar(self.status)
        self.restore_bar = self._make_restore_bar()
        state.status.connect(self.show_status)
        self.navigator = Navigator(state, self, parent=self)
        self.autosaver = Autosaver(state, self)
        self.autosaver.offer.connect(self._offer_restore)
        self.navigation.currentRowChanged.connect(self._on_row)
        self.navigation.setCurrentRow(0)

    # -- the shell contract ----------------------------------------------------------------
    def page_ids(self) -> list[str]:
        return [p.id for p in self.pages]

    def has_page(self, page_id: str) -> bool:
        return page_id in self.page_ids()

    def face(self, page_id: str) -> QWidget:
        """The face of a page, created if need be (without showing it)."""
        row = self.page_ids().index(page_id)
        face = self.faces.get(page_id)
        if face is None:
            face = self.pages[row].create(self.state)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, face)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.faces[page_id] = face
        return face

    def show_page(self, page_id: str) -> QWidget:
        if page_id not in self.page_ids():
            raise ValueError(f"unknown view {page_id!r}: use one of {', '.join(self.page_ids())}")
        row = self.page_ids().index(page_id)
        face = self.face(page_id)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)  # _on_row shows it
        return face

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            face = self.face(self.pages[row].id)
            self.stack.setCurrentIndex(row)
            face.shown()
            self.view_changed.emit(self.pages[row].id)

    def show_status(self, message: str) -> None:
        self.status_message.setText(str(message))

    # -- unsaved work from last time -------------------------------------------------------
    def _make_restore_bar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.restore_label = QLabel("")
        self.restore_label.setTextFormat(Qt.TextFormat.PlainText)
        restore = QPushButton("Restore it")
        restore.setAccessibleName("Restore the unsaved work from last time")
        restore.clicked.connect(self.restore_autosave)
        discard = QPushButton("Discard")
        discard.setAccessibleName("Discard the unsaved work from last time")
        discard.clicked.connect(self.discard_autosave)
        row.addWidget(self.restore_label)
        row.addWidget(restore)
        row.addWidget(discard)
        self.status.addPermanentWidget(bar)
        bar.hide()
        return bar

    def offer_restore(self) -> None:
        """At start-up, after the first paint: offer unsaved work the last session left."""
        if not self.state.kiosk:
            self.autosaver.look_for_unsaved()

    def _offer_restore(self, scenario) -> None:
        when = scenario.updated.astimezone().strftime("%d %b %H:%M") if scenario.updated else "last time"
        self.restore_label.setText(f"Ermu closed with unsaved sandbox work ({when}).")
        self.restore_bar.show()

    def restore_autosave(self) -> None:
        scenario = self.autosaver.take_pending()
        if scenario is not None:
            self.show_page("sandbox").load_scenario(scenario)
            self.show_status("Your unsaved work is back in the sandbox.")
        self.restore_bar.hide()

    def discard_autosave(self) -> None:
        self.autosaver.discard()
        self.restore_bar.hide()
        self.show_status("The unsaved work from last time was discarded.")

    def autosave_now(self) -> None:
        self.autosaver.save_now()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.autosaver.stop()
        self.state.shutdown()
        super().closeEvent(event)


__all__ = ["MainWindow"]

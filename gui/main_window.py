"""The desktop shell: navigation on the left, one face at a time on the right.

The window creates nothing but the navigation and a status line; each face is created
(and its module imported) the first time it is shown, from the page table. Faces get the
app state; their requests reach the :class:`~ermu.gui.navigator.Navigator`, which calls
back into :meth:`show_page`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QPushButton,
                               QStackedWidget, QStatusBar, QWidget)

from ermu.models.i18n import _
from ermu.models.language import LANGUAGES

from .autosave import Autosaver
from .navigator import Navigator
from .pages import PAGES, Page
from .retranslation import retranslate_static
from .state import AppState

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    view_changed = Signal(str)

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.setMinimumSize(1024, 600)
        self.pages: list[Page] = list(PAGES)
        self._shown_language = state.language  # what the widgets show now (for retranslate_static)
        self.faces: dict[str, QWidget] = {}

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(200)
        self.stack = QStackedWidget()
        self.page_actions: dict[str, QAction] = {}
        for page in self.pages:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, page.id)
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())
            if page.shortcut:
                action = QAction(self)
                action.setShortcut(QKeySequence(page.shortcut))
                action.triggered.connect(lambda _checked=False, pid=page.id: self.show_page(pid))
                self.addAction(action)
                self.page_actions[page.id] = action
        self._make_language_menu()
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = QStatusBar()
        self.status_message = QLabel("")
        self.status_message.setTextFormat(Qt.TextFormat.PlainText)
        self.status.addWidget(self.status_message, 1)
        self.setStatusBar(self.status)
        self.restore_bar = self._make_restore_bar()
        state.status.connect(self.show_status)
        self.navigator = Navigator(state, self, parent=self)
        self.autosaver = Autosaver(state, self)
        self.autosaver.offer.connect(self._offer_restore)
        self.navigation.currentRowChanged.connect(self._on_row)
        state.language_changed.connect(self.retranslate)
        self.retranslate()
        self.navigation.setCurrentRow(0)

    # -- language --------------------------------------------------------------------------
    def _make_language_menu(self) -> None:
        """Language: each language named in itself, so a reader finds their own."""
        self.language_menu = self.menuBar().addMenu("")
        self.language_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(code == self.state.language)
            action.triggered.connect(lambda _checked=False, c=code: self.state.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def retranslate(self, language: str | None = None) -> None:
        """Set every text of the shell again, then of every face created so far."""
        self.setWindowTitle(_("Ermu 耳目 — eyes and ears"))
        self.navigation.setAccessibleName(_("Sections"))
        # TRANSLATORS: the menu of languages; keep the English word beside yours, for readers who need it
        self.language_menu.setTitle(_("&Language"))
        for code, action in self.language_actions.items():
            action.setChecked(code == self.state.language)
        for row, page in enumerate(self.pages):
            title = page.shown_title
            item = self.navigation.item(row)
            item.setText(title)
            item.setToolTip(f"{title} ({page.shortcut})" if page.shortcut else title)
            if page.id not in self.faces:
                self.stack.widget(row).setAccessibleName(title)
            if page.id in self.page_actions:
                self.page_actions[page.id].setText(title)
        self.restore_buttons[0].setText(_("Restore it"))
        self.restore_buttons[0].setAccessibleName(_("Restore the unsaved work from last time"))
        self.restore_buttons[1].setText(_("Discard"))
        self.restore_buttons[1].setAccessibleName(_("Discard the unsaved work from last time"))
        previous, self._shown_language = self._shown_language, self.state.language
        for face in list(self.faces.values()):
            if previous != self._shown_language:  # fixed texts first; the face then sets its own
                retranslate_static(face, previous)
            retranslate = getattr(face, "retranslate", None)
            if callable(retranslate):
                try:
                    retranslate()
                except Exception:  # noqa: BLE001 - one face's bug must not stop the others
                    log.exception("retranslating %s failed", type(face).__name__)

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
            raise ValueError(_("unknown view {view}: use one of {views}").format(
                view=repr(page_id), views=", ".join(self.page_ids())))
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
        restore = QPushButton()
        restore.clicked.connect(self.restore_autosave)
        discard = QPushButton()
        discard.clicked.connect(self.discard_autosave)
        self.restore_buttons = (restore, discard)
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
        when = scenario.updated.astimezone().strftime("%Y-%m-%d %H:%M") if scenario.updated else _("last time")
        self.restore_label.setText(_("Ermu closed with unsaved sandbox work ({when}).").format(when=when))
        self.restore_bar.show()

    def restore_autosave(self) -> None:
        scenario = self.autosaver.take_pending()
        if scenario is not None:
            self.show_page("sandbox").load_scenario(scenario)
            self.show_status(_("Your unsaved work is back in the sandbox."))
        self.restore_bar.hide()

    def discard_autosave(self) -> None:
        self.autosaver.discard()
        self.restore_bar.hide()
        self.show_status(_("The unsaved work from last time was discarded."))

    def autosave_now(self) -> None:
        self.autosaver.save_now()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.autosaver.stop()
        self.state.shutdown()
        super().closeEvent(event)


__all__ = ["MainWindow"]

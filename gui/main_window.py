"""The desktop shell: navigation on the left, one face at a time on the right.

The window creates nothing but the navigation and a status line; each face is created
(and its module imported) the first time it is shown, from the page table. Faces get the
app state; their requests reach the :class:`~ermu.gui.navigator.Navigator`, which calls
back into :meth:`show_page`.

The first paint waits for nothing it does not show: the menus fill themselves when they first
open (their shortcuts work before), the status line and its announcements
(``gui/announce.py``) come with the first message, and the walk that carries fixed texts into
another language (``gui/retranslation.py``) with the first switch.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QRect, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QPushButton,
                               QStackedWidget, QStatusBar, QWidget)

from ermu.models.i18n import _

from .autosave import Autosaver
from .navigator import Navigator
from .pages import PAGES, Page
from .state import AppState

log = logging.getLogger(__name__)


def first_size(width: int, height: int) -> tuple[int, int]:
    """The first window on a screen whose available area is width x height (logical pixels):
    nine tenths of it, at least 1024x600 where the screen has room, never beyond it."""
    return (min(width, max(1024, round(width * 0.9))), min(height, max(600, round(height * 0.9))))


class MainWindow(QMainWindow):
    view_changed = Signal(str)

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.pages: list[Page] = list(PAGES)
        self._shown_language = state.language  # what the widgets show now (for retranslate_static)
        self.faces: dict[str, QWidget] = {}

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(max(180, self.fontMetrics().horizontalAdvance("M") * 15))
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
        self._status_message: QLabel | None = None  # made with the first message
        self.setStatusBar(self.status)
        self.restore_bar = self._make_restore_bar()
        state.status.connect(self.show_status)
        self.navigator = Navigator(state, self, parent=self)
        self.autosaver = Autosaver(state, self)
        self.autosaver.offer.connect(self._offer_restore)
        self.navigation.currentRowChanged.connect(self._on_row)
        self._make_menus()
        state.language_changed.connect(self.retranslate)
        self.retranslate()
        self.fit_to_screen()
        self.navigation.setCurrentRow(0)

    # -- menus, keyboard help, the projector theme -----------------------------------------
    def _make_menus(self) -> None:
        self.view_menu = self.menuBar().addMenu("")
        self.help_action = QAction(self)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        if self.help_action.shortcut().isEmpty():
            self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.triggered.connect(self.show_keyboard_help)
        self.contrast_action = QAction(self)
        self.contrast_action.setCheckable(True)
        self.contrast_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.contrast_action.setChecked(bool(self.state.settings.high_contrast))
        self.contrast_action.toggled.connect(self.set_high_contrast)
        self.addAction(self.help_action)
        if not self.state.kiosk:  # its key works before the menu first opens (not on a kiosk: no menus)
            self.addAction(self.contrast_action)
        self.view_menu.aboutToShow.connect(self._fill_view_menu)
        self.retranslate_menus()
        self.menuBar().setVisible(not self.state.kiosk)  # no menus where a visitor is; F1 still works
        if self.contrast_action.isChecked():
            self.set_high_contrast(True)

    def _fill_view_menu(self) -> None:
        if not self.view_menu.actions():
            self.view_menu.addAction(self.contrast_action)
            self.view_menu.addSeparator()
            self.view_menu.addAction(self.help_action)

    def retranslate_menus(self) -> None:
        self.view_menu.setTitle(_("&View"))
        self.help_action.setText(_("&Keyboard help"))
        self.contrast_action.setText(_("&High contrast (projector)"))

    def set_high_contrast(self, on: bool) -> None:
        """Switch the projector theme on or off, for the whole app, and remember it."""
        from .style import apply_theme

        self.state.settings.high_contrast = bool(on)
        if self.contrast_action.isChecked() != bool(on):
            self.contrast_action.setChecked(bool(on))
        apply_theme(QApplication.instance(), high_contrast=bool(on))

    def keyboard_rows(self) -> list[tuple[str, str]]:
        rows = [(page.shortcut, _("Go to {page}").format(page=page.title)) for page in self.pages if page.shortcut]
        rows += [(self.contrast_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                  self.contrast_action.text().replace("&", ""))]
        if self.menuBar().isVisible():
            rows.append(("Alt+V", _("The View menu (high contrast, this help)")))
        return rows

    def show_keyboard_help(self) -> "QWidget":
        from .keyboard_help import KeyboardHelp, face_keys

        row = self.stack.currentIndex()
        face = self.stack.currentWidget()
        dialog = KeyboardHelp(self.pages[row].title, face_keys(face), self.keyboard_rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.keyboard_help = dialog
        return dialog

    # -- the window's size -----------------------------------------------------------------
    def fit_to_screen(self) -> None:
        """The first window fits the screen's available area (or comes back as it was left),
        and the minimum size fits 1024x600 logical pixels, or the screen if that is smaller."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
        self.setMinimumSize(min(1024, area.width()), min(600, area.height()))
        saved = self.state.settings.window_geometry
        if saved and self.restoreGeometry(QByteArray(saved)) and area.contains(self.frameGeometry().center()):
            if self.width() <= area.width() and self.height() <= area.height():
                return
        width, height = first_size(area.width(), area.height())
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    # -- language --------------------------------------------------------------------------
    def _make_language_menu(self) -> None:
        """Language: each language named in itself, so a reader finds their own (the entries are
        made when the menu first opens, or when :attr:`language_actions` is first asked for)."""
        self.language_menu = self.menuBar().addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self._language_actions: dict[str, QAction] = {}
        self.language_menu.aboutToShow.connect(self._fill_language_menu)

    def _fill_language_menu(self) -> None:
        if self._language_actions:
            return
        from PySide6.QtGui import QActionGroup

        from ermu.models.language import LANGUAGES

        group = QActionGroup(self)
        group.setExclusive(True)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(code == self.state.language)
            action.triggered.connect(lambda _checked=False, c=code: self.state.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self._language_actions[code] = action

    @property
    def language_actions(self) -> dict[str, QAction]:
        """The Language menu's entries by language code."""
        self._fill_language_menu()
        return self._language_actions

    def retranslate(self, language: str | None = None) -> None:
        """Set every text of the shell again, then of every face created so far."""
        self.setWindowTitle(_("Ermu 耳目 — eyes and ears"))
        self.navigation.setAccessibleName(_("Sections"))
        self.retranslate_menus()
        # TRANSLATORS: the menu of languages; keep the English word beside yours, for readers who need it
        self.language_menu.setTitle(_("&Language"))
        for code, action in self._language_actions.items():  # none yet if the menu never opened
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
        if previous != self._shown_language and self.faces:
            from .retranslation import retranslate_static
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
            # made inside the stack: moving a built face into it would style it all over again
            face = self.pages[row].create(self.state, self.stack)
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

    @property
    def status_message(self) -> QLabel:
        """The status line: every new sentence is announced to screen readers (made, with the
        announcements, when the first message comes)."""
        if self._status_message is None:
            from .announce import SpokenLabel

            self._status_message = SpokenLabel("")
            self._status_message.setWordWrap(True)  # a long sentence takes two lines, never cut
            self.status.insertWidget(0, self._status_message, 1)
        return self._status_message

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
        if not self.state.kiosk:
            self.state.settings.window_geometry = bytes(self.saveGeometry().data())
        self.state.shutdown()
        super().closeEvent(event)


__all__ = ["MainWindow", "first_size"]

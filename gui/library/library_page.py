"""The Library page: the teachers' library, opened through the app's library service.

The database opens in the background the first time the page is shown (never at
start-up); until then the page says so. A library that cannot be opened gives one
sentence and a retry button; the rest of the app goes on.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from ermu.models.i18n import _

from ..face import Face

log = logging.getLogger(__name__)


class LibraryPage(Face):
    page_id = "library"

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setAccessibleName(_("Library"))
        self.service = state.library
        self.view = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 12)
        self.message = QLabel(_("Opening the library…"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.retry = QPushButton(_("Try again"))
        self.retry.setAccessibleName(_("Try to open the library again"))
        self.retry.clicked.connect(self.open_library)
        self.restore = QPushButton(_("Restore from a backup…"))
        self.restore.setAccessibleName(_("Replace the library with one of its backups"))
        self.restore.clicked.connect(self.restore_from_backup)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.retry)
        self._layout.addWidget(self.restore)
        self._layout.addStretch(1)
        self.retry.hide()
        self.restore.hide()
        self.service.opened.connect(self._opened)
        self.service.open_failed.connect(self._failed)
        if self.service.is_open:
            self._opened(self.service.library)
        else:
            self.open_library()

    @property
    def library(self):
        return self.service.library

    def open_library(self) -> None:
        self.message.setText(_("Opening the library…"))
        self.message.show()
        self.retry.hide()
        self.restore.hide()
        self.service.open()

    def restore_from_backup(self) -> None:
        """The library cannot be opened: list its backups and restore the one chosen."""
        from . import backups

        def listed(found) -> None:
            if not found:
                self.message.setText(_(backups.NO_BACKUPS))
                return
            chosen = backups.choose_backup(self, found)
            if chosen is not None:
                self.message.setText(_("Restoring the backup of {made}…").format(made=f"{chosen.made:%Y-%m-%d %H:%M}"))
                self.restore.hide()
                self.retry.hide()
                self.service.restore_when_closed(chosen, lambda result: self.say(result.message()), self._failed)

        self.service.list_backups_when_closed(listed, self._failed)

    def _opened(self, _library) -> None:
        if self.view is not None:
            return
        from .library_view import LibraryView

        self.message.hide()
        self.retry.hide()
        self.restore.hide()
        self.view = LibraryView(self.service, self)
        self.view.open_scenario.connect(lambda scenario: self.request("open_scenario", scenario))
        self._layout.insertWidget(0, self.view, 1)
        self._layout.setStretch(self._layout.count() - 1, 0)  # the view takes the page, not the spacer

    def _failed(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.retry.show()
        self.restore.setVisible(self.service.library is None)

    def shown(self) -> None:
        if self.view is not None:
            self.view.refresh()

    def retranslate(self) -> None:
        """Headings and cells of the table in the current language (fixed texts follow by themselves)."""
        if self.view is None:
            return
        from PySide6.QtCore import Qt

        model = self.view.model
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        if model.rowCount() and model.columnCount():
            model.dataChanged.emit(model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1))

    def reset(self) -> None:
        if self.view is not None:
            self.view.search.clear()
            self.view.show_trash.setChecked(False)

"""The Library page of the main window: opens the database on first show, never at start-up.

SQLAlchemy and the migrations load only when a teacher first opens the library, so the
first window paints without them. A database that cannot be opened gives one sentence and
a retry button; the rest of the app goes on.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


class LibraryPage(QWidget):
    open_scenario = Signal(object)  # a Scenario to reopen in the sandbox
    reloaded = Signal(object)  # the other teacher's version, after a conflict
    status_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Library")
        self.library = None
        self.view = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 12)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Library message")
        self.retry = QPushButton("Try again")
        self.retry.setAccessibleName("Try to open the library again")
        self.retry.clicked.connect(self.open_library)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.retry)
        self._layout.addStretch(1)
        self.retry.hide()
        self.open_library()

    def open_library(self) -> bool:
        from ermu.models.storage import Library, StorageError

        try:
            self.library = Library()
        except StorageError as exc:
            self.message.setText(str(exc))
            self.retry.show()
            return False
        except Exception:  # noqa: BLE001 — an unexpected failure must not take the app down
            log.exception("could not open the library")
            self.message.setText("The library could not be opened; the details are in the log. "
                                 "Your other work is not affected.")
            self.retry.show()
            return False
        from .library_view import LibraryView

        self.message.hide()
        self.retry.hide()
        self.view = LibraryView(self.library, self)
        self.view.open_scenario.connect(self.open_scenario)
        self._layout.insertWidget(0, self.view, 1)
        self._layout.setStretch(self._layout.count() - 1, 0)  # the view takes the page, not the spacer
        if self.library.notice:
            self.status_changed.emit(self.library.notice)
        return True

    def save(self, scenario) -> object | None:
        """Save a scenario from another page; conflicts keep both (a copy), never overwrite silently."""
        if self.library is None and not self.open_library():
            self.status_changed.emit("The library is not available, so nothing was saved.")
            return None
        from ermu.models.storage import ConflictError, StorageError

        from ermu.models.storage import clear_autosave

        try:
            try:
                saved = self.library.save(scenario)
                self.status_changed.emit(f"Saved “{saved.title}” to the library.")
            except ConflictError as exc:
                choice = self.ask_conflict(exc)
                if choice == "copy":
                    saved = self.library.save(exc.mine.as_new())
                    self.status_changed.emit(f"Saved your version of “{scenario.title}” as a copy; theirs is unchanged.")
                elif choice == "overwrite":
                    saved = self.library.save(exc.mine, overwrite=True)
                    self.status_changed.emit(f"Saved “{scenario.title}” over the other teacher's version.")
                else:
                    self.reloaded.emit(exc.theirs)
                    self.status_changed.emit(f"Reloaded the other teacher's “{exc.theirs.title}”; yours was not saved.")
                    return None
        except StorageError as exc:
            self.status_changed.emit(str(exc))
            return None
        clear_autosave()
        if self.view is not None:
            self.view.refresh()
        return saved

    def ask_conflict(self, exc) -> str:
        """Someone else saved this scenario since it was opened: 'copy', 'overwrite' or 'reload'."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, "Someone else saved this example",
                          f"“{exc.theirs.title}” was changed by someone else since you opened it. "
                          "What should Ermu do with your version?", parent=self)
        copy = box.addButton("Keep mine as a copy", QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton("Overwrite theirs", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Reload theirs", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(copy)
        box.exec()
        clicked = box.clickedButton()
        return "copy" if clicked is copy else "overwrite" if clicked is overwrite else "reload"

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.library is not None:
            self.library.close()
        super().closeEvent(event)

"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QPushButton, QStackedWidget, QStatusBar, QWidget)

from .pages import Page, available_pages

log = logging.getLogger(__name__)
#: How often the working sandbox is written to the autosave file when it has changed.
AUTOSAVE_SECONDS = 5


class MainWindow(QMainWindow):
    view_changed = Signal(str)

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Ermu 耳目 — eyes and ears")
        self.setMinimumSize(1024, 640)
        self.settings = settings
        self.pages: list[Page] = available_pages()
        self._widgets: dict[str, QWidget] = {}

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
                action.triggered.connect(lambda _=False, pid=page.id: self.show_view(pid))
                self.addAction(action)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = QStatusBar()
        self.status_message = QLabel("")
        self.status_message.setAccessibleName("Status")
        self.status.addWidget(self.status_message, 1)
        self.setStatusBar(self.status)
        self.restore_bar = self._make_restore_bar()
        self.navigation.currentRowChanged.connect(self._on_row)
        self.navigation.setCurrentRow(0)
        self._autosaved_key: object = None
        self._pending_restore = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_SECONDS * 1000)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()

    # -- pages ---------------------------------------------------------------------------
    def page_ids(self) -> list[str]:
        return [p.id for p in self.pages]

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            widget = self._ensure(row)
            if self.pages[row].id == "compare" and "sandbox" in self._widgets:
                self._compare_sandbox_village(widget)
            self.stack.setCurrentIndex(row)
            self.view_changed.emit(self.pages[row].id)

    def _ensure(self, row: int) -> QWidget:
        page = self.pages[row]
        widget = self._widgets.get(page.id)
        if widget is None:
            widget = page.create()
            old = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self._widgets[page.id] = widget
            self._connect(page.id, widget)
        return widget

    def _connect(self, page_id: str, widget: QWidget) -> None:
        """Wire a page's requests to other pages (signals exist only on some pages)."""
        if hasattr(widget, "open_regime"):
            widget.open_regime.connect(lambda regime_id: self.show_view("sandbox", regime=regime_id))
        if hasattr(widget, "open_preset_requested"):
            widget.open_preset_requested.connect(self.open_preset)
        if hasattr(widget, "status_changed"):
            widget.status_changed.connect(self.show_status)
        if hasattr(widget, "open_lesson") and page_id != "lessons":
            widget.open_lesson.connect(self.open_lesson)
        if hasattr(widget, "save_requested"):
            widget.save_requested.connect(lambda scenario: self.view("library").save(scenario)
                                          if "library" in self.page_ids() else None)
        if page_id == "library" and hasattr(widget, "open_scenario"):
            widget.open_scenario.connect(self.open_scenario)
            widget.reloaded.connect(self.open_scenario)
        if hasattr(widget, "open_credit"):
            widget.open_credit.connect(lambda: self._show_if_available("credit"))

    def _show_if_available(self, page_id: str) -> None:
        if page_id in self.page_ids():
            self.show_view(page_id)
        else:
            self.show_status(f"The {page_id} page is not part of this build yet.")

    def open_scenario(self, scenario) -> None:
        """Reopen a library example on the page of its kind."""
        if scenario.kind == "sandbox":
            self.show_view("sandbox").load_scenario(scenario)
        elif scenario.kind in self.page_ids():
            self.show_view(scenario.kind, **dict(scenario.parameters or {}))
        else:
            self.show_status(f"“{scenario.title}” needs the {scenario.kind} page, which is not in this build yet.")
            return
        self.show_status(f"Opened “{scenario.title}”.")

    def open_lesson(self, lesson_id: str) -> None:
        if "lessons" not in self.page_ids():
            self.show_status("The lessons are not part of this build yet.")
            return
        self.show_view("lessons").open_lesson(lesson_id)

    def _compare_sandbox_village(self, compare: QWidget) -> None:
        """Compare shows the sandbox's own village and incident, edits included."""
        from dataclasses import asdict

        sandbox = self._widgets["sandbox"]
        doc = sandbox.document
        incident = asdict(sandbox.player.session.incident)
        compare.open_preset({"population": doc.population, "seed": doc.seed, "regime": doc.regime_id,
                             "incident": incident})

    def view(self, page_id: str) -> QWidget:
        """The widget of a page, created if need be."""
        return self._ensure(self.page_ids().index(page_id))

    def show_view(self, page_id: str, **options) -> QWidget:
        if page_id not in self.page_ids():
            raise ValueError(f"unknown view {page_id!r}: use one of {', '.join(self.page_ids())}")
        row = self.page_ids().index(page_id)
        widget = self._ensure(row)
        self.navigation.setCurrentRow(row)
        if options and hasattr(widget, "open_preset"):
            widget.open_preset(options)
        return widget

    def open_preset(self, preset: dict) -> None:
        """Open the page a lesson preset asks for ("Try it")."""
        view = preset.get("view", "sandbox")
        options = {k: v for k, v in preset.items() if k != "view"}
        self.show_view(view if view in self.page_ids() else "sandbox", **options)

    def show_status(self, message: str) -> None:
        self.status_message.setText(message)

    # -- autosave and restore --------------------------------------------------------------
    def _make_restore_bar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.restore_label = QLabel("")
        self.restore_label.setAccessibleName("Unsaved work from last time")
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

    def autosave_now(self) -> None:
        """Write the sandbox to the autosave file if it changed (serialised off the GUI thread)."""
        sandbox = self._widgets.get("sandbox")
        if sandbox is None or not hasattr(sandbox, "current_scenario") or sandbox.document.busy:
            return
        session = sandbox.player.session
        key = (id(sandbox.document.population), sandbox.document.regime_id, sandbox.document.year,
               session.incident, session.parameters)
        if key == self._autosaved_key:
            return
        self._autosaved_key = key
        try:
            scenario = sandbox.current_scenario("Unsaved sandbox work")
        except Exception:  # noqa: BLE001 — autosave must never disturb the user
            log.exception("could not take the sandbox's state for autosave")
            return

        def write() -> None:
            from ermu.models.storage import autosave

            try:
                autosave(scenario)
            except Exception:  # noqa: BLE001
                log.exception("autosave failed")

        QThreadPool.globalInstance().start(write)

    def offer_restore(self) -> None:
        """At start-up: if the last session left unsaved work, offer it in the status bar."""
        from ermu.models.storage import pending_autosave

        try:
            scenario = pending_autosave()
        except Exception:  # noqa: BLE001
            log.exception("could not read the autosave")
            return
        if scenario is None:
            return
        self._pending_restore = scenario
        when = scenario.updated.astimezone().strftime("%d %b %H:%M") if scenario.updated else "last time"
        self.restore_label.setText(f"Ermu closed with unsaved sandbox work ({when}).")
        self.restore_bar.show()

    def restore_autosave(self) -> None:
        if self._pending_restore is not None:
            self.show_view("sandbox").load_scenario(self._pending_restore)
            self.show_status("Your unsaved work is back in the sandbox.")
        self._pending_restore = None
        self.restore_bar.hide()

    def discard_autosave(self) -> None:
        from ermu.models.storage import clear_autosave

        clear_autosave()
        self._pending_restore = None
        self.restore_bar.hide()
        self.show_status("The unsaved work from last time was discarded.")

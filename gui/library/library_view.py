"""The library window: find, open, copy, rename, tag, delete, import and export scenarios.

The view holds no scenarios of its own: it asks the :class:`Library` for summaries and
shows them through :class:`LibraryTableModel`. Every edit is an undoable command; every
error is one sentence in the status line. Built-in lesson examples are read-only (a
padlock and the word "built-in"), and can be duplicated into an editable copy.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)
from shiboken6 import isValid

from ermu.models.storage.errors import StorageError
from ermu.models.storage.scenario import ScenarioSummary
from ermu.models.i18n import N_, _, ngettext

from .commands import DeleteCommand, DuplicateCommand, RenameCommand, RestoreCommand, TagCommand, push
from ..announce import SpokenLabel
from ..plain import tip
from .table_model import AUTHOR, SUMMARY_ROLE, TAGS, TITLE, UPDATED, LibraryFilter, LibraryTableModel
from .backups import BackupsMixin
from .transfer import SUFFIX, TransferMixin

log = logging.getLogger(__name__)
ANY = N_("Any")
#: Library edits kept for undo.
UNDO_LIMIT = 100


class LibraryView(TransferMixin, BackupsMixin, QWidget):
    """The teachers' library. ``open_scenario`` carries the whole :class:`Scenario` to open."""

    open_scenario = Signal(object)
    UNEXPECTED = N_("Ermu could not do that because of an unexpected problem; "
                    "the details are in the log and your library is unchanged.")

    def __init__(self, service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.library = library = service.library  # undoable edits write through it directly (short and small)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.loaded = 0  # how many times the list arrived (tests wait for it)
        self.pending_select = None  # a scenario to select when the list next arrives
        self.setAcceptDrops(True)
        self.setAccessibleName(_("Library"))
        self.model = LibraryTableModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.refresh()
        self.set_status(library.notice or _("Library: {where}. Drop a {suffix} file here to import it.").format(
            where=library.describe(), suffix=SUFFIX))

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=_("Search titles…"), clearButtonEnabled=True)
        self.search.setAccessibleName(_("Search titles"))
        self.tag_filter, self.regime_filter, self.author_filter = (QComboBox(), QComboBox(), QComboBox())
        filters = QHBoxLayout()
        search_label = QLabel(_("&Search"))  # a real label: a placeholder alone fades (3.06:1) and vanishes on typing
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 3)
        for label_text, name, combo in ((_("Ta&g"), _("Filter by tag"), self.tag_filter),
                                        (_("&Regime"), _("Filter by regime"), self.regime_filter),
                                        (_("Aut&hor"), _("Filter by author"), self.author_filter)):
            label = QLabel(label_text)
            label.setBuddy(combo)
            combo.setAccessibleName(name)
            combo.setMinimumContentsLength(12)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        self.show_trash = QCheckBox(_("Show &trash"))
        self.show_trash.setAccessibleName(_("Show the trash instead of the library"))
        filters.addWidget(self.show_trash)

        self.table = QTableView()
        self.table.setAccessibleName(_("Scenarios"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        corner = self.table.findChild(QAbstractButton, "qt_tableview_cornerbutton")
        if corner is not None:
            corner.setAccessibleName(_("Select all scenarios"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # the title gets the room: tags and author share a fixed share, elided with a tooltip
        for column, share in ((TAGS, 12), (AUTHOR, 9)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().averageCharWidth() * share + 16)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, accessible, shortcut, slot in (
            ("open", N_("&Open"), N_("Open the selected scenario"), "Return", self.open_selected),
            ("duplicate", N_("&Duplicate"), N_("Make an editable copy of the selected scenario"), "Ctrl+D",
             self.duplicate_selected),
            ("rename", N_("Re&name…"), N_("Rename the selected scenario"), "F2", self.rename_selected),
            ("tags", N_("T&ags…"), N_("Change the tags of the selected scenario"), "Ctrl+T", self.tag_selected),
            ("delete", N_("De&lete"), N_("Move the selected scenarios to the trash"), "Delete", self.delete_selected),
            ("restore", N_("Re&store"), N_("Put the selected scenarios back in the library"), "",
             self.restore_selected),
            ("empty", N_("&Empty trash"), N_("Remove the scenarios in the trash for good"), "", self.empty_trash),
            ("import", N_("&Import…"), N_("Import scenarios from a file"), "Ctrl+I", self.import_file),
            ("export", N_("E&xport…"), N_("Export the selected scenarios to a file"), "Ctrl+E", self.export_selection),
            ("backups", N_("Restore from a &backup…"), N_("Replace the library with one of its daily, weekly or "
                                                          "monthly backups"), "", self.restore_from_backup),
        ):
            button = QPushButton(_(text))
            accessible = _(accessible)
            button.setAccessibleName(accessible)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            if shortcut:
                action = QAction(self, shortcut=QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.triggered.connect(lambda _checked=False, slot=slot: slot())
                (self.table if shortcut in ("Return", "Delete") else self).addAction(action)
                button.setToolTip(f"{accessible} ({QKeySequence(shortcut).toString()})")
            self.buttons[key] = button
            if key != "backups":  # it sits on the status line, where a damaged library is reported
                actions.addWidget(button)
        actions.addStretch(1)
        self.undo_button = QPushButton(_("&Undo"))
        self.undo_button.setAccessibleName(_("Undo the last change to the library"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self._undo_state)
        self.undo_stack.undoTextChanged.connect(self._undo_state)
        self.undo_button.setEnabled(False)
        actions.addWidget(self.undo_button)
        for shortcut, slot in (("Ctrl+Z", self.undo_stack.undo), ("Ctrl+Shift+Z", self.undo_stack.redo),
                               ("Ctrl+Y", self.undo_stack.redo),
                               ("Ctrl+F", self.search.setFocus)):
            action = QAction(self, shortcut=QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: self._safely(slot))
            self.addAction(action)

        self.status = SpokenLabel()
        self.status.setAccessibleDescription(_("Status"))
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons["backups"], 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self._apply_filter)
        for combo in (self.tag_filter, self.regime_filter, self.author_filter):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.show_trash.toggled.connect(lambda _on: self.refresh())
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.undo_stack.indexChanged.connect(self._update_buttons)

    # -- state ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list from the library (in the background), keeping the selection and the filters."""
        if not isValid(self) or not isValid(self.show_trash):
            return
        trash = self.show_trash.isChecked()
        self.service.run(lambda library: library.list(include_builtins=not trash, trash=trash),
                         lambda rows: self._show_rows(rows) if isValid(self) else None,
                         lambda text: self.set_status(text) if isValid(self) else None, label="list the library")

    def _show_rows(self, rows) -> None:
        keep = {s.id for s in self.selected()}
        self.model.set_rows(rows)
        self._fill(self.tag_filter, sorted({t for s in rows for t in s.tags}, key=str.casefold))
        self._fill(self.regime_filter, sorted({s.regime for s in rows if s.regime}))
        self._fill(self.author_filter, sorted({s.author for s in rows if s.author}, key=str.casefold))
        self._apply_filter()
        self._select(keep)
        pending, self.pending_select = self.pending_select, None
        if pending is not None:
            self.select_id(pending)
        self._update_buttons()
        self.loaded += 1

    @staticmethod
    def _fill(combo: QComboBox, values: list[str]) -> None:
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_(ANY))
        combo.addItems(values)
        combo.setCurrentIndex(max(combo.findText(current), 0))
        combo.blockSignals(False)

    def _apply_filter(self) -> None:
        def chosen(combo: QComboBox) -> str | None:
            return None if combo.currentIndex() <= 0 else combo.currentText()
        self.proxy.set_criteria(self.search.text(), chosen(self.tag_filter), chosen(self.regime_filter),
                                chosen(self.author_filter))
        self._update_buttons()

    def _select(self, ids: set) -> None:
        selection = self.table.selectionModel()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(SUMMARY_ROLE).id in ids:
                selection.select(index, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)

    def selected(self) -> list[ScenarioSummary]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(SUMMARY_ROLE) for r in rows]

    def select_id(self, scenario_id) -> None:
        """Select exactly one scenario (by id) and show it."""
        self.table.clearSelection()
        self._select({scenario_id})
        for index in self.table.selectionModel().selectedRows():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _undo_state(self, *_args) -> None:
        if not isValid(self.undo_button):  # the stack is destroyed after the button at exit
            return
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        text = self.undo_stack.undoText()
        self.undo_button.setToolTip(tip(f"Undo: {text}") if text else "Nothing to undo")  # text holds titles

    def _update_buttons(self, *_args) -> None:
        if not isValid(self) or not isValid(self.show_trash):  # the undo stack outlives us at exit
            return
        chosen = self.selected()
        trash = self.show_trash.isChecked()
        editable = bool(chosen) and not any(s.read_only for s in chosen)
        self.buttons["open"].setEnabled(len(chosen) == 1 and not trash)
        self.buttons["duplicate"].setEnabled(len(chosen) == 1 and not trash)
        self.buttons["rename"].setEnabled(len(chosen) == 1 and editable and not trash)
        self.buttons["tags"].setEnabled(len(chosen) == 1 and editable and not trash)
        self.buttons["delete"].setEnabled(editable and not trash)
        self.buttons["restore"].setVisible(trash)
        self.buttons["restore"].setEnabled(editable and trash)
        self.buttons["empty"].setVisible(trash)
        self.buttons["empty"].setEnabled(trash and self.model.rowCount() > 0)
        self.buttons["export"].setEnabled(bool(chosen) and not trash)
        self.buttons["import"].setEnabled(not trash)

    def set_status(self, text: object) -> None:
        self.status.setText(str(text))

    def _push(self, command, done) -> None:
        """An undoable edit, done in the background; ``done`` says so when it worked."""
        push(self.undo_stack, command, self._report, lambda: done() if isValid(self) else None)

    def _report(self, text: str) -> None:
        if isValid(self):
            self.set_status(text)

    def _safely(self, action, *args) -> bool:
        """Run an action; show a StorageError as its sentence, anything else as a calm one."""
        try:
            action(*args)
            return True
        except StorageError as exc:
            self.set_status(str(exc))
        except Exception:  # noqa: BLE001 - the GUI never shows a traceback
            log.exception("library action failed")
            self.set_status(_(self.UNEXPECTED))
        return False

    # -- actions ----------------------------------------------------------------------------
    def open_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            self.set_status(_("Choose one scenario to open."))
            return

        def opened(scenario) -> None:
            if isValid(self):
                self.open_scenario.emit(scenario)
                self.set_status(_("Opened “{title}”.").format(title=scenario.title))

        scenario_id = chosen[0].id
        self.service.run(lambda library: library.get(scenario_id), opened, self.set_status, label="open a scenario")

    def duplicate_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            command = DuplicateCommand(self.service, self.refresh, chosen[0].id, chosen[0].title)
            title = chosen[0].title

            def copied() -> None:
                self.pending_select = command.copy_id
                self.set_status(_("Made a copy of “{title}” that you can change.").format(title=title))
            self._push(command, copied)

    def rename_selected(self, title: str | None = None) -> None:
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0].read_only:
            self.set_status(_("Choose one of your own scenarios to rename; built-in examples are read-only."))
            return
        old = chosen[0].title
        if title is None:
            title, ok = QInputDialog.getText(self, "Rename scenario", "New title:", text=old)
            if not ok:
                return
        self._push(RenameCommand(self.service, self.refresh, chosen[0].id, old, title),
                   lambda: self.set_status(_("Renamed “{title}”.").format(title=old)))

    def tag_selected(self, tags: list[str] | None = None) -> None:
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0].read_only:
            self.set_status(_("Choose one of your own scenarios to tag; built-in examples are read-only."))
            return
        old = list(chosen[0].tags)
        if tags is None:
            text, ok = QInputDialog.getText(self, "Tags", "Tags, separated by commas:", text=", ".join(old))
            if not ok:
                return
            tags = [t.strip() for t in text.split(",")]
        title = chosen[0].title
        self._push(TagCommand(self.service, self.refresh, chosen[0].id, old, tags),
                   lambda: self.set_status(_("Changed the tags of “{title}”.").format(title=title)))

    def delete_selected(self) -> None:
        chosen = [s for s in self.selected() if not s.read_only]
        if not chosen:
            self.set_status(_("Choose your own scenarios to delete; built-in examples cannot be deleted."))
            return
        command = DeleteCommand(self.service, self.refresh, [s.id for s in chosen], [s.title for s in chosen])
        self._push(command, lambda: self.set_status(f"{command.text()}: moved to the trash. Press Ctrl+Z to undo."))

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen:
            command = RestoreCommand(self.service, self.refresh, [s.id for s in chosen], [s.title for s in chosen])
            self._push(command, lambda: self.set_status(f"{command.text()}: back in the library."))

    def empty_trash(self) -> None:
        def emptied(count: int) -> None:
            if isValid(self):
                self.undo_stack.clear()  # the removed scenarios cannot come back
                self.refresh()
                self.set_status(ngettext("Removed {count} scenario from the trash for good.",
                                         "Removed {count} scenarios from the trash for good.", count).format(count=count))

        self.service.run(lambda library: library.empty_trash(), emptied, self.set_status,
                         label="empty the trash")

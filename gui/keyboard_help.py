"""Keyboard help (F1): every key of the window and of the face on show, in one readable table.

The rows are gathered from the widgets themselves — the shell's actions, each button's
shortcut, each ``QShortcut`` and each label's Alt+letter buddy — so a key added to a face
appears here without anybody remembering to list it. A face may add keys no widget carries
(arrows on a canvas) by defining ``keyboard_help() -> list[tuple[str, str]]``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractButton, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ermu.models.i18n import N_, _

#: Keys every face shares.
COMMON = (
    ("Tab / Shift+Tab", N_("Move to the next or the previous control")),
    ("Space / Return", N_("Press the button or tick the box that has focus")),
    ("Arrow keys", N_("Move inside a list, a table, a slider or a group of choices")),
    ("F1", N_("This keyboard help")),
)


def _keys(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _mnemonic(text: str) -> str:
    index = text.replace("&&", "\0\0").find("&")
    return text[index + 1].upper() if 0 <= index < len(text) - 1 else ""


def _what(widget: QWidget) -> str:
    name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
    return " ".join(name.replace("&", "").split())


def face_keys(face: QWidget) -> list[tuple[str, str]]:
    """The keys a face answers to: shortcuts, Alt+letters, and its own ``keyboard_help()``."""
    rows: list[tuple[str, str]] = []
    for button in face.findChildren(QAbstractButton):
        if not button.isVisibleTo(face):
            continue
        if not button.shortcut().isEmpty():
            rows.append((_keys(button.shortcut()), _what(button)))
        elif letter := _mnemonic(button.text()):
            rows.append((f"Alt+{letter}", _what(button)))
    for label in face.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and buddy.isVisibleTo(face) and (letter := _mnemonic(label.text())):
            rows.append((f"Alt+{letter}", _("Go to: {what}").format(what=label.text().replace("&", ""))))
    for shortcut in face.findChildren(QShortcut):
        if shortcut.isEnabled() and not shortcut.key().isEmpty():
            rows.append((_keys(shortcut.key()), shortcut.whatsThis() or _("A key of this page")))
    for action in face.findChildren(QAction):
        if not action.shortcut().isEmpty():
            rows.append((_keys(action.shortcut()), action.text().replace("&", "")))
    extra = getattr(face, "keyboard_help", None)
    if callable(extra):
        rows.extend(extra())
    seen, unique = set(), []
    for row in rows:
        if row not in seen:
            seen.add(row)
            unique.append(row)
    return unique


class KeyboardHelp(QDialog):
    """A table of keys for the face on show, then the window's own keys."""

    def __init__(self, title: str, face_rows: list[tuple[str, str]], window_rows: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard help: {page}").format(page=title))
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(_("Keys of the {page} page and of the window").format(page=title))
        self.table.setHorizontalHeaderLabels([_("Keys"), _("What they do")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for heading, rows in ((_("On this page"), face_rows), (_("Everywhere"), window_rows + list(
                (k, _(w)) for k, w in COMMON))):
            self._add(heading, "", bold=True)
            for keys, what in rows:
                self._add(keys, what)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.table.setFocus()

    def _add(self, keys: str, what: str, *, bold: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((keys, what)):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]


__all__ = ["COMMON", "KeyboardHelp", "face_keys"]

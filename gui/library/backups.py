"""“Restore from a backup…”: the rolling backups of the library, listed and restored.

Ermu keeps a daily, a weekly and a monthly copy of the library file (see
``ermu.models.storage.backups``). The command lists them with their dates and scenario
counts; restoring one keeps the library as it was among the backups, so a restore can be
undone by restoring that copy. It works from the library window and also from the page
that says the library could not be opened — the moment a teacher needs it most.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout,
                               QWidget)
from ermu.models.i18n import N_, _, ngettext

from shiboken6 import isValid

from ..plain import plain_label


def backup_line(backup) -> str:
    """One backup as a teacher reads it: when, which copy, how many scenarios."""
    from ermu.models.cli_library import PERIODS

    if backup.scenarios is None:
        count = _("cannot be read")
    else:
        count = ngettext("{n} scenario", "{n} scenarios", backup.scenarios).format(n=f"{backup.scenarios:,}")
    kind = _(PERIODS.get(backup.period, backup.period))
    return f"{backup.made:%Y-%m-%d %H:%M} · {kind} · {count}"


class RestoreDialog(QDialog):
    """Choose one backup (newest first); the ones that cannot be read are shown, not offered."""

    def __init__(self, backups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from a backup"))
        self.setAccessibleName(_("Restore from a backup"))
        layout = QVBoxLayout(self)
        intro = plain_label(QLabel(_("Replace the library with one of its backups. The library as it is now is "
                                     "kept among the backups, so you can go back to it.")))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Backups"))
        for backup in backups:
            item = QListWidgetItem(backup_line(backup))
            item.setData(Qt.ItemDataRole.UserRole, backup)
            if not backup.scenarios:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        first = next((i for i in range(self.list.count()) if backups[i].scenarios), None)
        if first is not None:
            self.list.setCurrentRow(first)
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore = self.buttons.addButton(_("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore.setAccessibleName(_("Restore the chosen backup"))
        self.restore.setEnabled(first is not None)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    def chosen(self):
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def choose_backup(parent: QWidget, backups):
    """Ask which backup to restore; None if the teacher cancels. (Tests replace this.)"""
    dialog = RestoreDialog(backups, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class BackupsMixin:
    """The library window's “Restore from a backup…”; needs ``service``, ``undo_stack``,
    ``set_status`` and ``refresh``."""

    def restore_from_backup(self) -> None:
        """List the backups (dates, counts), let the teacher choose one, restore it."""
        def listed(found) -> None:
            if not isValid(self):
                return
            if not found:
                self.set_status(_(NO_BACKUPS))
                return
            chosen = choose_backup(self, found)
            if chosen is not None:
                self.set_status(_("Restoring the backup of {made}…").format(made=f"{chosen.made:%Y-%m-%d %H:%M}"))
                self.service.run(lambda library: library.restore_backup(chosen.path), restored,
                                 lambda text: self.set_status(text) if isValid(self) else None,
                                 label="restore a backup")

        def restored(result) -> None:
            if isValid(self):
                self.undo_stack.clear()  # the edits it holds were made to the library as it was
                self.set_status(result.message().render())
                self.refresh()
            self.service.reopened()

        self.service.run(lambda library: library.list_backups(), listed,
                         lambda text: self.set_status(text) if isValid(self) else None, label="list the backups")


NO_BACKUPS = N_("There are no backups yet: Ermu makes one each day the library is opened with scenarios in it.")


__all__ = ["NO_BACKUPS", "BackupsMixin", "RestoreDialog", "backup_line", "choose_backup"]

"""Files in and out of the library view: import (dialog or drag and drop) and export.

A mixin of :class:`LibraryView`: it uses the view's ``library``, ``refresh``, ``selected``,
``select_id`` and ``set_status``. A bad file changes nothing and is reported in one sentence.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog
from shiboken6 import isValid

log = logging.getLogger(__name__)
SUFFIX = ".ermu.json"

from ermu.models.i18n import _, ngettext


class TransferMixin:
    def import_file(self, path: str | Path | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, _("Import scenarios"), "",
                                                        _("Ermu scenarios (*{suffix});;All files (*)").format(
                                                            suffix=SUFFIX))
            if not path:
                return

        name = Path(path).name

        def imported(added) -> None:
            if not isValid(self):
                return
            self.service.wrote(*(s.id for s in added))
            self.set_status(ngettext("Imported {count} scenario from {name}.", "Imported {count} scenarios from {name}.",
                                     len(added)).format(count=len(added), name=name))
            self.pending_select = added[0].id if added else None
            self.refresh()

        self.set_status(_("Importing {name}…").format(name=name))
        self.service.run(lambda library: library.import_file(Path(path)), imported,
                         lambda text: self.set_status(_("Could not import {name}: {reason}").format(name=name, reason=text))
                         if isValid(self) else None,
                         label=f"import {name}")

    def export_selection(self, path: str | Path | None = None) -> None:
        chosen = self.selected()
        if not chosen:
            self.set_status(_("Choose the scenarios to export first."))
            return
        if path is None:
            suggestion = ("".join(c if c.isalnum() else "-" for c in chosen[0].title).strip("-")[:60]
                          if len(chosen) == 1 else "scenarios") + SUFFIX
            path, _filter = QFileDialog.getSaveFileName(self, _("Export scenarios"), suggestion,
                                                        _("Ermu scenarios (*{suffix})").format(suffix=SUFFIX))
            if not path:
                return
        if not str(path).endswith(SUFFIX):
            path = f"{path}{SUFFIX}"
        ids, target, count = [s.id for s in chosen], Path(path), len(chosen)
        self.set_status(_("Exporting to {name}…").format(name=target.name))
        self.service.run(lambda library: library.export(ids, target),
                         lambda _path: self.set_status(ngettext("Exported {count} scenario to {path}.",
                                                                "Exported {count} scenarios to {path}.", count).format(
                             count=count, path=target)) if isValid(self) else None,
                         lambda text: self.set_status(text) if isValid(self) else None, label="export scenarios")

    # -- drag and drop ----------------------------------------------------------------------
    # -- drag and drop ----------------------------------------------------------------------
    def _dropped_files(self, event) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile().endswith(SUFFIX)]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        for path in self._dropped_files(event):
            self.import_file(path)
        event.acceptProposedAction()

"""Undoable library edits. Each command changes the library, then asks the view to refresh.

The edits run on the library service's background thread, never on the GUI thread. The
view pushes commands only through :func:`push`, which does the edit first and puts the
command on the stack only if it worked, so the stack never holds an edit that did not
happen; a failure is one sentence for the status line. Undo and redo run in the
background the same way.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import isValid


class LibraryCommand(QUndoCommand):
    #: Where failures of undo and redo are said (set by :func:`push`).
    report: Callable[[str], None] = staticmethod(lambda _text: None)

    def __init__(self, service, refresh: Callable[[], None], text: str) -> None:
        super().__init__(text)
        self.service = service
        self.refresh = refresh
        self._first = True

    @property
    def library(self):
        return self.service.library

    def redo(self) -> None:
        if self._first:  # already done by push()
            self._first = False
            return
        self.service.run(lambda _library: self.do(), lambda _result: self.refresh(), self.report,
                         label=f"redo: {self.text()}")

    def undo(self) -> None:
        self.service.run(lambda _library: self.undo_edit(), lambda _result: self.refresh(), self.report,
                         label=f"undo: {self.text()}")

    def do(self) -> None:  # pragma: no cover - each command defines it
        raise NotImplementedError

    def undo_edit(self) -> None:  # pragma: no cover
        raise NotImplementedError


class DeleteCommand(LibraryCommand):
    """Move scenarios to the trash; undo brings them back."""

    def __init__(self, library, refresh, ids: list[int], titles: list[str]) -> None:
        label = f"Delete “{titles[0]}”" if len(ids) == 1 else f"Delete {len(ids)} scenarios"
        super().__init__(library, refresh, label)
        self.ids = ids

    def do(self) -> None:
        for scenario_id in self.ids:
            self.library.delete(scenario_id)

    def undo_edit(self) -> None:
        for scenario_id in self.ids:
            self.library.restore(scenario_id)


class RestoreCommand(DeleteCommand):
    def __init__(self, library, refresh, ids: list[int], titles: list[str]) -> None:
        super().__init__(library, refresh, ids, titles)
        self.setText(self.text().replace("Delete", "Restore", 1))

    def do(self) -> None:
        super().undo_edit()

    def undo_edit(self) -> None:
        super().do()


class RenameCommand(LibraryCommand):
    def __init__(self, library, refresh, scenario_id: int, old: str, new: str) -> None:
        super().__init__(library, refresh, f"Rename “{old}” to “{new}”")
        self.scenario_id, self.old, self.new = scenario_id, old, new

    def do(self) -> None:
        self.library.rename(self.scenario_id, self.new)

    def undo_edit(self) -> None:
        self.library.rename(self.scenario_id, self.old)


class TagCommand(LibraryCommand):
    def __init__(self, library, refresh, scenario_id: int, old: list[str], new: list[str]) -> None:
        super().__init__(library, refresh, "Change tags")
        self.scenario_id, self.old, self.new = scenario_id, old, new

    def do(self) -> None:
        self.library.set_tags(self.scenario_id, self.new)

    def undo_edit(self) -> None:
        self.library.set_tags(self.scenario_id, self.old)


class DuplicateCommand(LibraryCommand):
    """Copy a scenario (or a built-in example); undo moves the copy to the trash."""

    def __init__(self, library, refresh, source_id, title: str) -> None:
        super().__init__(library, refresh, f"Duplicate “{title}”")
        self.source_id = source_id
        self.copy_id: int | None = None

    def do(self) -> None:
        if self.copy_id is None:
            self.copy_id = self.library.duplicate(self.source_id).id
        else:
            self.library.restore(self.copy_id)

    def undo_edit(self) -> None:
        self.library.delete(self.copy_id)


def push(stack: QUndoStack, command: LibraryCommand, report: Callable[[str], None],
         done: Callable[[], None] | None = None) -> None:
    """Do the edit in the background; keep it for undo only if it worked, then ``done()``."""
    command.report = report

    def worked(_result) -> None:
        if not isValid(stack):
            return
        stack.push(command)  # calls redo(), which skips the first time
        command.refresh()
        if done is not None:
            done()

    command.service.run(lambda _library: command.do(), worked, report, label=command.text())

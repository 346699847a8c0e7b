"""Undoable edits of a village: each command swaps one whole :class:`VillageState` for another.

Populations and hierarchies are immutable, so a command keeps the state before and the
state after (both already grouped) and undo or redo is a swap: no regrouping, however big
the village. The undo stack is linear, so the kept states are always the right ones.
The subclasses exist so that the Edit menu and tests can tell the edits apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from .grouping import VillageState

if TYPE_CHECKING:
    from .document import VillageDocument


class VillageCommand(QUndoCommand):
    def __init__(self, document: "VillageDocument", text: str, after: VillageState,
                 select_after: int | None = None) -> None:
        super().__init__(text)
        self.document = document
        self.before = document.state()
        self.after = after
        self.select_before = document.selected
        self.select_after = select_after if select_after is not None else document.selected

    def redo(self) -> None:
        self.document.restore(self.after, self.select_after)

    def undo(self) -> None:
        self.document.restore(self.before, self.select_before)


class GenerateVillageCommand(VillageCommand):
    """A new sample village (or an empty one)."""


class ChangeRegimeCommand(VillageCommand):
    """The same village regrouped under another regime or in another year."""


class AddHouseholdCommand(VillageCommand):
    """A new household inserted after the chosen one."""


class DuplicateHouseholdCommand(VillageCommand):
    """A copy of a household, next to it."""


class RemoveHouseholdCommand(VillageCommand):
    """A household taken out of the village."""


class EditHouseholdCommand(VillageCommand):
    """A household's members, adult males, registration or setting changed."""


COMMANDS = {
    "generate": GenerateVillageCommand,
    "regime": ChangeRegimeCommand,
    "add": AddHouseholdCommand,
    "duplicate": DuplicateHouseholdCommand,
    "remove": RemoveHouseholdCommand,
    "edit": EditHouseholdCommand,
}

"""Undoable edits of the sandbox: each command swaps one whole state for another.

Populations and hierarchies are immutable, so a village command keeps the state before
and the state after (both already grouped) and undo or redo is a swap: no regrouping,
however big the village. An incident command swaps the incident and the parameters; moving
a parameter slider merges into one step. Each command carries the :class:`Change` it
makes, so views update only what changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from .grouping import VillageState

if TYPE_CHECKING:  # pragma: no cover
    from ermu.models.propagation import Incident, Parameters

    from .document import Change, SandboxDocument

_MERGE_IDS: dict[str, int] = {}


class VillageCommand(QUndoCommand):
    """A new village, the same one regrouped, or households added, removed or edited."""

    def __init__(self, document: "SandboxDocument", text: str, after: VillageState,
                 select_after: int | None, change: "Change") -> None:
        super().__init__(text)
        self.document = document
        self.before = document.state()
        self.after = after
        self.change = change
        self.select_before = document.selected
        self.select_after = select_after if select_after is not None else document.selected

    def redo(self) -> None:
        self.document.restore(self.after, self.select_after, self.change)

    def undo(self) -> None:
        self.document.restore(self.before, self.select_before, self.change)


class IncidentCommand(QUndoCommand):
    """The incident or an illustrative parameter changed."""

    def __init__(self, document: "SandboxDocument", text: str, incident: "Incident", parameters: "Parameters",
                 change: "Change", merge_key: str | None = None) -> None:
        super().__init__(text)
        self.document = document
        self.before = (document.incident, document.parameters)
        self.after = (incident, parameters)
        self.change = change
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003 - Qt's name
        if self.merge_key is None:
            return -1
        return _MERGE_IDS.setdefault(self.merge_key, 1000 + len(_MERGE_IDS))

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, IncidentCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.document.restore_incident(*self.after, self.change)

    def undo(self) -> None:
        self.document.restore_incident(*self.before, self.change)

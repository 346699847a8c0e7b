"""The text alternative to the bars: every member's state as a table (illustrative values)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ermu.models.criticism import Session, outcome
from ermu.models.i18n import N_, _

from .room import _hanzi

COLUMNS = (N_("Member"), N_("Standing*"), N_("Suspicion*"), N_("Fear*"), N_("Criticised"), N_("Singled out"),
           N_("Now"))


class MemberStateTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.setAccessibleName(_("Member states: standing, suspicion and fear are illustrative, 0 to 100"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2, 3):
            self.horizontalHeaderItem(col).setToolTip(_("Illustrative value, 0–100: not from the sources"))

    def retranslate(self) -> None:
        """The headings and their notes in the current language (the rows follow at the next show)."""
        self.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        for col in (1, 2, 3):
            self.horizontalHeaderItem(col).setToolTip(_("Illustrative value, 0–100: not from the sources"))

    def show_session(self, session: Session | None) -> None:
        if session is None:
            self.setRowCount(0)
            return
        self.setRowCount(len(session.members))
        for row, (member, state) in enumerate(zip(session.members, session.states)):
            name = member.name + (_(" (you)") if member.index == session.learner else "")
            values = (f"{name} {_hanzi(member)}".strip(), f"{state.standing:.0f}", f"{state.suspicion:.0f}",
                      f"{state.fear:.0f}", str(state.times_criticised), str(state.times_singled_out),
                      _(outcome(state, session.params)))
            for col, value in enumerate(values):
                item = self.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    if col:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.setItem(row, col, item)
                item.setText(value)

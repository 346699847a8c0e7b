"""The comparison as a table: one row per regime, the numbers the engine's ``compare`` gives."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ermu.models.i18n import N_, _
from ermu.models.propagation import ComparisonRow

COLUMNS = (N_("Regime"), N_("Households liable"), N_("People liable"), N_("Steps to the government"),
           N_("Heads involved"))


class ComparisonTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ComparisonRow] = []

    def set_rows(self, rows: list[ComparisonRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        """The headings and the regimes' titles in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # type: ignore[override]
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # type: ignore[override]
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[override]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[override]
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return _(row.title)
            if row.error:
                return "—"
            value = (row.liable_households, row.liable_people, row.steps_to_government,
                     row.leaders_involved)[index.column() - 1]
            return _("never") if value is None and index.column() == 3 else f"{value:,}" if value is not None else "—"
        if role == Qt.ItemDataRole.ToolTipRole and row.error:
            return row.error
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.regime_id
        return None

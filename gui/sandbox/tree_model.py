"""The hierarchy as a tree: top units → … → smallest units → households.

A thin ``QAbstractItemModel`` over the hierarchy's arrays. Nothing is built up front:
every row is computed when the view asks for it, so a village of a million households
costs a few index arrays, not a million items. A node is one integer (its internal id):
0 the invisible root, 1 the "outside the scope" group, then the units level by level,
then the households.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ermu.models.hierarchy import Hierarchy
from ermu.models.i18n import N_, _, ngettext
from ermu.models.language import is_chinese
from ermu.models.regimes.texts import said

from ..style import CINNABAR, SLATE

EXCLUDED_NODE = 1
COLUMNS = (N_("Unit or household"), N_("Households"), N_("Head"))
LEADER_MARK = "◆"  # shape as well as colour: heads are diamonds in the diagram too
PARTIAL_MARK = "◔"


class HierarchyTreeModel(QAbstractItemModel):
    def __init__(self, hierarchy: Hierarchy, parent=None) -> None:
        super().__init__(parent)
        self._set(hierarchy)

    # -- data set-up ---------------------------------------------------------------------
    def set_hierarchy(self, hierarchy: Hierarchy) -> None:
        self.beginResetModel()
        self._set(hierarchy)
        self.endResetModel()

    def retranslate(self) -> None:
        """Every text again in the current language; rows, expansion and selection stay."""
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def update_households(self, hierarchy: Hierarchy, households) -> None:
        """The same grouping with some households edited: redraw only their rows."""
        self.hierarchy = hierarchy
        last = self.columnCount() - 1
        for household in households:
            index = self.index_of_household(household)
            if index.isValid():
                self.dataChanged.emit(index, index.siblingAtColumn(last))

    def _set(self, hierarchy: Hierarchy) -> None:
        self.hierarchy = h = hierarchy
        self.levels = len(h.levels)
        self.top = self.levels - 1
        self.base = [2]
        for lv in h.levels:
            self.base.append(self.base[-1] + lv.count)
        self.household_base = self.base[-1]
        self.excluded = h.excluded
        n = h.household_count
        # children of unit (k, u), k > 0: units of level k-1 in CSR form, with their rows
        self.child_order: list[np.ndarray] = [np.empty(0, dtype=np.int64)]
        self.child_offsets: list[np.ndarray] = [np.empty(0, dtype=np.int64)]
        self.child_row: list[np.ndarray] = [np.empty(0, dtype=np.int64)]
        for k in range(1, self.levels):
            parent = h.levels[k - 1].parent
            order = np.argsort(parent, kind="stable")
            offsets = np.zeros(h.levels[k].count + 1, dtype=np.int64)
            np.cumsum(np.bincount(parent, minlength=h.levels[k].count), out=offsets[1:])
            row = np.empty(parent.shape[0], dtype=np.int64)
            row[order] = np.arange(order.shape[0]) - offsets[parent[order]]
            self.child_order.append(order)
            self.child_offsets.append(offsets)
            self.child_row.append(row)
        lv0 = h.levels[0] if self.levels else None
        self.household_row = np.zeros(n, dtype=np.int64)
        if lv0 is not None and lv0.order.size:
            positions = np.arange(lv0.order.shape[0])
            self.household_row[lv0.order] = positions - lv0.offsets[lv0.unit_of[lv0.order]]
        if self.excluded.size:
            self.household_row[self.excluded] = np.arange(self.excluded.shape[0])
        self.is_leader = np.zeros(n, dtype=bool)
        for k in range(self.levels):
            leaders = h.leaders(k)
            self.is_leader[leaders[leaders >= 0]] = True

    # -- node ids ------------------------------------------------------------------------
    def node(self, index: QModelIndex) -> tuple:
        """('root',) | ('excluded',) | ('unit', level, unit) | ('household', id)."""
        if not index.isValid():
            return ("root",)
        return self._decode(int(index.internalId()))

    def _decode(self, node: int) -> tuple:
        if node == EXCLUDED_NODE:
            return ("excluded",)
        if node >= self.household_base:
            return ("household", node - self.household_base)
        for k in range(self.levels):
            if node < self.base[k + 1]:
                return ("unit", k, node - self.base[k])
        return ("root",)

    def index_of_household(self, household: int) -> QModelIndex:
        if not 0 <= household < self.hierarchy.household_count:
            return QModelIndex()
        return self.createIndex(int(self.household_row[household]), 0, self.household_base + household)

    def _unit_index(self, level: int, unit: int, column: int = 0) -> QModelIndex:
        if level == self.top:
            row = unit
        else:
            row = int(self.child_row[level + 1][unit])
        return self.createIndex(row, column, self.base[level] + unit)

    # -- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if row < 0 or column < 0 or column >= len(COLUMNS) or row >= self.rowCount(parent):
            return QModelIndex()
        kind = self.node(parent)
        if kind[0] == "root":
            if self.levels and row < self.hierarchy.levels[self.top].count:
                return self.createIndex(row, column, self.base[self.top] + row)
            return self.createIndex(row, column, EXCLUDED_NODE)
        if kind[0] == "excluded":
            return self.createIndex(row, column, self.household_base + int(self.excluded[row]))
        _node, level, unit = kind
        if level == 0:
            household = int(self.hierarchy.levels[0].order[self.hierarchy.levels[0].offsets[unit] + row])
            return self.createIndex(row, column, self.household_base + household)
        child = int(self.child_order[level][self.child_offsets[level][unit] + row])
        return self.createIndex(row, column, self.base[level - 1] + child)

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        kind = self.node(index)
        if kind[0] == "excluded":
            return QModelIndex()
        if kind[0] == "household":
            unit = int(self.hierarchy.levels[0].unit_of[kind[1]]) if self.levels else -1
            if unit < 0:
                top_units = self.hierarchy.levels[self.top].count if self.levels else 0
                return self.createIndex(top_units, 0, EXCLUDED_NODE)
            return self._unit_index(0, unit)
        _node, level, unit = kind
        if level == self.top:
            return QModelIndex()
        return self._unit_index(level + 1, int(self.hierarchy.levels[level].parent[unit]))

    def rowCount(self, parent=QModelIndex()) -> int:  # type: ignore[override]
        if parent.isValid() and parent.column() != 0:
            return 0
        kind = self.node(parent)
        if kind[0] == "root":
            top = self.hierarchy.levels[self.top].count if self.levels else 0
            return top + (1 if self.excluded.size else 0)
        if kind[0] == "excluded":
            return int(self.excluded.shape[0])
        if kind[0] == "household":
            return 0
        _node, level, unit = kind
        offsets = self.hierarchy.levels[0].offsets if level == 0 else self.child_offsets[level]
        return int(offsets[unit + 1] - offsets[unit])

    def columnCount(self, parent=QModelIndex()) -> int:  # type: ignore[override]
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[override]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[override]
        if not index.isValid():
            return None
        kind = self.node(index)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(kind, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(kind)
        if role == Qt.ItemDataRole.ForegroundRole:
            if kind[0] == "household" and self.is_leader[kind[1]]:
                return QBrush(QColor(CINNABAR))
            if kind[0] == "excluded" or (kind[0] == "unit" and self.hierarchy.is_partial(kind[1], kind[2])):
                return QBrush(QColor(SLATE))
        if role == Qt.ItemDataRole.FontRole and kind[0] == "unit" and column == 0:
            font = QFont()
            font.setBold(kind[1] == self.top)
            font.setItalic(self.hierarchy.is_partial(kind[1], kind[2]))
            return font
        if role == Qt.ItemDataRole.UserRole:
            return kind
        return None

    def _text(self, kind: tuple, column: int) -> str:
        h = self.hierarchy
        if kind[0] == "excluded":
            return (_("Outside the scope"), f"{self.excluded.shape[0]:,}", "")[column]
        if kind[0] == "household":
            hid = kind[1]
            household = h.population[hid]
            if column == 0:
                mark = f"{LEADER_MARK} " if self.is_leader[hid] else ""
                return f"{mark}#{hid} {household.head.name} {household.head.hanzi}"
            if column == 1:
                return ngettext("{n} person", "{n} people", household.size).format(n=household.size)
            return self._offices(hid)
        _node, level, unit = kind
        lv = h.levels[level]
        if column == 0:
            name = lv.name(unit)
            partial = "  " + _("{mark} incomplete").format(mark=PARTIAL_MARK) if h.is_partial(level, unit) else ""
            return f"{_(name.hanzi)} {name.pinyin if is_chinese() else name.romanized} {unit + 1}{partial}"
        if column == 1:
            return _("{n} of {full}").format(n=f"{int(lv.sizes[unit]):,}", full=f"{lv.full_size:,}")
        leader = h.leader(level, unit)
        spec = h.leader_spec(level)
        if leader is None or spec is None:
            return "—"
        return _("{mark} {title}: household {n}").format(mark=LEADER_MARK, title=spec.title.said().render(), n=leader)

    def _offices(self, hid: int) -> str:
        h = self.hierarchy
        titles = []
        for level, unit in h.path(hid):
            if h.leader(level, unit) == hid and (spec := h.leader_spec(level)) is not None:
                titles.append(f"{LEADER_MARK} {spec.title.said().render()}")
        return _(", ").join(titles)

    def _tooltip(self, kind: tuple) -> str | None:
        h = self.hierarchy
        if kind[0] == "excluded":
            return _("Not grouped: {scope}").format(scope=said(h.regime.scope.text))
        if kind[0] == "unit" and h.is_partial(kind[1], kind[2]):
            return _(h.remainder_rule)
        return None

    def flags(self, index):  # type: ignore[override]
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

"""BuilderView: the village's hierarchy as a tree and as a diagram, the chosen household beside.

Choosing a household anywhere (tree, diagram) chooses it in the document, and every
view follows the document.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QSplitter, QTreeView, QVBoxLayout, QWidget)

from ermu.models.i18n import _

from ..widgets.hierarchy_diagram import HierarchyDiagram
from ..widgets.marks import Legend
from .details import DetailsPanel
from .document import SandboxDocument
from .household_editor import HouseholdEditor
from .tree_model import HierarchyTreeModel


def hierarchy_line(h) -> str:
    """'200 households → 20 pai, 2 jia, 1 pao · 0 incomplete · 0 outside the scope'."""
    levels = _(", ").join(_("{count} {unit}").format(count=f"{lv.count:,}", unit=lv.spec.name.shown())
                          for lv in h.levels)
    partial = sum(lv.partial_units for lv in h.levels)
    return _("{households} households → {levels} · {partial} incomplete unit(s) · {outside} outside the scope").format(
        households=f"{h.household_count:,}", levels=levels, partial=partial, outside=f"{h.excluded.shape[0]:,}")


class BuilderView(QWidget):
    def __init__(self, document: SandboxDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.tree_model = HierarchyTreeModel(document.hierarchy, self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(_("Hierarchy tree"))
        self.tree.setAlternatingRowColors(True)
        self.tree.header().resizeSection(0, 175)
        self.tree.header().resizeSection(1, 82)
        self.diagram = HierarchyDiagram()
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.remainder = QLabel()
        self.remainder.setObjectName("muted")
        self.remainder.setWordWrap(True)
        self.details = DetailsPanel()
        self.editor = HouseholdEditor(document)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.diagram, 1)
        centre_layout.addWidget(Legend())
        centre_layout.addWidget(self.summary)
        centre_layout.addWidget(self.remainder)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.details)
        right.addWidget(self.editor)
        right.setSizes([330, 330])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setSizes([330, 600, 310])
        splitter.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setTabOrder(self.tree, self.diagram)
        self.setTabOrder(self.diagram, self.details)
        self.setTabOrder(self.details, self.editor)

        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        self.diagram.household_clicked.connect(document.select)
        document.changed.connect(self._changed)
        document.selection_changed.connect(self.show_selected)
        self.refresh()

    def _changed(self, change) -> None:
        if change.structure:
            self.refresh()
        elif change.households:  # edited in place: only their rows, labels and details
            h = self.document.hierarchy
            self.tree_model.update_households(h, change.households)
            self.diagram.update_households(h, change.households)
            self.details.show_household(h, self.document.selected)

    def refresh(self) -> None:
        h = self.document.hierarchy
        self.tree_model.set_hierarchy(h)
        if self.tree_model.rowCount() <= 20:
            self.tree.expandToDepth(max(0, len(h.levels) - 3))
        self.diagram.set_hierarchy(h)
        rule = h.remainder_rule
        self.show_summary()
        self.show_selected(self.document.selected)

    def show_summary(self) -> None:
        """The line under the diagram and the remainder rule, in the current language."""
        h = self.document.hierarchy
        rule = _(h.remainder_rule)
        bucket = self.diagram.lay.bucket
        shown = _("each household drawn") if self.diagram.lay.mode == "households" else (
            _("summarised: one block per unit") if bucket == 1 else
            _("summarised: one block per {n} units").format(n=bucket))
        self.summary.setText(_("{line} · {shown}.").format(line=hierarchy_line(h), shown=shown))
        self.summary.setToolTip(_("Remainder rule: {rule}").format(rule=rule))
        self.remainder.setText(_("Remainder rule: {rule}").format(rule=rule))

    def retranslate(self) -> None:
        """The texts computed from the village: the summary, the chosen household's details, the tree."""
        self.diagram.retranslate()
        self.show_summary()
        self.details.show_household(self.document.hierarchy, self.document.selected)
        self.editor.retranslate()
        self.tree_model.retranslate()

    def show_selected(self, household: int | None) -> None:
        h = self.document.hierarchy
        self.details.show_household(h, household)
        self.diagram.set_selected(household)
        if household is None:
            return
        index = self.tree_model.index_of_household(household)
        if index.isValid() and self.tree.currentIndex() != index:
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(index)

    def _tree_current(self, current, _previous) -> None:
        kind = self.tree_model.node(current)
        if kind[0] == "household":
            self.document.select(kind[1])
        elif kind[0] == "unit":
            self.details.show_household(self.document.hierarchy, None)

"""The bar above the sandbox: regime, year, a new village (size and seed), undo and redo.

Big villages are grouped in a worker; while that runs a progress dialog with Cancel is
shown (cancel keeps the previous village).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QProgressDialog, QPushButton, QSpinBox,
                               QWidget)

from shiboken6 import isValid

from ermu.models.i18n import _
from ermu.models.population import MAX_HOUSEHOLDS

from ..widgets.regime_combo import RegimeCombo
from ..plain import tip
from .document import SandboxDocument


#: Redo answers both conventions on every platform. (Qt's StandardKey.Redo already holds
#: Ctrl+Shift+Z on Linux: listing both made the key ambiguous, so it did nothing.)
REDO_KEYS = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]


class VillageBar(QWidget):
    def __init__(self, document: SandboxDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.progress: QProgressDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.regime = RegimeCombo(accessible_name=_("Regime"))
        self.year = QSpinBox()
        self.year.setFixedWidth(72)
        self.year.setRange(500, 2100)
        self.year.setAccessibleName(_("Year"))
        self.year.setToolTip(_("The year: heads who serve in rotation change with it"))
        self.households = QLineEdit()
        self.households.setAccessibleName(_("Households in the new village"))
        self.households.setToolTip(_("1 to {most} households").format(most=f"{MAX_HOUSEHOLDS:,}"))
        self.households.setFixedWidth(80)
        self.seed = QSpinBox()
        self.seed.setFixedWidth(80)
        self.seed.setRange(0, 999_999)
        self.seed.setAccessibleName(_("Village seed"))
        self.seed.setToolTip(_("The same seed always makes the same village"))
        self.generate = QPushButton(_("New"))
        self.generate.setObjectName("primary")
        self.generate.setAccessibleName(_("Make a new sample village"))
        self.empty = QPushButton(_("Empty"))
        self.empty.setAccessibleName(_("Start from an empty village"))
        self.undo = QPushButton("↶")
        self.undo.setAccessibleName(_("Undo"))
        self.redo = QPushButton("↷")
        self.redo.setAccessibleName(_("Redo"))
        stack = document.undo_stack
        self.undo_action = stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self)
        self.redo_action.setShortcuts(REDO_KEYS)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo.clicked.connect(stack.undo)
        self.redo.clicked.connect(stack.redo)
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(self._undo_state)  # a bound method: Qt disconnects it when the bar goes

        for text, widget in ((_("&Regime"), self.regime), (_("&Year"), self.year)):
            layout.addWidget(self._label(text, widget))
            layout.addWidget(widget)
        layout.addSpacing(10)
        for text, widget in ((_("&Households"), self.households), (_("S&eed"), self.seed)):
            layout.addWidget(self._label(text, widget))
            layout.addWidget(widget)
        for widget in (self.generate, self.empty):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.undo)
        layout.addWidget(self.redo)

        self.regime.regime_chosen.connect(document.set_regime)
        self.year.editingFinished.connect(lambda: document.set_year(self.year.value()))
        self.generate.clicked.connect(lambda: document.generate(self.households.text(), self.seed.value()))
        self.households.returnPressed.connect(self.generate.click)
        self.empty.clicked.connect(document.make_empty)
        document.changed.connect(self.refresh)
        document.busy_changed.connect(self._busy)
        self.refresh()
        self._undo_state()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        label.setObjectName("muted")
        return label

    def retranslate(self) -> None:
        """The undo and redo tooltips, which name the last step (the fixed texts follow by themselves)."""
        self.regime.retranslate()
        self._undo_state()

    def refresh(self, *_change) -> None:
        doc = self.document
        self.regime.set_regime_id(doc.regime_id)
        self.year.blockSignals(True)
        self.year.setValue(doc.year)
        self.year.blockSignals(False)
        if not self.households.hasFocus():
            self.households.setText(str(len(doc.population)))
        self.seed.blockSignals(True)
        self.seed.setValue(doc.seed)
        self.seed.blockSignals(False)

    def _undo_state(self, *_args) -> None:
        """The undo and redo buttons follow the document's stack, which outlives this bar."""
        stack = self.document.undo_stack
        if not (isValid(stack) and isValid(self.undo)):  # at exit either may go first
            return
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        # The undo texts hold names a teacher typed: shown literally, never as markup.
        self.undo.setToolTip(tip(_("Undo {what} (Ctrl+Z)").format(what=stack.undoText())) if stack.canUndo()
                             else _("Nothing to undo"))
        self.redo.setToolTip(tip(_("Redo {what} (Ctrl+Shift+Z or Ctrl+Y)").format(what=stack.redoText()))
                             if stack.canRedo() else _("Nothing to redo"))
        for action in (self.undo_action, self.redo_action):  # an action's tooltip is its text by default
            if isValid(action):
                action.setToolTip(tip(action.text()))

    def _busy(self, working: bool, what: str) -> None:
        if working:
            dialog = QProgressDialog(what, _("Cancel"), 0, 0, self)
            dialog.setWindowTitle(_("Grouping the village"))
            dialog.setAccessibleName(_("Grouping progress"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.canceled.connect(self.document.cancel)
            dialog.show()
            self.progress = dialog
        elif self.progress is not None:
            dialog, self.progress = self.progress, None
            dialog.canceled.disconnect()
            dialog.close()

"""The learner's choices: large buttons, each with an accessible name and a key (1 to 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ermu.models.criticism import Action, Session, Turn, TurnKind
from ermu.models.i18n import N_, _
from ermu.models.names import PersonName

from ..wrap_button import WrapButton

KEYS = {Action.SINCERE: "1", Action.MINIMAL: "2", Action.CRITICISE_MILD: "3",
        Action.CRITICISE_HARSH: "4", Action.SILENT: "5"}
HINTS = {
    Action.SINCERE: N_("lowers your suspicion most"),
    Action.MINIMAL: N_("lowers it a little"),
    Action.CRITICISE_MILD: N_("moves some suspicion onto them"),
    Action.CRITICISE_HARSH: N_("moves more; the chair approves"),
    Action.SILENT: N_("the chair notices"),
}


class ChoicePanel(QWidget):
    chosen = Signal(str)  # an Action value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Your choices"))
        self.prompt = QLabel(_("Sit in a session to make choices."))
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleDescription(_("What is asked of you"))
        font = QFont(self.prompt.font())
        font.setBold(True)
        self.prompt.setFont(font)
        self.buttons: dict[Action, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(6)
        for i, action in enumerate(Action):
            button = WrapButton()  # every word of the choice inside the button, at any width
            button.setMinimumHeight(52)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _=False, a=action: self.chosen.emit(a.value))
            self.buttons[action] = button
            if action is Action.SILENT:  # two columns, silence across both: every word fits
                grid.addWidget(button, 2, 0, 1, 2)
            else:
                grid.addWidget(button, i // 2, i % 2)
        self._label_buttons(None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addLayout(grid)
        self.show_turn(None, None)

    def _label_buttons(self, about: str | None) -> None:
        for action, button in self.buttons.items():
            label = action.label
            if about and action is Action.CRITICISE_MILD:
                label = _("Criticise {name} mildly").format(name=about)
            elif about and action is Action.CRITICISE_HARSH:
                label = _("Criticise {name} harshly").format(name=about)
            hint = _(HINTS[action])
            button.setText(f"{label} [{KEYS[action]}]\n{hint}")
            button.setShortcut(QKeySequence(KEYS[action]))
            button.setAccessibleName(_("{label} (key {key})").format(label=label, key=KEYS[action]))
            button.setToolTip(_("{label}: {hint} (illustrative effect)").format(label=label, hint=hint))

    def retranslate(self, session: Session | None, turn: Turn | None) -> None:
        """The choices and the prompt in the current language."""
        self._label_buttons(None)
        self.show_turn(session, turn)

    def show_turn(self, session: Session | None, turn: Turn | None) -> None:
        """Enable the choices of the learner's turn, or disable all while others speak."""
        if session is None or turn is None:
            for button in self.buttons.values():
                button.setEnabled(False)
            if session is not None and session.finished:
                self.prompt.setText(_("The session is over."))
            elif session is not None and session.learner is not None:
                self.prompt.setText(_("Others are speaking. Press Step or Play to go on."))
            elif session is not None:
                self.prompt.setText(_("You are watching: every member is on autopilot."))
            return
        member = session.members[turn.about]
        about = PersonName(member.name, member.hanzi).render()
        self._label_buttons(about)
        if turn.kind is TurnKind.SELF and turn.collective:
            text = _("Your turn: the whole group has criticised you, {name}. Now criticise yourself.").format(
                name=about)
        elif turn.kind is TurnKind.SELF:
            text = _("Your turn: criticise yourself before the group.")
        elif turn.collective:
            text = _("Your turn: the chair has singled out {name}. Join the criticism, or stay silent?").format(
                name=about)
        else:
            text = _("Your turn: {name} has spoken. Criticise {name}, or stay silent?").format(name=about)
        self.prompt.setText(text)
        for action, button in self.buttons.items():
            button.setEnabled(action in turn.actions)
        first = self.buttons[turn.actions[0]]
        if self.isVisible() and not any(b.hasFocus() and b.isEnabled() for b in self.buttons.values()):
            first.setFocus()

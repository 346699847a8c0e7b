"""The roles a household plays in an incident, each with a colour AND a symbol, and a legend.

Colour is never the only signal: every role also has its own symbol drawn beside the
house, and the legend spells each one out in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ermu.models.i18n import N_, _

from ..style import CINNABAR, INK, JADE, SLATE, pixel_size


@dataclass(frozen=True)
class RoleStyle:
    colour: str
    symbol: str
    label: str


ROLES: dict[str, RoleStyle] = {
    "offender": RoleStyle(CINNABAR, "✖", N_("offender")),
    "observer": RoleStyle(JADE, "◉", N_("saw it")),
    "silent": RoleStyle(SLATE, "∅", N_("kept silent")),
    "reporter": RoleStyle("#c27c0e", "▲", N_("passed the report on")),
    "concealer": RoleStyle("#6b4c9a", "◐", N_("concealed it")),
    "record-error": RoleStyle("#6b4c9a", "?", N_("register error")),
    "punished": RoleStyle("#7a1f16", "■", N_("punished")),
    "rewarded": RoleStyle("#2f5f9e", "★", N_("rewarded")),
}

LEADER = RoleStyle(CINNABAR, "◆", N_("unit head"))
HOUSEHOLD = RoleStyle(INK, "⌂", N_("household"))
SELECTED = RoleStyle(INK, "○", N_("chosen household"))

#: What a trace step's kind makes of its actor (and target).
STEP_ROLES: dict[str, tuple[str | None, str | None]] = {
    "offend": ("offender", None),
    "observe": ("observer", None),
    "silent": ("silent", None),
    "report": ("reporter", None),
    "conceal": ("concealer", None),
    "discover": (None, None),
    "punish": (None, "punished"),
    "reward": (None, "rewarded"),
    "record-error": ("record-error", None),
}


def roles_until(steps, index: int) -> tuple[dict[int, str], list[tuple[object, object]]]:
    """Household roles and report arrows after replaying ``steps[0..index]``.

    Later roles override earlier ones except that the offender stays the offender
    unless punished, so the picture always answers "what happened to whom so far".
    """
    roles: dict[int, str] = {}
    arrows: list[tuple[object, object]] = []
    for step in steps[: index + 1]:
        actor_role, target_role = STEP_ROLES.get(step.kind, (None, None))
        if actor_role and isinstance(step.actor, int):
            if not (roles.get(step.actor) == "offender" and actor_role != "punished"):
                roles[step.actor] = actor_role
        if target_role and isinstance(step.target, int):
            roles[step.target] = target_role
        if step.kind == "report" and step.actor is not None and step.target is not None:
            arrows.append((step.actor, step.target))
    return roles, arrows


class Legend(QWidget):
    """One line: symbol and word for every role (and the head and the chosen household)."""

    def __init__(self, roles: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.styles = [HOUSEHOLD, LEADER] + [ROLES[r] for r in (roles or [])]
        self.label = QLabel()  # one label that wraps when the window is narrow
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.retranslate_widget()

    def retranslate_widget(self) -> None:
        """The words in the current language (called on a language switch by ``retranslate_static``)."""
        self.setAccessibleName(_("Legend"))
        entries = [f"<span style='color:{style.colour}; font-size:{pixel_size(15)}'>{style.symbol}</span>&nbsp;"
                   f"{_(style.label).replace(' ', '&nbsp;')}" for style in self.styles]
        self.label.setText(" &nbsp; ".join(entries))
        self.setAccessibleDescription(_("; ").join(f"{style.symbol} {_(style.label)}" for style in self.styles))

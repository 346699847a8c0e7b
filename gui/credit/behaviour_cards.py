"""Behaviour cards: one button per behaviour; playing a card spends one month of the year.

Each card says what the sources say about the behaviour (documented / reported / contested
popular claim) and what Ermu's illustrative points make of it, marked as such.
"""

from __future__ import annotations

from ermu.models.i18n import _
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QScrollArea, QSizePolicy, QWidget

from ermu.models.credit import BEHAVIOURS, LISTS, Behaviour

from ..style import CINNABAR, illustrative_mark, JADE, MIST
from ..wrap_button import WrapButton
from .marks import evidence_mark

COLUMNS = 3


def card_text(behaviour: Behaviour, points: int | None, friend_rule: bool) -> str:
    """Three lines: what the citizen does, the evidence level, what it does under the scheme."""
    label = _(behaviour.label)
    first = label[0].upper() + label[1:]
    if behaviour.unit == "hour":
        first += _(" (10 hours)")
    evidence = evidence_mark(behaviour.claim.evidence).text()
    if points is None:  # national: lists, not points
        effect = (f"→ {LISTS[behaviour.national_list].name.said('english').render()}" if behaviour.national_list
                  else _("no list entry"))
    elif behaviour.friend_rule and not friend_rule:
        effect = _("0 pts: friend rule off")
    else:
        effect = (_("{points} pts {mark}").format(points=f"{points:+d}", mark=illustrative_mark()) if points
                  else _("no points here"))
    return f"{first}\n{evidence}\n{effect}"  # the card wraps it to its width


class BehaviourCards(QScrollArea):
    """Emits ``played(behaviour_id, count)``; ``quiet_month`` ends a month with no behaviour."""

    played = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Behaviour cards: play one per month"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons: dict[str, QPushButton] = {}
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 6, 0)
        for i, behaviour in enumerate(BEHAVIOURS.values()):
            button = WrapButton()  # every word on the card, whatever its width
            button.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
            policy.setHeightForWidth(True)
            button.setSizePolicy(policy)
            button.setObjectName("behaviourCard")
            button.clicked.connect(lambda _=False, b=behaviour: self.played.emit(b.id, self._count(b)))
            self.buttons[behaviour.id] = button
            grid.addWidget(button, i // COLUMNS, i % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self.setWidget(inner)
        inner.setStyleSheet(f"""
            QPushButton#behaviourCard {{ text-align: left; padding: 6px 10px; background: white;
                border: 1px solid #837b6b; border-left: 4px solid {JADE}; border-radius: 6px;
                min-height: 3.6em; }}
            QPushButton#behaviourCard[lowers="true"] {{ border-left: 4px solid {CINNABAR}; }}
            QPushButton#behaviourCard:focus {{ border: 2px solid {CINNABAR}; }}
            QPushButton#behaviourCard:hover {{ background: {MIST}; }}""")

    @staticmethod
    def _count(behaviour: Behaviour) -> int:
        return 10 if behaviour.unit == "hour" else 1

    def refresh(self, points_for, friend_rule: bool, enabled: bool) -> None:
        """Relabel every card for a scheme; ``points_for(id)`` gives points or None (no score)."""
        for behaviour_id, button in self.buttons.items():
            behaviour = BEHAVIOURS[behaviour_id]
            points = points_for(behaviour_id)
            if points is not None:
                points *= self._count(behaviour)
            text = card_text(behaviour, points, friend_rule)
            button.setText(text)
            button.setProperty("lowers", behaviour.direction < 0)
            button.style().unpolish(button)
            button.style().polish(button)
            button.setAccessibleName(_("Play: {behaviour}.").format(behaviour=_(behaviour.label)) + f" {evidence_mark(behaviour.claim.evidence).text()}. "
                                     f"{text.splitlines()[-1]}")
            button.setToolTip(f"{behaviour.claim.said()}\n{evidence_mark(behaviour.claim.evidence).text()}")
            button.setEnabled(enabled)


__all__ = ["BehaviourCards", "card_text"]

"""The chosen household: its people, its unit at every level, its heads, its neighbours, its path up.

Everything shown is asked from the hierarchy (``path``, ``leader``, ``neighbours``,
``reporting_chain``); the panel only writes it down.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ermu.models.hierarchy import Hierarchy

from ..style import CINNABAR, SLATE


def describe(h: Hierarchy, household: int) -> tuple[str, str]:
    """(rich text, plain text for screen readers) about one household."""
    hh = h.population[household]
    people = ", ".join(f"{escape(p.name)} {escape(p.hanzi)} ({p.sex.value}, {p.age})" for p in hh.members)
    lines = [f"<h3 style='margin:0'>Household {household} · {escape(hh.head.name)} {escape(hh.head.hanzi)}</h3>",
             f"<p>{hh.size} people: {people}.<br>Adult males: {hh.adult_males} · "
             f"{'registered' if hh.registered else '<b>not registered</b>'} · {hh.setting.label}</p>"]
    plain = [f"Household {household}, {hh.head.name}, {hh.size} people."]
    path = h.path(household)
    if not path:
        reason = f"Outside the scope of the {h.regime.title}: {h.regime.scope.text}"
        lines.append(f"<p style='color:{SLATE}'>{escape(reason)}</p>")
        plain.append(reason)
        return "".join(lines), " ".join(plain)
    rows = []
    for level, unit in path:
        lv = h.levels[level]
        name = lv.name(unit)
        leader = h.leader(level, unit)
        spec = h.leader_spec(level)
        head = (f"<span style='color:{CINNABAR}'>◆</span> {escape(spec.title.display())}: household {leader}"
                if leader is not None and spec is not None else "no head")
        incomplete = " <i>(incomplete)</i>" if h.is_partial(level, unit) else ""
        rows.append(f"<b>{name.display()} {unit + 1}</b> · {int(lv.sizes[unit])} households{incomplete}"
                    f"<br>&nbsp;&nbsp;&nbsp;{head}")
        plain.append(f"{name.romanized} {unit + 1}, head household {leader}.")
    lines.append("<p><b>Its units</b><br>" + "<br>".join(rows) + "</p>")
    neighbours = h.neighbours(household)
    shown = ", ".join(str(int(n)) for n in neighbours[:20]) + (" …" if neighbours.size > 20 else "")
    lines.append(f"<p>Neighbours in the same {h.levels[0].name(path[0][1]).romanized}: {shown or 'none'}</p>")
    plain.append(f"Neighbours: {shown or 'none'}.")
    chain = [f"household {household}"]
    for level, unit, leader in h.reporting_chain(household):
        spec = h.leader_spec(level)
        if leader != household:
            chain.append(f"{spec.title.romanized} (household {leader})")
    chain.append(escape(h.regime.government.display()))
    lines.append("<p><b>Path to the government:</b> " + " → ".join(chain) + "</p>")
    plain.append("Path to the government: " + ", then ".join(chain) + ".")
    return "".join(lines), " ".join(plain)


class DetailsPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Household details")
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(10, 8, 10, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # no accessible name on the label: it would replace the text a screen reader should read
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.setWidget(inner)
        self.show_household(None, None)

    def show_household(self, hierarchy: Hierarchy | None, household: int | None) -> None:
        if hierarchy is None or household is None or not 0 <= household < hierarchy.household_count:
            self.label.setText(f"<p style='color:{SLATE}'>Choose a household in the tree or the diagram to see "
                               "its units, its heads, its neighbours and its path to the government.</p>")
            self.label.setAccessibleDescription("No household chosen.")
            return
        rich, plain = describe(hierarchy, household)
        self.label.setText(rich)
        self.label.setAccessibleDescription(plain)

    def text(self) -> str:
        return self.label.text()

"""The empire face's side: the numbers, an incident anywhere, the heads each regime needs.

Also what the build worker hands back (:class:`Built`: the empire with its figures and
the heads compared, all worked out off the GUI thread) and the map's legend, which names
the heads of whichever regime groups the empire.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from ermu.models.empire import Empire
from ermu.models.empire.numbers import answering_figures, compare_heads, figures, play_incident

from .numbers_panel import NumbersPanel


class Built:
    """What the worker hands back: the empire and the numbers worked out beside it."""

    def __init__(self, empire: Empire, county: int) -> None:
        self.empire = empire
        self.county = max(0, min(empire.counties - 1, county))
        self.figures = (figures(empire, play_incident(empire, self.county))
                        + answering_figures(empire, self.county))
        self.compare = compare_heads(empire)


def legend_text(empire: Empire) -> str:
    """What the colours mean under this regime (the heads' titles from the regime's spec)."""
    colours = ("red", "green", "brown")
    heads = []
    for k, level in enumerate(empire.hierarchy.levels):
        spec = empire.hierarchy.leader_spec(k)
        if spec is not None:
            heads.append(f"{colours[min(k, 2)]} = {spec.title.romanized or spec.title.english}")
    leading = ", green frame = a leading household" if empire.hierarchy.levels[-1].heads else ""
    return ("Counties: sand = standard, green = abbreviated, lilac = elaborated structure (◇ illustrative); "
            "hatched = the half li. Houses: " + ", ".join(heads) + f" this year{leading}.")


class SidePanel(QTabWidget):
    """Three tabs: the numbers (each with its mark), the incident, the heads compared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.numbers = NumbersPanel()
        self.compare = QLabel()
        self.compare.setTextFormat(Qt.TextFormat.PlainText)
        self.compare.setWordWrap(True)
        self.compare.setAccessibleDescription("Heads each regime needs")
        self.county = QSpinBox()
        self.county.setAccessibleName("County where the incident happens")
        self.county.setMinimumHeight(36)
        self.play_button = QPushButton("▶ Play an incident [I]")
        self.play_button.setObjectName("primary")
        self.play_button.setShortcut(QKeySequence("I"))
        self.play_button.setMinimumHeight(44)
        self.play_button.setAccessibleName("Play an incident in the chosen county")
        self.narration = QListWidget()
        self.narration.setAccessibleName("What happens, step by step")
        self.narration.setWordWrap(True)
        self.narration.setMinimumHeight(120)
        county_row = QHBoxLayout()
        county_label = QLabel("In county")
        county_label.setBuddy(self.county)
        county_row.addWidget(county_label)
        county_row.addWidget(self.county)
        county_row.addStretch(1)
        heads = QWidget()
        heads_layout = QVBoxLayout(heads)
        heads_title = QLabel("Heads needed for the same households")
        heads_title.setObjectName("cardTitle")
        heads_title.setWordWrap(True)
        heads_layout.addWidget(heads_title)
        heads_layout.addWidget(self.compare)
        heads_layout.addStretch(1)
        incident = QWidget()
        incident_layout = QVBoxLayout(incident)
        incident_title = QLabel("An incident anywhere")
        incident_title.setObjectName("cardTitle")
        incident_layout.addWidget(incident_title)
        incident_layout.addLayout(county_row)
        incident_layout.addWidget(self.play_button)
        incident_layout.addWidget(self.narration, 1)
        self.addTab(self.numbers, "Numbers")
        self.addTab(incident, "Incident")
        self.addTab(heads, "Heads")
        self.setMinimumWidth(280)

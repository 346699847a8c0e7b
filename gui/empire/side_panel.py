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

from ermu.models.i18n import _
from ermu.models.language import is_chinese

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
    colours = (_("red"), _("green"), _("brown"))
    heads = []
    for k, level in enumerate(empire.hierarchy.levels):
        spec = empire.hierarchy.leader_spec(k)
        if spec is not None:
            title = (_(spec.title.hanzi) if is_chinese() and spec.title.hanzi
                     else spec.title.romanized or spec.title.english)
            heads.append(_("{colour} = {title}").format(colour=colours[min(k, 2)], title=title))
    text = _("Counties: sand = standard, green = abbreviated, lilac = elaborated structure (◇ illustrative); "
             "hatched = the half li. Houses: {heads} this year.").format(heads=_(", ").join(heads))
    if empire.hierarchy.levels[-1].heads:
        text += " " + _("A green frame marks a leading household.")
    return text


class SidePanel(QTabWidget):
    """Three tabs: the numbers (each with its mark), the incident, the heads compared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.numbers = NumbersPanel()
        self.compare = QLabel()
        self.compare.setTextFormat(Qt.TextFormat.PlainText)
        self.compare.setWordWrap(True)
        self.compare.setAccessibleDescription(_("Heads each regime needs"))
        self.county = QSpinBox()

        self.county.setMinimumHeight(36)
        self.play_button = QPushButton()
        self.play_button.setObjectName("primary")
        self.play_button.setShortcut(QKeySequence("I"))
        self.play_button.setMinimumHeight(44)

        self.narration = QListWidget()

        self.narration.setWordWrap(True)
        self.narration.setMinimumHeight(120)
        county_row = QHBoxLayout()
        county_label = self.county_label = QLabel()
        county_label.setBuddy(self.county)
        county_row.addWidget(county_label)
        county_row.addWidget(self.county)
        county_row.addStretch(1)
        heads = QWidget()
        heads_layout = QVBoxLayout(heads)
        heads_title = self.heads_title = QLabel()
        heads_title.setObjectName("cardTitle")
        heads_title.setWordWrap(True)
        heads_layout.addWidget(heads_title)
        heads_layout.addWidget(self.compare)
        heads_layout.addStretch(1)
        incident = QWidget()
        incident_layout = QVBoxLayout(incident)
        incident_title = self.incident_title = QLabel()
        incident_title.setObjectName("cardTitle")
        incident_layout.addWidget(incident_title)
        incident_layout.addLayout(county_row)
        incident_layout.addWidget(self.play_button)
        incident_layout.addWidget(self.narration, 1)
        self.addTab(self.numbers, "")
        self.addTab(incident, "")
        self.addTab(heads, "")
        self.setMinimumWidth(280)
        self.retranslate()

    def retranslate(self) -> None:
        self.compare.setAccessibleDescription(_("Heads each regime needs"))
        self.county.setAccessibleName(_("County where the incident happens"))
        self.play_button.setText(_("▶ Play an incident [I]"))
        self.play_button.setAccessibleName(_("Play an incident in the chosen county"))
        self.narration.setAccessibleName(_("What happens, step by step"))
        self.county_label.setText(_("In county"))
        self.heads_title.setText(_("Heads needed for the same households"))
        self.incident_title.setText(_("An incident anywhere"))
        for index, text in enumerate((_("Numbers"), _("Incident"), _("Heads"))):
            self.setTabText(index, text)
        self.numbers.retranslate()

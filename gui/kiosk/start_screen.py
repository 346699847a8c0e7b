"""The start screen: large touch tiles for the profile's stations and the language slot."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ermu.models.i18n import _
from ermu.models.kiosk.profile import LANGUAGES

from .stations import SPECS


class Tile(QPushButton):
    """A large tile: the station's title and one line about it, both wrapping (a button's own text cannot)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kioskTile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        self.heading = QLabel()
        self.heading.setObjectName("kioskStationTitle")
        self.line = QLabel()
        self.line.setObjectName("kioskTileLine")
        for label in (self.heading, self.line):
            label.setWordWrap(True)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            layout.addWidget(label)
        layout.addStretch(1)

    def set_words(self, title: str, line: str) -> None:
        self.heading.setText(title)
        self.line.setText(line)


class StartScreen(QWidget):
    station_chosen = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, stations: tuple[str, ...], languages: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stations = stations
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(18)
        top = QHBoxLayout()
        words = QVBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("kioskTitle")
        self.hint = QLabel()
        self.hint.setObjectName("kioskHint")
        self.hint.setWordWrap(True)
        words.addWidget(self.title)
        words.addWidget(self.hint)
        top.addLayout(words, 1)
        self.language_buttons: dict[str, QPushButton] = {}
        if len(languages) > 1:
            for code in languages:
                button = QPushButton(LANGUAGES[code])  # each language named in itself: never translated
                button.setObjectName("kioskLanguage")
                button.setCheckable(True)
                button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
                self.language_buttons[code] = button
                top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        grid = QGridLayout()
        grid.setSpacing(18)
        columns = 3 if len(stations) > 4 else 2
        self.tiles: dict[str, QPushButton] = {}
        for i, station in enumerate(stations):
            tile = Tile()
            tile.clicked.connect(lambda _=False, s=station: self.station_chosen.emit(s))
            tile.setSizePolicy(tile.sizePolicy().horizontalPolicy(), tile.sizePolicy().Policy.Expanding)
            grid.addWidget(tile, i // columns, i % columns)
            self.tiles[station] = tile
        layout.addLayout(grid, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("耳目 Ermu — eyes and ears"))
        self.hint.setText(_("Who watched whom in China, from the Sui household groups to social credit. "
                            "Touch a station to begin."))
        for station, tile in self.tiles.items():
            spec = SPECS[station]
            tile.set_words(_(spec.title), _(spec.tile))
            tile.setAccessibleName(_(spec.title))
            tile.setAccessibleDescription(_(spec.tile))

    def show_language(self, code: str) -> None:
        for c, button in self.language_buttons.items():
            button.setChecked(c == code)


__all__ = ["StartScreen"]

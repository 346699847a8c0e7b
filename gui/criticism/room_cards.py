"""The session room at a large text size (a kiosk's 16 pt): members as cards in rows above
and below the table, since a ring of figures with 16 pt names needs a room twice as wide.

Each card, top to bottom: the tags ("you", "speaking", "singled out"), the figure, the name,
the characters, and the three bars in one row, each with its letter (S, ?, F). Every text is at
least the text floor. :class:`CardLayout` is the geometry; the room paints with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ermu.models.i18n import _

from ..style import at_least

ICON_H = 40.0  # the head and shoulders
GAP = 4.0
MIN_CARD = 150.0  # px: "Wang Zhong" and three bars at 16 pt


def bold(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(True)
    return font


def small(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(False)
    font.setPointSizeF(at_least(max(8.0, font.pointSizeF() * 0.8)))
    return font


@dataclass(frozen=True)
class CardLayout:
    width: float
    height: float
    top: float  # below the chair and its caption
    bottom: float  # above the legend
    card_w: float
    card_h: float
    line: float
    columns: int
    rows_above: int
    rows: int

    @classmethod
    def make(cls, font: QFont, width: float, height: float, top: float, bottom: float, names: list[str]) -> "CardLayout":
        """Two rows (half the members above the table, half below) while a card keeps
        ``MIN_CARD`` px; more rows when the room is narrower than that."""
        metrics = QFontMetricsF(font)
        line = metrics.height() + 2
        n = max(1, len(names) // 2)  # names: every member's name and characters
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0.0) + 2 * GAP
        columns = max(1, min(math.ceil(n / 2), int((width - 16) // max(MIN_CARD, min(widest, MIN_CARD * 1.5)))))
        card_w = (width - 16) / columns
        card_h = 4 * line + ICON_H + GAP
        rows = math.ceil(n / columns)
        return cls(width, height, top, bottom, card_w, card_h, line, columns, math.ceil(rows / 2), rows)

    def needed_height(self, legend: float) -> float:
        return self.top + self.rows * self.card_h + 100 + legend

    def _row_count(self, row: int, n: int) -> int:
        return min(self.columns, n - row * self.columns)

    def card_centre(self, index: int, n: int) -> QPointF:
        """Top rows left to right from the chair, bottom rows right to left: around the table."""
        row, column = divmod(index, self.columns)
        in_row = self._row_count(row, n)
        if row >= self.rows_above:
            column = in_row - 1 - column
            y = self.bottom - (self.rows - row) * self.card_h + self.card_h / 2
        else:
            y = self.top + row * self.card_h + self.card_h / 2
        x = 8 + (self.width - 16) * (column + 0.5) / in_row
        return QPointF(x, y)

    def table(self) -> QRectF:
        upper = self.top + self.rows_above * self.card_h
        lower = self.bottom - (self.rows - self.rows_above) * self.card_h
        return QRectF(16, upper + 6, self.width - 32, max(40.0, lower - upper - 12))


def draw_card(painter: QPainter, layout: CardLayout, font: QFont, centre: QPointF, *, name: str, hanzi: str,
              tags: list[str], singled: bool, speaking: bool, learner: bool, bars, colours: dict) -> None:
    """One member as a card (``bars``: (letter, value 0-100, colour) three times)."""
    left = centre.x() - layout.card_w / 2
    y = centre.y() - layout.card_h / 2
    line = layout.line
    painter.setFont(bold(font))
    if tags:
        painter.setPen(colours["singled"] if singled else QColor("#1d4e89"))
        painter.drawText(QRectF(left, y, layout.card_w, line), Qt.AlignmentFlag.AlignCenter, _(", ").join(tags))
    y += line
    head_r, body_w, body_h = 10.0, 34.0, 17.0
    head_y = y + head_r + 3
    if speaking:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours["halo"])
        painter.drawEllipse(QPointF(centre.x(), head_y + head_r), head_r * 2.1, head_r * 2.1)
    painter.setPen(QPen(colours["singled"] if singled else QColor("#2b2b2b"), 4 if singled else 1.5))
    painter.setBrush(colours["learner"] if learner else colours["figure"])
    shoulders = QPainterPath()
    body_top = head_y + head_r - 1
    shoulders.addRoundedRect(QRectF(centre.x() - body_w / 2, body_top, body_w, body_h), body_h / 2, body_h / 2)
    painter.drawPath(shoulders)
    painter.drawEllipse(QPointF(centre.x(), head_y), head_r, head_r)
    y += ICON_H
    painter.setPen(QColor("#111111"))
    painter.setFont(font)
    painter.drawText(QRectF(left, y, layout.card_w, line), Qt.AlignmentFlag.AlignCenter, name)
    y += line
    painter.drawText(QRectF(left, y, layout.card_w, line), Qt.AlignmentFlag.AlignCenter, hanzi)
    y += line
    little = small(font)
    painter.setFont(little)
    letter_w = QFontMetricsF(little).horizontalAdvance("?") + 4
    bar_w = max(12.0, (layout.card_w - 4 * GAP - 3 * letter_w) / 3)
    x = left + GAP
    bar_h = 8.0
    for letter, value, colour in bars:
        painter.setPen(QColor("#111111"))
        painter.drawText(QRectF(x, y, letter_w, line), Qt.AlignmentFlag.AlignCenter, letter)
        x += letter_w
        track = QRectF(x, y + (line - bar_h) / 2, bar_w, bar_h)
        painter.setPen(QPen(QColor("#6f6656"), 1))  # the track's outline: 3:1 on the room
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(track)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(track.x(), track.y(), bar_w * value / 100.0, bar_h))
        x += bar_w + GAP


__all__ = ["CardLayout", "draw_card"]

"""The diagram's shapes: a house for a household, diamonds for unit heads, arrow heads."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF


def _house(size: float = 13.0) -> QPainterPath:
    s = size / 2
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(-s, -s * 0.1), QPointF(0, -s), QPointF(s, -s * 0.1), QPointF(s, s),
                               QPointF(-s, s), QPointF(-s, -s * 0.1)]))
    return path


def _diamond(size: float) -> QPainterPath:
    s = size / 2
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(0, -s), QPointF(s, 0), QPointF(0, s), QPointF(-s, 0), QPointF(0, -s)]))
    return path


HOUSE = _house()
HEADS = [_diamond(13.0), _diamond(16.0), _diamond(19.0), _diamond(21.0)]


def arrow_head(start: QPointF, end: QPointF) -> QPolygonF:
    """A small triangle just short of ``end``, pointing from ``start`` to ``end``."""
    direction = end - start
    length = max(1e-6, (direction.x() ** 2 + direction.y() ** 2) ** 0.5)
    ux, uy = direction.x() / length, direction.y() / length
    tip = QPointF(end.x() - ux * 8, end.y() - uy * 8)
    return QPolygonF([tip, QPointF(tip.x() - ux * 9 - uy * 5, tip.y() - uy * 9 + ux * 5),
                      QPointF(tip.x() - ux * 9 + uy * 5, tip.y() - uy * 9 - ux * 5)])


def _star(outer: float = 9.0, inner: float = 3.8) -> QPainterPath:
    """A five-pointed star, drawn (not a font glyph) so it shows whatever fonts exist."""
    import math

    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(radius * math.cos(angle), radius * math.sin(angle)))
    points.append(points[0])
    path = QPainterPath()
    path.addPolygon(QPolygonF(points))
    return path


STAR = _star()

"""Things that move on the diagram: a report's token, a punishment's ring, a commendation's ring.

Each step's motion lasts a given time (the player gives about three quarters of the step)
and is cleared when the next step starts. With reduced motion nothing moves: the marks the
diagram draws for the step show the same thing at once.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem

from .marks import ROLES


class Motion:
    def __init__(self, view) -> None:
        self.view = view
        self.items: list[QGraphicsItem] = []
        self.animations: list[QVariantAnimation] = []

    def play(self, kind: str, actor: object, target: object, duration_ms: int) -> None:
        self.stop()
        view = self.view
        if view.motion_reduced() or duration_ms <= 0:
            return
        if kind == "report":
            start, end = view.point_of(actor), view.point_of(target)
            if start is None or end is None:
                return
            token = view.scene().addEllipse(QRectF(-7, -7, 14, 14), QPen(QColor("white"), 2),
                                            QBrush(QColor(ROLES["reporter"].colour).darker(130)))
            token.setZValue(25)
            token.setPos(start)
            self._animate(token, duration_ms, lambda t: token.setPos(start + (end - start) * t))
        elif kind in ("punish", "reward") and isinstance(target, int):
            centre = view.position_of(target)
            if centre is None:
                return
            colour = QColor(ROLES["punished" if kind == "punish" else "rewarded"].colour)
            ring = view.scene().addEllipse(QRectF(-1, -1, 2, 2), QPen(colour, 3), QBrush(Qt.BrushStyle.NoBrush))
            ring.setZValue(24)
            ring.setPos(centre)

            def grow(t: float) -> None:
                radius = 6 + 26 * t
                ring.setRect(QRectF(-radius, -radius, 2 * radius, 2 * radius))
                ring.setOpacity(1.0 - t)
            self._animate(ring, duration_ms, grow)

    def _animate(self, item: QGraphicsItem, duration_ms: int, apply) -> None:
        animation = QVariantAnimation(self.view)
        animation.setStartValue(0.0)
        animation.setEndValue(1.0)
        animation.setDuration(max(80, int(duration_ms)))
        animation.valueChanged.connect(lambda value: apply(float(value)))
        animation.finished.connect(self.stop)
        self.items.append(item)
        self.animations.append(animation)
        animation.start()

    @property
    def moving(self) -> bool:
        return any(a.state() == QVariantAnimation.State.Running for a in self.animations)

    def stop(self) -> None:
        for animation in self.animations:
            animation.stop()
            animation.deleteLater()
        self.animations = []
        scene = self.view.scene()
        for item in self.items:
            if item.scene() is scene:
                scene.removeItem(item)
        self.items = []

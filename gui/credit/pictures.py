"""How the credit face's two pictures (the joint-punishment network, the social graph) fit
their view: on the desktop shrunk to show the whole picture, never enlarged; on the kiosk at
full size, so their labels stay at the kiosk's 16 pt, and panned with a finger instead."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF
from PySide6.QtWidgets import QGraphicsView

from ..style import text_floor


def fit_scale(scene_rect: QRectF, view_rect: QRect) -> float:
    """The view's scale: 1 on the kiosk (text floor set), else the whole picture, at most 1."""
    if text_floor():
        return 1.0
    return min(1.0, view_rect.width() / max(scene_rect.width(), 1), view_rect.height() / max(scene_rect.height(), 1))


def readable_at_full_size(view: QGraphicsView) -> None:
    """On the kiosk the picture pans by dragging or with a finger (it is larger than the view)."""
    if not text_floor():
        return
    from PySide6.QtWidgets import QScroller

    view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
    QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.TouchGesture)


__all__ = ["fit_scale", "readable_at_full_size"]

"""The empire in a QGraphicsView: pan, zoom (animated, evenly in scale), tap or double-click in.

The view holds one :class:`~.map_item.EmpireItem`, which paints what the models say is in
view at the zoom the scale calls for. The view frames items by zoom name, says what is in
view after each change of zoom, and finds the block under a pointer.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from ermu.models.empire import Empire
from ermu.models.empire.view import Viewport, items_for, zoom_for, zooms

from ..style import PAPER
from .map_item import EmpireItem

from ermu.models.i18n import N_, _

#: The zooms that are not a regime's level (those are named by their characters in Chinese).
ZOOMS = {"empire": N_("empire"), "county": N_("county"), "household": N_("household")}


def zoom_name(zoom: str) -> str:
    """A zoom as shown: 'empire', 'county', a level ('li', 'jia') or 'household', in the current language."""
    from ermu.models.language import is_chinese

    if zoom in ZOOMS:
        return _(ZOOMS[zoom])
    if is_chinese():
        return _(LEVEL_HANZI.get(zoom, zoom))
    return zoom


#: The characters of the levels a zoom can name (the catalogs give them in each script).
LEVEL_HANZI = {"li": "里", "jia": "甲", "pai": "牌", "pao": "保", "bao": "保", "lu": "閭", "tsu": "族",
               "yue": "約"}


class EmpireCanvas(QGraphicsView):
    """Pan with the mouse or the arrow keys, zoom with the wheel or + and -."""

    zoom_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QColor(PAPER))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Map of the empire")
        self.item: EmpireItem | None = None
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(280)
        self._animation.valueChanged.connect(self._animate)
        self._from = self._to = QRectF()
        self._zoom = ""
        self.tap_zooms = False  # a kiosk zooms in on a single tap (no double-tap on touch screens)

    def set_empire(self, empire: Empire) -> None:
        self.scene().clear()
        self.item = EmpireItem(empire)
        self.scene().addItem(self.item)
        rect = self.item.boundingRect()
        margin = rect.width() * 2
        self.scene().setSceneRect(rect.adjusted(-margin, -margin, margin, margin))
        self.show_whole()

    @property
    def empire(self) -> Empire | None:
        return self.item.empire if self.item else None

    def pixels_per_unit(self) -> float:
        return self.transform().m11()

    def current_zoom(self) -> str:
        return zoom_for(self.empire, self.pixels_per_unit()) if self.empire else "empire"

    def visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def show_whole(self, animate: bool = False) -> None:
        if self.item is not None:
            self.go_to(self.item.boundingRect(), animate)

    def zoom_to(self, zoom: str, household: int | None = None, county: int | None = None,
                animate: bool = True) -> None:
        """Frame the item at this zoom that holds a household (or the county's middle one)."""
        empire = self.empire
        if empire is None:
            return
        if county is None:
            county = empire.county_of(household) if household is not None else (self.item.focus_county or 0)
        view = Viewport.focused(empire, zoom, county=county, household=household)
        self.go_to(QRectF(view.x0, view.y0, view.x1 - view.x0, view.y1 - view.y0), animate)

    def go_to(self, rect: QRectF, animate: bool) -> None:
        self._animation.stop()
        if not animate or not self.isVisible():
            self._fit(rect)
            return
        self._from, self._to = self.visible_rect(), rect
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.start()

    def _animate(self, t: float) -> None:
        a, b = self._from, self._to
        t = float(t)
        wa, wb = max(a.width(), 1e-9), max(b.width(), 1e-9)
        w = math.exp(math.log(wa) + (math.log(wb) - math.log(wa)) * t)  # zoom evenly in scale
        k = (w - wa) / (wb - wa) if abs(wb - wa) > 1e-12 else t
        c = a.center() + (b.center() - a.center()) * k
        h = a.height() + (b.height() - a.height()) * k
        self._fit(QRectF(c.x() - w / 2, c.y() - h / 2, w, h))

    def _fit(self, rect: QRectF) -> None:
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._announce()

    def _announce(self) -> None:
        zoom = self.current_zoom()
        if zoom != self._zoom:
            self._zoom = zoom
            self.zoom_changed.emit(zoom)

    def describe_view(self) -> str:
        """One sentence for the status line and screen readers: the zoom and what is in view."""
        if self.empire is None:
            return _("The empire is being built.")
        zoom = self.current_zoom()
        r = self.visible_rect()
        layers = items_for(self.empire, Viewport(r.left(), r.top(), r.right(), r.bottom(), zoom))
        deepest = layers[-1]
        if deepest.kind == "household":
            seen = _("{count} households").format(count=f"{len(deepest):,}")
        elif deepest.kind == "county":
            seen = _("{count} counties holding {households} households").format(
                count=f"{len(deepest):,}", households=f"{int(deepest.counts.sum()):,}")
        else:
            seen = _("{count} {unit} units holding {households} households").format(
                count=f"{len(deepest):,}", unit=zoom_name(deepest.name), households=f"{int(deepest.counts.sum()):,}")
        return _("Zoom: {zoom}. In view: {seen}. Double-click or tap one to zoom in.").format(
            zoom=zoom_name(zoom), seen=seen)

    def item_at(self, scene_point) -> tuple[int, int] | None:
        """(depth, a household inside) of the deepest item drawn under a point, if any."""
        if self.item is None or not self.item.last_layers:
            return None
        layer = self.item.last_layers[-1]
        x, y = scene_point.x(), scene_point.y()
        hit = np.flatnonzero((layer.x <= x) & (x <= layer.x + layer.side) & (layer.y <= y) & (y <= layer.y + layer.side))
        if hit.size == 0:
            return None
        ident = int(layer.ids[hit[0]])
        h = self.empire.hierarchy
        if layer.kind == "county":
            household = int(self.empire.county_start[ident])
        elif layer.kind == "unit":
            level = len(h.levels) - layer.depth
            household = int(h.levels[level].order[h.levels[level].offsets[ident]])
        else:
            household = ident
        return layer.depth, household

    def zoom_into(self, scene_point, animate: bool = True) -> bool:
        """Zoom one level deeper onto the item under a point (a double-click or a tap)."""
        found = self.item_at(scene_point)
        if found is None:
            return False
        depth, household = found
        names = self.zoom_names()
        self.zoom_to(names[min(depth + 1, len(names) - 1)], household=household, animate=animate)
        return True

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt)
        self._pressed_at = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().mouseReleaseEvent(event)
        start = getattr(self, "_pressed_at", None)
        if self.tap_zooms and start is not None and (event.position() - start).manhattanLength() < 8:
            self.zoom_into(self.mapToScene(event.position().toPoint()))  # a tap on a kiosk: zoom in

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt)
        if not self.zoom_into(self.mapToScene(event.position().toPoint())):
            super().mouseDoubleClickEvent(event)

    def step(self, factor: float) -> None:
        if self.pixels_per_unit() * factor > 2e6 or self.pixels_per_unit() * factor < 1:
            return
        self.scale(factor, factor)
        self._announce()

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.step(1.25 if event.angleDelta().y() > 0 else 0.8)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.step(1.25)
        elif event.key() == Qt.Key.Key_Minus:
            self.step(0.8)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        visible = self.visible_rect() if self.item else None
        super().resizeEvent(event)
        if visible is not None and event.oldSize().width() > 0:
            self._fit(visible)

    def zoom_names(self) -> tuple[str, ...]:
        return zooms(self.empire) if self.empire else ("empire",)

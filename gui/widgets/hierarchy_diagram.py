"""HierarchyDiagram: the village as houses grouped in their units, the government above.

Households are small houses, unit heads diamonds (shape as well as colour); incomplete
units have dashed frames; households outside the regime's scope sit apart, greyed, with
the reason. Large villages are summarised as blocks (see :mod:`diagram_layout`). Zoom
with Ctrl+wheel or + / - (0 fits), pan by dragging; click a house to choose it.
The view holds no state of its own beyond what it draws: it is told the hierarchy, the
chosen household and the incident's marks.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem,
                               QGraphicsView)

from ermu.models.hierarchy import Hierarchy

from ..style import CINNABAR, INK, MIST, PAPER, SLATE
from .diagram_layout import CELL, Layout, block_of, layout
from .glyphs import HEADS, HOUSE, arrow_head
from .marks import ROLES

HOUSEHOLD_KEY = 0  # item data: the household id
BLOCK_KEY = 1  # item data: the block index
GOVERNMENT_KEY = 2


class HierarchyDiagram(QGraphicsView):
    household_clicked = Signal(int)

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QBrush(QColor(PAPER)))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Hierarchy diagram")
        self.setToolTip("Click a house to choose it · Ctrl+wheel or + / − to zoom · 0 to fit · drag to pan")
        self.hierarchy: Hierarchy | None = None
        self.lay: Layout | None = None
        self._house_items: dict[int, QGraphicsPathItem] = {}
        self._block_items: list[QGraphicsPathItem] = []
        self._overlay: list[QGraphicsItem] = []
        self._selection: QGraphicsItem | None = None
        self._government = QPointF(0, 0)
        self._head_level: dict[int, int] = {}
        self._auto_fit = True

    # -- building ------------------------------------------------------------------------
    def set_hierarchy(self, hierarchy: Hierarchy) -> None:
        self.hierarchy = hierarchy
        scene = self.scene()
        scene.clear()
        self._house_items, self._block_items, self._overlay, self._selection = {}, [], [], None
        self.lay = lay = layout(hierarchy, 620.0 if self.compact else 1100.0)
        self._head_level = {}
        for k in range(len(hierarchy.levels)):
            for leader in hierarchy.leaders(k):
                if leader >= 0:
                    self._head_level[int(leader)] = k
        label_font = QFont()
        label_font.setPointSizeF(7.5)
        for index, box in enumerate(lay.boxes):
            item = QGraphicsPathItem()
            path = QPainterPath()
            path.addRoundedRect(QRectF(box.x, box.y, box.w, box.h), 5, 5)
            item.setPath(path)
            top = box.level == len(hierarchy.levels) - 1
            pen = QPen(QColor(SLATE if box.partial else INK if top else "#9aa5b1"), 1.4 if top else 1.0)
            if box.partial:
                pen.setStyle(Qt.PenStyle.DashLine)
            item.setPen(pen)
            item.setBrush(QBrush(QColor("white" if lay.mode == "households" and box.level == 0 else
                                        MIST if lay.mode == "blocks" else PAPER)))
            item.setZValue(box.level * -1)
            item.setToolTip(box.label + (" — incomplete: " + hierarchy.remainder_rule if box.partial else ""))
            scene.addItem(item)
            if lay.mode == "blocks":
                item.setData(BLOCK_KEY, index)
                self._block_items.append(item)
            elif not self.compact or box.level > 0:
                text = scene.addSimpleText(box.label, label_font)
                text.setBrush(QBrush(QColor(SLATE if box.level == 0 else INK)))
                text.setPos(box.x + 5, box.y + 1)
        for household, (x, y) in lay.households.items():
            self._add_house(household, x, y)
        for household, (x, y) in lay.excluded.items():
            item = self._add_house(household, x, y)
            item.setBrush(QBrush(QColor("#d5d9de")))
            item.setPen(QPen(QColor("#9aa5b1"), 1))
        if lay.excluded_frame:
            x, y, w, h = lay.excluded_frame
            frame = scene.addRect(QRectF(x, y, w, h), QPen(QColor("#9aa5b1"), 1, Qt.PenStyle.DotLine))
            frame.setZValue(-5)
            note = scene.addSimpleText(f"Outside the scope ({hierarchy.excluded.shape[0]:,}): "
                                       f"{hierarchy.regime.scope.text}", label_font)
            note.setBrush(QBrush(QColor(SLATE)))
            note.setPos(x + 5, y + 1)
        self._add_government(hierarchy, lay)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self.fit()

    def update_households(self, hierarchy: Hierarchy, households) -> None:
        """The same grouping with some households edited: keep the layout, refresh their labels."""
        self.hierarchy = hierarchy
        for household in households:
            item = self._house_items.get(household)
            if item is not None:
                item.setToolTip(self._tooltip(household))

    def _add_house(self, household: int, x: float, y: float) -> QGraphicsPathItem:
        level = self._head_level.get(household)
        item = QGraphicsPathItem(HOUSE if level is None else HEADS[min(level, 3)])
        item.setPos(x, y)
        self._style_house(item, household, None)
        item.setData(HOUSEHOLD_KEY, household)
        item.setZValue(2 + (level or 0))
        item.setToolTip(self._tooltip(household))
        self.scene().addItem(item)
        self._house_items[household] = item
        return item

    def _style_house(self, item: QGraphicsPathItem, household: int, role: str | None) -> None:
        leader = household in self._head_level
        if role is not None:
            colour = QColor(ROLES[role].colour)
            item.setBrush(QBrush(colour))
            item.setPen(QPen(colour.darker(140), 1.5))
        else:
            item.setBrush(QBrush(QColor(CINNABAR if leader else "white")))
            item.setPen(QPen(QColor("#7a1f16" if leader else INK), 1.1))

    def _tooltip(self, household: int) -> str:
        h = self.hierarchy
        text = f"Household {household}"
        level = self._head_level.get(household)
        if level is not None and (spec := h.leader_spec(level)) is not None:
            text += f" — ◆ {spec.title.display()}"
        return text

    def _add_government(self, hierarchy: Hierarchy, lay: Layout) -> None:
        font = QFont()
        font.setPointSizeF(9)
        font.setBold(True)
        name = hierarchy.regime.government
        text = QGraphicsSimpleTextItem(f"{name.hanzi} {name.romanized} — {name.english}")
        text.setFont(font)
        text.setBrush(QBrush(QColor("white")))
        rect = text.boundingRect()
        x = max(0.0, lay.width / 2 - rect.width() / 2 - 10)
        y = -rect.height() - 34
        box = self.scene().addRect(QRectF(x, y, rect.width() + 20, rect.height() + 10), QPen(Qt.PenStyle.NoPen),
                                   QBrush(QColor(INK)))
        box.setData(GOVERNMENT_KEY, True)
        text.setPos(x + 10, y + 5)
        self.scene().addItem(text)
        self._government = QPointF(x + rect.width() / 2 + 10, y + rect.height() + 10)

    # -- what the others tell it ---------------------------------------------------------
    def position_of(self, household: int) -> QPointF | None:
        item = self._house_items.get(household)
        if item is not None:
            return item.pos()
        if self.lay is not None and self.lay.mode == "blocks" and self.hierarchy is not None:
            block = block_of(self.hierarchy, self.lay, household)
            if block is not None and block < len(self._block_items):
                return self._block_items[block].path().boundingRect().center()
        return None

    def set_selected(self, household: int | None) -> None:
        if self._selection is not None:
            self.scene().removeItem(self._selection)
            self._selection = None
        if household is None:
            return
        centre = self.position_of(household)
        if centre is None:
            return
        radius = CELL * 0.62 if self.lay.mode == "households" else CELL * 0.9
        ring = self.scene().addEllipse(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                                       QPen(QColor(INK), 2.2, Qt.PenStyle.SolidLine))
        ring.setZValue(20)
        self._selection = ring
        if not self.viewport().rect().contains(self.mapFromScene(centre)):
            self.centerOn(centre)

    def set_marks(self, roles: dict[int, str], arrows: list[tuple[object, object]] = (),
                  current: set[int] = frozenset()) -> None:
        """Colour and label households by their role; draw the reports' path upward."""
        scene = self.scene()
        for item in self._overlay:
            scene.removeItem(item)
        self._overlay = []
        for household, item in self._house_items.items():
            self._style_house(item, household, roles.get(household))
        font = QFont()
        font.setPointSizeF(9)
        font.setBold(True)
        for household, role in roles.items():
            centre = self.position_of(household)
            if centre is None:
                continue
            style = ROLES[role]
            badge = scene.addSimpleText(style.symbol, font)
            badge.setBrush(QBrush(QColor(style.colour)))
            badge.setPos(centre.x() + 5, centre.y() - 17)
            badge.setZValue(15)
            self._overlay.append(badge)
            if household in current:
                halo = scene.addEllipse(QRectF(centre.x() - 11, centre.y() - 11, 22, 22),
                                        QPen(QColor(style.colour), 2.5, Qt.PenStyle.DotLine))
                halo.setZValue(14)
                self._overlay.append(halo)
        pen = QPen(QColor(ROLES["reporter"].colour), 2.2)
        for source, target in arrows:
            start = self._point(source)
            end = self._point(target)
            if start is None or end is None or start == end:
                continue
            self._overlay.extend(self._arrow(start, end, pen))

    def _point(self, actor: object) -> QPointF | None:
        if actor == "government":
            return self._government
        return self.position_of(actor) if isinstance(actor, int) else None

    def _arrow(self, start: QPointF, end: QPointF, pen: QPen) -> list[QGraphicsItem]:
        line = self.scene().addLine(start.x(), start.y(), end.x(), end.y(), pen)
        head = self.scene().addPolygon(arrow_head(start, end), pen, QBrush(pen.color()))
        line.setZValue(12)
        head.setZValue(12)
        return [line, head]

    # -- zoom, pan, click ----------------------------------------------------------------
    def fit(self) -> None:
        self._auto_fit = True
        self.resetTransform()
        rect = self.scene().sceneRect()
        if rect.width() > 0 and rect.height() > 0:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            if self.transform().m11() > 1.6:
                self.resetTransform()
                self.scale(1.6, 1.6)

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        if 0.05 <= current * factor <= 12:
            self._auto_fit = False
            self.scale(factor, factor)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()

    def wheelEvent(self, event) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
        else:
            super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            household = self.household_at(event.position().toPoint())
            if household is not None:
                self.household_clicked.emit(household)
        super().mousePressEvent(event)

    def household_at(self, point) -> int | None:
        for item in self.items(point):
            value = item.data(HOUSEHOLD_KEY)
            if value is not None:
                return int(value)
            block = item.data(BLOCK_KEY)
            if block is not None and self.hierarchy is not None:
                box = self.lay.boxes[int(block)]
                leader = self.hierarchy.leader(box.level, box.unit)
                return leader if leader is not None else int(self.hierarchy.members(box.level, box.unit)[0])
        return None

    def item_count(self) -> int:
        return len(self.scene().items())

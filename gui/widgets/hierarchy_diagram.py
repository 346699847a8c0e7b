"""HierarchyDiagram: the village as houses grouped in their units, the government above.

Households are small houses, unit heads diamonds (shape as well as colour); incomplete
units have dashed frames; households outside the regime's scope sit apart, greyed, with
the reason. Large villages are summarised as blocks (see :mod:`diagram_layout`), and the
offender's unit opens down to its houses beside them. The layout takes the viewport's shape.

A camera (:mod:`diagram_camera`) follows an incident: :meth:`focus` frames the households
and units a step involves at a readable size (unit labels at least 12 px on screen), the rest
dimmed as context, with an overview inset in the corner. Zoom with the +/−/fit buttons, the
wheel, a pinch, or + / − / 0 on the keyboard; Up and Down move a cursor between households
(Page Up/Down or Shift between units), Enter chooses one; Left and Right are left to the
player, which steps through the incident with them. The view holds no state of its own beyond what it
draws: it is told the hierarchy, the chosen household and the incident's marks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem,
                               QGraphicsView)

from ermu.models.hierarchy import Hierarchy
from ermu.models.i18n import _
from ermu.models.language import is_chinese

from ..style import CINNABAR, INK, MIST, PAPER, SLATE
from .diagram_camera import Camera, OverviewInset, ZoomButtons, desktop_prefers_reduced_motion
from .diagram_motion import Motion
from .diagram_layout import CELL, Layout, block_of, box_label, layout, short_count
from .glyphs import HEADS, HOUSE, STAR, arrow_head
from .marks import ROLES

HOUSEHOLD_KEY = 0  # item data: the household id
BLOCK_KEY = 1  # item data: the block index
GOVERNMENT_KEY = 2
LABEL_PX = 11  # unit labels, in scene units
READABLE_SCALE = 12 / LABEL_PX  # the least zoom at which a unit label is 12 px on screen
FOCUS_MAX_SCALE = 2.0
UNIT_BORDER = "#6b7785"  # 3.6:1 even on the blocks' mist
FOCUS_BLUE = "#1d5fbf"
PUNISHED_PATTERN = Qt.BrushStyle.DiagCrossPattern  # hatched, not only darker than the offender's red


_PLAIN_HOUSE = (QBrush(QColor("white")), QPen(QColor(INK), 1.1))
_PLAIN_LEADER = (QBrush(QColor(CINNABAR)), QPen(QColor("#7a1f16"), 1.1))


#: px above and below the zoom buttons' row (the row sits above the picture).
ZOOM_ROW_GAP = 4

class HierarchyDiagram(QGraphicsView):
    household_clicked = Signal(int)

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the inset shows where we are
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor(PAPER)))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("hierarchyDiagram")
        self.setStyleSheet(f"#hierarchyDiagram {{ border: 3px solid transparent; }} "
                           f"#hierarchyDiagram:focus {{ border: 3px solid {FOCUS_BLUE}; }}")
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)  # a kiosk's pinch
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.hierarchy: Hierarchy | None = None
        self.lay: Layout | None = None
        self.reduced_motion = lambda: False  # the owner sets the app's setting here
        self.camera = Camera(self)
        self.motion = Motion(self)
        self.inset = OverviewInset(self)
        self.zoom_buttons = ZoomButtons(self)
        # the buttons sit in a row of their own above the picture, never over a house (issue 14)
        self.setViewportMargins(0, self.zoom_buttons.height() + 2 * ZOOM_ROW_GAP, 0, 0)
        self._house_items: dict[int, QGraphicsPathItem] = {}
        self._block_items: list[QGraphicsPathItem] = []
        self._overlay: list[QGraphicsItem] = []
        self._selection: QGraphicsItem | None = None
        self._cursor_item: QGraphicsItem | None = None
        self._scrim: QGraphicsPathItem | None = None
        self._government = QPointF(0, 0)
        self._government_rect = QRectF()
        self._head_level: dict[int, int] = {}
        self._order: list[int] = []
        self._marks: tuple = ({}, [], set())
        self._starred: list[int] = []
        self._styled: dict[int, str] = {}  # the houses drawn in a role's colours now
        self._opened: list[QGraphicsItem] = []
        self._opened_households: set[int] = set()
        self._opened_rect: QRectF | None = None
        self._opened_for: int | None = None
        self.selected: int | None = None
        self.cursor: int | None = None
        self.focused_on: list = []
        self._focus_level = 0
        self.following = False  # the camera follows the incident until the user moves it
        self._auto_fit = True
        self._aspect = 0.0
        self.content_rect = QRectF()
        self._box_items: list[QGraphicsPathItem] = []  # one per box of the layout, in its order
        self._label_items: dict[int, QGraphicsSimpleTextItem] = {}  # box index -> its drawn label
        self._scope_note: QGraphicsSimpleTextItem | None = None
        self._government_items: tuple | None = None  # the government's box and its label
        self.retranslate()

    def retranslate(self) -> None:
        self._relabel()
        self.setAccessibleName(_("Hierarchy diagram"))
        self.setToolTip(_("Click a house to choose it · wheel, pinch or + / − to zoom · 0 to fit · drag to pan · "
                          "Up/Down move between households, Page Up/Down between units, Enter chooses"))
        self.zoom_buttons.retranslate()
        self._describe()

    def motion_reduced(self) -> bool:
        return bool(self.reduced_motion()) or desktop_prefers_reduced_motion()

    # -- building ------------------------------------------------------------------------
    def set_hierarchy(self, hierarchy: Hierarchy) -> None:
        self.hierarchy = hierarchy
        self._opened_for = self.cursor = None  # a new village: its owner opens what it needs
        self._build()
        self.fit()

    def _viewport_aspect(self) -> float:
        rect = self.viewport().rect()
        if rect.width() < 50 or rect.height() < 50:
            return 1.6
        return rect.width() / rect.height()

    def _build(self) -> None:
        hierarchy = self.hierarchy
        scene = self.scene()
        self._stop_motion()
        scene.clear()
        self._house_items, self._block_items, self._overlay, self._styled = {}, [], [], {}
        self._box_items, self._label_items, self._scope_note, self._government_items = [], {}, None, None
        self._opened, self._opened_households, self._opened_rect = [], set(), None
        self._selection = self._cursor_item = self._scrim = None
        self._aspect = self._viewport_aspect()
        self.lay = lay = layout(hierarchy, 620.0 if self.compact else 1100.0, self._aspect)
        self._head_level = {}
        for k in range(len(hierarchy.levels)):
            for leader in hierarchy.leaders(k):
                if leader >= 0:
                    self._head_level[int(leader)] = k
        label_font = QFont()
        label_font.setPixelSize(LABEL_PX)
        count_font = QFont()
        count_font.setPixelSize(9)
        for index, box in enumerate(lay.boxes):
            item = QGraphicsPathItem()
            path = QPainterPath()
            path.addRoundedRect(QRectF(box.x, box.y, box.w, box.h), 5, 5)
            item.setPath(path)
            top = box.level == len(hierarchy.levels) - 1
            pen = QPen(QColor(SLATE if box.partial else INK if top else UNIT_BORDER), 1.4 if top else 1.0)
            if box.partial:
                pen.setStyle(Qt.PenStyle.DashLine)
            item.setPen(pen)
            item.setBrush(QBrush(QColor("white" if lay.mode == "households" and box.level == 0 else
                                        MIST if lay.mode == "blocks" else PAPER)))
            item.setZValue(box.level * -1)
            item.setToolTip(self._box_tooltip(box))
            scene.addItem(item)
            self._box_items.append(item)
            if lay.mode == "blocks":
                item.setData(BLOCK_KEY, index)
                self._block_items.append(item)
                count = QGraphicsSimpleTextItem(short_count(box.count), item)
                count.setFont(count_font)
                count.setBrush(QBrush(QColor(INK)))
                width = count.boundingRect().width()
                count.setPos(box.x + (box.w - width) / 2, box.y + box.h / 2 - 6)
            else:
                text = scene.addSimpleText(box.label, label_font)
                self._label_items[index] = text
                text.setBrush(QBrush(QColor(SLATE if box.level == 0 else INK)))
                text.setPos(box.x + 5, box.y + 2)
        for household, (x, y) in lay.households.items():
            self._add_house(household, x, y)
        self._order = list(lay.households)
        for household, (x, y) in lay.excluded.items():
            item = self._add_house(household, x, y)
            item.setBrush(QBrush(QColor("#d5d9de")))
            item.setPen(QPen(QColor(UNIT_BORDER), 1))
        if lay.excluded_frame:
            x, y, w, h = lay.excluded_frame
            frame = scene.addRect(QRectF(x, y, w, h), QPen(QColor(UNIT_BORDER), 1, Qt.PenStyle.DotLine))
            frame.setZValue(-5)
            note = scene.addSimpleText(self._scope_text(), label_font)
            self._scope_note = note
            note.setBrush(QBrush(QColor(SLATE)))
            note.setPos(x + 5, y + 2)
        self._add_government(hierarchy, lay)
        content = QRectF(0, 0, lay.width, lay.height).united(self._government_rect)  # no scan of every item
        self.content_rect = content.adjusted(-20, -20, 20, 20)
        # room around the village, so the camera can centre a unit at its edge
        scene.setSceneRect(self.content_rect.adjusted(-3000, -3000, 3000, 3000))
        self._apply_marks()
        if self.selected is not None:
            self.set_selected(self.selected)
        if self._opened_for is not None:
            self.open_path(self._opened_for)  # rebuilt in the new shape: the opened unit stays open
        if self.cursor is not None:
            self.set_cursor(self.cursor)
        self.inset.rebuild()
        self._describe()

    def _box_tooltip(self, box) -> str:
        if self.lay is not None and self.lay.mode == "blocks":
            return _("{unit}: {n} households").format(unit=box.label, n=f"{box.count:,}")
        return box.label + (_(" — incomplete: ") + _(self.hierarchy.remainder_rule) if box.partial else "")

    def _scope_text(self) -> str:
        from ermu.models.regimes.texts import said

        h = self.hierarchy
        return _("Outside the scope ({count}): {rule}").format(count=f"{h.excluded.shape[0]:,}",
                                                               rule=said(h.regime.scope.text))

    def _relabel(self) -> None:
        """Draw the units' labels and tooltips again in the current language (the layout stays)."""
        if self.hierarchy is None or self.lay is None or len(self._box_items) != len(self.lay.boxes):
            return
        for index, (box, item) in enumerate(zip(self.lay.boxes, self._box_items)):
            box.label = box_label(self.hierarchy, box.level, box.unit, box.last)
            item.setToolTip(self._box_tooltip(box))
            text = self._label_items.get(index)
            if text is not None:
                text.setText(box.label)
        if self._scope_note is not None:
            self._scope_note.setText(self._scope_text())
        if self._government_items is not None:
            self._government_items[1].setText(self._government_label(self.hierarchy))
            self._place_government(self.lay)

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
        self._styled.pop(household, None)  # a new house starts plain
        return item

    def _style_house(self, item: QGraphicsPathItem, household: int, role: str | None) -> None:
        leader = household in self._head_level
        if role == "punished":
            colour = QColor(ROLES[role].colour)
            item.setBrush(QBrush(colour, PUNISHED_PATTERN))
            item.setPen(QPen(colour, 2.2))
        elif role is not None:
            colour = QColor(ROLES[role].colour)
            item.setBrush(QBrush(colour))
            item.setPen(QPen(colour.darker(140), 1.5))
        else:
            brush, pen = _PLAIN_LEADER if leader else _PLAIN_HOUSE
            item.setBrush(brush)
            item.setPen(pen)

    def _tooltip(self, household: int) -> str:
        h = self.hierarchy
        text = _("Household {n}").format(n=household)
        level = self._head_level.get(household)
        if level is not None and (spec := h.leader_spec(level)) is not None:
            text += f" — ◆ {spec.title.display()}"
        return text

    def _add_government(self, hierarchy: Hierarchy, lay: Layout) -> None:
        font = QFont()
        font.setPixelSize(13)
        font.setBold(True)
        text = QGraphicsSimpleTextItem(self._government_label(hierarchy))
        text.setFont(font)
        text.setBrush(QBrush(QColor("white")))
        box = self.scene().addRect(QRectF(), QPen(Qt.PenStyle.NoPen), QBrush(QColor(INK)))
        box.setData(GOVERNMENT_KEY, True)
        self.scene().addItem(text)
        self._government_items = (box, text)
        self._place_government(lay)

    @staticmethod
    def _government_label(hierarchy: Hierarchy) -> str:
        name = hierarchy.regime.government
        return (f"{_(name.hanzi)} {name.pinyin}" if is_chinese() else
                f"{name.hanzi} {name.romanized} — {name.english}")

    def _place_government(self, lay: Layout) -> None:
        """The government's box above the village, centred; its anchor (bottom centre) stays put
        when the label changes length with the language."""
        box, text = self._government_items
        rect = text.boundingRect()
        x = max(0.0, lay.width / 2 - rect.width() / 2 - 10)
        y = -rect.height() - 34
        box.setRect(QRectF(x, y, rect.width() + 20, rect.height() + 10))
        text.setPos(x + 10, y + 5)
        self._government = QPointF(x + rect.width() / 2 + 10, y + rect.height() + 10)
        self._government_rect = QRectF(x, y, rect.width() + 20, rect.height() + 10)

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

    def unit_rect(self, household: int, level: int = 0) -> QRectF | None:
        """The frame of the household's unit on ``level`` (its smallest unit by default; its
        block, or its opened unit, in a large village)."""
        if self.lay is None or self.hierarchy is None:
            return None
        if household in self._opened_households and self._opened_rect is not None:
            return QRectF(self._opened_rect)
        if self.lay.mode == "blocks":
            block = block_of(self.hierarchy, self.lay, household)
            return None if block is None else self._block_items[block].path().boundingRect()
        level = max(0, min(level, len(self.hierarchy.levels) - 1))
        inside = 0 <= household < len(self.hierarchy.population) and self.hierarchy.levels
        unit = self.hierarchy.unit_of(household, level) if inside else None
        box = None if unit is None else self.lay.box_of(level, unit)
        if box is None:
            centre = self.position_of(household)
            return None if centre is None else QRectF(centre.x() - CELL, centre.y() - CELL, 2 * CELL, 2 * CELL)
        return QRectF(box.x, box.y, box.w, box.h)

    def open_path(self, household: int | None) -> None:
        """A large village: open the household's smallest unit down to its houses, beside the
        blocks, with the heads its reports pass on the way up; marks and tokens then show there."""
        scene = self.scene()
        for item in self._opened:
            if item.scene() is scene:
                scene.removeItem(item)
        for opened in self._opened_households:
            self._house_items.pop(opened, None)
        self._opened, self._opened_households, self._opened_rect = [], set(), None
        self._opened_for = household
        h, lay = self.hierarchy, self.lay
        if lay is None or lay.mode != "blocks" or household is None or not (0 <= household < len(h.population)):
            return
        unit = h.unit_of(household, 0)
        if unit is None:
            return
        members = [int(m) for m in h.members(0, unit)[:120]]
        heads = [(level, u, int(leader)) for level, u, leader in h.reporting_chain(household) if leader not in members]
        cols = max(1, min(12, len(members)))
        x0, y0 = 0.0, lay.height + 60
        rows = -(-len(members) // cols)
        width = cols * CELL + 12
        height = 32 + rows * CELL + (len(heads) and 18 + CELL) + 12
        frame = scene.addRect(QRectF(x0, y0, width, height), QPen(QColor(FOCUS_BLUE), 1.6), QBrush(QColor("white")))
        frame.setZValue(1)
        font = QFont()
        font.setPixelSize(LABEL_PX)
        name = h.levels[0].name(unit)
        title = scene.addSimpleText(_("{unit} {number}, opened: {n} households").format(
            unit=f"{name.hanzi} {name.romanized}", number=unit + 1, n=len(members)), font)
        title.setBrush(QBrush(QColor(INK)))
        title.setPos(x0 + 6, y0 + 3)
        title.setZValue(2)
        frame.setRect(QRectF(x0, y0, max(cols * CELL + 12, title.boundingRect().width() + 12), height))
        width = frame.rect().width()
        self._opened += [frame, title]
        block = block_of(h, lay, household)
        if block is not None:
            centre = self._block_items[block].path().boundingRect().center()
            link = scene.addLine(centre.x(), centre.y(), x0 + width / 2, y0, QPen(QColor(FOCUS_BLUE), 1.4,
                                                                                  Qt.PenStyle.DashLine))
            link.setZValue(1)
            self._opened.append(link)
        for row, member in enumerate(members):
            self._opened.append(self._add_house(member, x0 + 6 + (row % cols + 0.5) * CELL,
                                                y0 + 32 + (row // cols + 0.5) * CELL))
            self._opened_households.add(member)
        y_heads = y0 + 32 + rows * CELL + 18
        for i, (level, u, leader) in enumerate(heads):
            item = self._add_house(leader, x0 + 6 + (i * 3 + 0.5) * CELL, y_heads + CELL / 2)
            self._opened.append(item)
            self._opened_households.add(leader)
            label = scene.addSimpleText(f"{h.levels[level].name(u).romanized} {u + 1}", font)
            label.setBrush(QBrush(QColor(SLATE)))
            label.setPos(x0 + 6 + (i * 3 + 1) * CELL, y_heads + 4)
            label.setZValue(2)
            self._opened.append(label)
        self._opened_rect = QRectF(x0, y0, width, height)
        self.content_rect = self.content_rect.united(self._opened_rect.adjusted(-20, -20, 20, 20))
        scene.setSceneRect(self.content_rect.adjusted(-3000, -3000, 3000, 3000))
        self._apply_marks()
        self.inset.rebuild()

    def set_selected(self, household: int | None) -> None:
        if self._selection is not None:
            self.scene().removeItem(self._selection)
            self._selection = None
        self.selected = household
        self._describe()
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
        if not self.following and not self.viewport().rect().contains(self.mapFromScene(centre)):
            self.centerOn(centre)

    def set_marks(self, roles: dict[int, str], arrows: list[tuple[object, object]] = (),
                  current: set[int] = frozenset()) -> None:
        """Colour and label households by their role; draw the reports' path upward."""
        self._marks = (dict(roles), list(arrows), set(current))
        self._apply_marks()
        self.inset.rebuild()

    def _apply_marks(self) -> None:
        roles, arrows, current = self._marks
        scene = self.scene()
        for item in self._overlay:
            if item.scene() is scene:
                scene.removeItem(item)
        self._overlay = []
        self._starred: list[int] = []
        for household in set(self._styled) | set(roles):  # only the houses whose role changed
            item = self._house_items.get(household)
            role = roles.get(household)
            if item is not None and self._styled.get(household) != role:
                self._style_house(item, household, role)
        self._styled = {h: r for h, r in roles.items() if h in self._house_items}
        font = QFont()
        font.setPixelSize(12)
        font.setBold(True)
        for household, role in roles.items():
            centre = self.position_of(household)
            if centre is None:
                continue
            style = ROLES[role]
            if role == "rewarded":  # a drawn star: it shows whatever fonts the machine has
                badge = scene.addPath(STAR, QPen(QColor("white"), 1.2), QBrush(QColor(style.colour)))
                badge.setPos(centre.x() + 10, centre.y() - 11)
                self._starred.append(household)
            else:
                badge = scene.addSimpleText(style.symbol, font)
                badge.setBrush(QBrush(QColor(style.colour)))
                badge.setPos(centre.x() + 5, centre.y() - 19)
            badge.setZValue(15)
            self._overlay.append(badge)
            if household in current:
                halo = scene.addEllipse(QRectF(centre.x() - 11, centre.y() - 11, 22, 22),
                                        QPen(QColor(style.colour), 2.5, Qt.PenStyle.DotLine))
                halo.setZValue(14)
                self._overlay.append(halo)
        pen = QPen(QColor(ROLES["reporter"].colour).darker(115), 2.4)
        for source, target in arrows:
            start = self._point(source)
            end = self._point(target)
            if start is None or end is None or start == end:
                continue
            self._overlay.extend(self._arrow(start, end, pen))

    def stars(self) -> list[int]:
        """Households that show the ★ of a commendation now (for tests and descriptions)."""
        return [h for h in self._starred if any(item.scene() is self.scene() for item in self._overlay)]

    def point_of(self, actor: object) -> QPointF | None:
        """Where an actor of a step is drawn: a household's house or block, or the government."""
        return self._point(actor)

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

    # -- the camera: focus and context ---------------------------------------------------
    def focus(self, actors: list, *, animate: bool = True, level: int = 0) -> None:
        """Frame the units of ``actors`` (households, or "government") readably; dim the rest.

        The last actor is the one that matters most: when everything does not fit at a
        readable size, the camera centres on it. ``level`` frames a larger unit (1: the
        unit above the household's own), when that is still readable."""
        self._focus_level = level
        if level and self.lay is not None and self.lay.mode == "households":
            wider = [self.unit_rect(a, level) for a in actors if isinstance(a, int)]
            if wider and all(r is not None for r in wider) and self.camera.scale_for(wider[-1]) < READABLE_SCALE:
                level = 0  # the larger unit would not be readable: frame the household's own
        else:
            level = 0
        rects = []
        for actor in actors:
            if actor == "government":
                rects.append(QRectF(self._government_rect))
            elif isinstance(actor, int):
                rect = self.unit_rect(actor, level)
                if rect is not None:
                    rects.append(rect)
        if not rects:
            return
        self.focused_on = list(actors)
        self.following = True
        self._auto_fit = False
        frame = rects[0]
        for rect in rects[1:]:
            frame = frame.united(rect)
        frame = frame.adjusted(-14, -14, 14, 14)
        self._set_scrim(frame)
        scale = self.camera.scale_for(frame)
        viewport = self.viewport().rect()
        if scale > FOCUS_MAX_SCALE:
            scale = FOCUS_MAX_SCALE
        elif scale < READABLE_SCALE:
            scale = READABLE_SCALE
            centre = rects[-1].center()
            frame = QRectF(centre.x() - 1, centre.y() - 1, 2, 2)
        w, h = viewport.width() / scale, viewport.height() / scale
        target = QRectF(frame.center().x() - w / 2, frame.center().y() - h / 2, w, h)
        self.camera.move_to(target, animate=animate and not self.motion_reduced())

    def _set_scrim(self, hole: QRectF | None) -> None:
        if self._scrim is not None and self._scrim.scene() is self.scene():
            self.scene().removeItem(self._scrim)
        self._scrim = None
        if hole is None:
            return
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        path.addRect(self.scene().sceneRect())
        path.addRoundedRect(hole, 8, 8)
        scrim = self.scene().addPath(path, QPen(QColor(FOCUS_BLUE), 2), QBrush(QColor(251, 248, 241, 125)))  # context: dimmed, still legible
        scrim.setZValue(10)
        self._scrim = scrim

    def set_scrim_visible(self, visible: bool) -> None:
        if self._scrim is not None:
            self._scrim.setVisible(visible)

    def stop_following(self) -> None:
        self.following = False
        self.camera.stop()

    def camera_moved(self) -> None:
        self.inset.update()

    # -- things that move (diagram_motion.Motion) ---------------------------------------
    def play_step(self, kind: str, actor: object, target: object, duration_ms: int) -> None:
        """Animate one step: a report's token travels, a punishment spreads, a star appears."""
        self.motion.play(kind, actor, target, duration_ms)

    @property
    def moving(self) -> bool:
        return self.motion.moving

    def _stop_motion(self) -> None:
        self.motion.stop()

    # -- zoom, pan, click ----------------------------------------------------------------
    def fit(self, *, user: bool = False) -> None:
        self._auto_fit = True
        self.following = False
        self.camera.stop()
        self._set_scrim(None)
        rect = self.content_rect
        viewport = self.viewport().rect()
        if rect.width() > 0 and rect.height() > 0 and viewport.width() > 0:
            scale = min(viewport.width() / rect.width(), viewport.height() / max(1.0, rect.height()))
            scale = max(0.03, min(1.6, scale))
            self.setTransform(QTransform.fromScale(scale, scale))
            self.centerOn(rect.center())
        self.camera_moved()

    def zoom(self, factor: float, *, user: bool = False) -> None:
        current = self.transform().m11()
        if 0.03 <= current * factor <= 12:
            self._auto_fit = False
            if user:
                self.stop_following()
            self.scale(factor, factor)
            self.camera_moved()

    def scale_now(self) -> float:
        return self.transform().m11()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_overlays()
        if self.hierarchy is not None and abs(self._viewport_aspect() - self._aspect) > 0.35 * self._aspect:
            self._build()  # the village takes the new shape of the window
        if self._auto_fit:
            self.fit()
        elif self.following and self.focused_on:
            self.focus(self.focused_on, animate=False, level=self._focus_level)

    def _place_overlays(self) -> None:
        viewport = self.viewport().geometry()
        self.zoom_buttons.move(viewport.right() - self.zoom_buttons.width() - 2,
                               max(0, viewport.top() - self.zoom_buttons.height() - ZOOM_ROW_GAP))
        self.inset.resize_for(viewport.width(), viewport.height())
        self.inset.move(viewport.right() - self.inset.width() - 6, viewport.bottom() - self.inset.height() - 6)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        self.inset.update()

    def wheelEvent(self, event) -> None:  # noqa: N802
        delta = event.angleDelta().y()
        if delta:
            self.zoom(1.15 if delta > 0 else 1 / 1.15, user=True)
        event.accept()

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.zoom(pinch.scaleFactor(), user=True)
                event.accept()
                return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25, user=True)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8, user=True)
        elif key == Qt.Key.Key_0:
            self.fit(user=True)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.move_cursor(key == Qt.Key.Key_Down, by_unit=shift)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.move_cursor(key == Qt.Key.Key_PageDown, by_unit=True)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.cursor is not None:
            self.household_clicked.emit(self.cursor)
        else:
            event.ignore()  # Space, Left, Right, Home … go on to the player
            return
        event.accept()

    def move_cursor(self, forward: bool, *, by_unit: bool = False) -> None:
        """Down/Up: the next/previous household; Page Down/Up (or Shift): the next/previous unit."""
        order = self._order or sorted(self._house_items)
        if not order:
            return
        start = self.cursor if self.cursor in self._house_items else self.selected
        index = order.index(start) if start in order else -1
        step = 1 if forward else -1
        unit_of = self.hierarchy.levels[0].unit_of if self.hierarchy is not None and self.hierarchy.levels else None
        if not by_unit or unit_of is None or index < 0:
            index = max(0, min(len(order) - 1, index + step))
        else:
            here = int(unit_of[order[index]])
            while 0 <= index + step < len(order) and int(unit_of[order[index]]) == here:
                index += step
            there = int(unit_of[order[index]])
            while index > 0 and int(unit_of[order[index - 1]]) == there:  # the unit's first household
                index -= 1
        self.set_cursor(order[index])

    def set_cursor(self, household: int) -> None:
        self.cursor = household
        if self._cursor_item is not None and self._cursor_item.scene() is self.scene():
            self.scene().removeItem(self._cursor_item)
        centre = self.position_of(household)
        if centre is None:
            return
        ring = self.scene().addRect(QRectF(centre.x() - 12, centre.y() - 12, 24, 24),
                                    QPen(QColor(FOCUS_BLUE), 2.5, Qt.PenStyle.DashLine))
        ring.setZValue(21)
        self._cursor_item = ring
        if not self.viewport().rect().adjusted(20, 20, -20, -20).contains(self.mapFromScene(centre)):
            self.centerOn(centre)
            self.camera_moved()
        self._describe()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            household = self.household_at(event.position().toPoint())
            if household is not None:
                self.household_clicked.emit(household)
            self.stop_following()
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

    # -- what a screen reader hears ------------------------------------------------------
    def description(self) -> str:
        h = self.hierarchy
        if h is None:
            return _("No village yet.")
        units = ", ".join(f"{lv.count:,} {lv.name(0).romanized}" for lv in h.levels)
        parts = [_("{households} households in {units}.").format(households=f"{h.household_count:,}", units=units)]
        household = self.cursor if self.cursor is not None else self.selected
        if household is not None and 0 <= household < len(h.population):
            chain = [_("household {n}").format(n=household)]
            for level, unit in h.path(household):
                leader = h.leader(level, unit)
                name = h.levels[level].name(unit).said().render()
                chain.append(_("{unit} {number} (head: household {head})").format(unit=name, number=unit + 1,
                                                                                  head=leader)
                             if leader is not None else _("{unit} {number}").format(unit=name, number=unit + 1))
            chain.append(h.regime.government.said("english").render())
            lead = _("Chosen") if household == self.selected else _("At")
            parts.append(_("{lead}: {chain}.").format(lead=lead, chain=" → ".join(chain)))
        roles = self._marks[0]
        if roles:
            counts: dict[str, int] = {}
            for role in roles.values():
                counts[role] = counts.get(role, 0) + 1
            parts.append(_("Marked: {marks}.").format(
                marks=_(", ").join(_("{n} {role}").format(n=n, role=_(ROLES[r].label)) for r, n in counts.items())))
        return " ".join(parts)

    def _describe(self) -> None:
        self.setAccessibleDescription(self.description())

"""The empire as one QGraphicsItem, painted at the detail the scale calls for.

Each paint asks the models what is in the exposed rectangle at the zoom the scale calls
for (``items_for``; a few thousand rectangles at most, well under 50 ms) and paints the
layers in one pass: counties as blocks tinted by their territorial structure, then the
regime's units (cantons tinted in turn), then houses with this year's heads marked and,
during an incident, the offender, the witnesses and the chain ringed. Nothing per
household lives on the GUI side.
"""


from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ermu.models.empire import Empire
from ermu.models.empire.view import PAD, Layer, Viewport, grid, items_for, zoom_for
from ermu.models.i18n import N_, _, ngettext
from ermu.models.language import is_chinese
from ermu.models.names import PersonName
from ermu.models.regimes.texts import said

from ..style import CINNABAR, INK, JADE, PAPER, SLATE

#: Fills of the three territorial structures (standard, abbreviated, elaborated).
STRUCTURE_FILLS = ("#e3d3b0", "#c4d8c9", "#d9c9de")
UNIT_FILLS = ("#fffdf7", "#f3eee2", "#ebe4d3")
HEAD_FILLS = (CINNABAR, JADE, "#8a5a00")  # the head of the smallest unit, the next, the next
LABEL_MIN = 64.0  # pixels: below this an item carries no text
ROLE_PENS = {"offend": (5.0, CINNABAR, Qt.PenStyle.SolidLine), "report": (3.5, CINNABAR, Qt.PenStyle.DashLine),
             "punish": (3.5, INK, Qt.PenStyle.SolidLine), "observe": (1.5, SLATE, Qt.PenStyle.DotLine)}
ROLE_NAMES = {"offend": N_("offender"), "report": N_("passes the report"), "punish": N_("punished"),
              "observe": N_("witness"), "silent": N_("keeps silent"), "conceal": N_("conceals"),
              "discover": N_("found out")}
HOUSE, HOUSE_CLOSE = 0.62, 0.38  # the share of a household's square the house takes (the rest: its label)


class EmpireItem(QGraphicsItem):
    """The whole empire, painted at the detail the current scale calls for."""

    def __init__(self, empire: Empire) -> None:
        super().__init__()
        self.empire = empire
        cols, rows = grid(empire.counties)
        self._rect = QRectF(0, 0, cols, rows)
        self.highlight: dict[int, str] = {}  # household -> role (offender, reporter, head)
        self.focus_county: int | None = None
        self.last_zoom = "empire"
        self.last_layers: list[Layer] = []
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt)
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        ppu = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        zoom = zoom_for(self.empire, ppu)
        r = option.exposedRect
        layers = items_for(self.empire, Viewport(r.left(), r.top(), r.right(), r.bottom(), zoom))
        self.last_zoom, self.last_layers = zoom, layers
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, ppu > 200)
        for layer in layers:
            deepest = layer is layers[-1]
            if layer.kind == "county":
                self._paint_counties(painter, layer, ppu, deepest)
            elif layer.kind == "unit":
                self._paint_units(painter, layer, ppu, deepest)
            else:
                self._paint_households(painter, layer, ppu, zoom == "household")

    # -- layers ---------------------------------------------------------------------------
    def _rects(self, layer: Layer) -> list[QRectF]:
        return [QRectF(x, y, s, s) for x, y, s in zip(layer.x.tolist(), layer.y.tolist(), layer.side.tolist())]

    def _pen(self, color: str, pixels: float, ppu: float, style=Qt.PenStyle.SolidLine) -> QPen:
        pen = QPen(QColor(color), pixels / ppu)
        pen.setStyle(style)
        return pen

    def _paint_counties(self, painter: QPainter, layer: Layer, ppu: float, deepest: bool) -> None:
        rects = self._rects(layer)
        structure = layer.marks["structure"]
        painter.setPen(self._pen(INK if deepest else SLATE, 1.0, ppu))
        for s, fill in enumerate(STRUCTURE_FILLS):
            painter.setBrush(QColor(fill) if deepest else QColor(fill).lighter(112))
            painter.drawRects([rect for rect, k in zip(rects, structure.tolist()) if k == s])
        for rect, county, half in zip(rects, layer.ids.tolist(), layer.marks["half_li"].tolist()):
            if half:  # the county holding the half li: hatched, so the half is visible from afar
                painter.setBrush(QBrush(QColor(CINNABAR), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(rect)
            if county == self.focus_county:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(self._pen(CINNABAR, 3.0, ppu))
                painter.drawRect(rect)
                painter.setPen(self._pen(INK if deepest else SLATE, 1.0, ppu))
        if deepest and ppu >= LABEL_MIN:
            for rect, county, count in zip(rects, layer.ids.tolist(), layer.counts.tolist()):
                self._label(painter, rect, ppu, _("County {number}").format(number=county + 1),
                            _("{count} households").format(count=f"{count:,}"))
        elif not deepest:
            for rect, county, count in zip(rects, layer.ids.tolist(), layer.counts.tolist()):
                structure = self.empire.structure(county)
                tiers = " → ".join(t.shown() if is_chinese() else t.romanized for t in structure.tiers)
                self._caption(painter, rect, ppu, _("County {number} · {count} households · {structure}: {tiers} "
                                                    "(◇ illustrative)").format(
                    number=county + 1, count=f"{count:,}", structure=said(structure.title).lower(), tiers=tiers))

    def _paint_units(self, painter: QPainter, layer: Layer, ppu: float, deepest: bool) -> None:
        rects = self._rects(layer)
        fill = QColor(UNIT_FILLS[min(layer.depth - 1, len(UNIT_FILLS) - 1)])
        partial = layer.marks["partial"].tolist()
        half = layer.marks.get("half_li", np.zeros(len(layer), bool)).tolist()
        canton = layer.marks.get("canton")
        odd = (canton % 2 == 1).tolist() if canton is not None and deepest else [False] * len(layer)
        painter.setPen(self._pen(INK, 1.0, ppu))
        painter.setBrush(fill)
        painter.drawRects([r for r, p, o in zip(rects, partial, odd) if not p and not o])
        painter.setBrush(fill.darker(108))  # alternate cantons: the county's territorial overlay
        painter.drawRects([r for r, p, o in zip(rects, partial, odd) if not p and o])
        painter.setBrush(fill)
        painter.setPen(self._pen(INK, 1.0, ppu, Qt.PenStyle.DashLine))
        painter.drawRects([r for r, p in zip(rects, partial) if p])
        painter.setBrush(QBrush(QColor(CINNABAR), Qt.BrushStyle.BDiagPattern))
        painter.drawRects([r for r, h in zip(rects, half) if h])
        if self.highlight and len(layer):  # the units an incident passes through: a red frame
            level = self.empire.hierarchy.levels[len(self.empire.hierarchy.levels) - layer.depth]
            touched = np.unique(level.unit_of[np.fromiter(self.highlight, dtype=np.int64)])
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(self._pen(CINNABAR, 3.0, ppu))
            painter.drawRects([r for r, u in zip(rects, layer.ids.tolist()) if u in set(touched.tolist())])
        local = (layer.index if layer.index is not None else layer.ids).tolist()
        if deepest and ppu * float(layer.side[0] if len(layer) else 0) >= LABEL_MIN:
            for rect, i, count, h in zip(rects, local, layer.counts.tolist(), half):
                title = f"{layer.name} {i + 1}" + (" (half)" if h else "")
                self._label(painter, rect, ppu, title, f"{count:,} households")
        elif not deepest and ppu * float(layer.side[0] if len(layer) else 0) >= 200:
            for rect, i, count, h in zip(rects, local, layer.counts.tolist(), half):
                self._caption(painter, rect, ppu, f"{layer.name} {i + 1} · {count:,} households"
                                                  + (" · counted as half a li (◇ Ermu's reading)" if h else ""))

    def _paint_households(self, painter: QPainter, layer: Layer, ppu: float, close: bool) -> None:
        levels = [k for k in layer.marks if k.startswith("leads-")]
        heads = np.stack([layer.marks[k] for k in levels]) if levels else np.zeros((1, len(layer)), bool)
        rank = np.where(heads.any(axis=0), heads.argmax(axis=0), -1).tolist()  # the smallest unit it heads
        for x, y, s, h, r in zip(layer.x.tolist(), layer.y.tolist(), layer.side.tolist(), layer.ids.tolist(), rank):
            self._house(painter, QRectF(x, y, s, s), ppu, HEAD_FILLS[min(r, len(HEAD_FILLS) - 1)] if r >= 0 else "#ffffff",
                        HOUSE_CLOSE if close else HOUSE)
            role = self.highlight.get(h)
            if role:  # the offender and the chain in red, witnesses in grey
                width, color, style = ROLE_PENS.get(role, ROLE_PENS["observe"])
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(self._pen(color, width, ppu, style))
                painter.drawEllipse(QRectF(x, y, s, s * HOUSE).adjusted(-s * .04, -s * .04, s * .04, s * .04))
                role = _(ROLE_NAMES[role]) if role in ROLE_NAMES else role
            if s * ppu >= LABEL_MIN:
                hh = self.empire.population[h]
                office = self._office(r)
                lines = [ngettext("{n} person", "{n} people", hh.size).format(n=hh.size)
                         + (f" · {office}" if office else "") + (f" · {role}" if role else "")]
                if close:  # one house fills the view: its people, made on demand from the seed
                    lines = [f"{p.name} {p.hanzi}, {'m' if p.sex.value == 'm' else 'f'}, {p.age}" for p in hh.members]
                    lines.append(_("{n} adult men on the register").format(n=hh.adult_males) if hh.registered
                                 else _("not on the register"))
                    if office:
                        lines.insert(0, _("Serves as {office} in {year}").format(
                            office=office, year=self.empire.hierarchy.year))
                share = HOUSE_CLOSE if close else HOUSE
                self._label(painter, QRectF(x, y + s * share, s, s * (1 - share)), ppu, str(PersonName(hh.head.name, hh.head.hanzi)),
                            "\n".join(lines), below=True)
        if "leading" in layer.marks and len(layer) < 400:  # the li's leading households: a jade ring
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(self._pen(JADE, 2.5, ppu))
            for x, y, s, lead in zip(layer.x.tolist(), layer.y.tolist(), layer.side.tolist(),
                                     layer.marks["leading"].tolist()):
                if lead:
                    painter.drawRect(QRectF(x, y, s, s).adjusted(s * .08, s * .08, -s * .08, -s * .08))

    def _office(self, rank: int) -> str:
        """The title of the unit head a household serves as this year ("" for none)."""
        if rank < 0:
            return ""
        spec = self.empire.hierarchy.leader_spec(rank)
        if spec is None:
            return ""
        return _(spec.title.hanzi) if is_chinese() and spec.title.hanzi else (spec.title.romanized or spec.title.english)

    def _house(self, painter: QPainter, rect: QRectF, ppu: float, fill: str, share: float) -> None:
        rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * share)  # the label goes below
        body = rect.adjusted(rect.width() * .2, rect.height() * .45, -rect.width() * .2, 0)
        roof = QPolygonF([QPointF(rect.left() + rect.width() * .08, body.top()),
                          QPointF(rect.center().x(), rect.top() + rect.height() * .12),
                          QPointF(rect.right() - rect.width() * .08, body.top())])
        painter.setPen(self._pen(INK, 1.0, ppu))
        painter.setBrush(QColor(fill))
        painter.drawRect(body)
        painter.setBrush(QColor(SLATE))
        painter.drawPolygon(roof)

    def _label(self, painter: QPainter, rect: QRectF, ppu: float, title: str, sub: str, below: bool = False) -> None:
        """Text in pixels inside an item: a font that fits its box, lines elided, never spilling out."""
        painter.save()
        painter.scale(1 / ppu, 1 / ppu)  # text in pixels, whatever the zoom
        box = QRectF(rect.left() * ppu, rect.top() * ppu, rect.width() * ppu, rect.height() * ppu).adjusted(4, 3, -4, -3)
        lines = [title, *sub.split("\n")]
        size = int(min(14, (box.height() - 2) / (1.3 * len(lines))))
        while size < 10 and len(lines) > 1:  # too small for everything: fewer lines, not unreadable text
            lines.pop()
            size = int(min(14, (box.height() - 2) / (1.3 * len(lines))))
        if size >= 9:
            font = QFont(painter.font())
            font.setPixelSize(size)
            painter.setFont(font)
            metrics = painter.fontMetrics()
            shown = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, int(box.width())) for line in lines]
            height = metrics.lineSpacing() * len(shown)
            width = max(metrics.horizontalAdvance(line) for line in shown)
            if below:  # under a house, on paper, so the text never sits on a coloured wall
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(PAPER))
                painter.drawRect(QRectF(box.left() - 2, box.top() - 1, width + 4, min(height, box.height()) + 2))
            painter.setPen(QColor(INK))
            painter.setClipRect(box)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "\n".join(shown))
        painter.restore()

    def _caption(self, painter: QPainter, rect: QRectF, ppu: float, text: str) -> None:
        """One line in the margin at the top of a parent: which county (or unit) this is."""
        painter.save()
        painter.scale(1 / ppu, 1 / ppu)
        strip = QRectF(rect.left() * ppu + 6, rect.top() * ppu + 2, rect.width() * ppu - 12, rect.height() * ppu * PAD)
        if strip.height() >= 14:
            font = QFont(painter.font())
            font.setPixelSize(int(max(11, min(15, strip.height() - 4))))
            painter.setFont(font)
            painter.setPen(QColor(INK))
            painter.drawText(strip, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(strip.width())))
        painter.restore()

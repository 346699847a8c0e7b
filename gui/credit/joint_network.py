"""The joint-punishment network: one list entry spreading to rail, air, banks, schools, employers.

Drawn with QGraphicsView from :func:`joint_punishment_graph` in five columns (entry,
sharing platform, agencies, effects, people). Links the sources give are solid; links
that are Ermu's choice are dashed and say so in the table beside the picture.
"""

from __future__ import annotations

from ermu.models.i18n import _, pgettext
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QComboBox, QGraphicsScene, QGraphicsView, QHBoxLayout, QLabel, QSplitter,
                               QVBoxLayout, QWidget)

from ermu.models.credit import LISTS, joint_punishment_graph
from ermu.models.language import is_chinese

from ..charts.data_table import DataTable
from ..style import CINNABAR, INK, JADE, MIST, SLATE, at_least, text_floor
from .marks import evidence_mark
from .pictures import fit_scale, readable_at_full_size

COLUMNS = {"listing": 0, "platform": 1, "agency": 2, "effect": 3, "person": 4}
COLUMN_X = (0, 180, 370, 580, 820)
BOX_W, BOX_H, GAP = 170, 32, 5


class JointNetwork(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Joint punishment network"))
        self.list_combo = QComboBox()
        self.list_combo.setAccessibleName(_("Which list entry to follow"))
        for list_id in LISTS:
            self.list_combo.addItem(self._list_item(list_id), list_id)
        self.list_combo.setCurrentIndex(self.list_combo.findData("blacklist"))
        self.list_combo.currentIndexChanged.connect(lambda _: self._draw())
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(_("Network picture: entry, platform, agencies, effects, people"))
        self.view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        readable_at_full_size(self.view)
        self.table = DataTable(_("Joint punishment as a table: agency, effect, falls on, link, evidence"))
        self.legend = QLabel(_("Solid line: link reported by the sources · dashed line: Ermu's illustrative "
                               "choice · + reward · − restriction"))
        self.legend.setObjectName("muted")
        self.legend.setWordWrap(True)
        top = QHBoxLayout()
        label = QLabel(_("Follow one entry on the"))
        label.setBuddy(self.list_combo)
        top.addWidget(label)
        top.addWidget(self.list_combo)
        top.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.table)
        split.setSizes([470, 120])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(split, 1)
        self.person, self.children = "citizen", ()
        self.graph = None

    @staticmethod
    def _list_item(list_id: str) -> str:
        """'黑名单 blacklist' in English, the characters alone in Chinese."""
        c = LISTS[list_id]
        return _(c.name.hanzi) if is_chinese() else f"{c.name.hanzi} {c.name.english}"

    def retranslate_widget(self) -> None:
        """The lists in the combo and the network's labels in the current language; the entry
        followed stays."""
        for i in range(self.list_combo.count()):
            self.list_combo.setItemText(i, self._list_item(self.list_combo.itemData(i)))
        if self.graph is not None:
            self._draw()

    def _fit(self) -> None:
        """Show the whole network, shrinking it if need be but never enlarging it."""
        rect = self.scene.sceneRect()
        view = self.view.viewport().rect()
        scale = fit_scale(rect, view)
        self.view.resetTransform()
        self.view.scale(scale, scale)
        if scale == 1.0 and text_floor():  # the kiosk's full-size picture: start at the entry
            self.view.centerOn(QPointF(rect.left() + view.width() / 2, rect.center().y()))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit()

    def set_citizen(self, name: str, children: tuple[str, ...], list_id: str | None = None) -> None:
        self.person, self.children = name, children
        if list_id is not None and list_id != self.list_combo.currentData():
            self.list_combo.setCurrentIndex(self.list_combo.findData(list_id))  # redraws
        else:
            self._draw()

    def _draw(self) -> None:
        list_id = self.list_combo.currentData()
        self.graph = g = joint_punishment_graph(list_id, person=self.person, children=self.children)
        self.scene.clear()
        columns: dict[int, list[str]] = {i: [] for i in range(5)}
        for node, data in g.nodes(data=True):
            columns[COLUMNS[data["kind"]]].append(node)
        font = QFont(self.font())
        font.setPointSizeF(at_least(9))
        k = at_least(9) / 9  # the kiosk's 16 pt: boxes and columns grow with the text
        box_w, gap, column_x = BOX_W * k, GAP * k, [x * k for x in COLUMN_X]
        box_h = self._box_height(g, font, box_w)  # every label whole, in any language
        tallest = max(len(v) for v in columns.values())
        height = tallest * (box_h + gap)
        where: dict[str, QRectF] = {}
        for column, nodes in columns.items():
            top = (height - len(nodes) * (box_h + gap)) / 2
            for i, node in enumerate(nodes):
                where[node] = QRectF(column_x[column], top + i * (box_h + gap), box_w, box_h)
        for a, b, data in g.edges(data=True):
            pen = QPen(QColor(SLATE if data.get("documented", True) else "#b9b2a3"), 1.3)
            if not data.get("documented", True):
                pen.setStyle(Qt.PenStyle.DashLine)
            ra, rb = where[a], where[b]
            self.scene.addLine(ra.right(), ra.center().y(), rb.left(), rb.center().y(), pen)
            self.scene.addEllipse(QRectF(QPointF(rb.left() - 3, rb.center().y() - 3), QPointF(rb.left() + 3,
                                  rb.center().y() + 3)), pen, QBrush(pen.color()))
        for node, data in g.nodes(data=True):
            rect, kind = where[node], data["kind"]
            fill, text_colour, label = "white", INK, data["label"]
            if kind == "listing":
                fill, text_colour = (JADE if LISTS[list_id].positive else CINNABAR), "white"
            elif kind == "platform":
                fill = MIST
            elif kind == "effect":
                benefit = data.get("effect_kind") == "benefit"
                text_colour = JADE if benefit else CINNABAR
                label = f"{'+' if benefit else '−'} {label}"
            elif kind == "person":
                label = f"● {label}"
            box = self.scene.addRect(rect, QPen(QColor("#837b6b")), QBrush(QColor(fill)))
            box.setToolTip(data["label"])
            text = self.scene.addText(label, font)
            text.setDefaultTextColor(QColor(text_colour))
            text.setTextWidth(box_w - 4)
            text.setPos(rect.left() + 2, rect.top() + max(0.0, (rect.height() - text.boundingRect().height()) / 2))
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-10, -10, 10, 10))
        self._fill_table(list_id)
        self._fit()

    @staticmethod
    def _box_height(g, font: QFont, box_w: float = BOX_W) -> float:
        """The height of a box that holds the longest label (two lines of Chinese, say) whole."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setTextWidth(box_w - 4)
        tallest = 0.0
        for _node, data in g.nodes(data=True):
            doc.setPlainText(f"− {data['label']}" if data["kind"] == "effect" else data["label"])
            tallest = max(tallest, doc.size().height())
        return max(float(BOX_H) * at_least(9) / 9, tallest + 2)

    def _fill_table(self, list_id: str) -> None:
        g = self.graph
        rows = []
        for agency, effect, data in g.edges(data=True):
            if data["relation"] != "imposes":
                continue
            falls = [g.nodes[t]["label"] for t in g.successors(effect)]
            rows.append([g.nodes[agency]["label"], g.nodes[effect]["label"], ", ".join(falls),
                         pgettext("evidence", "reported") if data["documented"] else _("◇ illustrative"),
                         evidence_mark(g.nodes[effect]["evidence"]).text()])
        self.table.fill([_("Agency (Ermu's label)"), _("Effect"), _("Falls on"), _("Link from the entry"), _("Evidence")], rows)
        self.setAccessibleDescription(_("One entry on the {list} reaches {n} agencies through the sharing platform.")
                                      .format(list=LISTS[list_id].name.said("english").render(), n=len(rows)))


__all__ = ["JointNetwork"]

"""The social graph around the citizen: family and friends, the optional friend rule, unfriending.

The friend rule is a contested popular claim; it is off by default and labelled so.
"Unfriend" asks the model (:func:`unfriend`) what dropping a friend does and shows its
narration: what it does to the friend (isolation, reported) and, only under the optional
rule, to the score (illustrative).
"""

from __future__ import annotations

from ermu.models.i18n import _
import math
from html import escape

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QCheckBox, QGraphicsScene, QGraphicsView, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from ermu.models.credit.social import (EXCLUSION_CLAIM, FRIEND_RULE_CLAIM, friend_effect, friends,
                                       sample_scores, social_graph, unfriend)
from ermu.models.names import PersonName
from ermu.models.population import Population

from ..style import CINNABAR, illustrative_mark, INK, JADE, SLATE, at_least, text_floor
from .marks import cite, evidence_mark
from .pictures import fit_scale, readable_at_full_size


class SocialPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Social graph"))
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(_("Picture of family and friends around the citizen"))
        readable_at_full_size(self.view)
        mark = evidence_mark(FRIEND_RULE_CLAIM.evidence)
        self.rule_box = QCheckBox(_("Optional friend rule ({mark})").format(mark=mark.text()))
        self.rule_box.setAccessibleName(_("Turn on the optional, contested friend rule"))
        self.rule_box.setToolTip(FRIEND_RULE_CLAIM.said())
        self.rule_box.toggled.connect(self._rule_changed)
        self.friend_list = QListWidget()
        self.friend_list.setAccessibleName(_("The citizen's friends with their illustrative scores"))
        self.friend_list.setMaximumHeight(190)
        self.unfriend_button = QPushButton(_("Unfriend the selected friend"))
        self.unfriend_button.setAccessibleName(_("Unfriend the selected friend"))
        self.unfriend_button.clicked.connect(self.unfriend_selected)
        self.effect_label = QLabel("")
        self.effect_label.setWordWrap(True)
        self.effect_label.setAccessibleDescription(_("What the friend rule gives now"))
        self.narration = QLabel("")
        self.narration.setWordWrap(True)
        self.narration.setAccessibleDescription(_("What unfriending did"))
        self.narration.setStyleSheet(f"color: {INK}; font-weight: 600;")
        self.claims = claims = QLabel(self._claims())
        claims.setWordWrap(True)
        claims.setObjectName("muted")
        side = QVBoxLayout()
        side.addWidget(self.rule_box)
        side.addWidget(self.effect_label)
        friends_label = QLabel(_("Friends (scores and friendships are drawn from a seed, illustrative):"))
        friends_label.setWordWrap(True)
        side.addWidget(friends_label)
        side.addWidget(self.friend_list, 1)
        side.addWidget(self.unfriend_button)
        side.addWidget(self.narration)
        side.addWidget(claims)
        side.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.view, 1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMaximumWidth(round(440 * max(1.0, text_floor() / 12)))  # wider with the kiosk's 16 pt
        row.addWidget(side_widget)
        self.params = None
        self.graph = None
        self.person = ""
        self.scores: dict[str, int] = {}
        self.dropped: set[str] = set()
        self.last = None  # the last unfriending, said again on a language switch

    @staticmethod
    def _claims() -> str:
        mark = evidence_mark(FRIEND_RULE_CLAIM.evidence)
        return (f"<b>{escape(_('Rule:'))}</b> {escape(FRIEND_RULE_CLAIM.said())} <i>({escape(mark.text())}; "
                f"{escape(cite(FRIEND_RULE_CLAIM.sources))})</i><br><b>{escape(_('Reported:'))}</b> "
                f"{escape(EXCLUSION_CLAIM.said())} <i>({escape(evidence_mark(EXCLUSION_CLAIM.evidence).text())}; "
                f"{escape(cite(EXCLUSION_CLAIM.sources))})</i>")

    def retranslate_widget(self) -> None:
        """Composed texts again in the current language: the graph, the friends and the last
        unfriending stay as they are."""
        mark = evidence_mark(FRIEND_RULE_CLAIM.evidence)
        self.rule_box.setText(_("Optional friend rule ({mark})").format(mark=mark.text()))
        self.rule_box.setToolTip(FRIEND_RULE_CLAIM.said())
        self.claims.setText(self._claims())
        if self.last is not None:
            self.narration.setText(self.last.said())
        if self.graph is not None:
            row = self.friend_list.currentRow()
            self._refresh()
            if 0 <= row < self.friend_list.count():
                self.friend_list.setCurrentRow(row)

    def _name(self, node: str) -> str:
        data = self.graph.nodes[node]
        return PersonName(data["name"], data.get("hanzi", "")).render()

    def set_citizen(self, document) -> None:
        population = Population.generate(20, seed=document.seed)
        self.params = document.params
        self.person = document.citizen.id
        self.graph = social_graph(population, document.citizen, seed=document.seed, radius=2, params=self.params)
        self.scores = sample_scores(self.graph, seed=document.seed)
        self.narration.setText("")
        self.last = None
        self.dropped = set()
        self._refresh()

    def _rule_changed(self, on: bool) -> None:
        if self.params is not None:
            self.params = self.params.changed(friend_rule=on)
            self._refresh()

    def _refresh(self) -> None:
        effect = friend_effect(self.graph, self.person, self.scores, self.params)
        if effect.enabled:
            self.effect_label.setText(_("Friend rule on: {high} high and {low} low scorers among friends → {points} "
                                        "points {mark}").format(high=len(effect.high_friends),
                                                                low=len(effect.low_friends),
                                                                points=f"{effect.points:+d}", mark=illustrative_mark()))
        else:
            self.effect_label.setText(_("Friend rule off (the default): friends' scores do not move your own."))
        self.friend_list.clear()
        for friend in friends(self.graph, self.person):
            score = self.scores[friend]
            tag = _("▲ high") if score >= self.params.friend_high else (_("▼ low") if score < self.params.friend_low else "")
            item = QListWidgetItem(f"{self._name(friend)} — {score} {tag}")
            item.setData(Qt.ItemDataRole.UserRole, friend)
            self.friend_list.addItem(item)
        if self.friend_list.count():
            self.friend_list.setCurrentRow(0)
        self.unfriend_button.setEnabled(self.friend_list.count() > 0)
        self._draw()

    def unfriend_selected(self) -> None:
        item = self.friend_list.currentItem()
        if item is None:
            return
        result = unfriend(self.graph, self.person, item.data(Qt.ItemDataRole.UserRole), self.scores, self.params)
        self.graph = result.graph
        if result.removed:
            self.dropped.add(item.data(Qt.ItemDataRole.UserRole))
        self._refresh()
        self.last = result
        self.narration.setText(result.said())

    def _draw(self) -> None:
        """An ego picture: the citizen in the middle, family on the left, friends on the right."""
        self.scene.clear()
        g, me = self.graph, self.person
        family = sorted(n for n in g.neighbors(me) if g.edges[me, n]["relation"] == "family")
        mine = friends(g, me)
        places = {me: QPointF(0, 0)}
        k = at_least(9) / 9  # the kiosk's 16 pt labels need wider circles
        for group, radius, start, span in ((family, 110 * k, 115, 130), (mine + sorted(self.dropped), 170 * k, -75, 150)):
            for i, node in enumerate(group):
                angle = math.radians(start + span * (i + 0.5) / max(len(group), 1))
                places[node] = QPointF(radius * math.cos(angle), -radius * math.sin(angle))
        for node, point in places.items():
            if node == me:
                continue
            dropped = node in self.dropped
            pen = QPen(QColor("#c9c2b2" if dropped else (SLATE if node in family else JADE)), 1.6)
            if node not in family:
                pen.setStyle(Qt.PenStyle.DotLine if dropped else Qt.PenStyle.DashLine)
            self.scene.addLine(0, 0, point.x(), point.y(), pen)
        font = QFont(self.font())
        font.setPointSizeF(at_least(9))
        for node, point in places.items():
            score = self.scores[node]
            low, high = score < self.params.friend_low, score >= self.params.friend_high
            colour = CINNABAR if low else (JADE if high else SLATE)
            if node in self.dropped:
                colour = "#dcd6c8"
            r = 13 if node == me else 8
            self.scene.addEllipse(QRectF(point.x() - r, point.y() - r, 2 * r, 2 * r),
                                  QPen(QColor(INK), 2 if node == me else 1), QBrush(QColor(colour)))
            tag = "▼" if low else ("▲" if high else "")
            label = f"{self._name(node)} {score}{tag}" + (_(" ✂ unfriended") if node in self.dropped else "")
            text = self.scene.addText(label, font)
            text.setDefaultTextColor(QColor(SLATE if node in self.dropped else INK))
            width = text.boundingRect().width()
            if node == me:
                text.setPos(point.x() - width / 2, point.y() + r)
            else:
                text.setPos(point.x() - width - r if point.x() < -1 else point.x() + r, point.y() - 12)
        legend = self.scene.addText(_("solid: family (same household) · dashed: friend (illustrative)\n"
                                      "▲ high score · ▼ low score (illustrative scores)"), font)
        legend.setDefaultTextColor(QColor(SLATE))
        rect = self.scene.itemsBoundingRect()
        legend.setPos(rect.left(), rect.bottom() + 8)
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-8, -8, 8, 8))
        self._fit()

    def _fit(self) -> None:
        rect, view = self.scene.sceneRect(), self.view.viewport().rect()
        scale = fit_scale(rect, view)
        self.view.resetTransform()
        self.view.scale(scale, scale)
        if text_floor():  # the kiosk's full-size picture: the citizen in the middle
            self.view.centerOn(QPointF(0, 0))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.graph is not None:
            self._fit()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.graph is not None:
            self._fit()


__all__ = ["SocialPage"]

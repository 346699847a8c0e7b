"""The session room: members around a table, the chair at its head, who speaks now.

Painted with QPainter from the session's state; it holds no state of its own beyond what
is being spoken. Colour is never the only signal: the speaker has a halo *and* the word
"speaking", the member singled out a red ring *and* the words "singled out", the learner
the word "you"; each bar has its letter. The accessible description says the same in words.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ermu.models.criticism import CHAIR, Session
from ermu.models.i18n import N_, _
from ermu.models.language import is_chinese
from ermu.models.names import PersonName
from ermu.models.trace import Step

from ..style import at_least, text_floor
from .room_cards import CardLayout, draw_card

BAR_COLOURS = (("S", "standing", QColor("#2f6db5")), ("?", "suspicion", QColor("#9a6200")),
               ("F", "fear", QColor("#b8322c")))
TABLE = QColor("#b98b5e")
FIGURE = QColor("#8fa3b8")
LEARNER = QColor("#7fb77e")
HALO = QColor("#f4d03f")
SINGLED = QColor("#c0392b")
KIND_LABEL = {"open": N_("The chair"), "single-out": N_("The chair singles out"), "self-criticism": N_("Self-criticism"),
              "criticism": N_("Criticism"), "silence": N_("Silence"), "publish": N_("The press")}



def _hanzi(member) -> str:
    """A member's characters in the script of the language (simplified in zh-Hans)."""
    return PersonName(member.name, member.hanzi).render() if is_chinese() else member.hanzi


def seat_name(member) -> str:
    """"Zheng Shou 鄭壽" in English, "Zheng Shou 郑寿" in Simplified Chinese: pinyin, then the characters."""
    return f"{member.name} {_hanzi(member)}".strip()

class SessionRoom(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.last_step: Step | None = None
        self.setMinimumSize(400, 420)  # fits beside the choices in a 1024-pixel window
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Session room"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(760, 620)

    def show_session(self, session: Session | None) -> None:
        self.session = session
        self.last_step = session.trace[-1] if session is not None and len(session.trace) else None
        self._fit_height()
        self._describe()
        self.update()

    def show_step(self, step: Step | None) -> None:
        self.last_step = step
        self._describe()
        self.update()

    # -- geometry -----------------------------------------------------------------------------
    @property
    def compact(self) -> bool:
        return self.session is not None and len(self.session.members) > 10

    # -- large text (a kiosk's 16 pt): cards in rows above and below the table ------------------
    def large(self) -> bool:
        return text_floor() > 0

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self.large() and event.size().width() != event.oldSize().width():
            self._fit_height()  # more cards to a row when wider: less height

    def _flags(self):
        return Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(at_least(max(8.0, small.pointSizeF() - 1)))
        return small

    def _legend(self) -> str:
        return _("Bars: S standing, ? suspicion, F fear — illustrative values, 0–100")

    def _legend_height(self) -> float:
        return QFontMetricsF(self._small_font()).boundingRect(
            QRectF(8, 0, max(100.0, self.width() - 16), 10_000), self._flags(), self._legend()).height() + 6

    def _chair_lines(self) -> list[tuple[str, bool]]:
        active = self.last_step is not None and self.last_step.actor == "chair"
        return [(_("Chair: {chair}").format(chair=CHAIR.said("english").render()), True),
                (f"{_(CHAIR.hanzi)} {CHAIR.pinyin}", False),
                (_("speaks for the Party line") + (_(" (speaking)") if active else ""), False)]

    def _cards(self) -> CardLayout:
        y = 6.0
        for text, strong in self._chair_lines():
            font = QFont(self.font())
            font.setBold(strong)
            y += QFontMetricsF(font).boundingRect(QRectF(0, y, self._caption_box()[1], 10_000), self._flags(),
                                                  text).height()
        top = max(44.0 + 24.0, y) + 6
        names = [m.name for m in self.session.members] if self.session else []
        names += [_hanzi(m) for m in self.session.members] if self.session else []
        return CardLayout.make(self.font(), self.width(), self.height(), top,
                               self.height() - self._legend_height(), names)

    def _fit_height(self) -> None:
        """At a large text size the room asks for the height its cards and table need."""
        if not self.large() or self.session is None:
            self.setMinimumHeight(420)
            return
        self.setMinimumHeight(int(max(420.0, self._cards().needed_height(self._legend_height()))))

    def _extent(self) -> tuple[float, float, float]:
        """(block width, extent above the seat centre, extent below it) of one figure."""
        return (92.0, 46.0, 34.0) if self.compact else (108.0, 62.0, 58.0)

    def seat_centre(self, index: int) -> QPointF:
        n = len(self.session.members) if self.session else 1
        if self.large():
            return self._cards().card_centre(index, n)
        block_w, above, below = self._extent()
        rx = self.width() / 2 - block_w / 2 - 6
        ry = self.height() / 2 - max(above, below) - 26
        gap = max(360.0 / (n + 1), 40.0)  # the chair's place at the head of the table
        angle = math.radians(-90 + gap / 2 + index * (360.0 - gap) / max(1, n - 1)) if n > 1 \
            else math.radians(90)
        return QPointF(self.width() / 2 + rx * math.cos(angle), self.height() / 2 + ry * math.sin(angle))

    def table_rect(self) -> QRectF:
        if self.large():
            return self._cards().table()
        block_w, above, below = self._extent()
        rx = self.width() / 2 - block_w - 16
        ry = self.height() / 2 - max(above, below) - 26 - above - 24
        return QRectF(self.width() / 2 - rx, self.height() / 2 - ry, 2 * rx, 2 * ry)

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#f7f3ea"))
        w, h = self.width(), self.height()
        table = self.table_rect()
        painter.setPen(QPen(QColor("#7a5a3a"), 2))
        painter.setBrush(TABLE)
        painter.drawEllipse(table)
        if self.session is None:
            painter.end()
            return
        self._draw_chair(painter)
        step = self.last_step
        if step is not None and step.kind in ("criticism", "silence", "single-out") and isinstance(step.target, int):
            self._draw_arrow(painter, step)
        for member in self.session.members:
            self._draw_member(painter, member.index)
        self._draw_speech(painter, table)
        painter.setPen(QColor("#333333"))
        painter.setFont(self._small_font())
        if self.large():  # wrapped, as many lines as it needs
            height = self._legend_height()
            painter.drawText(QRectF(8, h - height, w - 16, height), self._flags(), self._legend())
        else:
            painter.drawText(QRectF(8, h - 22, w - 16, 20), Qt.AlignmentFlag.AlignLeft, self._legend())
        painter.end()

    def _chair_centre(self) -> QPointF:
        """At the head of the table; with large text in the top-left corner, its caption beside it."""
        return QPointF(42, 44) if self.large() else QPointF(self.width() / 2, 44)

    def _caption_box(self) -> tuple[float, float]:
        """(left, width) of the chair's caption: left of the chair, or right of it with large text."""
        centre = self._chair_centre()
        if self.large():
            left = centre.x() + 34 + 8
            return left, max(60.0, self.width() - left - 8)
        return 8.0, max(60.0, centre.x() - 34 - 8 - 6)

    def _draw_chair(self, painter: QPainter) -> None:
        centre = self._chair_centre()
        active = self.last_step is not None and self.last_step.actor == "chair"
        if active:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(HALO)
            painter.drawRoundedRect(QRectF(centre.x() - 34, centre.y() - 38, 68, 62), 10, 10)
        painter.setPen(QPen(QColor("#222222"), 2))
        painter.setBrush(QColor("#5b5b5b"))
        painter.drawRect(QRectF(centre.x() - 14, centre.y() - 30, 28, 28))
        painter.drawRoundedRect(QRectF(centre.x() - 24, centre.y(), 48, 18), 6, 6)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        # the caption wraps beside the chair, so it never runs under the chair
        left, width = self._caption_box()
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        y = 6.0
        lines = self._chair_lines()
        for text, bold in lines[:2]:
            font.setBold(bold)
            painter.setFont(font)
            box = painter.boundingRect(QRectF(left, y, width, 1000), flags, text)
            painter.drawText(QRectF(left, y, width, box.height()), flags, text)
            y += box.height()
        painter.setFont(self.font())
        painter.drawText(QRectF(left, y, width, 1000), flags, lines[2][0])

    def _draw_member(self, painter: QPainter, index: int) -> None:
        session = self.session
        member, state = session.members[index], session.states[index]
        c = self.seat_centre(index)
        if self.large():
            step = self.last_step
            speaking = step is not None and step.actor == index
            singled = session.singled_out.get(session.round) == index
            tags = [t for t, on in ((_("you"), index == session.learner), (_("speaking"), speaking),
                                    (_("singled out"), singled)) if on]
            draw_card(painter, self._cards(), self.font(), c, name=member.name, hanzi=_hanzi(member), tags=tags,
                      singled=singled, speaking=speaking, learner=index == session.learner,
                      bars=[(letter, getattr(state, attribute), colour) for letter, attribute, colour in BAR_COLOURS],
                      colours={"singled": SINGLED, "halo": HALO, "learner": LEARNER, "figure": FIGURE})
            return
        compact = self.compact
        block_w, above, _below = self._extent()
        head_r, body_w, body_h = (10, 30, 14) if compact else (13, 40, 20)
        top = c.y() - above + 14  # room for the tags line above the head
        head_y = top + head_r + 2
        body_top = head_y + head_r - 1
        step = self.last_step
        speaking = step is not None and step.actor == index
        singled = session.singled_out.get(session.round) == index
        if speaking:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(HALO)
            painter.drawEllipse(QPointF(c.x(), head_y + head_r), head_r * 2.3, head_r * 2.3)
        painter.setPen(QPen(SINGLED if singled else QColor("#2b2b2b"), 4 if singled else 1.5))
        painter.setBrush(LEARNER if index == session.learner else FIGURE)
        shoulders = QPainterPath()
        shoulders.addRoundedRect(QRectF(c.x() - body_w / 2, body_top, body_w, body_h), body_h / 2, body_h / 2)
        painter.drawPath(shoulders)
        painter.drawEllipse(QPointF(c.x(), head_y), head_r, head_r)
        tags = [t for t, on in ((_("you"), index == session.learner), (_("speaking"), speaking),
                                (_("singled out"), singled)) if on]
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() - (2 if compact else 1)))
        font.setBold(True)
        painter.setFont(font)
        if tags:
            painter.setPen(SINGLED if singled else QColor("#1d4e89"))
            painter.drawText(QRectF(c.x() - 70, top - 14, 140, 14), Qt.AlignmentFlag.AlignCenter, _(", ").join(tags))
        painter.setPen(QColor("#111111"))
        y = body_top + body_h + 1
        if compact:
            painter.drawText(QRectF(c.x() - block_w / 2, y, block_w, 14), Qt.AlignmentFlag.AlignCenter,
                             f"{member.name} {_hanzi(member)}")
            y += 15
        else:
            painter.drawText(QRectF(c.x() - block_w / 2, y, block_w, 16), Qt.AlignmentFlag.AlignCenter, member.name)
            font.setBold(False)
            painter.setFont(font)
            painter.drawText(QRectF(c.x() - block_w / 2, y + 14, block_w, 16), Qt.AlignmentFlag.AlignCenter,
                             _hanzi(member))
            y += 32
        bar_h, bar_gap = (4, 6) if compact else (6, 8)
        bar_left, bar_w = c.x() - block_w / 2 + 22, block_w - 36
        small = QFont(font)
        small.setBold(False)
        small.setPointSizeF(max(8.0, self.font().pointSizeF() * 0.8))
        for k, (letter, attribute, colour) in enumerate(BAR_COLOURS):
            by = y + k * bar_gap
            painter.setPen(QColor("#111111"))
            painter.setFont(small)
            painter.drawText(QRectF(bar_left - 12, by - 3, 10, bar_h + 6), Qt.AlignmentFlag.AlignCenter, letter)
            painter.setPen(QPen(QColor("#6f6656"), 1))  # the track's outline: 3:1 on the room
            painter.setBrush(QColor("#ffffff"))
            painter.drawRect(QRectF(bar_left, by, bar_w, bar_h))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)  # every bar colour is at least 3.8:1 on the white track
            painter.drawRect(QRectF(bar_left, by, bar_w * getattr(state, attribute) / 100.0, bar_h))

    def _draw_arrow(self, painter: QPainter, step: Step) -> None:
        start = self._chair_centre() if step.actor == "chair" else self.seat_centre(step.actor)
        end = self.seat_centre(step.target)
        colour = QColor("#888888") if step.kind == "silence" else SINGLED
        pen = QPen(colour, 3, Qt.PenStyle.DashLine if step.kind == "silence" else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        dx, dy = end.x() - start.x(), end.y() - start.y()
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        tip = QPointF(end.x() - ux * 34, end.y() - uy * 34)
        painter.drawLine(QPointF(start.x() + ux * 34, start.y() + uy * 34), tip)
        if step.kind != "silence":
            left = QPointF(tip.x() - ux * 12 - uy * 7, tip.y() - uy * 12 + ux * 7)
            right = QPointF(tip.x() - ux * 12 + uy * 7, tip.y() - uy * 12 - ux * 7)
            painter.setBrush(colour)
            painter.drawPolygon([tip, left, right])

    def _draw_speech(self, painter: QPainter, table: QRectF) -> None:
        step = self.last_step
        inset = (0.05, 0.1) if self.large() else (0.16, 0.22)  # a large text takes the table's room
        box = table.adjusted(table.width() * inset[0], table.height() * inset[1], -table.width() * inset[0],
                             -table.height() * inset[1])
        painter.setPen(QPen(QColor("#444444"), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(box, 12, 12)
        inner = box.adjusted(12, 8, -12, -8)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1d4e89"))
        heading = _(KIND_LABEL.get(step.kind, step.kind)) if step else _("The session is about to begin")
        if step is not None:
            heading = _("Round {n} · {what}").format(n=step.data.get('round', '?'), what=heading)
            if not step.documented:
                heading += _(" (illustrative rule)")
        head_h = painter.fontMetrics().height() + 4
        # the heading wraps too; the narration shrinks (never below 7 pt) until every word fits
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        head_rect = painter.boundingRect(QRectF(inner.x(), inner.y(), inner.width(), 1000), flags, heading)
        head_h = max(head_h, head_rect.height() + 4)
        painter.drawText(QRectF(inner.x(), inner.y(), inner.width(), head_h), flags, heading)
        font.setBold(False)
        painter.setPen(QColor("#111111"))
        text = step.said() if step else _("Press Step or Play.")
        body = inner.adjusted(0, head_h, 0, 0)
        size = font.pointSizeF() + 1
        while True:
            font.setPointSizeF(size)
            painter.setFont(font)
            need = painter.boundingRect(QRectF(body.x(), body.y(), body.width(), 10_000), flags, text)
            if need.height() <= body.height() or size <= at_least(7):
                break
            size -= 0.5
        if need.height() > body.height() and self.large():  # never below the floor: the end is cut
            words = text.split(" ")  # with "…" (the transcript beside the room has it whole)
            while len(words) > 1 and painter.boundingRect(QRectF(body.x(), body.y(), body.width(), 10_000), flags,
                                                          " ".join(words) + "…").height() > body.height():
                words.pop()
            text = " ".join(words) + "…"
        painter.drawText(body, flags, text)

    def _describe(self) -> None:
        self.setToolTip(step_tooltip(self.last_step) if self.last_step is not None else "")
        if self.session is None:
            self.setAccessibleDescription(_("No session yet."))
            return
        speech = self.last_step.said() if self.last_step else _("The session has not started.")
        singled = self.session.singled_out.get(self.session.round)
        member = self.session.members[singled] if singled is not None else None
        extra = (" " + _("{name} is singled out.").format(name=PersonName(member.name, member.hanzi))
                 if member is not None else "")
        self.setAccessibleDescription(_("{n} members around the table, round {round}.").format(
            n=len(self.session.members), round=self.session.round) + f" {speech}{extra}")

    def retranslate(self) -> None:
        """Painted texts follow at the next paint; the description is said again now."""
        self._describe()
        self.update()


def step_tooltip(step: Step) -> str:
    """What the sources say behind a step (its mechanism's claim), in the current language, with its sources."""
    rule = step.rule_said()
    if not rule:
        return ""
    cited = "; ".join(str(s) for s in step.sources)
    text = _("Rule: {rule}").format(rule=rule) + (f" [{cited}]" if cited else "")
    return text if step.documented else text + _(" (illustrative rule)")

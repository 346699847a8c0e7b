"""The citizen's phone: a rounded panel drawn with Qt showing score, grade, effects and lists.

It shows a :class:`Standing` the model computed; it decides nothing. Benefits and
restrictions carry a sign (+/−) as well as a colour, and every threshold the sources do
not give is marked illustrative.
"""

from __future__ import annotations

from ermu.models.i18n import _
from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ermu.models.credit import LISTS, Standing
from ermu.models.language import is_chinese

from ..style import CINNABAR, illustrative_mark, INK, JADE, MIST, PAPER, SLATE, relative_size
from .marks import BENEFIT, RESTRICTION

BEZEL = 14  # the dark frame of the phone, in pixels


def list_line(list_id: str) -> str:
    """'▼▼▼ 黑名单 blacklist' in English; in Chinese the characters alone."""
    c = LISTS[list_id]
    symbol = "★" if c.positive else "▼" * c.severity
    if is_chinese():
        return f"{symbol} {_(c.name.hanzi)}"
    return f"{symbol} {c.name.hanzi} {c.name.english}"


def effect_lines(standing: Standing) -> list[tuple[str, str]]:
    """(colour, text) for every benefit and restriction in force, with its cause."""
    lines = []
    for granted, mark in ([(g, BENEFIT) for g in standing.benefits] + [(g, RESTRICTION) for g in standing.restrictions]):
        effect = granted.effect
        if granted.threshold is not None:
            cause = _("score {band}").format(band=granted.threshold.describe())
            documented = granted.threshold.documented
        else:
            cause = LISTS[granted.via_list].name.said("english").render() if granted.via_list else ""
            documented = granted.documented
        what = (_("{effect} (falls on the children)").format(effect=effect.said())
                if effect.falls_on.value == "children" else effect.said())
        mark_text = f" {illustrative_mark()}" if not documented else ""
        lines.append((mark.colour, f"{mark.symbol} {what} — {cause}{mark_text}"))
    return lines


class ScoreCard(QWidget):
    """A phone-shaped card; :meth:`show_standing` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Citizen's score card"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(250)  # the face fits a 1024-pixel window
        self.setMaximumWidth(340)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.app_title = QLabel(_("信用 Credit"))
        self.app_title.setStyleSheet(f"color: {PAPER}; background: {CINNABAR}; font-weight: 600; "
                                     "padding: 8px 12px; border-top-left-radius: 18px; border-top-right-radius: 18px;")
        self.citizen_label = QLabel("")
        self.citizen_label.setStyleSheet(f"color: {SLATE}; padding: 6px 12px 0 12px;")
        self.citizen_label.setWordWrap(True)
        self.score_label = QLabel("")
        self.score_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score_label.setAccessibleDescription(_("Score"))
        self.score_label.setStyleSheet(f"font-size: {relative_size(2.8)}; font-weight: 700; color: {INK};")
        self.grade_label = QLabel("")
        self.grade_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grade_label.setAccessibleDescription(_("Grade or band"))
        self.grade_label.setWordWrap(True)
        self.grade_label.setStyleSheet(f"font-size: {relative_size(1.0)}; color: {SLATE};")
        self.lists_label = QLabel("")
        self.lists_label.setAccessibleDescription(_("Lists the citizen is on"))
        self.lists_label.setWordWrap(True)
        self.effects_label = QLabel("")
        self.effects_label.setAccessibleDescription(_("Benefits and restrictions in force"))
        self.effects_label.setWordWrap(True)
        self.effects_label.setTextFormat(Qt.TextFormat.RichText)
        self.effects_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        body.setStyleSheet("background: white;")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(12, 4, 12, 12)
        body_layout.addWidget(self.lists_label)
        body_layout.addWidget(self.effects_label, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(_("Details of the standing"))
        scroll.setStyleSheet("QScrollArea { background: white; border: none; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(BEZEL, BEZEL + 10, BEZEL, BEZEL + 18)
        layout.setSpacing(2)
        for widget in (self.app_title, self.citizen_label, self.score_label, self.grade_label):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        path = QPainterPath()
        path.addRoundedRect(outer, 34, 34)
        painter.fillPath(path, QColor(INK))
        screen = outer.adjusted(BEZEL - 2, BEZEL + 8, -(BEZEL - 2), -(BEZEL + 16))
        inner = QPainterPath()
        inner.addRoundedRect(screen, 20, 20)
        painter.fillPath(inner, QColor("white"))
        painter.setPen(QPen(QColor(MIST), 3))
        speaker = QRectF(outer.center().x() - 24, outer.top() + 10, 48, 5)
        painter.setBrush(QColor("#3b4a57"))
        painter.drawRoundedRect(speaker, 2, 2)
        home = QRectF(outer.center().x() - 30, outer.bottom() - 14, 60, 5)
        painter.drawRoundedRect(home, 2, 2)
        if self.hasFocus():
            painter.setPen(QPen(QColor(CINNABAR), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        painter.end()

    def show_standing(self, standing: Standing, *, citizen: str, scheme_title: str, month: int,
                      grade_band: str = "") -> None:
        self.citizen_label.setText(f"{citizen}\n" + _("{scheme} · month {n} of 12").format(scheme=scheme_title, n=month))
        if standing.score is None:
            self.score_label.setText("—")
            self.score_label.setStyleSheet(f"font-size: {relative_size(2.0)}; font-weight: 700; color: {SLATE};")
            self.grade_label.setText(_("No single score: the national system keeps lists."))
        else:
            self.score_label.setText(f"{standing.score:,}")
            self.score_label.setStyleSheet(f"font-size: {relative_size(2.8)}; font-weight: 700; color: {INK};")
            self.grade_label.setText(grade_band or (_("Grade {grade}").format(grade=standing.grade) if standing.grade else ""))
        lists = [list_line(i) for i in standing.lists]
        self.lists_label.setText(_("Lists: {lists}").format(lists=_("; ").join(lists) if lists else _("none")))
        colour = JADE if any(LISTS[i].positive for i in standing.lists) else INK
        if any(not LISTS[i].positive for i in standing.lists):
            colour = CINNABAR
        self.lists_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        lines = effect_lines(standing)
        html = "".join(f'<p style="margin:4px 0; color:{c};">{escape(t)}</p>' for c, t in lines)
        self.effects_label.setText(html or f'<p style="color:{SLATE};">' + escape(_("No benefits or restrictions in force.")) + '</p>')
        plain = _("; ").join(t for _colour, t in lines) or _("no benefits or restrictions")
        self.setAccessibleDescription(_("{citizen}. Score {score}. {grade} {lists}. {effects}.").format(
            citizen=self.citizen_label.text(), score=self.score_label.text(), grade=self.grade_label.text(),
            lists=self.lists_label.text(), effects=plain))
        self.update()


__all__ = ["ScoreCard", "effect_lines", "list_line"]

"""QuestionCard: what every check question shares — prompt, Check button, feedback.

Right and wrong are told by a word, a symbol and an icon, never by colour alone, and the
feedback always explains the answer with the quiz's own words.
"""

from __future__ import annotations

from ermu.models.i18n import N_, _
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..announce import announce
from ..style import CINNABAR, JADE, SLATE, relative_size

KIND_NAMES = {"choice": N_("Choose one"), "order": N_("Put in order"), "predict": N_("Predict")}


def verdict_icon(correct: bool, size: int = 22) -> QPixmap:
    """A round badge: a tick on jade for right, a cross on cinnabar for wrong."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(JADE if correct else CINNABAR))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.setPen(QPen(QColor("white"), size / 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    s = size / 22
    if correct:
        painter.drawPolyline([p * s for p in (_pt(6, 11.5), _pt(9.5, 15), _pt(16, 7.5))])
    else:
        painter.drawLine(_pt(7.5, 7.5) * s, _pt(14.5, 14.5) * s)
        painter.drawLine(_pt(14.5, 7.5) * s, _pt(7.5, 14.5) * s)
    painter.end()
    return pixmap


def tint(colour: str, alpha: float) -> str:
    """A stylesheet rgba() of a palette colour (Qt reads #AARRGGBB, so never append alpha)."""
    c = QColor(colour)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {alpha})"


def _pt(x: float, y: float) -> QPointF:
    return QPointF(x, y)


class QuestionCard(QFrame):
    """One question. Subclasses fill ``self.body`` and implement the answer methods."""

    answered = Signal(int, str, bool)  # index, answer as plain text, right?

    def __init__(self, lesson_id: str, index: int, total: int, question: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.lesson_id, self.index, self.question = lesson_id, index, question
        kind = _(KIND_NAMES.get(question.get("kind", ""), N_("Question")))
        self.setAccessibleName(_("Question {n} of {total}").format(n=index + 1, total=total))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        heading = QLabel(_("QUESTION {n} OF {total}  ·  {kind}").format(n=index + 1, total=total, kind=kind.upper()))
        heading.setObjectName("muted")
        heading.setStyleSheet(f"color: {SLATE}; font-size: {relative_size(0.8)}; letter-spacing: 1px;")
        self.prompt = QLabel(question.get("prompt", ""))
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setStyleSheet("font-weight: 600;")
        layout.addWidget(heading)
        layout.addWidget(self.prompt)
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        layout.addLayout(self.body)
        self.buttons = QHBoxLayout()
        self.check_button = QPushButton(_("Check"))
        self.check_button.setObjectName("primary")
        self.check_button.setAccessibleName(_("Check your answer to question {n}").format(n=index + 1))
        self.check_button.clicked.connect(self.check)
        self.buttons.addWidget(self.check_button)
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        feedback_row = QHBoxLayout()
        self.icon = QLabel()
        self.icon.setFixedSize(24, 24)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setAccessibleDescription(_("Feedback on question {n}").format(n=index + 1))
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        feedback_row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        feedback_row.addWidget(self.verdict, 1)
        self.feedback_box = QFrame()
        self.feedback_box.setLayout(feedback_row)
        self.feedback_box.setVisible(False)
        layout.addWidget(self.feedback_box)

    # -- to implement --------------------------------------------------------------------
    def current_answer(self) -> str | None:
        raise NotImplementedError

    def is_correct(self, answer: str) -> bool:
        raise NotImplementedError

    def restore(self, answer: str) -> None:
        raise NotImplementedError

    def right_answer_text(self) -> str:
        return ""

    # -- shared --------------------------------------------------------------------------
    def check(self) -> None:
        answer = self.current_answer()
        if answer is None:
            self.show_hint(_("Choose an answer first, then press Check."))
            return
        correct = self.is_correct(answer)
        self.show_verdict(correct)
        self.answered.emit(self.index, answer, correct)

    def show_hint(self, text: str) -> None:
        self.icon.clear()
        self.verdict.setText(text)
        self.feedback_box.setStyleSheet("")
        self.feedback_box.setVisible(True)
        announce(self, text)

    def show_verdict(self, correct: bool) -> None:
        self.icon.setPixmap(verdict_icon(correct))
        self.icon.setAccessibleName(_("Right") if correct else _("Wrong"))  # a picture: its name is its text
        if correct:
            head = _("✓ Right.")
        else:
            right = self.right_answer_text()
            head = _("✗ Not quite.") + (" " + _("The answer is {answer}.").format(answer=right) if right else "")
        self.verdict.setText(f"{head} {self.question.get('feedback', '')}".strip())
        announce(self, self.verdict.text())
        colour = JADE if correct else CINNABAR
        self.feedback_box.setStyleSheet(
            f"QFrame {{ background: {tint(colour, 0.08)}; border-left: 3px solid {colour}; border-radius: 4px; }}"
            " QLabel { background: transparent; border: none; }")
        self.feedback_box.setVisible(True)

    @property
    def feedback_text(self) -> str:
        return "" if self.feedback_box.isHidden() else self.verdict.text()

"""QuizPanel: "Check your understanding" — a card per question of the current lesson."""

from __future__ import annotations

from ermu.models.i18n import _
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ermu.models.content import Lesson

from .choice_questions import ChoiceQuestion, OrderQuestion
from .predict_question import PredictQuestion
from .progress import Progress
from .question_card import QuestionCard
from .years_question import YearsPredictQuestion

CARDS: dict[str, type[QuestionCard]] = {"choice": ChoiceQuestion, "order": OrderQuestion,
                                        "predict": PredictQuestion}


class QuizPanel(QScrollArea):
    """The questions of one lesson; answers are saved to and restored from ``progress``."""

    open_preset_requested = Signal(object)  # a models.presets.Preset
    progress_changed = Signal(str)  # lesson id

    def __init__(self, progress: Progress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        self.lesson: Lesson | None = None
        self.cards: list[QuestionCard] = []
        self.setObjectName("quizPanel")
        self.setAccessibleName(_("Check your understanding"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_point_size(self, points: float) -> None:
        """Text size for every question (a style sheet: with one, fonts do not propagate)."""
        self.setStyleSheet(
            f"QWidget#quizHost QLabel, QWidget#quizHost QRadioButton, QWidget#quizHost QListWidget,"
            f" QWidget#quizHost QSpinBox, QWidget#quizHost QPushButton {{ font-size: {points}pt; }}"
            f" QWidget#quizHost QLabel#cardTitle {{ font-size: {points * 1.35:.1f}pt; }}")

    def show_lesson(self, lesson: Lesson) -> None:
        self.lesson = lesson
        host = QWidget()
        host.setObjectName("quizHost")
        layout = QVBoxLayout(host)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(14)
        title = QLabel(_("Check your understanding"))
        title.setObjectName("cardTitle")
        layout.addWidget(title)
        intro = QLabel(self._summary())
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary_label = intro
        self.cards = []
        total = len(lesson.questions)
        for index, question in enumerate(lesson.questions):
            card = self._card(lesson, index, total, question)
            layout.addWidget(card)
            self.cards.append(card)
        if not lesson.questions:
            layout.addWidget(QLabel(_("This lesson has no questions.")))
        layout.addStretch(1)
        old = self.takeWidget()
        self.setWidget(host)
        if old is not None:
            old.deleteLater()

    def _card(self, lesson: Lesson, index: int, total: int, question: dict[str, Any]) -> QuestionCard:
        kind = CARDS.get(question.get("kind", ""), ChoiceQuestion)
        if question.get("model") == "years":  # a predict question answered by the years model
            kind = YearsPredictQuestion
        card = kind(lesson.id, index, total, question)
        saved = self.progress.answer(lesson.id, index)
        if isinstance(card, (PredictQuestion, YearsPredictQuestion)) and saved is None \
                and self.progress.revealed(lesson.id, index):
            card.run()
        if saved is not None:
            card.restore(saved)
            if isinstance(card, (PredictQuestion, YearsPredictQuestion)):
                card.run()  # a checked prediction was run; show the engine's answer again
            card.show_verdict(self.progress.correct(lesson.id, index))
        card.answered.connect(self._on_answered)
        if isinstance(card, YearsPredictQuestion):
            card.run_button.clicked.connect(lambda _=False, i=index: self._on_revealed(i))
            card.years_button.clicked.connect(lambda _=False, c=card: self._open_years(c))
        if isinstance(card, PredictQuestion):
            card.run_button.clicked.connect(lambda _=False, i=index: self._on_revealed(i))
            card.sandbox_button.clicked.connect(
                lambda _=False, p=card.preset: self.open_preset_requested.emit(p))
        return card

    def _open_years(self, card: YearsPredictQuestion) -> None:
        preset = card.preset()
        if preset is not None:
            self.open_preset_requested.emit(preset)

    def retranslate(self) -> None:
        """The questions again in the current language, with the answers the progress file keeps."""
        if self.lesson is not None:
            position = self.verticalScrollBar().value()
            self.show_lesson(self.lesson)
            self.verticalScrollBar().setValue(position)

    def _summary(self) -> str:
        lesson = self.lesson
        if lesson is None or not lesson.questions:
            return ""
        right = sum(self.progress.correct(lesson.id, i) for i in range(len(lesson.questions)))
        return _("{right} of {total} answered right. Answer every question right to mark the lesson done on "
                 "the path.").format(right=right, total=len(lesson.questions))

    def _on_answered(self, index: int, answer: str, correct: bool) -> None:
        if self.lesson is None:
            return
        self.progress.save_answer(self.lesson.id, index, answer, correct)
        self.summary_label.setText(self._summary())
        self.progress_changed.emit(self.lesson.id)

    def _on_revealed(self, index: int) -> None:
        if self.lesson is not None:
            self.progress.mark_revealed(self.lesson.id, index)

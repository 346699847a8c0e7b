"""YearsPredictQuestion: choose what will happen over the years, then let the model run it.

The question's ``[question.years]`` table is a small experiment; "Run it" (and Check)
runs it with :func:`ermu.models.years.questions.answer`, so the right choice comes from
the model, never on trust from the quiz file. The run takes about a tenth of a second.
"""

from __future__ import annotations

from ermu.models.i18n import _
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from .choice_questions import ChoiceQuestion


class YearsPredictQuestion(ChoiceQuestion):
    def __init__(self, lesson_id: str, index: int, total: int, question: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(lesson_id, index, total, question, parent)
        self.spec = dict(question.get("years", {}))
        self.model_index: int | None = None
        self.run_button = QPushButton(_("▶ Run it"))
        self.run_button.setAccessibleName(_("Run the village of question {n} over the years with the model").format(n=index + 1))
        self.run_button.clicked.connect(self.run)
        self.buttons.insertWidget(1, self.run_button)
        self.years_button = QPushButton(_("Try in the Years view"))
        self.years_button.setAccessibleName(_("Open the experiment of question {n} in the Years view").format(n=index + 1))
        self.buttons.insertWidget(2, self.years_button)
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        self.model_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model_label.setAccessibleDescription(_("The model's answer to question {n}").format(n=index + 1))
        self.model_label.setVisible(False)
        self.body.addWidget(self.model_label)

    def run(self) -> int | None:
        """Run the question's experiment and show what the model measured (illustrative)."""
        if self.model_index is None:
            from ermu.models.messages import ErmuError
            from ermu.models.years.questions import answer

            try:
                result = answer(self.spec)
            except (ErmuError, KeyError, TypeError, ValueError) as exc:
                self.model_label.setText(_("This question's experiment cannot be run: {error}").format(error=exc))
                self.model_label.setVisible(True)
                return None
            self.model_index = result.index
            self.model_label.setText(result.explanation.render() + " " + _("Every number is illustrative."))
            self.model_label.setStyleSheet("font-weight: 600;")
        self.model_label.setVisible(True)
        return self.model_index

    def preset(self):
        """The question's experiment as a preset for the Years face (None if it cannot be made)."""
        from ermu.models.messages import ErmuError
        from ermu.models.presets import Preset
        from ermu.models.years.questions import experiment_for

        try:
            experiment = experiment_for(self.spec)
            measures = list(self.spec.get("measures", ()))
            return Preset.parse({"view": "years", "experiment": experiment.to_json(),
                                 "output": measures[0] if measures else "offences"}, "question")
        except (ErmuError, KeyError, TypeError, ValueError) as exc:
            self.model_label.setText(_("This question's experiment cannot be opened: {error}").format(error=exc))
            self.model_label.setVisible(True)
            return None

    def is_correct(self, answer: str) -> bool:
        value = self.run()
        return value is not None and answer == str(value)

    def right_answer_text(self) -> str:
        choices = self.question.get("choices", ())
        return f"“{choices[self.model_index]}”" if self.model_index is not None and \
            0 <= self.model_index < len(choices) else ""

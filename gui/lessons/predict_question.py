"""PredictQuestion: guess a number, then let the engine run the incident and say.

The answer is never taken on trust from the quiz file: "Run it" builds the village and
the hierarchy with the models and simulates the incident, exactly as the sandbox would.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from .question_card import QuestionCard

MEASURES = {
    "liable_households": "households liable",
    "liable_people": "people liable",
    "steps_to_government": "steps until the government knows",
    "leaders_involved": "unit heads involved",
    "households_per_magistrate": "households per magistrate",
    "heads_per_magistrate": "village heads per magistrate",
    "households": "households",
    "counties": "counties",
}


def engine_answer(preset, measure: str) -> int | None:
    """Run the question's preset with the models (an incident, or the empire) and read the measure."""
    from ermu.models.predict import engine_answer as answer

    return answer(preset, measure)


class PredictQuestion(QuestionCard):
    def __init__(self, lesson_id: str, index: int, total: int, question: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(lesson_id, index, total, question, parent)
        from ermu.models.content import question_preset

        self.preset = question_preset(question, f"question {index + 1}")
        self.measure = question.get("measure", "liable_households")
        self.engine_value: int | None = None
        row = QHBoxLayout()
        label = QLabel("Your guess:")
        self.guess = QSpinBox()
        empire = self.preset.view == "empire"
        self.guess.setRange(0, 10_000_000 if empire else max(1, self.preset.households) * 10)
        self.guess.setAccessibleName(f"Your guess for question {index + 1}: {MEASURES.get(self.measure, self.measure)}")
        self.guess.setMinimumWidth(90)
        label.setBuddy(self.guess)
        unit = QLabel(MEASURES.get(self.measure, self.measure))
        unit.setObjectName("muted")
        row.addWidget(label)
        row.addWidget(self.guess)
        row.addWidget(unit)
        row.addStretch(1)
        self.body.addLayout(row)
        self.run_button = QPushButton("▶ Run it")
        self.run_button.setAccessibleName(f"Run the incident of question {index + 1} with the engine")
        self.run_button.clicked.connect(self.run)
        self.sandbox_button = QPushButton("Open the empire" if empire else "Try in the sandbox")
        self.sandbox_button.setAccessibleName(f"Open the empire of question {index + 1}" if empire else
                                              f"Open the village of question {index + 1} in the sandbox")
        self.sandbox_button.setEnabled(True)
        self.buttons.insertWidget(1, self.run_button)
        self.buttons.insertWidget(2, self.sandbox_button)
        self.engine_label = QLabel()
        self.engine_label.setAccessibleDescription(f"The engine's answer to question {index + 1}")
        self.engine_label.setVisible(False)
        self.body.addWidget(self.engine_label)

    def run(self) -> int | None:
        """Compute and reveal the engine's answer."""
        if self.engine_value is None:
            try:
                self.engine_value = engine_answer(self.preset, self.measure)
            except ValueError as exc:
                self.engine_label.setText(f"This question's village cannot be run: {exc}")
                self.engine_label.setVisible(True)
                return None
        unit = MEASURES.get(self.measure, self.measure)
        if self.engine_value == 1:
            unit = unit.replace("households", "household").replace("people", "person").replace("steps", "step")
        shown = "never reaches the government" if self.engine_value is None else f"{self.engine_value} {unit}"
        self.engine_label.setText(f"The engine ran it: {shown}.")
        self.engine_label.setStyleSheet("font-weight: 600;")
        self.engine_label.setVisible(True)
        return self.engine_value

    def current_answer(self) -> str | None:
        return str(self.guess.value())

    def is_correct(self, answer: str) -> bool:
        value = self.run()
        return value is not None and answer == str(value)

    def restore(self, answer: str) -> None:
        if answer.lstrip("-").isdigit():
            self.guess.setValue(int(answer))

    def right_answer_text(self) -> str:
        return "" if self.engine_value is None else str(self.engine_value)

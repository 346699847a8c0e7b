"""PredictQuestion: guess a number, then let the engine run the incident and say.

The answer is never taken on trust from the quiz file: "Run it" builds the village and
the hierarchy with the models and simulates the incident, exactly as the sandbox would.
"""

from __future__ import annotations

from ermu.models.i18n import N_, _, ngettext
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from .question_card import QuestionCard

#: What a predict question measures: its words, and the count said with them.
MEASURES = {
    "liable_households": (N_("households liable"),
                          lambda n: ngettext("{n} household liable", "{n} households liable", n)),
    "liable_people": (N_("people liable"), lambda n: ngettext("{n} person liable", "{n} people liable", n)),
    "steps_to_government": (N_("steps until the government knows"),
                            lambda n: ngettext("{n} step until the government knows",
                                               "{n} steps until the government knows", n)),
    "leaders_involved": (N_("unit heads involved"),
                         lambda n: ngettext("{n} unit head involved", "{n} unit heads involved", n)),
    "households_per_magistrate": (N_("households per magistrate"),
                                  lambda n: ngettext("{n} household per magistrate",
                                                     "{n} households per magistrate", n)),
    "heads_per_magistrate": (N_("village heads per magistrate"),
                             lambda n: ngettext("{n} village head per magistrate",
                                                "{n} village heads per magistrate", n)),
    "households": (N_("households"), lambda n: ngettext("{n} household", "{n} households", n)),
    "counties": (N_("counties"), lambda n: ngettext("{n} county", "{n} counties", n)),
}


def engine_answer(preset, measure: str) -> int | None:
    """Run the question's preset with the models (an incident, or the empire) and read the measure."""
    from ermu.models.predict import engine_answer as answer

    return answer(preset, measure)



def measure_words(measure: str, n: int | None = None) -> str:
    """'12 households liable' (or, without a number, what is measured: 'households liable')."""
    forms = MEASURES.get(measure)
    if forms is None:
        return measure if n is None else f"{n} {measure}"
    words, counted = forms
    return _(words) if n is None else counted(n).format(n=n)

class PredictQuestion(QuestionCard):
    def __init__(self, lesson_id: str, index: int, total: int, question: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(lesson_id, index, total, question, parent)
        from ermu.models.content import question_preset

        self.preset = question_preset(question, f"question {index + 1}")
        self.measure = question.get("measure", "liable_households")
        self.engine_value: int | None = None
        row = QHBoxLayout()
        label = QLabel(_("Your guess:"))
        self.guess = QSpinBox()
        empire = self.preset.view == "empire"
        self.guess.setRange(0, 10_000_000 if empire else max(1, self.preset.households) * 10)
        self.guess.setAccessibleName(_("Your guess for question {n}: {measure}").format(
            n=index + 1, measure=measure_words(self.measure)))
        self.guess.setMinimumWidth(90)
        label.setBuddy(self.guess)
        unit = QLabel(measure_words(self.measure))
        unit.setObjectName("muted")
        row.addWidget(label)
        row.addWidget(self.guess)
        row.addWidget(unit)
        row.addStretch(1)
        self.body.addLayout(row)
        self.run_button = QPushButton(_("▶ Run it"))
        self.run_button.setAccessibleName(_("Run the incident of question {n} with the engine").format(n=index + 1))
        self.run_button.clicked.connect(self.run)
        self.sandbox_button = QPushButton(_("Open the empire") if empire else _("Try in the sandbox"))
        self.sandbox_button.setAccessibleName(_("Open the empire of question {n}").format(n=index + 1) if empire else
                                              _("Open the village of question {n} in the sandbox").format(n=index + 1))
        self.sandbox_button.setEnabled(True)
        self.buttons.insertWidget(1, self.run_button)
        self.buttons.insertWidget(2, self.sandbox_button)
        self.engine_label = QLabel()
        self.engine_label.setAccessibleDescription(_("The engine's answer to question {n}").format(n=index + 1))
        self.engine_label.setVisible(False)
        self.body.addWidget(self.engine_label)

    def run(self) -> int | None:
        """Compute and reveal the engine's answer."""
        if self.engine_value is None:
            try:
                self.engine_value = engine_answer(self.preset, self.measure)
            except ValueError as exc:
                self.engine_label.setText(_("This question's village cannot be run: {error}").format(error=exc))
                self.engine_label.setVisible(True)
                return None
        shown = (_("never reaches the government") if self.engine_value is None
                 else measure_words(self.measure, self.engine_value))
        self.engine_label.setText(_("The engine ran it: {answer}.").format(answer=shown))
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

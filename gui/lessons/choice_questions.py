"""The two questions answered by hand: choose one (radio buttons) and put in order.

The order question works with the mouse (drag and drop) and the keyboard (Move up /
Move down, or Alt+Up / Alt+Down in the list). Its items are shuffled the same way on
every run, so a screenshot or a classroom handout always matches the screen.
"""

from __future__ import annotations

from ermu.models.i18n import _
import re

import random
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHBoxLayout, QListWidget,
                               QLabel, QListWidgetItem, QPushButton, QRadioButton, QWidget)

from .question_card import QuestionCard


class _AnswerLabel(QLabel):
    """The words of an answer, wrapped; a click on them picks the answer's radio button."""

    def __init__(self, text: str, radio: QRadioButton) -> None:
        super().__init__(text)
        self.radio = radio
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(radio)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.radio.setChecked(True)
        self.radio.setFocus()
        event.accept()


class ChoiceQuestion(QuestionCard):
    def __init__(self, lesson_id: str, index: int, total: int, question: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(lesson_id, index, total, question, parent)
        self.group = QButtonGroup(self)
        self.radios: list[QRadioButton] = []
        self.answer_labels: list[QLabel] = []
        for i, text in enumerate(question.get("choices", ())):
            # the answer wraps in a label beside its radio button (a radio button's own text is
            # one line, cut off in a narrow pane); clicking the words chooses the answer
            radio = QRadioButton()
            radio.setAccessibleName(_("Answer {n}: {text}").format(n=i + 1, text=text))
            label = _AnswerLabel(str(text), radio)
            row = QHBoxLayout()
            row.setSpacing(6)
            row.addWidget(radio, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            self.group.addButton(radio, i)
            self.body.addLayout(row)
            self.radios.append(radio)
            self.answer_labels.append(label)

    def choose(self, choice: int) -> None:
        self.radios[choice].setChecked(True)

    def current_answer(self) -> str | None:
        chosen = self.group.checkedId()
        return None if chosen < 0 else str(chosen)

    def is_correct(self, answer: str) -> bool:
        return answer == str(self.question.get("answer"))

    def restore(self, answer: str) -> None:
        if answer.isdigit() and int(answer) < len(self.radios):
            self.choose(int(answer))

    def right_answer_text(self) -> str:
        choices = self.question.get("choices", ())
        answer = self.question.get("answer", -1)
        return f"“{choices[answer]}”" if 0 <= answer < len(choices) else ""


def shuffled_order(lesson_id: str, index: int, count: int) -> list[int]:
    """A fixed shuffle for this question that never starts out already solved."""
    order = list(range(count))
    random.Random(f"{lesson_id}/{index}").shuffle(order)
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


_DATE_IN_BRACKETS = re.compile(r"\s*\((?=[^()]*(?:\d|centur|dynasty|BC|AD))[^()]*\)")


def hide_dates(text: str) -> str:
    """An item without the bracketed dates that would give the order away:
    "Wang An-shih's baojia (1070)" → "Wang An-shih's baojia"."""
    shown = _DATE_IN_BRACKETS.sub("", text).strip()
    return shown or text


class OrderQuestion(QuestionCard):
    def __init__(self, lesson_id: str, index: int, total: int, question: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(lesson_id, index, total, question, parent)
        self.items = [str(item) for item in question.get("items", ())]
        self.list = QListWidget()
        self.list.setObjectName("orderList")
        self.list.setAccessibleName(_("Items to put in order for question {n}").format(n=index + 1))
        self.list.setAccessibleDescription(_("Drag an item, or select it and press Alt+Up or Alt+Down to move it."))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setDragDropOverwriteMode(False)  # a drop goes between rows, never onto one
        self.list.setDropIndicatorShown(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setStyleSheet("QListWidget#orderList { border: 1px solid #837b6b; border-radius: 6px; }"
                                " QListWidget#orderList::item { padding: 6px 8px; border-bottom: 1px solid #eee7d9; }")
        self.set_order(shuffled_order(lesson_id, index, len(self.items)))
        self.body.addWidget(self.list)
        moves = QHBoxLayout()
        self.up_button = QPushButton(_("▲ Move up"))
        self.up_button.setAccessibleName(_("Move the selected item up (question {n})").format(n=index + 1))
        self.down_button = QPushButton(_("▼ Move down"))
        self.down_button.setAccessibleName(_("Move the selected item down (question {n})").format(n=index + 1))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        self.body.addLayout(moves)
        for key, step in (("Alt+Up", -1), ("Alt+Down", +1)):
            shortcut = QShortcut(QKeySequence(key), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda s=step: self.move_selected(s))

    def set_order(self, order: list[int]) -> None:
        self.list.clear()
        for original in order:
            item = QListWidgetItem(hide_dates(self.items[original]))
            item.setData(Qt.ItemDataRole.UserRole, original)
            # an item is never a drop target: dropping onto it would blank it out
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            self.list.addItem(item)
        self._fit()

    def order(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _fit(self) -> None:
        rows = sum(max(self.list.sizeHintForRow(i), 30) for i in range(self.list.count()))
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 4)

    def current_answer(self) -> str | None:
        return ",".join(str(i) for i in self.order())

    def is_correct(self, answer: str) -> bool:
        return answer == ",".join(str(i) for i in range(len(self.items)))

    def restore(self, answer: str) -> None:
        try:
            order = [int(part) for part in answer.split(",")]
        except ValueError:
            return
        if sorted(order) == list(range(len(self.items))):
            self.set_order(order)

    def right_answer_text(self) -> str:
        return " → ".join(self.items)

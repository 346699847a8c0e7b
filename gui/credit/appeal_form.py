"""The dispute form of Credit China (异议/纠错): up to 2,000 characters, counted live.

The count is the model's (:func:`count_characters`); submit is disabled above the limit.
Submitting files the appeal in the coming month of the year being played; what happens
next (review time, decision rule) is Ermu's illustrative assumption and says so.
"""

from __future__ import annotations

from ermu.models.i18n import _
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ermu.models.credit import APPEAL_LIMIT, Appeal, AppealError, count_characters
from ermu.models.credit.appeal import APPEAL_CLAIM

from ..style import CINNABAR, illustrative_mark, SLATE
from .marks import cite, evidence_mark


class AppealForm(QWidget):
    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Dispute form"))
        title = QLabel(_("异议/纠错 Disagreement / correction"))
        title.setObjectName("cardTitle")
        self.about = about = QLabel(self._about())
        about.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(_("Text of the dispute"))
        self.editor.setPlaceholderText(_("Say why the entry is wrong, e.g. “I paid the debt in May.”"))
        self.editor.setTabChangesFocus(True)
        self.counter = QLabel("")
        self.counter.setAccessibleDescription(_("Characters used"))
        self.submit = QPushButton(_("Submit the dispute"))
        self.submit.setObjectName("primary")
        self.submit.setAccessibleName(_("Submit the dispute"))
        self.submit.clicked.connect(self._submit)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleDescription(_("What happened to the dispute"))
        self.next_steps = QLabel(f"{illustrative_mark()} " + _(
            "What happens next is not in the sources: Ermu files the dispute in the coming month of your year, "
            "decides it after a review month, and grants it only if the cause of the entry has been put right "
            "(for example, the court order obeyed or the overdue tax paid)."))
        self.next_steps.setWordWrap(True)
        self.next_steps.setStyleSheet(f"color: {SLATE};")
        row = QHBoxLayout()
        row.addWidget(self.counter)
        row.addStretch(1)
        row.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(about)
        layout.addWidget(self.editor, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.next_steps)
        self.editor.textChanged.connect(self._count)
        self.can_submit = True
        self._count()

    @staticmethod
    def _about() -> str:
        return f"{APPEAL_CLAIM.said()} ({evidence_mark(APPEAL_CLAIM.evidence).text()}; {cite(APPEAL_CLAIM.sources)})"

    def set_open(self, can_submit: bool, why: str = "") -> None:
        """Whether the year has a month left to file in; ``why`` is shown when it has not."""
        self.can_submit = can_submit
        if why:
            self.message.setText(why)
        self._count()

    def _count(self) -> None:
        n = count_characters(self.editor.toPlainText())
        over = n > APPEAL_LIMIT
        self.counter.setText(_("{n} / {limit} characters").format(n=f"{n:,}", limit=f"{APPEAL_LIMIT:,}") + (
            _(" — {n} too many").format(n=f"{n - APPEAL_LIMIT:,}") if over else ""))
        self.counter.setStyleSheet(f"color: {CINNABAR}; font-weight: 600;" if over else f"color: {SLATE};")
        self.submit.setEnabled(self.can_submit and not over and bool(self.editor.toPlainText().strip()))

    def retranslate(self) -> None:
        """The counter, the claim and the illustrative note in the current language."""
        self.about.setText(self._about())
        self.next_steps.setText(f"{illustrative_mark()} " + _(
            "What happens next is not in the sources: Ermu files the dispute in the coming month of your year, "
            "decides it after a review month, and grants it only if the cause of the entry has been put right "
            "(for example, the court order obeyed or the overdue tax paid)."))
        self._count()

    def _submit(self) -> None:
        try:
            appeal = Appeal(self.editor.toPlainText())
        except AppealError as exc:
            self.message.setText(str(exc))
            return
        self.submitted.emit(appeal.text)


__all__ = ["AppealForm"]

"""Where the sources disagree: each question, the claims side by side, and Ermu's reading."""

from __future__ import annotations

from ermu.models.i18n import _
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QScrollArea, QWidget

from ermu.models.credit import DISAGREEMENTS

from ..style import SLATE
from .marks import cite, evidence_mark, said


def _quoted(claim) -> str:
    text = said(claim)
    return f'<br><span style="color:{SLATE};"><i>{escape(_("The text says:"))}</i> {escape(text)}</span>' if text else ""


class DisagreementsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Where the sources disagree"))
        self.questions = QListWidget()
        self.questions.setAccessibleName(_("Questions the sources answer differently"))
        self.questions.setMaximumWidth(300)
        self.questions.setWordWrap(True)
        for d in DISAGREEMENTS:
            self.questions.addItem(d.said_topic())
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.setAccessibleDescription(_("The claims side by side"))
        self.detail.setMargin(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        row = QHBoxLayout(self)
        row.addWidget(self.questions)
        row.addWidget(scroll, 1)
        self.questions.currentRowChanged.connect(self.show_disagreement)
        self.questions.setCurrentRow(0)

    def show_disagreement(self, row: int) -> None:
        if not 0 <= row < len(DISAGREEMENTS):
            return
        d = DISAGREEMENTS[row]
        claims = "".join(
            f'<tr><td style="padding:6px; color:{evidence_mark(c.evidence).colour}; white-space:nowrap;">'
            f'{escape(evidence_mark(c.evidence).text())}</td><td style="padding:6px;">{escape(c.said())}'
            f'<br><span style="color:{SLATE};">{escape(cite(c.sources))}</span>{_quoted(c)}</td></tr>'
            for c in d.claims)
        self.detail.setText(f'<h3>{escape(d.said_topic())}</h3><table cellspacing="0">{claims}</table>'
                            f'<p><b>{escape(_("Reading the sources together:"))}</b> {escape(d.said_note())}</p>')

    def retranslate_widget(self) -> None:
        """The questions and the open disagreement in the current language; the choice stays."""
        for row, d in enumerate(DISAGREEMENTS):
            self.questions.item(row).setText(d.said_topic())
        self.show_disagreement(self.questions.currentRow())


__all__ = ["DisagreementsPanel"]

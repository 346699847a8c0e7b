"""The model card in the face: each mechanism, its basis (source, theory or assumption)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ermu.models.content import bibliography
from ermu.models.years.card import MECHANISMS, Basis
from ermu.models.i18n import _

from ..style import CINNABAR, JADE, SLATE

COLOURS = {Basis.SOURCE: JADE, Basis.THEORY: CINNABAR, Basis.ASSUMPTION: SLATE}
MARKS = {Basis.SOURCE: "■", Basis.THEORY: "◆", Basis.ASSUMPTION: "○"}  # a shape, not colour alone


def _cite(source) -> str:
    work = bibliography().get(source.key)
    who = work.authors[0].split(",")[0] if work and work.authors else source.key
    year = work.year if work else ""
    where = f", {source.pages}" if source.pages else ""
    return f"{who} {year}{where}"


def card_html() -> str:
    """The card as rich text built only from the model's own strings (escaped all the same)."""
    parts = ["<p><b>" + html.escape(_("Every number is illustrative.")) + "</b> "
             + html.escape(_("Each step of a simulated year and its basis: ■ from the sources, ◆ theory (not history), "
                             "○ Ermu's assumption.")) + "</p>"]
    for item in MECHANISMS:
        parts.append(f"<h3>{html.escape(item.title.render())}</h3><p>{html.escape(item.text.render())}</p><ul>")
        for kind, sources, why in item.basis:
            cites = "; ".join(_cite(s) for s in sources)
            parts.append(f"<li><span style='color:{COLOURS[kind]}'>{MARKS[kind]} "
                         f"<b>{html.escape(kind.label.render())}</b></span>"
                         + (f" ({html.escape(cites)})" if cites else "") + f": {html.escape(why.render())}</li>")
        parts.append("</ul>")
    return "".join(parts)


class ModelCardPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Model card: every step of the years model and its basis"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.label = QLabel(card_html())
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        host = QWidget()
        layout = QVBoxLayout(host)
        layout.addWidget(self.label)
        self.setWidget(host)

    def retranslate(self) -> None:
        self.label.setText(card_html())

    def plain_text(self) -> str:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.label.text())
        return doc.toPlainText()


__all__ = ["ModelCardPanel", "card_html"]

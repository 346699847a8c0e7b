"""NotePanel: the glossary term or the source the reader last pointed at, spelled out.

Hovering or tabbing to a glossary link shows the term's characters, pinyin, the sources'
romanizations and the definition; clicking a footnote shows the full bibliography entry.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ermu.models.content import Term, Work

from ..announce import announce
from ..style import CINNABAR, SLATE, relative_size

HINT = "Point at or Tab to a glossary term to see its characters here; open a footnote to see its source."


def short_url(url: str, limit: int = 90) -> str:
    """Where a work lives, without tracking parameters, short enough for one line."""
    bare = url.split("?", 1)[0].split("#", 1)[0]
    return bare if len(bare) <= limit else bare[: limit - 1] + "…"


class NotePanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePanel")
        self.set_point_size(self.font().pointSizeF())
        self.setAccessibleName("Term and source notes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.setSpacing(2)
        self.heading = QLabel("NOTES")
        self.heading.setStyleSheet(f"color: {SLATE}; font-size: {relative_size(0.8)}; letter-spacing: 1px; border: none;")
        self.text = QLabel(HINT)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setStyleSheet("border: none;")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setOpenExternalLinks(False)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        self.kind = ""

    def set_point_size(self, points: float) -> None:
        self.setStyleSheet("QFrame#notePanel { background: white; border: 1px solid #837b6b; "
                           f"border-top: 3px solid {CINNABAR}; border-radius: 6px; }}"
                           f" QFrame#notePanel QLabel {{ font-size: {points:.1f}pt; }}")

    def show_term(self, term: Term | None, term_id: str = "") -> None:
        self.kind = "term"
        self.heading.setText("TERM")
        if term is None:
            self._set(f"“{escape(term_id)}” is not in the glossary.", f"Term {term_id}: not in the glossary")
            return
        roman = f" ({escape(', '.join(term.romanizations))})" if term.romanizations else ""
        self._set(f"<span style='font-size:{relative_size(1.45)}; color:{CINNABAR}'>{escape(term.hanzi)}</span>"
                  f"&nbsp;&nbsp;<b>{escape(term.pinyin)}</b>{roman} — {escape(term.term)}<br>"
                  f"{escape(term.definition)}",
                  f"Term: {term.term}, {term.hanzi} {term.pinyin}{roman}. {term.definition}")

    def show_source(self, number: int | None, work: Work | None, key: str, locator: str = "",
                    quotations: tuple[str, ...] = ()) -> None:
        """A citation spelled out; ``quotations`` are the register's locators, shown as what
        the seed text says at that place (ermu.models.provenance)."""
        self.kind = "source"
        self.heading.setText(f"SOURCE [{number}]" if number else "SOURCE")
        if work is None:
            self._set(f"“{escape(key)}” is not in the bibliography.", f"Source {key}: not in the bibliography")
            return
        where = f" <b>{escape(locator)}</b>." if locator else ""
        url = f"<br><span style='color:{SLATE}'>{escape(short_url(work.url))}</span>" if work.url else ""
        said = " · ".join(f"“{q}”" for q in quotations)
        quoted = f"<br><i>The text says:</i> {escape(said)}" if quotations else ""
        self._set(f"{escape(work.citation())}{where}{url}{quoted}",
                  (f"Source {number or ''}: {work.citation()} {locator}".strip()
                   + (f" The text says: {said}" if quotations else "")))

    def clear_note(self) -> None:
        self.kind = ""
        self.heading.setText("NOTES")
        self._set(escape(HINT), HINT)

    def _set(self, html: str, spoken: str) -> None:
        self.text.setText(html)
        self.text.setAccessibleName(spoken)  # the visible text, without its markup
        if self.kind:
            announce(self, spoken)  # the note appears away from the focus: say it

    def plain_text(self) -> str:
        return self.text.accessibleName()

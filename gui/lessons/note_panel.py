"""NotePanel: the glossary term or the source the reader last pointed at, spelled out.

Hovering or tabbing to a glossary link shows the term's characters, pinyin, the sources'
romanizations and the definition; clicking a footnote shows the full bibliography entry.
"""

from __future__ import annotations

from ermu.models.i18n import N_, _
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ermu.models.content import Term, Work

from ..announce import announce
from ..style import CINNABAR, SLATE, relative_size

HINT = N_("Point at or Tab to a glossary term to see its characters here; open a footnote to see its source.")
#: On a touch screen nothing is pointed at: a tap explains (the kiosk).
TOUCH_HINT = N_("Tap a glossary term to see its characters and meaning here; tap a footnote number to see its source.")


def short_url(url: str, limit: int = 90) -> str:
    """Where a work lives, without tracking parameters, short enough for one line."""
    bare = url.split("?", 1)[0].split("#", 1)[0]
    return bare if len(bare) <= limit else bare[: limit - 1] + "…"


class NotePanel(QFrame):
    def __init__(self, parent: QWidget | None = None, *, touch: bool = False) -> None:
        super().__init__(parent)
        self.hint = TOUCH_HINT if touch else HINT
        self.setObjectName("notePanel")
        self.set_point_size(self.font().pointSizeF())
        self.setAccessibleName(_("Term and source notes"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.setSpacing(2)
        self.heading = QLabel(_("NOTES"))
        self.heading.setStyleSheet(f"color: {SLATE}; font-size: {relative_size(0.8)}; letter-spacing: 1px; border: none;")
        self.text = QLabel(_(self.hint))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setStyleSheet("border: none;")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setOpenExternalLinks(False)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        self.kind = ""
        self._shown: tuple = ()  # the last note (method, arguments), said again on a language switch
        self._quiet = False

    def set_point_size(self, points: float) -> None:
        self.setStyleSheet("QFrame#notePanel { background: white; border: 1px solid #837b6b; "
                           f"border-top: 3px solid {CINNABAR}; border-radius: 6px; }}"
                           f" QFrame#notePanel QLabel {{ font-size: {points:.1f}pt; }}")

    def show_term(self, term: Term | None, term_id: str = "") -> None:
        self.kind = "term"
        self._shown = (self.show_term, (term, term_id))
        self.heading.setText(_("TERM"))
        if term is None:
            self._set(escape(_("“{term}” is not in the glossary.").format(term=term_id)),
                      _("Term {term}: not in the glossary").format(term=term_id))
            return
        roman = f" ({escape(', '.join(term.romanizations))})" if term.romanizations else ""
        self._set(f"<span style='font-size:{relative_size(1.45)}; color:{CINNABAR}'>{escape(term.hanzi)}</span>"
                  f"&nbsp;&nbsp;<b>{escape(term.pinyin)}</b>{roman} — {escape(term.term)}<br>"
                  f"{escape(term.definition)}",
                  _("Term: {term}, {hanzi} {pinyin}{roman}. {definition}").format(
                      term=term.term, hanzi=term.hanzi, pinyin=term.pinyin, roman=roman, definition=term.definition))

    def show_source(self, number: int | None, work: Work | None, key: str, locator: str = "",
                    quotations: tuple[str, ...] = ()) -> None:
        """A citation spelled out; ``quotations`` are the register's locators, shown as what
        the seed text says at that place (ermu.models.provenance)."""
        self.kind = "source"
        self._shown = (self.show_source, (number, work, key, locator, quotations))
        self.heading.setText(_("SOURCE [{n}]").format(n=number) if number else _("SOURCE"))
        if work is None:
            self._set(escape(_("“{key}” is not in the bibliography.").format(key=key)),
                      _("Source {key}: not in the bibliography").format(key=key))
            return
        where = f" <b>{escape(locator)}</b>." if locator else ""
        url = f"<br><span style='color:{SLATE}'>{escape(short_url(work.url))}</span>" if work.url else ""
        said = " · ".join(f"“{q}”" for q in quotations)
        quoted = f"<br><i>{escape(_('The text says:'))}</i> {escape(said)}" if quotations else ""
        self._set(f"{escape(work.citation())}{where}{url}{quoted}",
                  (_("Source {n}: {citation} {locator}").format(n=number or "", citation=work.citation(),
                                                               locator=locator).strip()
                   + (" " + _("The text says: {quotes}").format(quotes=said) if quotations else "")))

    def clear_note(self) -> None:
        self.kind = ""
        self._shown = ()
        self.heading.setText(_("NOTES"))
        self._set(escape(_(self.hint)), _(self.hint))

    def retranslate(self) -> None:
        """The note shown, again in the current language, without reading it aloud again."""
        self._quiet = True
        try:
            if self._shown:
                method, args = self._shown
                method(*args)
            else:
                self.clear_note()
        finally:
            self._quiet = False

    def _set(self, html: str, spoken: str) -> None:
        self.text.setText(html)
        self.text.setAccessibleName(spoken)  # the visible text, without its markup
        if self.kind and not self._quiet:
            announce(self, spoken)  # the note appears away from the focus: say it

    def plain_text(self) -> str:
        return self.text.accessibleName()

"""The numbers that make the point, each with its mark: documented, derived or illustrative.

One read-only document that wraps and scrolls at any size: per figure its label, its
value, its mark, its sources and Ermu's note where it had to read a source one way. All
text is escaped, never taken as markup.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from ermu.models.empire import Figure, Status

from ermu.models.i18n import N_, _

from ..style import ILLUSTRATIVE_MARK, SLATE

MARKS = {Status.DOCUMENTED: N_("● documented"), Status.DERIVED: N_("◐ derived from documented figures"),
         Status.ILLUSTRATIVE: ILLUSTRATIVE_MARK}
N_("◇ illustrative")  # gui/style.py's ILLUSTRATIVE_MARK, translated where it is shown


def shown_value(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


class NumbersPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("The numbers of the empire, each with its source or an illustrative mark"))
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.values: dict[str, str] = {}
        self.figures: list[Figure] = []

    def show_figures(self, figures: list[Figure]) -> None:
        self.figures = list(figures)
        self.values = {f.key: shown_value(f.value) for f in figures}
        rows = []
        for f in figures:
            sources = "; ".join(str(s) for s in f.sources) or _("no source: Ermu's choice")
            note = f"<br>{escape(f.note.render())}" if f.note is not None else ""
            rows.append(
                f"<tr><td style='padding-top:6px'>{escape(f.label.render())}</td>"
                f"<td align='right' style='padding-top:6px; font-weight:600'>{escape(self.values[f.key])}</td></tr>"
                f"<tr><td colspan='2' style='color:{SLATE}; font-size:small'>{escape(_(MARKS[f.status]))} · "
                f"{escape(sources)}{note}</td></tr>")
        self.setHtml(f"<h3>{escape(_('The numbers'))}</h3><table width='100%' cellspacing='0'>" + "".join(rows) + "</table>")

    def retranslate(self) -> None:
        self.setAccessibleName(_("The numbers of the empire, each with its source or an illustrative mark"))
        if self.figures:
            self.show_figures(self.figures)

    def value_of(self, key: str) -> str:
        return self.values[key]

    def text(self) -> str:
        return self.toPlainText()

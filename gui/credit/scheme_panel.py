"""The scheme switch (commercial / pilot / national) and each scheme's evidence.

The switch is three checkable buttons (keyboard: Tab to them, Space to choose). The
evidence page lists what the sources say about the scheme, each claim with its evidence
level and short citations, and what in the scheme is Ermu's (illustrative).
"""

from __future__ import annotations

from ermu.models.i18n import N_, _
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from ermu.models.credit import SCHEME_IDS
from ermu.models.credit.texts import said as said_text

from ..style import illustrative_mark, SLATE
from .marks import cite, evidence_mark, said

SHORT_NAMES = {"commercial": N_("Commercial (Sesame-style)"), "pilot": N_("Graded score (paper)"),
               "national": N_("National (lists)")}


class SchemeSwitch(QWidget):
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Scheme"))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        label = QLabel(_("Scheme:"))
        row.addWidget(label)
        row.addSpacing(8)
        for i, scheme_id in enumerate(SCHEME_IDS):
            button = QPushButton(_(SHORT_NAMES[scheme_id]))
            button.setCheckable(True)
            button.setAccessibleName(_("Scheme: {name}").format(name=_(SHORT_NAMES[scheme_id])))
            radius = ("border-top-left-radius: 6px; border-bottom-left-radius: 6px;" if i == 0 else
                      "border-top-right-radius: 6px; border-bottom-right-radius: 6px;" if i == len(SCHEME_IDS) - 1
                      else "")
            button.setStyleSheet(f"QPushButton {{ border-radius: 0; {radius} }} QPushButton:checked "
                                 "{ background: #b23a2b; color: white; }")
            self.group.addButton(button)
            self.buttons[scheme_id] = button
            button.clicked.connect(lambda _=False, s=scheme_id: self.chosen.emit(s))
            row.addWidget(button)
        row.addStretch(1)

    def retranslate_widget(self) -> None:
        """The schemes' short names (called on a language switch by ``retranslate_static``)."""
        for scheme_id, button in self.buttons.items():
            button.setText(_(SHORT_NAMES[scheme_id]))
            button.setAccessibleName(_("Scheme: {name}").format(name=_(SHORT_NAMES[scheme_id])))

    def set_current(self, scheme_id: str) -> None:
        self.buttons[scheme_id].setChecked(True)


def _quoted(claim) -> str:
    """The register's locators for a claim, shown as what the source text says."""
    text = said(claim)
    return f'<br><span style="color:{SLATE};"><i>{escape(_("The text says:"))}</i> {escape(text)}</span>' if text else ""


class SchemeEvidence(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("What the sources say about this scheme"))
        self.setWidgetResizable(True)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label.setMargin(12)
        self.setWidget(self.label)

    def show_scheme(self, scheme) -> None:
        claims = "".join(
            f'<tr><td style="padding:5px; color:{evidence_mark(c.evidence).colour}; white-space:nowrap;">'
            f'{escape(evidence_mark(c.evidence).text())}</td><td style="padding:5px;">{escape(c.said())}<br>'
            f'<span style="color:{SLATE};">{escape(cite(c.sources))}</span>{_quoted(c)}</td></tr>'
            for c in scheme.claims)
        thresholds = "".join(
            "<li>" + escape(_("{threshold}: {effects}").format(threshold=t.describe(),
                                                               effects=_(", ").join(e.said() for e in t.effects) or "—"))
            + f"{'' if t.documented else ' ' + illustrative_mark()}</li>" for t in scheme.thresholds)
        own = "".join(f"<li>{escape(said_text(x))}</li>" for x in scheme.illustrative)
        score = (_("Score range {low}–{high}{mark}.").format(
            low=f"{scheme.minimum:,}", high=f"{scheme.maximum:,}",
            mark="" if scheme.range_documented else " " + illustrative_mark()) if scheme.has_score
                 else _("No single score."))
        self.label.setText(
            f"<h3>{escape(_(scheme.title))}</h3><p>{escape(_(scheme.summary))} {escape(score)} "
            f"{escape(_('Mandatory.') if scheme.mandatory else _('Opt-in.'))}</p>"
            f"<h4>{escape(_('What the sources say'))}</h4><table cellspacing='0'>{claims}</table>"
            + (f"<h4>{escape(_('Thresholds'))}</h4><ul>{thresholds}</ul>" if thresholds else "")
            + f"<h4>{illustrative_mark()}: {escape(_('Ermu’s own choices in this scheme'))}</h4><ul>{own}</ul>")


__all__ = ["SHORT_NAMES", "SchemeEvidence", "SchemeSwitch"]

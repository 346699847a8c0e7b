"""The lists page, modelled on Credit China: one red list, three negative lists in falling
severity, and the site's "typical cases" and "stories of integrity" explained in words."""

from __future__ import annotations

from ermu.models.i18n import _
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ermu.models.credit import LISTS, NEGATIVE_LISTS
from ermu.models.credit.lists import CREDIT_CHINA
from ermu.models.credit.texts import end_reason_said
from ermu.models.names import PersonName

from ..style import CINNABAR, INK, JADE, SLATE, relative_size
from .marks import cite, evidence_mark
from .score_card import list_line


def claim_html(claim) -> str:
    mark = evidence_mark(claim.evidence)
    return (f'{escape(claim.said())}<br><span style="color:{mark.colour};">{escape(mark.text())}</span>'
            f'<span style="color:{SLATE};"> · {escape(cite(claim.sources))}</span>')


class ListsPage(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Credit China lists"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.layout_ = QVBoxLayout(inner)
        self.layout_.setSpacing(8)
        heading = QLabel(_("信用中国 Credit China: who is named, and on which list"))
        heading.setObjectName("cardTitle")
        self.layout_.addWidget(heading)
        self.list_boxes: dict[str, QLabel] = {}
        for list_id in ("red-list", *NEGATIVE_LISTS):
            box = QLabel()
            box.setWordWrap(True)
            box.setTextFormat(Qt.TextFormat.RichText)
            box.setObjectName("card")
            box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            box.setMargin(10)
            self.list_boxes[list_id] = box
            self.layout_.addWidget(box)
        self.about = about = QLabel(self._about())
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.RichText)
        about.setObjectName("card")
        about.setMargin(10)
        about.setAccessibleDescription(_("What else Credit China shows: typical cases, stories of integrity, "
                                         "the correction form"))
        self.layout_.addWidget(about)
        self.layout_.addStretch(1)
        self.setWidget(inner)

    @staticmethod
    def _about() -> str:
        return ("<b>" + escape(_("Typical cases and stories of integrity")) + "</b><br>"
                + "<br><br>".join(claim_html(c) for c in CREDIT_CHINA))

    def retranslate_widget(self) -> None:
        """The Credit China claims, composed once, again in the current language (the boxes
        follow the document on the face's refresh)."""
        self.about.setText(self._about())

    def show_document(self, document) -> None:
        year, month = document.year, document.month
        on = set(document.standing().lists)
        name = PersonName(document.citizen.person.name, document.citizen.person.hanzi).render()
        for list_id, box in self.list_boxes.items():
            c = LISTS[list_id]
            kind = (_("the one positive list") if c.positive else
                    _("negative list, severity {n} of 3").format(n=c.severity))
            colour = JADE if c.positive else (CINNABAR if c.severity == 3 else INK)
            entries = [m for m in year.memberships if m.list_id == list_id and m.start <= month]
            history = _("; ").join(
                _("entered in month {start}, left in month {end} ({why})").format(
                    start=m.start, end=m.end, why=end_reason_said(m.end_reason) or _("the score"))
                if m.end is not None and m.end <= month else _("entered in month {start}").format(start=m.start)
                for m in entries)
            if list_id in on:
                here = (f'<p style="color:{colour}; font-weight:600;">▶ '
                        + escape(_("{name} is on this list ({history}).").format(name=name, history=history)) + "</p>")
            elif entries:
                here = (f'<p style="color:{SLATE};">'
                        + escape(_("{name} was on it: {history}.").format(name=name, history=history)) + "</p>")
            else:
                here = f'<p style="color:{SLATE};">' + escape(_("{name} is not on it.").format(name=name)) + "</p>"
            box.setText(f'<span style="font-size:{relative_size(1.07)}; font-weight:600; color:{colour};">{escape(list_line(list_id))}'
                        f'</span> <span style="color:{SLATE};">({escape(c.name.pinyin)}{escape(_("; "))}{escape(kind)})</span>'
                        f'<p>{claim_html(c.claim)}</p>{here}')
            shown = c.name.said("english").render()
            box.setAccessibleDescription(_("{list}: the citizen is on it").format(list=shown) if list_id in on
                                         else _("{list}: the citizen is not on it").format(list=shown))


__all__ = ["ListsPage", "claim_html"]

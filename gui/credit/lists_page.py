"""The lists page, modelled on Credit China: one red list, three negative lists in falling
severity, and the site's "typical cases" and "stories of integrity" explained in words."""

from __future__ import annotations

from ermu.models.i18n import _
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ermu.models.credit import LISTS, NEGATIVE_LISTS
from ermu.models.credit.lists import CREDIT_CHINA

from ..style import CINNABAR, INK, JADE, SLATE, relative_size
from .marks import cite, evidence_mark
from .score_card import list_line


def claim_html(claim) -> str:
    mark = evidence_mark(claim.evidence)
    return (f'{escape(claim.text)}<br><span style="color:{mark.colour};">{escape(mark.text())}</span>'
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
        about = QLabel("<b>" + _("Typical cases and stories of integrity") + "</b><br>" + "<br><br>".join(
            claim_html(c) for c in CREDIT_CHINA))
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.RichText)
        about.setObjectName("card")
        about.setMargin(10)
        about.setAccessibleDescription(_("What else Credit China shows: typical cases, stories of integrity, "
                                         "the correction form"))
        self.layout_.addWidget(about)
        self.layout_.addStretch(1)
        self.setWidget(inner)

    def show_document(self, document) -> None:
        year, month = document.year, document.month
        on = set(document.standing().lists)
        for list_id, box in self.list_boxes.items():
            c = LISTS[list_id]
            kind = "the one positive list" if c.positive else f"negative list, severity {c.severity} of 3"
            colour = JADE if c.positive else (CINNABAR if c.severity == 3 else INK)
            entries = [m for m in year.memberships if m.list_id == list_id and m.start <= month]
            history = "; ".join(
                f"entered in month {m.start}" + (f", left in month {m.end} ({m.end_reason})"
                                                 if m.end is not None and m.end <= month else "")
                for m in entries)
            here = (f'<p style="color:{colour}; font-weight:600;">▶ {escape(document.citizen.name)} is on '
                    f'this list ({escape(history)}).</p>' if list_id in on else
                    (f'<p style="color:{SLATE};">{escape(document.citizen.name)} was on it: {escape(history)}.</p>'
                     if entries else f'<p style="color:{SLATE};">{escape(document.citizen.name)} is not on it.</p>'))
            box.setText(f'<span style="font-size:{relative_size(1.07)}; font-weight:600; color:{colour};">{escape(list_line(list_id))}'
                        f'</span> <span style="color:{SLATE};">({escape(c.name.pinyin)}; {kind})</span>'
                        f'<p>{claim_html(c.claim)}</p>{here}')
            box.setAccessibleDescription(f"{c.name.english}: " + ("the citizen is on it" if list_id in on
                                                            else "the citizen is not on it"))


__all__ = ["ListsPage", "claim_html"]

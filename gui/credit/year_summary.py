"""The end of the year: the score's path, the lists entered and left, every benefit and
restriction met — what a student needs to talk about the year they just played.

The lines are read from the model's records of the year (months, memberships, standings);
nothing here decides a rule.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from ermu.models.credit import LISTS
from ermu.models.credit.texts import end_reason_said
from ermu.models.i18n import _


def _list_name(list_id: str) -> str:
    entry = LISTS.get(list_id)
    return entry.name.said("english").render() if entry is not None else list_id


def summary_lines(document) -> list[tuple[str, list[str]]]:
    """(heading, lines) sections for the year played so far."""
    year, played = document.year, document.played()
    sections: list[tuple[str, list[str]]] = []
    scores = [m.score for m in played]
    if year.start_score is not None and all(s is not None for s in scores) and scores:
        path = [year.start_score] + scores
        low, high = min(path), max(path)
        sections.append((_("Score"), [
            _("From {start:,} to {end:,} over {months} months.").format(start=path[0], end=path[-1], months=len(scores)),
            _("Lowest {low:,} (month {low_month}); highest {high:,} (month {high_month}).").format(
                low=low, low_month=path.index(low), high=high, high_month=path.index(high)),
            _("Month by month: {path}.").format(path=" → ".join(f"{s:,}" for s in path)),
        ]))
    else:
        sections.append((_("Score"), [_("This scheme keeps no score: it works with lists.")]))
    entered = [m for m in year.memberships if m.start <= document.month]
    left = [m for m in entered if m.end is not None and m.end <= document.month]
    sections.append((_("Lists entered"), [
        _("{list} in month {month}").format(list=_list_name(m.list_id), month=m.start) for m in entered]
        or [_("None: the citizen was never listed.")]))
    sections.append((_("Lists left"), [
        _("{list} in month {month}{why}").format(list=_list_name(m.list_id), month=m.end,
                                                 why=f" ({end_reason_said(m.end_reason)})"
                                                 if end_reason_said(m.end_reason) else "") for m in left]
        or [_("None.")]))
    benefits: dict[str, int] = {}
    restrictions: dict[str, int] = {}
    for record in played:
        for granted in record.standing.benefits:
            benefits.setdefault(granted.effect.said(), record.month)
        for granted in record.standing.restrictions:
            restrictions.setdefault(granted.effect.said(), record.month)
    sections.append((_("Benefits met"), [_("{effect} (from month {month})").format(effect=e, month=m)
                                          for e, m in benefits.items()] or [_("None.")]))
    sections.append((_("Restrictions met"), [_("{effect} (from month {month})").format(effect=e, month=m)
                                              for e, m in restrictions.items()] or [_("None.")]))
    return sections


class YearSummary(QTextBrowser):
    """Shown in place of the cards when the twelfth month is played; Tab reaches it, a screen
    reader reads it line by line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearSummary")
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_("Summary of the year"))

    def show_document(self, document) -> str:
        """Fill the summary; returns it as one plain sentence block (for an announcement)."""
        sections = summary_lines(document)
        html = [f"<h3>{escape(_('The year is over: {scheme}').format(scheme=_(document.scheme.title)))}</h3>"]
        spoken = [_("The year is over.")]
        for heading, lines in sections:
            html.append(f"<p><b>{escape(heading)}</b></p><ul>")
            html.extend(f"<li>{escape(line)}</li>" for line in lines)
            html.append("</ul>")
            spoken.append(_("{heading}: {lines}.").format(heading=heading, lines=_("; ").join(lines)))
        self.setHtml("".join(html))
        return " ".join(spoken)


__all__ = ["YearSummary", "summary_lines"]

"""How Ermu shows a year, and the flag on a year the sources do not give.

Some dates on the lesson path and the regime cards are Ermu's assumptions: an end year
the sources never state (the Sui's 618), a year put on "the early sixteenth century", a
century turned into a year. Each such year carries a note saying what the sources do say,
and wherever the year is shown it carries :data:`ASSUMED_MARK`, explained by
:data:`LEGEND` and the note. Home, the lesson path and the CLI all use these functions, so
they show a year the same way.
"""

from __future__ import annotations

ASSUMED_MARK = "*"
LEGEND = "* A year the sources do not give: Ermu's assumption (the note says what the sources say)."


def year_text(year: int) -> str:
    """'589', 'c. 650 BC'."""
    if year < 0:
        from .i18n import _

        return _("c. {year} BC").format(year=-year)
    return str(year)


def year_label(year: int, note: str = "") -> str:
    """A year as shown, with the assumption mark when ``note`` explains it."""
    return year_text(year) + (ASSUMED_MARK if note else "")


def span_label(start: int, end: int | None, start_note: str = "", end_note: str = "") -> str:
    """'1644–1900*', '589', '2014–' (a modern start with no end runs on to today)."""
    first = year_label(start, start_note)
    if end is not None and end != start:
        return f"{first}–{year_label(int(end), end_note)}"
    return f"{first}–" if start > 1900 and end is None else first


def spoken_span(start: int, end: int | None, start_note: str = "", end_note: str = "") -> str:
    """The same span for a screen reader: the mark is said in words."""
    from .i18n import _

    def said(year: int, note: str) -> str:
        return _("{year} (assumed)").format(year=year_text(year)) if note else year_text(year)

    if end is not None and end != start:
        return _("{start} to {end}").format(start=said(start, start_note), end=said(int(end), end_note))
    return said(start, start_note)


__all__ = ["ASSUMED_MARK", "LEGEND", "span_label", "spoken_span", "year_label", "year_text"]

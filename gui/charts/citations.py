"""Short citations for what a user sees under a chart or a claim: 'Kostka 2018, p. 13'."""

from __future__ import annotations

import functools


@functools.cache
def _works() -> dict:
    from ermu.models.content import bibliography

    try:
        return bibliography()
    except Exception:  # a broken bibliography must not hide a chart or a card
        return {}


def _author(work) -> str:
    surnames = [a.split(",")[0].strip() for a in work.authors]
    if not surnames:
        return getattr(work, "short", "") or work.title
    if len(surnames) == 1:
        return surnames[0]
    if len(surnames) == 2:
        return f"{surnames[0]} and {surnames[1]}"
    return f"{surnames[0]} et al."


def short_citation(key: str, pages: str | int = "") -> str:
    """A bibliography key and page as 'Liang et al. 2018, pp. 426-427'; the key if unknown."""
    work = _works().get(key)
    name = key if work is None else f"{_author(work)} {work.year or 'n.d.'}"
    pages = str(pages or "").strip()
    if not pages:
        return name
    if pages[0].isdigit():
        return f"{name}, {'pp.' if '-' in pages or '–' in pages else 'p.'} {pages}"
    return f"{name}, {pages}"


def cite(sources) -> str:
    """``Source`` objects (key, pages) as one line separated by semicolons."""
    return "; ".join(short_citation(s.key, s.pages) for s in sources)


def cite_via(via: str) -> str:
    """A 'via' cell such as 'duke-thesis-2020 Figure 5.4' as 'Duke honors thesis 2020, Figure 5.4'."""
    key, _, where = via.partition(" ")
    return short_citation(key, where)


__all__ = ["cite", "cite_via", "short_citation"]

"""The provenance register (``content/provenance.toml``): where each documented number comes from.

Every number Ermu shows as *documented* has a :class:`Fact`: what is shown, the work and
page it comes from, the seed text that states it, and a *locator*, a verbatim phrase of at
most twelve words from that passage. Faces call :func:`provenance_for` to quote the locator
beside a citation, so a student sees what the source actually says. Tests check every
locator against the seed texts and that no documented number is shown without an entry.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .content import PACKAGE, ContentError

SEEDS = ("duke-thesis-2020", "vochelet-2020")
MAX_LOCATOR_WORDS = 12
_PAGE = re.compile(r"^(?:pp?\.\s*)?(\d+)(?:\s*[-–]\s*(\d+))?$")
_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w-])")


@dataclass(frozen=True)
class Fact:
    """One documented statement: what the app shows and the passage of a seed text that states it."""

    shows: tuple[str, ...]  # ids of what displays it ("regime:sui:pao:size", "table:approval_by_group")
    shown: str  # what the user sees, in our words
    values: tuple[str, ...]  # the numbers as shown, without thousands separators
    source: str  # bibliography key of the work the number comes from
    page: str  # its page as the seed cites it ("" if none)
    seed: str  # the seed text stating it: duke-thesis-2020 or vochelet-2020
    locator: str  # a verbatim phrase of at most twelve words from that seed

    def quotation(self) -> str:
        """The locator as a quotation: '“every five households into a pao”'."""
        return f"\u201c{self.locator}\u201d"


@dataclass(frozen=True)
class Aside:
    """A number a lesson shows that is not a documented fact, and why (arithmetic, a label)."""

    lesson: str
    values: tuple[str, ...]
    why: str


def normalise(text: str) -> str:
    """Text as a locator is compared: the extraction's * $ and backslash marks and typographic
    quotes dropped or straightened, runs of white space collapsed."""
    for old, new in (("*", ""), ("$", ""), ("\\", ""), ("\u2019", "'"), ("\u2018", "'"),
                     ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(old, new)
    return " ".join(text.split())


def number_key(text: str) -> float:
    """'1,050' and '1050.0' as one value, so a shown number finds its entry."""
    return float(text.replace(",", ""))


_REFERENCE = re.compile(r"(?:Figures?|Tables?|[Ss]ections?|[Cc]hapters?|§)\s*\d+(?:\.\d+)*"
                        r"(?:(?:,\s*|\s*[-–]\s*|\s+and\s+)\d+(?:\.\d+)*)*")


def numbers_in(text: str) -> list[str]:
    """The numbers written with digits in a text, as shown ('1,050', '48.89'); a reference to a
    figure, table, section or chapter ('Figure 5.8') is a place, not a number."""
    return [m.group(1) for m in _NUMBER.finditer(_REFERENCE.sub(" ", text))]


def _strings(item: dict, key: str) -> tuple[str, ...]:
    value = item.get(key, ())
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError(f"provenance.toml: {key!r} must be a list of strings in {item!r}")
    return tuple(value)


@lru_cache(maxsize=1)
def register() -> tuple[tuple[Fact, ...], tuple[Aside, ...]]:
    """The register's facts and asides, parsed and checked for shape."""
    path = resources.files(PACKAGE).joinpath("provenance.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"provenance.toml: not valid TOML ({exc})") from None
    facts = []
    for item in data.get("fact", []):
        try:
            fact = Fact(_strings(item, "shows"), str(item["shown"]), _strings(item, "values"),
                        str(item["source"]), str(item.get("page", "")), str(item["seed"]),
                        str(item["locator"]))
        except KeyError as exc:
            raise ContentError(f"provenance.toml: a fact lacks {exc}: {item!r}") from None
        if fact.seed not in SEEDS:
            raise ContentError(f"provenance.toml: seed {fact.seed!r} is not one of {', '.join(SEEDS)}")
        if len(normalise(fact.locator).split()) > MAX_LOCATOR_WORDS:
            raise ContentError(f"provenance.toml: the locator {fact.locator!r} is longer than "
                               f"{MAX_LOCATOR_WORDS} words")
        facts.append(fact)
    asides = tuple(Aside(str(a["lesson"]), _strings(a, "values"), str(a["why"])) for a in data.get("aside", []))
    return tuple(facts), asides


def facts() -> tuple[Fact, ...]:
    return register()[0]


def _pages(page: str) -> range | None:
    match = _PAGE.match(page.strip())
    if not match:
        return None
    first = int(match.group(1))
    return range(first, int(match.group(2) or first) + 1)


def _same_pages(cited: str, entry: str) -> bool:
    """Does an entry's page fall within what a citation names? ('pp. 426-427' holds '427')."""
    if not cited.strip():
        return True
    want, have = _pages(cited), _pages(entry)
    if want is None or have is None:
        return normalise(cited).lower() == normalise(entry).lower()
    return bool(set(want) & set(have))


def provenance_for(source: str, page: str = "", *, values: tuple[str, ...] | None = None,
                   shows: str | None = None) -> tuple[Fact, ...]:
    """The register's entries for a citation: a bibliography key and optional page ('p. 26').

    ``values`` keeps only entries stating one of those numbers (say, the numbers of the
    lesson on screen); ``shows`` keeps entries for one place in the app
    ('regime:sui:pao:size'). With ``source=""`` every source matches.
    """
    wanted = {number_key(v) for v in values} if values is not None else None
    found = []
    for fact in facts():
        if source and fact.source != source:
            continue
        if not _same_pages(page, fact.page):
            continue
        if wanted is not None and not wanted & {number_key(v) for v in fact.values}:
            continue
        if shows is not None and shows not in fact.shows:
            continue
        found.append(fact)
    return tuple(found)


__all__ = ["Aside", "Fact", "MAX_LOCATOR_WORDS", "SEEDS", "facts", "normalise", "number_key",
           "numbers_in", "provenance_for", "register"]

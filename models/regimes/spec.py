"""The declarative shape of a historical regime.

A regime is data: the levels it groups households into (smallest first), who leads each
level and how that leader is chosen, whom it covers, what it obliges, how liability falls,
and the source of every fact. The hierarchy engine and the incident engine read these
specs; nothing about a particular dynasty is written in the engines themselves.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ..messages import ErmuError, Phrase, msg
from ..places import Setting


class UnknownLevel(ErmuError, ValueError):
    """A level a regime does not have; the message is for people."""


@dataclass(frozen=True)
class Source:
    """A citation: a bibliography key (content/bibliography.toml) and pages where known."""

    key: str
    pages: str = ""

    def __str__(self) -> str:
        if not self.pages:
            return self.key
        prefix = "p. " if self.pages[0].isdigit() else ""
        return f"{self.key}, {prefix}{self.pages}"


@dataclass(frozen=True)
class Name:
    """A name as Ermu shows it: characters, pinyin, the sources' romanization, English."""

    hanzi: str
    pinyin: str
    romanized: str
    english: str = ""

    def display(self) -> str:
        """'牌 pái (pai)': characters, pinyin, and the sources' romanization in brackets."""
        core = f"{self.hanzi} {self.pinyin}".strip()
        return f"{core} ({self.romanized})" if self.romanized else core

    def __str__(self) -> str:
        return self.display()

    def shown(self) -> str:
        """As :meth:`display` in English; in Chinese the characters (in the script of the language)
        and the pinyin — the sources' romanization stays in the glossary."""
        from ..i18n import _, speaking_chinese

        if not speaking_chinese() or not self.hanzi:
            return self.display()

        return f"{_(self.hanzi)} {self.pinyin}".strip()

    def said(self, form: str = "romanized") -> "NameAs":
        """This name as a message parameter: the characters in Chinese, ``form`` in English."""
        return NameAs(self, form)


@dataclass(frozen=True)
class NameAs:
    """A :class:`Name` inside a sentence: characters when Ermu speaks Chinese, else ``form``."""

    name: Name
    form: str = "romanized"  # or "english", "display"

    def render(self, translator=None) -> str:
        from ..language import is_chinese

        if is_chinese() and self.form == "display":  # beside the characters: the pinyin, one look away
            return self.name.pinyin or self.name.romanized
        if is_chinese() and self.name.hanzi:  # the catalogs give the simplified or traditional forms
            from ..i18n import _

            return _(self.name.hanzi)
        if self.form == "display":
            return self.name.display()
        return getattr(self.name, self.form) or self.name.romanized or self.name.english or self.name.hanzi

    def __str__(self) -> str:
        return self.render()


_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", "aaaaeeeeiiiioooouuuuuuuuu")


def _strip_tones(text: str) -> str:
    return text.translate(_TONES)


class Selection(enum.StrEnum):
    """How a unit's leader is chosen."""

    ROTATING = "rotating"  # the unit's households take turns, one term each
    APPOINTED = "appointed"  # named by officials; Ermu shows the household with most adult males
    MOST_ADULT_MALES = "most-adult-males"  # the households with the most tax-paying adult males
    ELECTED = "elected"  # chosen by the unit's households; Ermu shows the one with most adult males
    NONE = "none"  # no designated leader

    @property
    def label(self) -> str:
        return {
            "rotating": "in rotation",
            "appointed": "appointed",
            "most-adult-males": "from the households with the most adult males",
            "elected": "elected by the households",
            "none": "no designated leader",
        }[self.value]


@dataclass(frozen=True)
class LeaderSpec:
    title: Name
    selection: Selection
    duty: str  # what the leader does, in a short phrase
    sources: tuple[Source, ...] = ()
    term_years: int = 1  # rotation period
    from_year: int | None = None  # the office exists from this year (inclusive)
    until_year: int | None = None  # ... up to this year (exclusive)
    reports: bool = True  # does the leader carry reports upward (and answer for silence)?
    selection_documented: bool = True  # False: Ermu's choice where the sources are silent

    def active(self, year: int) -> bool:
        return (self.from_year is None or year >= self.from_year) and (
            self.until_year is None or year < self.until_year
        )


@dataclass(frozen=True)
class LevelSpec:
    """One level of units, smallest first.

    ``size`` counts households for the first level and units of the level below for the
    others. ``head_households`` (the lijia) adds that many leading households to each unit
    of this level, chosen by ``head_selection`` among its households, and hands one to
    each unit of the level below (so a lijia jia holds 10 + 1 = 11 households).
    """

    id: str  # the short id used by --scope: "pai", "jia", "pao"
    name: Name
    size: int
    leaders: tuple[LeaderSpec, ...] = ()
    sources: tuple[Source, ...] = ()
    counts: str = "households"  # households | families | units
    names_by_setting: dict[Setting, Name] = field(default_factory=dict)
    head_households: int = 0
    size_note: str = ""  # e.g. "in practice 4 to 13 families"

    def name_for(self, setting: Setting) -> Name:
        return self.names_by_setting.get(setting, self.name)

    def leader(self, year: int) -> LeaderSpec | None:
        for spec in self.leaders:
            if spec.active(year) and spec.selection is not Selection.NONE:
                return spec
        return None

    @property
    def aliases(self) -> set[str]:
        names = {self.id, self.name.romanized, _strip_tones(self.name.pinyin).replace(" ", "")}
        names |= {n.romanized for n in self.names_by_setting.values()}
        return {n.lower() for n in names if n}


@dataclass(frozen=True)
class Scope:
    """Which households a regime covers."""

    settings: frozenset[Setting]
    text: str
    sources: tuple[Source, ...] = ()

    def covers(self, setting: Setting) -> bool:
        return setting in self.settings


@dataclass(frozen=True)
class Obligation:
    id: str
    text: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Rule:
    """A liability rule: who answers, for what, how severely, and on whose authority.

    ``severity`` is on Ermu's ordinal scale 0 (none) to 4 (severe). The sources say who is
    punished and whether more or less severely, never by how much: the ordinal values are
    illustrative (``severity_documented`` is False) while the rule itself is documented.
    """

    id: str
    text: str
    severity: int
    sources: tuple[Source, ...] = ()
    documented: bool = True  # is the rule itself in the sources?
    severity_documented: bool = False


@dataclass(frozen=True)
class LiabilityRules:
    collective_level: str  # the default scope of collective punishment (a level id)
    self_report: Rule  # the offender reports himself
    reported: Rule  # a neighbour reports the offender
    concealed: Rule  # the offender, when a concealed offence is discovered
    neighbours_on_concealment: Rule  # every other household of the collective unit
    leader_silence: Rule  # a leader who knew and did not report
    unregistered: Rule | None = None  # extra severity for an unregistered offender
    reward: Rule | None = None  # officials who rewarded model conduct
    observation_probability: float = 0.9  # illustrative default: a neighbour notices
    discovery_probability: float = 1.0  # illustrative: concealment is found out
    register_error_rate: float = 0.0  # illustrative: per transcription step


@dataclass(frozen=True)
class RegimeSpec:
    id: str
    name: Name
    title: str  # a short English title: "Qing baojia"
    dynasty: str
    start_year: int
    end_year: int | None
    place: str
    summary: str
    levels: tuple[LevelSpec, ...]
    scope: Scope
    obligations: tuple[Obligation, ...]
    offences: tuple[str, ...]  # ids from models.offences the regime polices
    liability: LiabilityRules
    government: Name  # where reports end: the magistrate's yamen
    sources: tuple[Source, ...]
    mandatory: bool = True
    partition_by_setting: bool = False  # urban, suburban and rural households form separate units
    notes: tuple[str, ...] = ()  # where sources disagree or are vague
    start_note: str = ""  # non-empty: the start year is Ermu's assumption, and this says why
    end_note: str = ""  # non-empty: the end year is Ermu's assumption, and this says why

    def years_label(self) -> str:
        """'1644–1900*': the years as shown, with the mark on an assumed year."""
        from ..dating import span_label

        return span_label(self.start_year, self.end_year, self.start_note, self.end_note)

    def date_notes(self) -> tuple[str, ...]:
        """What the sources say about each assumed year, for every place the years are shown."""
        return tuple(note for note in (self.start_note, self.end_note) if note)

    def level(self, level_id: str) -> int:
        """The index of a level from its id or any of its names; ValueError if unknown."""
        key = level_id.strip().lower()
        for i, level in enumerate(self.levels):
            if key in level.aliases:
                return i
        allowed = ", ".join(level.id for level in self.levels)
        raise UnknownLevel(msg("regime.error.unknown-level", "the {regime} has no level {level!r}: use one of {allowed}",
                               regime=Phrase(self.title), level=level_id, allowed=allowed))

    @property
    def smallest(self) -> LevelSpec:
        return self.levels[0]

    def households_per_unit(self, level_index: int) -> int:
        """Households in one full unit of a level (110 for a lijia li)."""
        total = 1
        for i in range(level_index + 1):
            lv = self.levels[i]
            total = total * lv.size + lv.head_households
        return total

    def all_sources(self) -> set[str]:
        keys = {s.key for s in self.sources} | {s.key for s in self.scope.sources}
        for level in self.levels:
            keys |= {s.key for s in level.sources}
            for leader in level.leaders:
                keys |= {s.key for s in leader.sources}
        for ob in self.obligations:
            keys |= {s.key for s in ob.sources}
        rules = self.liability
        for rule in (rules.self_report, rules.reported, rules.concealed,
                     rules.neighbours_on_concealment, rules.leader_silence,
                     rules.unregistered, rules.reward):
            if rule is not None:
                keys |= {s.key for s in rule.sources}
        return keys

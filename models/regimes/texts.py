"""The regimes' own words (summaries, scopes, rules, duties, notes) in the current language.

A regime spec is data written in English; its sentences are gettext messages with the
context ``"regime"``. ``tools/i18n.py extract`` collects them by importing the specs
(:func:`data_texts`), so a new regime or a changed sentence reaches the catalogs without
marking each string; faces and the CLI show them with :func:`said`.
"""

from __future__ import annotations

from typing import Iterator

from ..messages import current_translator

CONTEXT = "regime"


def said(text: str) -> str:
    """A regime's sentence in the current language (the English where not yet translated)."""
    if not text:
        return text
    return current_translator().pgettext(CONTEXT, text)


def _rules(regime) -> Iterator[str]:
    rules = regime.liability
    for name in ("self_report", "reported", "concealed", "neighbours_on_concealment", "leader_silence",
                 "unregistered", "reward"):
        rule = getattr(rules, name)
        if rule is not None:
            yield rule.text


def data_texts() -> Iterator[tuple[str, str]]:
    """Every sentence of the regime specs and the county structures, as (where, text)."""
    from . import REGIMES
    from .counties import STRUCTURES
    from ..dating import LEGEND

    yield "models/dating.py", LEGEND
    for regime in REGIMES.values():
        where = f"models/regimes ({regime.id})"
        yield where, regime.place
        yield where, regime.summary
        yield where, regime.scope.text
        yield from ((where, note) for note in regime.notes)
        yield from ((where, note) for note in regime.date_notes())
        yield from ((where, o.text) for o in regime.obligations)
        yield from ((where, text) for text in _rules(regime))
        for level in regime.levels:
            yield where, level.name.english
            for leader in level.leaders:
                yield where, leader.duty
                yield where, leader.title.english
        yield where, regime.government.english
    for structure in STRUCTURES:
        yield "models/regimes/counties.py", structure.title
        yield "models/regimes/counties.py", structure.where
        for tier in structure.tiers:
            yield "models/regimes/counties.py", tier.english


def name_texts() -> Iterator[tuple[str, str]]:
    """The characters of every regime's names (no context: ``NameAs`` renders them with ``_``)."""
    from . import REGIMES
    from .counties import STRUCTURES

    for regime in REGIMES.values():
        where = f"models/regimes ({regime.id})"
        names = [regime.name, regime.government]
        for level in regime.levels:
            names.append(level.name)
            names.extend(level.names_by_setting.values())
            names.extend(leader.title for leader in level.leaders)
        yield from ((where, name.hanzi) for name in names if name.hanzi)
    for structure in STRUCTURES:
        yield from (("models/regimes/counties.py", tier.hanzi) for tier in structure.tiers if tier.hanzi)


def table_messages():
    """Messages built in tables with computed keys (``msg(f"years.card.{id}.title", …)``):
    Babel cannot read those keys from the source, so the extractor imports the tables."""
    from ..messages import Message
    from ..years.card import MECHANISMS
    from ..years.parameters import SPECS

    for item in MECHANISMS:
        yield "models/years/card.py", item.title
        yield "models/years/card.py", item.text
        for _kind, _sources, why in item.basis:
            yield "models/years/card.py", why
    for spec in SPECS.values():
        if isinstance(spec.label, Message):
            yield "models/years/parameters.py", spec.label
    try:
        from ..presets import _PROBLEMS
    except ImportError:  # pragma: no cover
        return
    for problem, template in _PROBLEMS.items():
        yield "models/presets.py", Message(f"preset.problem.{problem}", template)


__all__ = ["CONTEXT", "data_texts", "name_texts", "said", "table_messages"]

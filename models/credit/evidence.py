"""How sure we are of a claim: an evidence level, and a claim that carries it.

Every fact the credit model shows is a :class:`Claim`: a sentence in Ermu's own words, the
works it rests on (bibliography keys with pages), and an :class:`Evidence` level saying
whether an official source documents it, scholars report it, or it is a popular claim
that others contest. Values the sources do not give at all are *illustrative* and live in
:mod:`.parameters`; they never pretend to be evidence.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..messages import msg
from ..regimes.spec import Source

THESIS = "duke-thesis-2020"
PAPER = "vochelet-2020"


class Evidence(enum.StrEnum):
    """How well a claim is supported, from strongest to weakest."""

    OFFICIAL = "official"  # documented by an official source (a law, a plan, a state website)
    REPORTED = "reported"  # reported by scholars who studied it
    CONTESTED = "contested"  # a popular claim (press, hearsay) that other sources contest

    @property
    def label(self) -> str:
        """How well supported, in the current language."""
        return self.message.render()

    @property
    def message(self):
        from ..messages import msg

        return {
            "official": msg("credit.evidence.official", "documented by an official source"),
            "reported": msg("credit.evidence.reported", "reported by scholars"),
            "contested": msg("credit.evidence.contested", "popular claim, contested"),
        }[self.value]


def src(key: str, pages: str | int = "") -> Source:
    """A citation: ``src("liang-2018", 427)``."""
    return Source(key, str(pages))


def thesis(where: str = "") -> Source:
    """The Duke thesis, by chapter, section or figure (its pages are not reliable in our copy)."""
    return Source(THESIS, where)


def paper(where: str = "") -> Source:
    return Source(PAPER, where)


@dataclass(frozen=True)
class Claim:
    """One statement shown to learners, with its sources and how well it is supported."""

    text: str
    sources: tuple[Source, ...]
    evidence: Evidence = Evidence.REPORTED

    def __post_init__(self) -> None:
        from .texts import CreditError

        if not self.text.strip():
            raise CreditError(msg("credit.claim.empty", "A claim needs a text."))
        if not self.sources:
            raise CreditError(msg("credit.claim.no-source", "The claim {text} needs at least one source.",
                                  text=repr(self.text)))

    def said(self) -> str:
        """The claim in the current language (``text`` stays the English, the catalog's id)."""
        from .texts import said

        return said(self.text)

    def to_json(self) -> dict:
        return {"text": self.said(), "sources": [str(s) for s in self.sources],
                "evidence": self.evidence.value, "evidence_label": self.evidence.label}


@dataclass(frozen=True)
class Disagreement:
    """Claims of the sources that cannot all be right, side by side, with our reading.

    ``shown_in`` names every other place the numbers appear ("lesson:public-opinion",
    "table:behaviour_change_by_scheme", "regime:ming-baojia"); ``cue`` is a phrase each of
    those places carries where it surfaces the disagreement, so a test can check it is there.
    """

    id: str
    topic: str
    claims: tuple[Claim, ...]
    note: str  # what to make of it, in our words
    shown_in: tuple[str, ...] = ()
    cue: str = ""

    def said_topic(self) -> str:
        from .texts import said

        return said(self.topic)

    def said_note(self) -> str:
        from .texts import said

        return said(self.note)

    def to_json(self) -> dict:
        return {"id": self.id, "topic": self.said_topic(), "claims": [c.to_json() for c in self.claims],
                "note": self.said_note(), "shown_in": list(self.shown_in)}


__all__ = ["PAPER", "THESIS", "Claim", "Disagreement", "Evidence", "paper", "src", "thesis"]

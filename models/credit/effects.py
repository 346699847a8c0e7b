"""What a standing brings: benefits and restrictions, the thresholds that trigger them.

An :class:`Effect` is one benefit or restriction in our words, with whom it falls on (the
citizen, or the citizen's children) and the claim behind it. A :class:`Threshold` ties
effects (and list entries) to a score, with the comparison the source uses ("at 600",
"higher than 666", "849 or below", "below 549") and whether the number itself comes from a
source. A :class:`Standing` is the answer for one score or one set of list entries.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from .evidence import Claim


class Kind(enum.StrEnum):
    BENEFIT = "benefit"
    RESTRICTION = "restriction"


class Category(enum.StrEnum):
    """The three kinds of restriction (liang-2018, p. 433), and rewards."""

    ADMINISTRATIVE = "administrative"
    MARKET = "market"
    SOCIAL = "social"
    REWARD = "reward"


class FallsOn(enum.StrEnum):
    SELF = "self"
    CHILDREN = "children"


class Comparison(enum.StrEnum):
    AT_LEAST = "at-least"  # score >= n ("at 600 points")
    ABOVE = "above"  # score > n ("higher than 666")
    AT_MOST = "at-most"  # score <= n ("849 or below")
    BELOW = "below"  # score < n ("below 549")

    def holds(self, score: int, threshold: int) -> bool:
        return {
            "at-least": score >= threshold, "above": score > threshold,
            "at-most": score <= threshold, "below": score < threshold,
        }[self.value]

    @property
    def words(self) -> str:
        from ..i18n import pgettext

        return pgettext("credit.comparison", _WORDS[self.value])

    def _extracted(self) -> None:  # never called: gives Babel the words in their context
        from ..i18n import pgettext

        pgettext("credit.comparison", "at least"), pgettext("credit.comparison", "above")
        pgettext("credit.comparison", "at most"), pgettext("credit.comparison", "below")


#: The comparisons in words (translated in the context ``credit.comparison`` where shown).
_WORDS = {"at-least": "at least", "above": "above", "at-most": "at most", "below": "below"}


@dataclass(frozen=True)
class Effect:
    id: str
    text: str  # a noun phrase in our words: "no train tickets"
    kind: Kind
    category: Category
    claim: Claim
    falls_on: FallsOn = FallsOn.SELF
    agency: str | None = None  # who carries it out (an id of joint.AGENCIES), where it matters

    def said(self) -> str:
        """The effect in the current language (``text`` stays the English, the catalog's id)."""
        from .texts import said

        return said(self.text)


@dataclass(frozen=True)
class Threshold:
    score: int
    comparison: Comparison
    effects: tuple[Effect, ...] = ()
    lists: tuple[str, ...] = ()  # list ids entered while the threshold holds
    documented: bool = True  # False: the number is Ermu's (illustrative), not a source's

    def holds(self, score: int) -> bool:
        return self.comparison.holds(score, self.score)

    def message(self):
        """'at least 1,050' as a message (a parameter of the engine's narration)."""
        from ..messages import msg

        score = f"{self.score:,}"
        return {"at-least": msg("credit.threshold.at-least", "at least {score}", score=score),
                "above": msg("credit.threshold.above", "above {score}", score=score),
                "at-most": msg("credit.threshold.at-most", "at most {score}", score=score),
                "below": msg("credit.threshold.below", "below {score}", score=score)}[self.comparison.value]

    def describe(self) -> str:
        """'at least 1,050', in the current language."""
        return self.message().render()


@dataclass(frozen=True)
class Granted:
    """One effect in force, and why: the threshold or the list that brought it."""

    effect: Effect
    threshold: Threshold | None = None
    via_list: str | None = None
    documented: bool = True  # the link from cause to effect comes from a source

    def to_json(self) -> dict[str, Any]:
        e = self.effect
        return {
            "id": e.id, "text": e.said(), "kind": e.kind.value, "category": e.category.value,
            "falls_on": e.falls_on.value, "agency": e.agency,
            "threshold": self.threshold.score if self.threshold else None,
            "comparison": self.threshold.comparison.value if self.threshold else None,
            "via_list": self.via_list,
            "documented": self.documented and (self.threshold.documented if self.threshold else True),
            "evidence": e.claim.evidence.value, "sources": [str(s) for s in e.claim.sources],
        }


@dataclass(frozen=True)
class Standing:
    """Where a citizen stands under one scheme: score, grade, lists, benefits, restrictions."""

    scheme: str
    score: int | None
    grade: str | None
    lists: tuple[str, ...]
    benefits: tuple[Granted, ...]
    restrictions: tuple[Granted, ...]

    def effect_ids(self) -> set[str]:
        return {g.effect.id for g in self.benefits + self.restrictions}

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"scheme": self.scheme, "score": self.score}
        if self.grade is not None:
            out["grade"] = self.grade
        out["lists"] = list(self.lists)
        out["benefits"] = [g.to_json() for g in self.benefits]
        out["restrictions"] = [g.to_json() for g in self.restrictions]
        return out


__all__ = ["Category", "Comparison", "Effect", "FallsOn", "Granted", "Kind", "Standing", "Threshold"]

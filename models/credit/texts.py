"""The credit model's own words (claims, effects, agencies, notes) in the current language.

The credit model is written as data: a :class:`~.evidence.Claim` holds its English sentence,
an :class:`~.effects.Effect` its noun phrase, :data:`~.joint.AGENCIES` their labels. Those
English texts are gettext messages with the context ``"credit"``; ``tools/i18n.py extract``
collects them by importing the data (:func:`credit_texts`), as it does the regimes' sentences,
so nothing is translated at import time and the JSON keeps its English ids. Faces, the CLI
and the engine's messages show them with :func:`said` (or a :class:`Said` parameter).

Sentences the engine composes (a month's narration, an appeal's decision) are messages with
literal keys (``msg("credit.list-entry", …)``) and are extracted from the source as usual.
"""

from __future__ import annotations

from typing import Iterator

from ..messages import ErmuError, current_translator

CONTEXT = "credit"


def said(text: str) -> str:
    """A sentence or phrase of the credit data in the current language (English where untranslated)."""
    if not text:
        return text
    return current_translator().pgettext(CONTEXT, text)


class Said:
    """A credit text as a message parameter, translated when the message is rendered."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def render(self, translator=None) -> str:
        tr = translator or current_translator()
        return tr.pgettext(CONTEXT, self.text) if self.text else self.text

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Said({self.text!r})"


class CreditError(ErmuError, ValueError):
    """An unknown id or a value the credit model cannot use; the message is for people."""


#: Rules the engine states in its own words (the others are the claims' texts).
RULE_MONTHLY = "Scores are updated once a month; the point values are Ermu's illustrative ones."
RULE_APPEAL = "Ermu's illustrative rule: a dispute succeeds once the cause is put right."
#: Why a list entry ended (``Membership.end_reason``); "score" is shown by the threshold instead.
END_EXPIRED = "the entry expired"
END_GRANTED = "the appeal was granted"


def end_reason_said(reason: str) -> str:
    """Why an entry ended, in the current language ('' for a score-based exit)."""
    return "" if not reason or reason == "score" else said(reason)


def _claims(claims) -> Iterator[str]:
    for claim in claims:
        if claim is not None:
            yield claim.text


def credit_texts() -> Iterator[tuple[str, str]]:
    """Every English text of the credit data, as (where, text), for the context ``credit``."""
    from . import appeal, behaviours, disagreements, facts, joint, lists, social
    from .parameters import DEFAULT_PARAMETERS
    from .schemes import schemes

    where = "models/credit/texts.py"
    yield where, RULE_MONTHLY
    yield where, RULE_APPEAL
    yield where, END_EXPIRED
    yield where, END_GRANTED
    where = "models/credit/schemes.py"
    for scheme in schemes(DEFAULT_PARAMETERS).values():
        yield from ((where, t) for t in _claims(scheme.claims))
        yield from ((where, t) for t in scheme.illustrative)
        for threshold in scheme.thresholds:
            for effect in threshold.effects:
                yield where, effect.text
                yield where, effect.claim.text
    where = "models/credit/facts.py"
    yield from ((where, t) for t in facts.OUTLINE_PARTS + facts.OUTLINE_PRINCIPLES + facts.PLATFORMS)
    yield from ((where, t) for pair in facts.PHASES for t in pair)
    yield from ((where, t) for t in _claims((facts.OUTLINE_PARTS_CLAIM, facts.OUTLINE_PRINCIPLES_CLAIM,
                                             *facts.PILOTS, facts.PLATFORMS_CLAIM, facts.NCISP_CLAIM,
                                             facts.PHASES_CLAIM, facts.REWARD_KINDS)))
    where = "models/credit/lists.py"
    for c in lists.LISTS.values():
        yield where, c.name.english
        yield where, c.claim.text
    yield from ((where, t) for t in _claims(lists.CREDIT_CHINA))
    where = "models/credit/joint.py"
    yield from ((where, t) for t in joint.AGENCIES.values())
    for effect in joint.EFFECTS.values():
        yield where, effect.text
        yield where, effect.claim.text
    where = "models/credit/behaviours.py"
    yield from ((where, t) for t in _claims((behaviours.INPUTS, behaviours.OUTPUTS)))
    for b in behaviours.BEHAVIOURS.values():
        yield from ((where, t) for t in _claims((b.claim, b.list_claim)))
    where = "models/credit/disagreements.py"
    for d in disagreements.DISAGREEMENTS:
        yield where, d.topic
        yield where, d.note
        yield from ((where, t) for t in _claims(d.claims))
    yield "models/credit/social.py", social.FRIEND_RULE_CLAIM.text
    yield "models/credit/social.py", social.EXCLUSION_CLAIM.text
    yield "models/credit/appeal.py", appeal.APPEAL_CLAIM.text


def credit_names() -> Iterator[tuple[str, str]]:
    """The characters of the lists' names (no context: ``NameAs`` renders them with ``_``)."""
    from .lists import LISTS

    for c in LISTS.values():
        yield "models/credit/lists.py", c.name.hanzi


__all__ = ["CONTEXT", "CreditError", "END_EXPIRED", "END_GRANTED", "RULE_APPEAL", "RULE_MONTHLY", "Said",
           "credit_names", "credit_texts", "end_reason_said", "said"]

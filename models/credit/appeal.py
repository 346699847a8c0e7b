"""The dispute form: an :class:`Appeal` of at most 2,000 characters, and what may follow.

Credit China lets a listed person dispute an entry through a "Disagreement/Correction"
(异议/纠错) form with room for up to 2,000 characters (engelmann-2019, p. 75). The
sources do not say how the form counts, so Ermu chooses and documents one rule:

* line endings are normalised first: ``\\r\\n`` and a lone ``\\r`` each become ``\\n``, so a
  line break counts as one character whichever system typed it;
* then every Unicode code point counts as one character: 申 is one, an ASCII letter is
  one, an emoji outside the Basic Multilingual Plane is one (a browser counting UTF-16 units
  would say two), and a letter written with a separate combining accent is two. No other
  normalisation (such as NFC) is applied.

What happens after filing is not in the sources: the review time and the rule that an
appeal succeeds when its cause has been put right are Ermu's illustrative assumptions
(:func:`appeal_outcome`), marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass

from .evidence import Claim, Evidence, src, thesis
from ..messages import ErmuError, Message, msg

APPEAL_LIMIT = 2000

APPEAL_CLAIM = Claim(
    "A listed person can dispute the entry on Credit China's disagreement and correction form, in up "
    "to 2,000 characters.", (src("engelmann-2019", 75), thesis("section 3.4")), Evidence.OFFICIAL)


class AppealError(ErmuError, ValueError):
    """An appeal the form would not accept; the message is for people."""

    whole_sentence = True  # shown as it is by the GUI and the CLI


def normalise(text: str) -> str:
    """``text`` with every line ending turned into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def count_characters(text: str) -> int:
    """Characters as Ermu's form counts them: code points after normalising line endings."""
    return len(normalise(text))


@dataclass(frozen=True)
class Appeal:
    """The text of a dispute; refused if empty or longer than :data:`APPEAL_LIMIT` characters."""

    text: str

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise AppealError(msg("credit.appeal.not-text", "An appeal must be text."))
        if not self.text.strip():
            raise AppealError(msg("credit.appeal.empty", "The appeal is empty: say why the entry is wrong."))
        n = count_characters(self.text)
        if n > APPEAL_LIMIT:
            raise AppealError(msg("credit.appeal.too-long", "The appeal has {n} characters; the form takes at "
                                  "most {limit}: shorten it by {over}.", n=f"{n:,}", limit=f"{APPEAL_LIMIT:,}",
                                  over=f"{n - APPEAL_LIMIT:,}"))

    @property
    def characters(self) -> int:
        return count_characters(self.text)

    @property
    def remaining(self) -> int:
        return APPEAL_LIMIT - self.characters


@dataclass(frozen=True)
class AppealOutcome:
    upheld: bool  # True: the entry stays; False: it is removed
    narration: Message  # rendered at the edge (``str(outcome.narration)`` in the current language)
    documented: bool = False  # always illustrative: the sources do not describe decisions


def appeal_outcome(list_name, remedied: bool, month: int | None = None) -> AppealOutcome:
    """Ermu's illustrative rule: an appeal succeeds once the cause of the entry is put right.

    ``list_name`` is the list as shown (a ``Name.said("english")`` or plain text); with
    ``month`` the narration begins "Month n:".
    """
    if remedied:
        if month is None:
            said = msg("credit.appeal.granted", "The appeal is granted and the {list} entry is removed, since its "
                       "cause has been put right (Ermu's illustrative rule).", list=list_name)
        else:
            said = msg("credit.appeal.granted.month", "Month {month}: the appeal is granted and the {list} entry is "
                       "removed, since its cause has been put right (Ermu's illustrative rule).",
                       month=month, list=list_name)
        return AppealOutcome(False, said)
    if month is None:
        said = msg("credit.appeal.refused", "The appeal is turned down and the {list} entry stays, since its "
                   "cause has not been put right (Ermu's illustrative rule).", list=list_name)
    else:
        said = msg("credit.appeal.refused.month", "Month {month}: the appeal is turned down and the {list} entry "
                   "stays, since its cause has not been put right (Ermu's illustrative rule).",
                   month=month, list=list_name)
    return AppealOutcome(True, said)


__all__ = ["APPEAL_CLAIM", "APPEAL_LIMIT", "Appeal", "AppealError", "AppealOutcome", "appeal_outcome",
           "count_characters", "normalise"]

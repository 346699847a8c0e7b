"""The national lists published on Credit China: one red list and three negative lists.

The national system does not give everyone one number; it names people and firms on
lists (engelmann-2019, pp. 72-75). The three negative lists are ordered from most to
least severe: the blacklist, the special attention list and the administrative
punishment list. Credit China also shows "typical cases" of bad conduct, "stories of
integrity" of good conduct, and a form to dispute an entry (see :mod:`.appeal`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import msg
from ..regimes.spec import Name
from .evidence import Claim, Evidence, src, thesis
from .texts import CreditError

_CC = (src("engelmann-2019", 72), thesis("section 3.4"))


@dataclass(frozen=True)
class CreditList:
    id: str
    name: Name  # characters and pinyin are Ermu's rendering; the sources give English names
    positive: bool
    severity: int  # 3 most severe … 1 least; 0 for the red list
    claim: Claim


LISTS: dict[str, CreditList] = {c.id: c for c in (
    CreditList("red-list", Name("红名单", "hóng míngdān", "", "red list"), True, 0, Claim(
        "The one positive list names people with praise, sometimes with their volunteer hours or "
        "honorary titles, rarely saying why.", (src("engelmann-2019", 75), thesis("section 3.4")),
        Evidence.OFFICIAL)),
    CreditList("blacklist", Name("黑名单", "hēi míngdān", "", "blacklist"), False, 3, Claim(
        "The most severe of the three negative lists; most entries concern breaches of fiscal laws "
        "and rules.", _CC, Evidence.OFFICIAL)),
    CreditList("special-attention", Name("重点关注名单", "zhòngdiǎn guānzhù míngdān", "",
                                         "special attention list"), False, 2, Claim(
        "The middle negative list, mostly firms that filed annual reports late.",
        (src("engelmann-2019", 74), thesis("section 3.4")), Evidence.OFFICIAL)),
    CreditList("administrative-punishment", Name("行政处罚名单", "xíngzhèng chǔfá míngdān", "",
                                                  "administrative punishment list"), False, 1, Claim(
        "The least severe negative list, mostly traffic and road-safety offences.",
        (src("engelmann-2019", 74), thesis("section 3.4")), Evidence.OFFICIAL)),
)}

NEGATIVE_LISTS: tuple[str, ...] = tuple(
    sorted((c.id for c in LISTS.values() if not c.positive), key=lambda i: -LISTS[i].severity))

CREDIT_CHINA: tuple[Claim, ...] = (
    Claim("Credit China is a government website, built with Baidu's help, that publishes the red "
          "and black lists and links data from 37 agencies.", (src("ramadan-2018", 6), thesis("section 3.4")),
          Evidence.REPORTED),
    Claim("Under “Typical Cases” (典型案例) the site reports people who behaved badly.",
          (src("engelmann-2019", 75), thesis("section 3.4")), Evidence.OFFICIAL),
    Claim("Under “Integrity Culture” (诚信文化) it tells “Stories of Integrity” (诚信人物/故事) about "
          "good citizens.", (src("engelmann-2019", 75), thesis("section 3.4")), Evidence.OFFICIAL),
    Claim("A “Disagreement/Correction” (异议/纠错) form lets a listed person dispute an entry in up "
          "to 2,000 characters.", (src("engelmann-2019", 75), thesis("section 3.4")), Evidence.OFFICIAL),
    Claim("Local governments decide who goes on which list; the media and businesses spread word of "
          "the rewards and punishments.", (src("liang-2018", 432), thesis("section 3.6.3")), Evidence.REPORTED),
)


def get_list(list_id: str) -> CreditList:
    try:
        return LISTS[list_id]
    except KeyError:
        raise CreditError(msg("credit.list.unknown", "Unknown list {list}: use one of {known}.",
                              list=repr(list_id), known=", ".join(LISTS))) from None


def most_severe(list_ids) -> str | None:
    """The most severe negative list among ``list_ids`` (None if none is negative)."""
    negative = [i for i in list_ids if i in LISTS and not LISTS[i].positive]
    return max(negative, key=lambda i: LISTS[i].severity) if negative else None


__all__ = ["CREDIT_CHINA", "LISTS", "NEGATIVE_LISTS", "CreditList", "get_list", "most_severe"]

"""The behaviours a citizen's year is made of, with what the sources say about each.

A :class:`Behaviour` says which kind of input it is (the three input categories of
Jiang and Fu), whether it is said to raise or lower a score, on which list the national
system would put its author, and how well each of those claims is supported. How many
points it is worth is *not* here: the sources give no point values, so those are
illustrative parameters (:mod:`.parameters`) a teacher may change.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..i18n import N_
from ..messages import msg
from .evidence import Claim, Evidence, src, thesis
from .texts import CreditError


class InputCategory(enum.StrEnum):
    """The three kinds of input data (jiang-2018, p. 381)."""

    TRADITIONAL = "traditional"  # tax, loans, utility bills, rent
    SOCIAL = "social"  # academic integrity, traffic, crime, family planning, volunteering
    ONLINE = "online"  # shopping, online activity, interactions, reliability of posts


INPUTS = Claim(
    "Scores are said to draw on three kinds of input: traditional records (income tax, loan "
    "repayments, utility bills, rent), social records (academic honesty, traffic offences, "
    "criminal records, family planning, volunteering) and online traces (shopping, activity "
    "online, dealings with other users, how reliable one's posts are).",
    (src("jiang-2018", 381), thesis("section 3.4")), Evidence.REPORTED)

OUTPUTS = Claim(
    "The resulting standing is said to reach into travel, hotels, insurance premiums, school "
    "admission, mortgage rates, government jobs and access to social services.",
    (src("jiang-2018", 381), thesis("section 3.4")), Evidence.REPORTED)


@dataclass(frozen=True)
class Behaviour:
    id: str
    label: str  # "crosses the road in the wrong place": completes "<name> …"
    category: InputCategory
    direction: int  # +1 said to raise a score, -1 to lower it, 0 no effect on a score
    claim: Claim  # what the sources say about it, in our words
    unit: str = "time"  # what ``count`` counts: "time", "hour"
    direction_documented: bool = True  # False: the sources name it but not which way it counts
    national_list: str | None = None  # the national list it leads to, if any
    list_claim: Claim | None = None
    remedies: str | None = None  # a list this behaviour puts right (illustrative rule)
    friend_rule: bool = False  # counts only under the optional, contested friend rule


T, S, O = InputCategory.TRADITIONAL, InputCategory.SOCIAL, InputCategory.ONLINE
_INPUT_SOURCES = (src("jiang-2018", 381),)
_TIMOFEEVA = (src("timofeeva-2020", 108), thesis("section 3.4"))
_RAMADAN = (src("ramadan-2018", 6), thesis("section 3.4"))

_BLACKLIST_FISCAL = Claim(
    "Most people and firms on the Credit China blacklist are there for breaking fiscal laws or "
    "regulations.", (src("engelmann-2019", 72), thesis("section 3.4")), Evidence.REPORTED)
_BLACKLIST_COURT = Claim(
    "People who ignore a court's enforcement order are named on a national list of dishonest "
    "persons subject to enforcement, and a 2016 central directive set out how they are to be "
    "warned and punished.",
    (src("liang-2018", 429), src("xinhua-2016"), thesis("section 3.6.2")), Evidence.OFFICIAL)
_ADMIN_TRAFFIC = Claim(
    "The administrative punishment list is mostly about transport and road safety, such as "
    "illegal parking or ignoring traffic signs.",
    (src("engelmann-2019", 74), thesis("section 3.4")), Evidence.REPORTED)
_SPECIAL_REPORTS = Claim(
    "Firms land on the special attention list mostly for filing their annual reports late.",
    (src("engelmann-2019", 74), thesis("section 3.4")), Evidence.REPORTED)
_RED_VOLUNTEER = Claim(
    "Red list entries praise people by name, some with their hours of volunteer work.",
    (src("engelmann-2019", 75), thesis("section 3.4")), Evidence.REPORTED)

BEHAVIOURS: dict[str, Behaviour] = {b.id: b for b in (
    # -- traditional inputs --------------------------------------------------------------
    Behaviour("pay-bills-on-time", N_("pays the utility bills on time"), T, +1,
              Claim("Utility bills are one of the traditional inputs.", _INPUT_SOURCES)),
    Behaviour("pay-taxes", N_("pays income tax in full"), T, +1,
              Claim("Income-tax records are one of the traditional inputs.", _INPUT_SOURCES)),
    Behaviour("miss-loan-payment", N_("misses a loan repayment"), T, -1,
              Claim("Loan repayments are one of the traditional inputs.", _INPUT_SOURCES)),
    Behaviour("pay-rent-late", N_("pays the rent late"), T, -1,
              Claim("Rent records are one of the traditional inputs.", _INPUT_SOURCES)),
    Behaviour("evade-tax", N_("under-declares taxes"), T, -1,
              Claim("Tax records are an input, and fiscal offences top the blacklist.",
                    _INPUT_SOURCES + (src("engelmann-2019", 72),)),
              national_list="blacklist", list_claim=_BLACKLIST_FISCAL),
    Behaviour("pay-overdue-tax", N_("pays the overdue tax"), T, +1,
              Claim("Tax records are one of the traditional inputs.", _INPUT_SOURCES),
              remedies="blacklist"),
    # -- social inputs -------------------------------------------------------------------
    Behaviour("ignore-court-order", N_("ignores a court order to pay a debt"), S, -1,
              Claim("Court and criminal records are social inputs.", _INPUT_SOURCES),
              national_list="blacklist", list_claim=_BLACKLIST_COURT),
    Behaviour("obey-court-order", N_("pays what the court ordered"), S, +1,
              Claim("Court and criminal records are social inputs.", _INPUT_SOURCES),
              remedies="blacklist"),
    Behaviour("jaywalk", N_("crosses the road in the wrong place"), S, -1,
              Claim("Crossing the road in the wrong place is reported to cost points.", _TIMOFEEVA)),
    Behaviour("skip-parent-visits", N_("does not visit elderly parents"), S, -1,
              Claim("Failing to visit one's elderly parents is reported to cost points.", _TIMOFEEVA)),
    Behaviour("exceed-child-limit", N_("has more children than allowed"), S, -1,
              Claim("Having more children than a family is allowed is reported to cost points.",
                    _TIMOFEEVA + _INPUT_SOURCES)),
    Behaviour("cheat-in-exam", N_("cheats in an exam"), S, -1,
              Claim("Academic honesty is one of the social inputs.", _INPUT_SOURCES)),
    Behaviour("park-illegally", N_("parks illegally"), S, -1,
              Claim("Traffic offences are a social input.", _INPUT_SOURCES),
              national_list="administrative-punishment", list_claim=_ADMIN_TRAFFIC),
    Behaviour("ignore-traffic-sign", N_("ignores a traffic sign"), S, -1,
              Claim("Traffic offences are a social input.", _INPUT_SOURCES),
              national_list="administrative-punishment", list_claim=_ADMIN_TRAFFIC),
    Behaviour("file-report-late", N_("files the family firm's annual report late"), S, -1,
              Claim("Late annual reports are the commonest reason for the special attention list.",
                    (src("engelmann-2019", 74),)),
              national_list="special-attention", list_claim=_SPECIAL_REPORTS),
    Behaviour("volunteer", N_("volunteers in the community"), S, +1,
              Claim("Volunteering is a social input, and people report volunteering to raise their "
                    "score.", _INPUT_SOURCES + (src("kostka-2019", 14),)),
              unit="hour", national_list="red-list", list_claim=_RED_VOLUNTEER),
    Behaviour("donate", N_("gives money to charity"), S, +1,
              Claim("Sesame Credit counts behaviour such as charitable donations, and people report "
                    "donating to raise their score.", (src("kostka-2019", 6), src("kostka-2019", 14)))),
    # -- online inputs -------------------------------------------------------------------
    Behaviour("play-games-for-hours", N_("plays video games for hours"), O, -1,
              Claim("Someone seen gaming for hours on end may be read as idle and lose points.", _RAMADAN),
              unit="hour"),
    Behaviour("buy-liquor", N_("buys liquor"), O, -1,
              Claim("Liquor purchases are among the purchases said to shape what the algorithm "
                    "infers about a person.", (src("backer-2019", 211), thesis("section 3.4"))),
              direction_documented=False),
    Behaviour("buy-diapers", N_("buys diapers"), O, +1,
              Claim("Someone who often buys diapers may be read as a caring parent.", _RAMADAN)),
    Behaviour("post-unreliable-information", N_("posts something unreliable online"), O, -1,
              Claim("How reliable one's posts are is one of the online inputs.", _INPUT_SOURCES)),
    Behaviour("unfriend-low-scorer", N_("unfriends someone with a low score"), O, +1,
              Claim("Dropping friends with low scores is said to earn points and befriending high "
                    "scorers to help; no official rule says so, and Sesame Credit does not publish "
                    "how it weighs one's social network.",
                    (thesis("section 3.4"), src("kostka-2019", 6)), Evidence.CONTESTED),
              friend_rule=True),
    Behaviour("befriend-high-scorer", N_("befriends someone with a high score"), O, +1,
              Claim("Befriending people with high scores is said to help one's own score; this too "
                    "is unconfirmed.", (thesis("section 3.4"), src("kostka-2019", 6)), Evidence.CONTESTED),
              friend_rule=True),
)}


def get_behaviour(behaviour_id: str) -> Behaviour:
    try:
        return BEHAVIOURS[behaviour_id]
    except KeyError:
        raise CreditError(msg("credit.behaviour.unknown", "Unknown behaviour {behaviour}: use one of {known}.",
                              behaviour=repr(behaviour_id), known=", ".join(BEHAVIOURS))) from None


__all__ = ["BEHAVIOURS", "INPUTS", "OUTPUTS", "Behaviour", "InputCategory", "get_behaviour"]

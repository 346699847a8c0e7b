"""The system's design as the sources describe it: the 2014 outline, pilots, data, phases.

Plain data for lessons and panels: each item is a :class:`~.evidence.Claim` or a tuple of
names with their claim. Nothing here drives the engine; the engine's rules live in
:mod:`.schemes`, :mod:`.lists` and :mod:`.joint`.
"""

from __future__ import annotations

from .evidence import Claim, Evidence, src, thesis

_OUTLINE = (src("state-council-2014"), thesis("section 3.3"))

#: The four parts of the 2014 State Council planning outline (2014-2020).
OUTLINE_PARTS: tuple[str, ...] = ("social trust", "judicial trust", "government trust", "commercial credit")
OUTLINE_PARTS_CLAIM = Claim(
    "The 2014 planning outline, covering 2014 to 2020, builds the system from four parts: social "
    "trust, judicial trust, government trust and commercial credit.",
    (src("dai-2020", 40), *_OUTLINE), Evidence.OFFICIAL)

#: The outline's four principles, paraphrased from the thesis's translation.
OUTLINE_PRINCIPLES: tuple[str, ...] = (
    "The government leads and society builds with it",
    "Laws first, then standard development",
    "Plan the whole, introduce it step by step",
    "Break through at chosen points and put it to use",
)
OUTLINE_PRINCIPLES_CLAIM = Claim(
    "The outline sets four principles: the government leads and society helps build; laws and "
    "standards come first; the plan is comprehensive and introduced step by step; and chosen "
    "focal areas lead the way.", _OUTLINE, Evidence.OFFICIAL)

PILOTS: tuple[Claim, ...] = (
    Claim("By 2018, 43 local governments ran pilot scoring schemes, which the centre uses as tests.",
          (src("kostka-2019", 2), thesis("section 3.2"))),
    Claim("The first local scheme appeared in 1991, aimed at problems in the financial sector.",
          (src("kostka-2019", 4), thesis("section 3.2"))),
    Claim("The NDRC and the People's Bank of China picked twelve pilots as model cities.",
          (src("kostka-2019", 5), thesis("section 3.2"))),
    Claim("Taking part in a local pilot is compulsory for everyone living there; commercial schemes "
          "are opt-in.", (src("kostka-2019", 6), thesis("sections 3.2, 3.5, 4.4"))),
    Claim("Local pilots punish only under laws that already exist, while the national plan also sets "
          "new standards of the model citizen.", (thesis("section 3.2"),)),
)

#: The five centrally managed platforms (liang-2018, p. 429).
PLATFORMS: tuple[str, ...] = (
    "National Credit Information Sharing Platform (NCISP)",
    "Credit China",
    "Credit Reference Center",
    "National Enterprise Credit Information Publicity System (NECIPS)",
    "List of Dishonest Persons Subject to Enforcement",
)
PLATFORMS_CLAIM = Claim(
    "At least five central platforms store and analyse the data; they run separately but must "
    "exchange it.", (src("liang-2018", 429), thesis("section 3.6.2")))

NCISP_CLAIM = Claim(
    "The NDRC has built the largest platform, the NCISP, since 2015; it gathers data from central "
    "agencies, local governments and firms such as Alibaba and Baidu, over 10.7 billion data points "
    "by December 2018.", (src("liang-2018", 426), thesis("section 3.6.1")))

#: Liang et al.'s three phases, in order.
PHASES: tuple[tuple[str, str], ...] = (
    ("data collection", "Financial and other data are gathered from state and private databases."),
    ("data aggregation", "The data are merged into central platforms that must share them."),
    ("data analytics", "The merged data are used to score people, firms and agencies and to "
                       "reward or punish them; not yet in operation when the thesis was written."),
)
PHASES_CLAIM = Claim(
    "Liang and colleagues describe the system in three phases: collecting data, aggregating it, "
    "and using it to score and sanction.", (src("liang-2018", 416), src("liang-2018", 431),
                                            thesis("section 3.6")))

REWARD_KINDS = Claim(
    "Rewards are 'Green Channels' (priority and better service at public offices, lower transaction "
    "costs); punishments are administrative, market and social restrictions.",
    (src("liang-2018", 433), thesis("section 3.4")))

__all__ = ["NCISP_CLAIM", "OUTLINE_PARTS", "OUTLINE_PARTS_CLAIM", "OUTLINE_PRINCIPLES",
           "OUTLINE_PRINCIPLES_CLAIM", "PHASES", "PHASES_CLAIM", "PILOTS", "PLATFORMS", "PLATFORMS_CLAIM",
           "REWARD_KINDS"]

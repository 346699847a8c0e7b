"""Qing baojia, from 1644: pai, jia and pao; door placards; collective punishment."""

from ..i18n import N_
from ._common import RURAL_ONLY, YAMEN, policing_liability, thesis
from .spec import (LeaderSpec, LevelSpec, Name, Obligation, RegimeSpec, Scope, Selection,
                   Source)

HSIAO_28 = Source("hsiao-1960", "28")
HSIAO_45 = Source("hsiao-1960", "45")
HSIAO_46 = Source("hsiao-1960", "46")
HSIAO_75 = Source("hsiao-1960", "75")
QU_150 = Source("qu-1988", "150")
QU_151 = Source("qu-1988", "151")
QU_152 = Source("qu-1988", "152")


def _head(hanzi: str, pinyin: str, romanized: str, english: str, duty: str) -> LeaderSpec:
    return LeaderSpec(
        title=Name(hanzi, pinyin, romanized, english),
        selection=Selection.APPOINTED,
        duty=duty,
        sources=(HSIAO_28, HSIAO_45),
        selection_documented=False,
    )


SPEC = RegimeSpec(
    id="qing-baojia",
    name=Name("保甲", "bǎojiǎ", "pao-chia", "Qing baojia"),
    title=N_("Qing baojia"),
    dynasty="Qing",
    start_year=1644,
    end_year=1900,
    place="the rural empire, without the imperial cities and the capital",
    summary=(
        "Ten households formed a pai, ten pai a jia, ten jia a pao. Every inhabitant had to "
        "report suspicious activity to the heads, who reported to the magistrate; a division "
        "that kept silent about a crime was punished as a whole."
    ),
    levels=(
        LevelSpec("pai", Name("牌", "pái", "pai", "ten households"), 10,
                  leaders=(_head("牌頭", "páitóu", "pai-tou", "head of the pai",
                                 "receives his neighbours' reports and passes them to the jia head"),),
                  sources=(HSIAO_28,)),
        LevelSpec("jia", Name("甲", "jiǎ", "jia", "ten pai"), 10,
                  leaders=(_head("甲頭", "jiǎtóu", "jia-tou", "head of the jia",
                                 "passes the pai heads' reports to the pao head"),),
                  sources=(HSIAO_28,), counts="units"),
        LevelSpec("pao", Name("保", "bǎo", "pao", "ten jia"), 10,
                  leaders=(_head("保長", "bǎozhǎng", "pao-chang", "head of the pao",
                                 "reports to the magistrate's yamen"),),
                  sources=(HSIAO_28,), counts="units"),
    ),
    scope=Scope(RURAL_ONLY, "The rural parts of the empire; the main imperial cities and the capital were excluded.",
                (QU_151, thesis("§2.3.1"))),
    obligations=(
        Obligation("register", "Register every household and inhabitant, and every movement, even in temples "
                               "and hostels.", (HSIAO_45,)),
        Obligation("report", "Report any suspicious activity to the unit heads, who report it to the government.",
                   (HSIAO_45,)),
        Obligation("men-pai", "Keep a door placard (men-pai) listing the inhabitants, paid for by the household.",
                   (HSIAO_75, QU_152)),
    ),
    offences=("theft", "banditry", "harbouring-stranger", "failing-to-register", "dissent"),
    liability=policing_liability(
        "pai",
        collective_sources=(HSIAO_45,),
        collective_documented=True,
        self_report_sources=(HSIAO_46,),
        unregistered_sources=(HSIAO_45,),
        reward_sources=(QU_150,),
        leader_sources=(HSIAO_45,),
    ),
    government=YAMEN,
    sources=(HSIAO_28, HSIAO_45, HSIAO_46, QU_150, QU_151, QU_152, thesis("§2.3.1")),
    end_note=(
        "The sources say the baojia had almost vanished by the end of the nineteenth century; 1900 is Ermu's reading of that."
    ),
    notes=(
        "The heads were often illiterate and the yamen clerks careless; magistrates passed the "
        "registers on unchecked, so errors climbed the hierarchy (Hsiao 1960, 75; Qu 1988, 152).",
        "The thesis calls the middle level jia (Wade-Giles chia) with a jia-cheng or jia-tou; "
        "the pai head was sometimes called pai-chang, the pao head pao-cheng.",
        "How the heads were chosen is not in our sources: Ermu shows the household with the "
        "most adult males.",
        "The system faded in the last decades of the dynasty and was nearly gone by 1900.",
        "The sources disagree: the thesis says little was preserved on the system's efficacy, then that "
        "recorded crime fell sharply; and that it faded before the dynasty's end, yet had to 'stand or "
        "fall' with the dynasty.",
    ),
)

"""Qing lijia, 1648: li of 110 households under a yearly li-chang; tax records reported upward."""

from ..places import Setting
from ..i18n import N_
from ._common import EVERYWHERE, YAMEN, fiscal_liability, thesis
from .spec import (LeaderSpec, LevelSpec, Name, Obligation, RegimeSpec, Scope, Selection,
                   Source)

HSIAO_32 = Source("hsiao-1960", "32")
HSIAO_60 = Source("hsiao-1960", "60")
QU_135 = Source("qu-1988", "135")

SPEC = RegimeSpec(
    id="qing-lijia",
    name=Name("里甲", "lǐjiǎ", "li-chia", "Qing lijia"),
    title=N_("Qing lijia"),
    dynasty="Qing",
    start_year=1648,
    end_year=1750,
    place="the empire: li in the country, fang in cities, hsiang in suburbs",
    summary=(
        "The Shun-chih emperor's tax system: every 110 households formed a li; the ten with the "
        "most tax-paying adult males provided the li-chang in yearly turns, and the other 100 "
        "formed ten jia under an elected chia-chang who reported his division's tax records."
    ),
    levels=(
        LevelSpec(
            "jia", Name("甲", "jiǎ", "chia", "ten households and a li-chang household"), 10,
            leaders=(LeaderSpec(
                title=Name("甲長", "jiǎzhǎng", "chia-chang", "head of the jia"),
                selection=Selection.ELECTED,
                duty="collects the tax records of the eleven households of his division and reports them upward",
                sources=(HSIAO_32,),
            ),),
            sources=(HSIAO_32,),
        ),
        LevelSpec(
            "li", Name("里", "lǐ", "li", "110 households"), 10,
            leaders=(LeaderSpec(
                title=Name("里長", "lǐzhǎng", "li-chang", "head of the li"),
                selection=Selection.MOST_ADULT_MALES,
                duty="one of the ten leading households each year; sends the reports to the yamen",
                sources=(HSIAO_32, QU_135),
            ),),
            sources=(HSIAO_32,),
            counts="units",
            names_by_setting={
                Setting.URBAN: Name("坊", "fāng", "fang", "city li"),
                Setting.CAPITAL: Name("坊", "fāng", "fang", "city li"),
                Setting.SUBURBAN: Name("廂", "xiāng", "hsiang", "suburban li (the sources give no characters: 廂 is Ermu's reading)"),
            },
            head_households=10,
        ),
    ),
    scope=Scope(EVERYWHERE, "The whole empire, with li in the countryside, fang in cities and hsiang in suburbs.",
                (HSIAO_32,)),
    obligations=(
        Obligation("taxes", "Pay the taxes the li collects: the lijia's main purpose was revenue.", (HSIAO_32,)),
        Obligation("tax-records", "The chia-chang gathers the tax records of his eleven households and reports "
                                  "them to the li-chang, who sends them to the yamen.", (HSIAO_32,)),
    ),
    offences=("tax-default", "failing-to-register"),
    liability=fiscal_liability("jia", collective_sources=(HSIAO_32,), leader_sources=(HSIAO_32,),
                               collective_documented=False),
    government=YAMEN,
    sources=(HSIAO_32, HSIAO_60, QU_135, thesis("§2.3.2-2.3.3")),
    partition_by_setting=True,
    end_note=(
        "The sources say the baojia absorbed the lijia around the middle of the eighteenth century, timeline unknown; 1750 is Ermu's assumption."
    ),
    notes=(
        "The baojia absorbed the lijia around the middle of the eighteenth century; the exact "
        "timeline is unknown (Hsiao 1960, 60). Ermu ends the regime at 1750.",
        "The Qing kept the two apart at first: the baojia enforced the penal code, the lijia the fiscal laws.",
        "How the chia-chang was elected is not recorded: Ermu shows the household with the most adult males.",
        "The sources disagree: the hundred households form ten jia of ten, yet each chia-chang gathers "
        "the records of eleven households; Ermu adds one li-chang household to each jia.",
    ),
)

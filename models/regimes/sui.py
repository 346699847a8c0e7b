"""Sui dynasty household groups, AD 589: pao, lu and tsu under appointed cheng."""

from ..i18n import N_
from ._common import AUTHORITIES, OUTSIDE_CAPITAL, policing_liability, thesis
from .spec import (LeaderSpec, LevelSpec, Name, Obligation, RegimeSpec, Scope, Selection,
                   Source)

HSIAO_26 = Source("hsiao-1960", "26")
CHENG = Name("正", "zhèng", "cheng", "head")


def _cheng(unit: str) -> LeaderSpec:
    return LeaderSpec(
        title=Name("正", "zhèng", "cheng", f"head of the {unit}"),
        selection=Selection.APPOINTED,
        duty=f"leads the {unit} and passes reports upward",
        sources=(HSIAO_26, thesis("§2.1")),
    )


SPEC = RegimeSpec(
    id="sui",
    name=Name("保閭族", "bǎo lǘ zú", "pao-lu-tsu", "Sui household groups"),
    title=N_("Sui household groups"),
    dynasty="Sui",
    start_year=589,
    end_year=618,
    place="the empire outside the imperial capital",
    summary=(
        "Emperor Wen-ti set up the first policing system of imperial China: five households "
        "formed a pao, five pao a lu, four lu a tsu, each under an appointed cheng."
    ),
    levels=(
        LevelSpec("pao", Name("保", "bǎo", "pao", "group of five households"), 5,
                  leaders=(_cheng("pao"),), sources=(HSIAO_26,)),
        LevelSpec("lu", Name("閭", "lǘ", "lu", "group of five pao"), 5,
                  leaders=(_cheng("lu"),), sources=(HSIAO_26,), counts="units"),
        LevelSpec("tsu", Name("族", "zú", "tsu", "group of four lu"), 4,
                  leaders=(_cheng("tsu"),), sources=(HSIAO_26,), counts="units"),
    ),
    scope=Scope(OUTSIDE_CAPITAL, "Only outside the imperial capital.", (HSIAO_26,)),
    obligations=(
        Obligation("policing", "Keep watch in the division and pass reports of crime up to the authorities.",
                   (HSIAO_26,)),
    ),
    offences=("theft", "banditry", "harbouring-stranger"),
    liability=policing_liability("pao", collective_sources=(HSIAO_26,), collective_documented=False),
    government=AUTHORITIES,
    sources=(HSIAO_26, thesis("§2.1")),
    end_note=(
        "The sources give no end year; 618, the fall of the Sui dynasty, is Ermu's assumption from general background."
    ),
    notes=(
        "The sources give the sizes and the cheng but say nothing of how the Sui punished a "
        "silent division: Ermu borrows the later baojia rules and marks them as its assumption.",
    ),
)

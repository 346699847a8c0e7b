"""Song dynasty baojia of Wang An-shih, 1070/1076: ten families to a bao."""

from ..i18n import N_
from ._common import AUTHORITIES, OUTSIDE_CAPITAL, policing_liability, thesis
from .spec import (LeaderSpec, LevelSpec, Name, Obligation, RegimeSpec, Scope, Selection,
                   Source)

HSIAO_27 = Source("hsiao-1960", "27")
BROOK_36 = Source("brook-2005", "36")

SPEC = RegimeSpec(
    id="song-baojia",
    name=Name("保甲", "bǎojiǎ", "pao-chia", "Song baojia"),
    title=N_("Song baojia"),
    dynasty="Song (Sung)",
    start_year=1070,
    end_year=1127,
    place="quickly adopted throughout the empire",
    summary=(
        "Wang An-shih's baojia, the first system to bear the name, made reporting and watching "
        "criminals its main task; within a year it also served as a local militia."
    ),
    levels=(
        LevelSpec(
            "bao", Name("保", "bǎo", "pao", "group of ten families"), 10,
            leaders=(LeaderSpec(
                title=Name("保長", "bǎozhǎng", "pao-chang", "head of the bao"),
                selection=Selection.APPOINTED,
                duty="gathers reports of criminals and passes them on",
                selection_documented=False,
            ),),
            sources=(BROOK_36, HSIAO_27), counts="families",
        ),
    ),
    scope=Scope(OUTSIDE_CAPITAL, "Quickly adopted throughout the empire; within a year it also served as a militia.",
                (HSIAO_27,)),
    obligations=(
        Obligation("report-criminals", "Report and watch criminals: the system's most important function.",
                   (HSIAO_27,)),
        Obligation("militia", "Within a year, serve as a permanent local militia under the army.", (HSIAO_27,)),
    ),
    offences=("theft", "banditry", "harbouring-stranger"),
    liability=policing_liability("bao", collective_sources=(HSIAO_27,), collective_documented=False),
    government=AUTHORITIES,
    sources=(HSIAO_27, BROOK_36, thesis("§2.1, §2.2.3")),
    end_note=(
        "The sources give no end year; 1127, the end of the Northern Song, is Ermu's assumption from general background."
    ),
    notes=(
        "The thesis dates the system to 1070 (after Hsiao) and its first levels to 1076 (after "
        "Brook); only the smallest unit, ten families named a bao, is described.",
        "The title of the bao's head and how he was chosen are not in the sources: Ermu's assumption.",
    ),
)

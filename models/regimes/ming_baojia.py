"""Ming baojia, nationwide by 1548 though never mandatory: tithings and watches of families."""

from ..i18n import N_
from ._common import RURAL_AND_SUBURBAN, YAMEN, policing_liability, thesis
from .spec import (LeaderSpec, LevelSpec, Name, Obligation, RegimeSpec, Scope, Selection,
                   Source)

BROOK_36 = Source("brook-2005", "36")
BROOK_37 = Source("brook-2005", "37")

SPEC = RegimeSpec(
    id="ming-baojia",
    name=Name("保甲", "bǎojiǎ", "pao-chia", "Ming baojia"),
    title=N_("Ming baojia"),
    dynasty="Ming",
    start_year=1548,
    end_year=1644,
    place="outside the major cities; over half the empire by the dynasty's end",
    summary=(
        "A watch system left to each magistrate: ten families formed a jia (tithing) whose "
        "leadership passed round with a placard, and ten jia a bao (watch) under a baozhang."
    ),
    levels=(
        LevelSpec(
            "jia", Name("甲", "jiǎ", "chia", "tithing of ten families"), 10,
            leaders=(LeaderSpec(
                title=Name("甲長", "jiǎzhǎng", "chia-chang", "tithing captain"),
                selection=Selection.ROTATING,
                duty="holds the tithing's placard for his turn and reports to the watch",
                sources=(BROOK_36,),
            ),),
            sources=(BROOK_36,), counts="families",
            size_note="in practice anywhere from 4 to 13 families",
        ),
        LevelSpec(
            "bao", Name("保", "bǎo", "pao", "watch of ten tithings"), 10,
            leaders=(LeaderSpec(
                title=Name("保長", "bǎozhǎng", "pao-chang", "watch supervisor"),
                selection=Selection.APPOINTED,
                duty="supervises the watch and reports to the magistrate",
                sources=(BROOK_36,),
                selection_documented=False,
            ),),
            sources=(BROOK_36, BROOK_37), counts="units",
            size_note="some watches had more or fewer than ten tithings",
        ),
    ),
    scope=Scope(RURAL_AND_SUBURBAN, "Outside the major urban areas, wherever a magistrate chose to apply it.",
                (BROOK_36,)),
    obligations=(
        Obligation("watch", "Watch the neighbourhood for crime and dissent (coastal piracy, inland banditry) "
                            "and report it.", (BROOK_36,)),
    ),
    offences=("theft", "banditry", "harbouring-stranger", "dissent"),
    liability=policing_liability("jia", collective_sources=(BROOK_36,), collective_documented=False),
    government=YAMEN,
    sources=(BROOK_36, BROOK_37, thesis("§2.2.3")),
    mandatory=False,
    notes=(
        "The baojia grouped families where the lijia grouped households; Ermu treats each "
        "household of a village as one family.",
        "The thesis calls the rotating placard a pao; Brook's placard is the pai (牌).",
        "Only the southeast coast kept the intended sizes; elsewhere tithings held 4 to 13 families. "
        "Ermu builds the intended ten.",
        "The sources disagree: one paragraph of the thesis says the Ming did not implement the baojia "
        "nationwide and that it was implemented nationwide by 1548. Ermu reads it as introduced "
        "everywhere on paper but never mandatory.",
    ),
)

"""Wang Shou-jen's ten-family cards, Kiangsi 1517-1520: joint responsibility without a leader."""

from ..i18n import N_
from ._common import OUTSIDE_CAPITAL, YAMEN, policing_liability, thesis
from .spec import (LeaderSpec, LevelSpec, Name, Obligation, RegimeSpec, Scope, Selection,
                   Source)

HSIAO_27 = Source("hsiao-1960", "27")

SPEC = RegimeSpec(
    id="wang-shouren",
    name=Name("十家牌法", "shí jiā pái fǎ", "shih-chia p'ai", "ten-family card system"),
    title=N_("Wang Shou-jen's ten-family cards"),
    dynasty="Ming",
    start_year=1517,
    end_year=1520,
    place="selected localities of Kiangsi with much robbery and rebellion",
    summary=(
        "Every ten households wrote their members on one card and reported suspicious activity "
        "to the government together. There was no designated leader: household heads took turns "
        "with the record. From 1520 an appointed bao-chang watched with them."
    ),
    levels=(
        LevelSpec(
            "card", Name("牌", "pái", "p'ai", "ten-household card group"), 10,
            leaders=(
                LeaderSpec(
                    title=Name("輪值家長", "lúnzhí jiāzhǎng", "", "household head on duty (a turn, not an office)"),
                    selection=Selection.ROTATING,
                    duty="keeps the card's record in his turn; not a leader",
                    sources=(HSIAO_27,),
                    until_year=1520,
                    reports=False,
                ),
                LeaderSpec(
                    title=Name("保長", "bǎozhǎng", "bao-chang", "appointed monitor"),
                    selection=Selection.APPOINTED,
                    duty="monitors criminal activity with the household heads; no other power",
                    sources=(HSIAO_27,),
                    from_year=1520,
                    reports=False,
                    selection_documented=False,
                ),
            ),
            sources=(HSIAO_27,),
        ),
    ),
    scope=Scope(OUTSIDE_CAPITAL, "Only selected localities with much crime, in Kiangsi.", (HSIAO_27,)),
    obligations=(
        Obligation("card", "Record every member of the ten households on one card.", (HSIAO_27,)),
        Obligation("report", "Report any suspicious activity in the neighbourhood to the government.",
                   (HSIAO_27,)),
    ),
    offences=("theft", "banditry", "harbouring-stranger", "dissent"),
    liability=policing_liability(
        "card", collective_sources=(HSIAO_27,), collective_documented=False,
        what="suspicious activity",
    ),
    government=YAMEN,
    sources=(HSIAO_27, thesis("§2.2.3")),
    notes=(
        "The sources make the ten households jointly responsible for monitoring and reporting, "
        "but say nothing of a punishment: the collective rule (the whole card punished, reporting "
        "neighbours spared) is Ermu's assumption, borrowed from the Qing baojia.",
        "Reports go straight to the government, not up a chain of heads, so no leader is "
        "liable for silence.",
        "Which household the government named as bao-chang from 1520 is not recorded: Ermu "
        "shows the one with the most adult males.",
    ),
)

"""Ming lijia, by 1381: the fiscal tithing of 110 households per li."""

from ..places import Setting
from ..i18n import N_
from ._common import EVERYWHERE, YAMEN, fiscal_liability, thesis
from .spec import (LeaderSpec, LevelSpec, Name, Obligation, RegimeSpec, Scope, Selection,
                   Source)

BROOK_32 = Source("brook-2005", "32")
BROOK_33 = Source("brook-2005", "33")

SPEC = RegimeSpec(
    id="ming-lijia",
    name=Name("里甲", "lǐjiǎ", "li-chia", "Ming lijia"),
    title=N_("Ming lijia"),
    dynasty="Ming",
    start_year=1381,
    end_year=1644,
    place="the whole empire",
    summary=(
        "A fiscal tithing: ten households formed a jia under a rotating jiashou; ten jia and the "
        "ten leading households that served in turn as lizhang formed a li of 110 households."
    ),
    levels=(
        LevelSpec(
            "jia", Name("甲", "jiǎ", "chia", "tithing of ten households"), 10,
            leaders=(LeaderSpec(
                title=Name("甲首", "jiǎshǒu", "chia-shou", "tithing head"),
                selection=Selection.ROTATING,
                duty="collects the tithing's dues and reports them to the lizhang",
                sources=(BROOK_33,),
            ),),
            sources=(BROOK_33,),
        ),
        LevelSpec(
            "li", Name("里", "lǐ", "li", "hundred of 110 households"), 10,
            leaders=(LeaderSpec(
                title=Name("里長", "lǐzhǎng", "li-chang", "head of the li"),
                selection=Selection.MOST_ADULT_MALES,
                duty="the ten leading households take turns heading the li (a one-year turn is Ermu's assumption)",
                sources=(BROOK_33,),
                selection_documented=False,
            ),),
            sources=(BROOK_33,),
            counts="units",
            names_by_setting={
                Setting.URBAN: Name("坊", "fāng", "fang", "urban li"),
                Setting.CAPITAL: Name("坊", "fāng", "fang", "urban li"),
                Setting.SUBURBAN: Name("廂", "xiāng", "hsiang", "suburban li (the sources give no characters: 廂 is Ermu's reading)"),
            },
            head_households=10,
        ),
    ),
    scope=Scope(EVERYWHERE, "Widely used throughout the empire by 1381; cities and suburbs named their li differently.",
                (BROOK_32,)),
    obligations=(
        Obligation("taxes", "Pay taxes, and see that one's neighbours do too.",
                   (BROOK_32,)),
        Obligation("register", "Keep every member on the register for the census.", (BROOK_32,)),
    ),
    offences=("tax-default", "failing-to-register"),
    liability=fiscal_liability("jia", collective_sources=(BROOK_32,), leader_sources=(BROOK_33,)),
    government=YAMEN,
    sources=(BROOK_32, BROOK_33, thesis("§2.2.2")),
    partition_by_setting=True,
    notes=(
        "The thesis once calls the li 'a group of one hundred jia'; its own figures (ten jia of "
        "ten households and ten leading households) make a li of 110 households, as Ermu builds it.",
        "The sources choose the ten lizhang households as 'the most responsible'; Ermu measures "
        "that by tax-paying adult males, as the Qing rule did (an assumption for the Ming).",
        "Registers published in 1461 counted 64,854.5 li: by Ermu's arithmetic (110 households a li), "
        "over seven million households.",
        "The thesis spells the urban li 'fong'; Ermu writes fang.",
    ),
)

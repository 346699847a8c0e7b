"""Ming rural covenants (xiangyue), early sixteenth century: covenants of 100 households."""

from ..i18n import N_
from ._common import RURAL_ONLY, YAMEN, policing_liability, thesis
from .spec import (LeaderSpec, LevelSpec, Name, Obligation, RegimeSpec, Scope, Selection,
                   Source)

BROOK_38 = Source("brook-2005", "38")

SPEC = RegimeSpec(
    id="ming-xiangyue",
    name=Name("鄉約", "xiāngyuē", "hsiang-yüeh", "rural covenant"),
    title=N_("Ming rural covenants"),
    dynasty="Ming",
    start_year=1500,
    end_year=1644,
    place="some rural areas, at the county magistrate's choice",
    summary=(
        "Groups of one hundred households (yue) met regularly at a covenant recitation hall for "
        "rites of loyalty and community; by the early seventeenth century the baojia watches "
        "met as covenants too."
    ),
    levels=(
        LevelSpec(
            "yue", Name("約", "yuē", "yüeh", "covenant of one hundred households"), 100,
            leaders=(LeaderSpec(
                title=Name("約正", "yuēzhèng", "yüeh-cheng", "covenant head"),
                selection=Selection.APPOINTED,
                duty="leads the recitations at the covenant hall (jiangyue suo)",
                selection_documented=False,
            ),),
            sources=(BROOK_38,),
        ),
    ),
    scope=Scope(RURAL_ONLY, "Some rural areas only, where county officials introduced them.", (BROOK_38,)),
    obligations=(
        Obligation("rites", "Meet regularly at the covenant recitation hall for rites of loyalty to the dynasty.",
                   (BROOK_38,)),
        Obligation("with-baojia", "Work with the baojia watches on education and on spreading official notices.",
                   (BROOK_38,)),
    ),
    offences=("theft", "dissent"),
    liability=policing_liability("yue", collective_sources=(BROOK_38,), collective_documented=False,
                                 what="misconduct"),
    government=YAMEN,
    mandatory=False,
    sources=(BROOK_38, thesis("§2.2.4")),
    start_note=(
        "The sources say only 'the early sixteenth century'; 1500 is Ermu's assumption."
    ),
    notes=(
        "The sources date the covenants to the early sixteenth century without a year: Ermu uses 1500.",
        "The covenant was a moral and ritual community; the sources describe no punishments of "
        "their own, so every liability rule here is Ermu's assumption.",
        "The covenant head's title is not in our sources: Ermu's assumption.",
    ),
)

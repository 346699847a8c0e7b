"""The numbers and the mechanisms of a criticism session, and where each comes from.

The sources (the Duke thesis, section 2.4, and the works it cites) describe the ritual:
who speaks, in what order, who may be singled out, how the press spread it. They give no
numbers. Every number here is therefore *illustrative*: a teacher may change any of them
through :class:`SessionParameters`, and the views mark them so. :data:`MECHANISMS` ties
each rule the engine applies to the claim of the sources it stands for, with a flag saying
whether the rule itself is documented or is Ermu's assumption.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from ..regimes.spec import Name, Source
from ..i18n import N_
from ..messages import ErmuError, Message, msg

THESIS = Source("duke-thesis-2020")
CHU_MEDIA = Source("chu-1983", "47")
CHU_RITUAL = Source("chu-1983", "48")
CHU_CURE = Source("chu-1983", "50")
CHU_UNCODIFIED = Source("chu-1983", "52")
DITTMER_SINGLE_OUT = Source("dittmer-1973", "709")
DITTMER_PRESS = Source("dittmer-1973", "716")
ENGELMANN_LISTS = Source("engelmann-2019", "72")

#: Who chairs the session and speaks for the Party line.
CHAIR = Name("支部書記", "zhībù shūjì", "", "Party branch secretary")

#: The faults members were usually charged with (the thesis, after Dittmer). Ermu's wording.
CHARGES: tuple[str, ...] = (
    N_("faulty ideological understanding"),
    N_("poor work performance"),
    N_("deviant behaviour"),
    N_("political dissent"),
)
CHARGE_SOURCES = (THESIS, DITTMER_SINGLE_OUT)

STATE_MAX = 100.0


class CriticismError(ErmuError, ValueError):
    """A session that cannot be held as asked; the message is for people."""

    whole_sentence = True  # shown as it is by the GUI and the CLI


@dataclass(frozen=True)
class SessionParameters:
    """Every number of the session model. All are illustrative, none is in the sources.

    States (standing with the chair, suspicion, fear) run from 0 to 100.
    """

    start_standing: float = 50.0  # illustrative: where members stand with the chair at first
    start_suspicion: float = 20.0  # illustrative: the suspicion every member starts with
    start_fear: float = 30.0  # illustrative: the fear every member brings into the room
    start_spread: float = 15.0  # illustrative: seeded variation (+/-) of the three starting states
    # Responses are counted per round: a member who stays silent on every floor of a round
    # gains silence_suspicion in all; each silence adds its share (divided by the number of
    # other members), so the group's size does not change the weight of a round.
    silence_suspicion: float = 12.0  # illustrative: suspicion for staying silent through a whole round
    silence_collective_factor: float = 2.0  # illustrative: silence counts this much more when the group attacks one member
    mild_spread: float = 10.0  # illustrative: suspicion added to a member whom all others criticise mildly
    harsh_spread: float = 24.0  # illustrative: suspicion added to a member whom all others criticise harshly
    mild_standing: float = 4.0  # illustrative: standing gained by criticising every speaker of a round mildly
    harsh_standing: float = 10.0  # illustrative: standing gained by criticising every speaker of a round harshly
    criticised_fear: float = 8.0  # illustrative: fear added to a member whom all others criticise
    sincere_relief: float = 14.0  # illustrative: suspicion a sincere self-criticism removes
    minimal_relief: float = 4.0  # illustrative: suspicion a minimal self-criticism removes
    sincere_standing: float = 3.0  # illustrative: standing a sincere self-criticism earns
    single_out_threshold: float = 35.0  # illustrative: the chair singles out nobody below this suspicion
    single_out_standing: float = 25.0  # illustrative: standing lost by the member singled out
    single_out_fear: float = 20.0  # illustrative: fear added to the member singled out
    rehabilitation_standing: float = 15.0  # illustrative: standing regained by a sincere self-criticism after collective criticism
    publish_fear: float = 10.0  # illustrative: fear added to every member when the record is published
    audience: int = 2000  # illustrative: readers in the unit who see a published record
    isolated_below: float = 25.0  # illustrative: standing below which a member ends "isolated"
    suspect_from: float = 55.0  # illustrative: suspicion from which a member ends "under suspicion"

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
                raise CriticismError(msg("criticism.error.parameter-number",
                                         "The parameter {name} must be a number, not {value!r}.",
                                         name=f.name, value=value))
            if value < 0:
                raise CriticismError(msg("criticism.error.parameter-negative",
                                         "The parameter {name} must be 0 or more, not {value}.",
                                         name=f.name, value=value))
        if self.audience < 1:
            raise CriticismError(msg("criticism.error.audience",
                                     "The audience of a published record must be at least 1 reader."))

    def to_json(self) -> dict:
        return {**asdict(self), "illustrative": True}


@dataclass(frozen=True)
class Mechanism:
    """One rule of the engine, the claim of the sources it stands for, and its status.

    ``documented`` says whether the rule itself is in the sources; its numbers
    (``parameters``) are always illustrative.
    """

    id: str
    title: Message
    claim: Message  # what the sources say, in Ermu's words (rendered at the edge)
    effect: Message  # what the engine does
    sources: tuple[Source, ...]
    documented: bool
    parameters: tuple[str, ...] = ()


MECHANISMS: dict[str, Mechanism] = {m.id: m for m in (
    Mechanism(
        "self-criticism", msg("criticism.mechanism.self-criticism.title", "Everyone criticises himself"),
        msg("criticism.mechanism.self-criticism.claim",
            "Each member of a group session was asked to criticise himself first."),
        msg("criticism.mechanism.self-criticism.effect",
            "In every round every member self-criticises; a sincere admission lowers "
            "suspicion and earns a little standing, a minimal one lowers suspicion less."),
        (THESIS, CHU_RITUAL), True, ("sincere_relief", "minimal_relief", "sincere_standing")),
    Mechanism(
        "criticism", msg("criticism.mechanism.criticism.title", "Everyone accepts criticism from all the others"),
        msg("criticism.mechanism.criticism.claim",
            "After his self-criticism a member had to hear criticism from every other "
            "member."),
        msg("criticism.mechanism.criticism.effect",
            "When a member has spoken, each other member in turn criticises him or stays "
            "silent."),
        (THESIS, CHU_RITUAL), True),
    Mechanism(
        "cycle", msg("criticism.mechanism.cycle.title", "Whoever criticises must criticise himself"),
        msg("criticism.mechanism.cycle.claim",
            "Criticising someone obliged the critic to criticise himself too, so the two "
            "acts formed one repeating ritual."),
        msg("criticism.mechanism.cycle.effect",
            "Rounds repeat; in each one every critic also self-criticises."),
        (THESIS, CHU_RITUAL), True),
    Mechanism(
        "sincerity", msg("criticism.mechanism.sincerity.title", "A minimal self-criticism counts for less"),
        msg("criticism.mechanism.sincerity.claim",
            "Members were expected to name their own faults."),
        msg("criticism.mechanism.sincerity.effect",
            "Ermu lets a member admit fully (sincere) or as little as possible (minimal)."),
        (THESIS,), False, ("sincere_relief", "minimal_relief")),
    Mechanism(
        "spread", msg("criticism.mechanism.spread.title", "Criticism moves suspicion onto its target"),
        msg("criticism.mechanism.spread.claim",
            "Members were encouraged to criticise others freely."),
        msg("criticism.mechanism.spread.effect",
            "A criticism adds suspicion and fear to its target and standing to its critic; "
            "a harsh one more than a mild one."),
        (THESIS, CHU_RITUAL), False, ("mild_spread", "harsh_spread", "mild_standing", "harsh_standing", "criticised_fear")),
    Mechanism(
        "silence", msg("criticism.mechanism.silence.title", "Silence is noticed"),
        msg("criticism.mechanism.silence.claim",
            "Everyone in the group was expected to take part."),
        msg("criticism.mechanism.silence.effect",
            "A member who stays silent while the others speak gains suspicion, more so when"
            " the group is attacking one member."),
        (THESIS, CHU_RITUAL), False, ("silence_suspicion", "silence_collective_factor")),
    Mechanism(
        "single-out", msg("criticism.mechanism.single-out.title", "One member singled out for collective criticism"),
        msg("criticism.mechanism.single-out.claim",
            "The technique often isolated one member for a time and turned the whole "
            "group's criticism on him, so that he would see how to conform; afterwards he "
            "criticised himself."),
        msg("criticism.mechanism.single-out.effect",
            "The chair may single out one member per round: he loses standing and gains "
            "fear, hears everyone's criticism first and self-criticises last."),
        (THESIS, DITTMER_SINGLE_OUT), True, ("single_out_standing", "single_out_fear")),
    Mechanism(
        "charges", msg("criticism.mechanism.charges.title", "The usual charges"),
        msg("criticism.mechanism.charges.claim",
            "Members were faulted for wrong ideological understanding, poor work, other "
            "deviance or political dissent."),
        msg("criticism.mechanism.charges.effect",
            "Every admission and criticism names one of these charges."),
        CHARGE_SOURCES, True),
    Mechanism(
        "party-decides", msg("criticism.mechanism.party-decides.title", "The Party decides whom, what, when and how"),
        msg("criticism.mechanism.party-decides.claim",
            "The practice was never written into law, so the Party alone decided whom to "
            "criticise, for what, when and how."),
        msg("criticism.mechanism.party-decides.effect",
            "The chair, not a rule book, picks whom to single out."),
        (THESIS, CHU_UNCODIFIED), True),
    Mechanism(
        "chair-rule", msg("criticism.mechanism.chair-rule.title", "The chair picks the most suspect member"),
        msg("criticism.mechanism.chair-rule.claim",
            "The sources name no criterion for the Party's choice."),
        msg("criticism.mechanism.chair-rule.effect",
            "Unless a teacher names a target, the chair singles out the member with the "
            "highest suspicion, if it reaches a threshold."),
        (THESIS, CHU_UNCODIFIED), False, ("single_out_threshold",)),
    Mechanism(
        "cure", msg("criticism.mechanism.cure.title", "Cure the sickness to save the patient"),
        msg("criticism.mechanism.cure.claim",
            "Mao presented criticism as a cure meant to correct a person, not to destroy "
            "him."),
        msg("criticism.mechanism.cure.effect",
            "A singled-out member who then admits his faults sincerely regains some "
            "standing."),
        (THESIS, CHU_CURE), False, ("rehabilitation_standing",)),
    Mechanism(
        "publish", msg("criticism.mechanism.publish.title", "The press spreads the record"),
        msg("criticism.mechanism.publish.claim",
            "The Party-run press printed criticism and self-criticism, the Party's own "
            "included, and carried it across the country without the parties ever meeting."),
        msg("criticism.mechanism.publish.effect",
            "In media mode each round's record is published to an audience and every "
            "member's fear rises."),
        (THESIS, CHU_MEDIA, DITTMER_PRESS), True, ("publish_fear", "audience")),
    Mechanism(
        "fear-drives", msg("criticism.mechanism.fear-drives.title", "Fear shapes what members do"),
        msg("criticism.mechanism.fear-drives.claim",
            "The sources describe the pressure of the ritual, not how individuals chose."),
        msg("criticism.mechanism.fear-drives.effect",
            "On autopilot, more fearful members and members with less standing criticise "
            "others more often and more harshly, and admit their own faults more fully."),
        (THESIS,), False),
)}

#: Context shown beside the session, not rules of the engine.
BACKGROUND: tuple[tuple[str, tuple[Source, ...]], ...] = (
    (N_("The Chinese practice was modelled on the Soviet kritika i samokritika."), (THESIS, CHU_RITUAL)),
    (N_("Today's public red lists and blacklists on Credit China echo its public shaming."),
     (THESIS, ENGELMANN_LISTS)),
)

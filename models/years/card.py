"""The years model's card: every mechanism with its basis, as data the face and docs show.

A mechanism's basis is one of three kinds, and users always see which:

- ``source`` — the sources describe it (thesis chapter 2 and the historians it cites,
  with pages);
- ``theory`` — a named model from the modelling literature suggests it (theory, not
  history: nobody measured it in a Qing village);
- ``assumption`` — Ermu's own simplification, needed to run at all.

Every number in every mechanism is illustrative. ``docs/years-model-card.md`` is
:func:`markdown` written out (a test keeps the two the same).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..messages import Message, msg
from ..regimes.spec import Source
from .parameters import SPECS


class Basis(enum.StrEnum):
    SOURCE = "source"
    THEORY = "theory"
    ASSUMPTION = "assumption"

    @property
    def label(self) -> Message:
        return {
            "source": msg("years.basis.source", "From the sources"),
            "theory": msg("years.basis.theory", "Theory, not history"),
            "assumption": msg("years.basis.assumption", "Ermu's assumption"),
        }[self.value]


@dataclass(frozen=True)
class Mechanism:
    id: str
    title: Message
    text: Message
    basis: tuple[tuple[Basis, tuple[Source, ...], Message], ...]  # kind, citations, what it supports

    @property
    def parameters(self) -> list[str]:
        return [name for name, spec in SPECS.items() if spec.mechanism == self.id]


def _m(id_: str, title: str, text: str, *basis: tuple[Basis, tuple[Source, ...], str]) -> Mechanism:
    return Mechanism(id_, msg(f"years.card.{id_}.title", title), msg(f"years.card.{id_}.text", text),
                     tuple((kind, sources, msg(f"years.card.{id_}.basis.{i}", why))
                           for i, (kind, sources, why) in enumerate(basis)))


THESIS_QING = Source("duke-thesis-2020", "§2.3.1")
HSIAO_45 = Source("hsiao-1960", "45")
HSIAO_46 = Source("hsiao-1960", "46")
HSIAO_75 = Source("hsiao-1960", "75")
QU_150 = Source("qu-1988", "150")
QU_152 = Source("qu-1988", "152")
HECKATHORN_1988 = Source("heckathorn-1988")
HECKATHORN_1990 = Source("heckathorn-1990")
BANDYOPADHYAY_2010 = Source("bandyopadhyay-2010")
HUCK_2007 = Source("huck-2007")

MECHANISMS: tuple[Mechanism, ...] = (
    _m("offend", "Offending and deterrence",
       "Each year every household may offend at a base rate. The punishment it expects lowers that rate: the "
       "chance that its unit reports the offence or the authorities find it, times the severity the regime's "
       "rules give.",
       (Basis.SOURCE, (THESIS_QING, QU_150), "The thesis argues that the fear of being reported kept people from "
                                             "acting unlawfully under the Qing baojia."),
       (Basis.THEORY, (HUCK_2007,), "Huck and Kosfeld model deterrence that depends both on the punishment the "
                                    "state sets and on how watchful the neighbours are.")),
    _m("observe", "Neighbours observe",
       "The other households of the offender's smallest unit each see the offence with the regime's observation "
       "probability; a smaller unit means fewer eyes.",
       (Basis.SOURCE, (QU_150,), "Neighbours' eyes and ears: hardly anything escaped them."),
       (Basis.ASSUMPTION, (), "The observation probability itself is illustrative.")),
    _m("report", "Report or keep silent",
       "A witness reports out of duty, more readily when collective liability and the risk of discovery threaten "
       "the whole unit and when officials reward reporting, less readily when it has lost trust in the state.",
       (Basis.SOURCE, (HSIAO_45, THESIS_QING), "Every inhabitant had to report; a division that kept silent was "
                                               "punished as a whole."),
       (Basis.SOURCE, (QU_150,), "Some officials rewarded model conduct."),
       (Basis.THEORY, (HECKATHORN_1988,), "Collective sanctions give group members a stake in one another's "
                                          "conduct.")),
    _m("kin", "Kinship pulls towards silence",
       "A witness of the offender's own family (the village knows its families) is less likely to report.",
       (Basis.ASSUMPTION, (), "The sources say the baojia made families visible to the state, not how often kin "
                              "shielded one another: the size of this pull is Ermu's assumption.")),
    _m("self-report", "Confession",
       "An offender who expects to be caught may report himself first, which the rules punish less.",
       (Basis.SOURCE, (HSIAO_46, THESIS_QING), "Reporting one's own wrongdoing lessened the punishment.")),
    _m("heads", "Heads pass reports on",
       "Each unit head on the way to the government passes a report on with an illustrative chance; a unit that "
       "has closed ranks passes nothing.",
       (Basis.SOURCE, (HSIAO_45,), "The heads received their neighbours' reports and took them to the "
                                   "magistrate."),
       (Basis.ASSUMPTION, (), "How often a head sat on a report is not in the sources.")),
    _m("conceal", "Concealment and discovery",
       "An offence nobody reports may still come to light; then the offender is punished more heavily than if "
       "he had been reported.",
       (Basis.SOURCE, (HSIAO_46,), "A concealed offence that is discovered is punished more."),
       (Basis.ASSUMPTION, (), "How often the authorities learn of an unreported offence is illustrative.")),
    _m("collective", "Collective punishment",
       "When a concealment is discovered, every other household of the offender's collective unit (its head "
       "included) is punished with it. A severity of 0 switches collective liability off.",
       (Basis.SOURCE, (HSIAO_45, THESIS_QING), "A division that failed to report a crime was punished with "
                                               "the offender."),
       (Basis.ASSUMPTION, (), "The severity scale 0 to 4 is Ermu's: the sources say who was punished, not by "
                              "how much.")),
    _m("register-errors", "Register errors",
       "Every copying of the record, by each head and then by the clerk, may name another household of the unit, "
       "which is then punished in the offender's place.",
       (Basis.SOURCE, (HSIAO_75, QU_152, THESIS_QING), "Illiterate heads and careless clerks let errors climb the "
                                                       "hierarchy."),
       (Basis.ASSUMPTION, (), "The error rate per copying is illustrative.")),
    _m("false-reports", "False and spiteful reports",
       "A household may accuse an innocent neighbour; it does so more often as its trust in its neighbours falls "
       "and when reporting is rewarded. An accusation the heads pass on punishes an innocent.",
       (Basis.THEORY, (BANDYOPADHYAY_2010,), "Bandyopadhyay and Chatterjee model citizens given incentives to "
                                             "report and biased reporters among neighbours."),
       (Basis.ASSUMPTION, (), "The rate and how it grows with distrust are Ermu's.")),
    _m("trust", "Trust in neighbours and in the state",
       "Being reported by a neighbour (twice as much by kin) wears down trust in the neighbours; being punished "
       "though innocent, or for a neighbour's offence, wears down trust in the state. A share of lost trust "
       "comes back every year.",
       (Basis.ASSUMPTION, (), "The sources preserved almost no first-hand accounts of how people felt; the thesis "
                              "even argues the watch made people feel safer. Trust here is a modelling device."),
       (Basis.THEORY, (HECKATHORN_1988,), "Heckathorn counts a group's internal cohesion among what decides "
                                          "whether it obeys or resists collective sanctions; trust in the "
                                          "neighbours stands for that cohesion here.")),
    _m("closing-ranks", "Closing ranks",
       "A unit punished collectively again and again, whose households distrust the state but still trust one "
       "another, closes ranks: its members stop reporting and its head passes nothing on, until trust in the "
       "state recovers.",
       (Basis.THEORY, (HECKATHORN_1988, HECKATHORN_1990), "In Heckathorn's models a group under collective "
                                                          "sanctions may police its members for the agent "
                                                          "(compliance norms) or turn against the agent "
                                                          "(opposition norms); which depends on the strength of "
                                                          "the sanctions, monitoring, the group's size and "
                                                          "cohesion, and the cost of control inside it.")))


def mechanism(mechanism_id: str) -> Mechanism:
    for item in MECHANISMS:
        if item.id == mechanism_id:
            return item
    raise KeyError(mechanism_id)


def markdown() -> str:
    """The card as Markdown (docs/years-model-card.md)."""
    lines = ["# The years model: its card", "",
             "What the village-over-the-years model does each year, and the basis of every step. "
             "**Every number in it is illustrative** and adjustable; defaults the regime states "
             "(observation probability, discovery probability, register error rate, unit size, "
             "severity of collective punishment, rewards) come from the regime's spec. Three kinds "
             "of basis: *from the sources* (with pages), *theory, not history* (a named model from "
             "the modelling literature; Ermu's background reading, not cited by the seed texts), and "
             "*Ermu's assumption*.", "",
             "This file is written from `models/years/card.py`; a test keeps the two the same.", ""]
    for item in MECHANISMS:
        lines += [f"## {item.title.render()}", "", item.text.render(), ""]
        for kind, sources, why in item.basis:
            cites = "; ".join(str(s) for s in sources)
            lines.append(f"- **{kind.label.render()}**" + (f" ({cites})" if cites else "") + f": {why.render()}")
        params = item.parameters
        if params:
            lines.append("- Parameters (illustrative): " + ", ".join(f"`{p}`" for p in params))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


__all__ = ["Basis", "MECHANISMS", "Mechanism", "markdown", "mechanism"]

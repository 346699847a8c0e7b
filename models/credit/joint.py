"""Joint punishment as a network: one listing, many agencies, many restrictions.

The national system works by sharing: the central platforms are required to exchange
data (liang-2018, p. 429), so one entry on a list reaches every body that acts on it,
and each of them applies its own restriction. This module holds those restrictions and
rewards (as :class:`~.effects.Effect`), the bodies that apply them, and which list sets
off which of them; :func:`joint_punishment_edges` and :func:`joint_punishment_graph`
give the network for one entry.

What is documented and what is Ermu's: the restrictions themselves are reported by the
sources (with evidence levels); that a blacklisting triggers all of them together is
reported in general terms (liang-2018, p. 433; kostka-2019, p. 6). The *agency* names
are Ermu's labels for whoever would carry each restriction out (the sources list the
restrictions, not the agencies), and which restrictions the two milder lists trigger is
Ermu's illustrative choice. Each edge says which is which.
"""

from __future__ import annotations

from dataclasses import dataclass

from .effects import Category, Effect, FallsOn, Kind
from ..messages import msg
from .evidence import Claim, Evidence, paper, src, thesis
from .texts import CreditError, said

#: The bodies that act on a listing. Labels are Ermu's (illustrative), see the module docstring.
AGENCIES: dict[str, str] = {
    "ncisp": "National Credit Information Sharing Platform",
    "credit-china": "Credit China website",
    "exit-entry": "Exit and entry administration",
    "airlines": "Airlines",
    "railways": "Railway ticket offices",
    "banks": "Banks and lenders",
    "employers": "Public-sector employers",
    "schools": "Private schools",
    "hotels": "Luxury hotels",
    "internet": "Internet providers",
    "welfare": "Welfare offices",
    "public-services": "Public service counters",
}

_T108 = (src("timofeeva-2020", 108), thesis("section 3.4"))
_KA6 = (src("kostka-2019", 6), thesis("section 4.4"))
_MA = (src("ma-2018"), paper())
R, B = Kind.RESTRICTION, Kind.BENEFIT


def _r(id: str, text: str, category: Category, agency: str, claim: Claim,
       falls_on: FallsOn = FallsOn.SELF, kind: Kind = R) -> Effect:
    return Effect(id, text, kind, category, claim, falls_on, agency)


RESTRICTIONS: dict[str, Effect] = {e.id: e for e in (
    _r("exit-ban", "barred from travelling abroad", Category.ADMINISTRATIVE, "exit-entry", Claim(
        "By 2017 a Supreme Court ruling had barred 6.15 million people from leaving the country over "
        "the following four years.", _T108)),
    _r("rail-ban", "no train tickets", Category.MARKET, "railways", Claim(
        "By 2017 a further 1.65 million people had been barred from travelling by rail.", _T108)),
    _r("flight-ban", "no flights", Category.MARKET, "airlines", Claim(
        "Listed people may be kept off trains and planes.", _KA6 + _MA)),
    _r("luxury-hotel-ban", "no luxury hotels or restaurants", Category.MARKET, "hotels", Claim(
        "Listed people may lose access to luxury hotels and restaurants.", _T108)),
    _r("slow-internet", "slower internet", Category.MARKET, "internet", Claim(
        "Listed people may be given slower internet.", _T108 + _MA), ),
    _r("loan-refused", "loans refused or dearer", Category.MARKET, "banks", Claim(
        "Listed people may find credit hard to get and pay higher interest.",
        _T108 + (src("liang-2018", 433),))),
    _r("public-job-ban", "barred from public-sector jobs", Category.ADMINISTRATIVE, "employers", Claim(
        "Listed people may be barred from jobs in the public sector.", _KA6 + _T108)),
    _r("welfare-limited", "fewer welfare benefits", Category.ADMINISTRATIVE, "welfare", Claim(
        "Listed people may lose eligibility for some government welfare.", _KA6)),
    _r("private-school-ban", "turned away by private schools", Category.SOCIAL, "schools", Claim(
        "A listed parent's children may be refused by private schools (public schools are not "
        "affected).", _T108 + (src("timofeeva-2020", 106),)), FallsOn.CHILDREN),
    _r("named-publicly", "named and shamed on Credit China", Category.SOCIAL, "credit-china", Claim(
        "Negative lists are published with names and ID numbers for all to see.",
        (src("engelmann-2019", 72), src("liang-2018", 433), thesis("section 3.4")), Evidence.OFFICIAL)),
)}

REWARDS: dict[str, Effect] = {e.id: e for e in (
    _r("green-channel", "priority at public services (a “Green Channel”)", Category.REWARD,
       "public-services", Claim("Red-listed people are promised “Green Channels”: priority and better "
                                "service at public offices.", (src("liang-2018", 433), thesis("section 3.4"))),
       kind=B),
    _r("lower-costs", "lower transaction costs", Category.REWARD, "banks", Claim(
        "“Green Channels” are also said to lower transaction costs.",
        (src("liang-2018", 433), thesis("section 3.4"))), kind=B),
    _r("praised-publicly", "praised by name on Credit China", Category.REWARD, "credit-china", Claim(
        "The red list names people with praise and the site tells their “stories of integrity”.",
        (src("engelmann-2019", 75), thesis("section 3.4")), Evidence.OFFICIAL), kind=B),
)}

EFFECTS: dict[str, Effect] = {**RESTRICTIONS, **REWARDS}


@dataclass(frozen=True)
class JointEdge:
    agency: str
    effect: str
    documented: bool  # the list -> effect link comes from a source (else Ermu's choice)


#: Which effects each list sets off. The blacklist link is reported in general terms;
#: the milder lists' subsets are Ermu's illustrative choice.
LIST_EFFECTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "blacklist": (tuple(RESTRICTIONS), True),
    "special-attention": (("loan-refused", "named-publicly"), False),
    "administrative-punishment": (("named-publicly",), True),
    "red-list": (tuple(REWARDS), True),
}


def joint_edges(list_id: str) -> list[JointEdge]:
    """The (agency, effect) pairs one entry on ``list_id`` sets off, rewards for the red list."""
    try:
        effect_ids, documented = LIST_EFFECTS[list_id]
    except KeyError:
        raise CreditError(msg("credit.list.unknown", "Unknown list {list}: use one of {known}.",
                              list=repr(list_id), known=", ".join(LIST_EFFECTS))) from None
    return [JointEdge(EFFECTS[e].agency or "", e, documented) for e in effect_ids]


def joint_punishment_edges(list_id: str = "blacklist") -> list[tuple[str, str]]:
    """The (agency id, restriction id) pairs one listing sets off: rail, air, banks, schools…"""
    return [(e.agency, e.effect) for e in joint_edges(list_id)]


def joint_punishment_graph(list_id: str = "blacklist", *, person: str = "citizen",
                           children: tuple[str, ...] = ()):
    """The joint punishment (or reward) network of one entry, as a networkx DiGraph.

    Nodes carry ``kind`` (listing, platform, agency, effect, person) and ``label`` (in the
    language current when the graph is built; node ids stay English); edges
    carry ``relation`` (shares, notifies, imposes, falls-on) and ``documented``. The entry
    flows from the listing through the NCISP to each agency, each agency imposes its
    effect, and each effect falls on the person or, for schools, on each child.
    """
    import networkx as nx

    from .lists import get_list

    credit_list = get_list(list_id)
    g = nx.DiGraph(list=list_id)
    listing = f"list:{list_id}"
    g.add_node(listing, kind="listing", label=msg("credit.joint.entry", "Entry on the {list}",
                                                   list=credit_list.name.said("english")).render())
    g.add_node("agency:ncisp", kind="platform", label=said(AGENCIES["ncisp"]))
    g.add_edge(listing, "agency:ncisp", relation="shares", documented=True,
               sources=("liang-2018, p. 429",))
    g.add_node(f"person:{person}", kind="person", label=person)
    for child in children:
        g.add_node(f"person:{child}", kind="person", label=child)
    for edge in joint_edges(list_id):
        agency, effect = f"agency:{edge.agency}", f"effect:{edge.effect}"
        e = EFFECTS[edge.effect]
        g.add_node(agency, kind="agency", label=said(AGENCIES[edge.agency]), documented=False)
        g.add_node(effect, kind="effect", label=e.said(), effect_kind=e.kind.value,
                   category=e.category.value, evidence=e.claim.evidence.value)
        g.add_edge("agency:ncisp", agency, relation="notifies", documented=True)
        g.add_edge(agency, effect, relation="imposes", documented=edge.documented,
                   sources=tuple(str(s) for s in e.claim.sources))
        targets = children if e.falls_on is FallsOn.CHILDREN else (person,)
        for target in targets:
            g.add_edge(effect, f"person:{target}", relation="falls-on", documented=True)
    return g


__all__ = ["AGENCIES", "EFFECTS", "LIST_EFFECTS", "RESTRICTIONS", "REWARDS", "JointEdge",
           "joint_edges", "joint_punishment_edges", "joint_punishment_graph"]

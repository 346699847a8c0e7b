"""The social graph around a citizen: family and friends, the friend rule, unfriending.

Family ties come from the generated households (everyone in a household is linked).
Friendships are drawn from a seed among adults of nearby households; how many each
person has is illustrative (:attr:`CreditParameters.friends_per_person`).

The *friend rule* is a contested claim: that dropping friends with low scores earns
points and befriending high scorers helps (see :mod:`.disagreements`, ``friend-effect``).
It is off by default; when a teacher turns it on (``params.changed(friend_rule=True)``)
every point it moves is marked illustrative. What unfriending does *socially* is
reported by the paper: people cut those with low scores out of their circles, which
isolates them (liang-2018, p. 420, via vochelet-2020). networkx is imported inside the
functions, so importing this module stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..messages import Message, msg
from ..names import PersonName
from ..population import ADULT_AGE, Population
from .citizen import Citizen, member_id
from .evidence import Claim, Evidence, paper, src, thesis
from .parameters import DEFAULT_PARAMETERS, CreditParameters

FRIEND_RULE_CLAIM = Claim(
    "Unfriending people with low scores is said to raise one's own score, and befriending high "
    "scorers to help; this is not documented by any official rule.",
    (thesis("section 3.4"), src("kostka-2019", 6)), Evidence.CONTESTED)
EXCLUSION_CLAIM = Claim(
    "Fearing for their own standing, people shut those with low scores out of their circles, so a "
    "low score isolates a person socially.", (src("liang-2018", 420), paper()), Evidence.REPORTED)


def social_graph(population: Population, citizen: Citizen, *, seed: int = 0, radius: int = 5,
                 params: CreditParameters = DEFAULT_PARAMETERS):
    """People of the households within ``radius`` of the citizen's, with family and friend edges.

    Nodes are person ids (``"12:0"``) with ``name``, ``hanzi``, ``age`` and ``household``;
    edges have ``relation`` = ``family`` (documented by the household) or ``friend``
    (drawn from ``seed``, illustrative).
    """
    import networkx as nx

    g = nx.Graph(seed=seed)
    centre = citizen.household.id
    ids = range(max(0, centre - radius), min(len(population), centre + radius + 1))
    adults: list[str] = []
    for h in ids:
        household = population[h]
        members = [member_id(h, i) for i in range(household.size)]
        for node, person in zip(members, household.members):
            g.add_node(node, name=person.name, hanzi=person.hanzi, age=person.age, household=h)
            if person.age >= ADULT_AGE:
                adults.append(node)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                g.add_edge(a, b, relation="family", documented=True)
    rng = np.random.default_rng([seed, 0x46524E44])
    for a in adults:
        others = [b for b in adults if g.nodes[b]["household"] != g.nodes[a]["household"]]
        if not others:
            continue
        k = min(params.friends_per_person, len(others))
        for j in rng.choice(len(others), size=k, replace=False):
            b = others[int(j)]
            if not g.has_edge(a, b):
                g.add_edge(a, b, relation="friend", documented=False)
    return g


def sample_scores(graph, *, seed: int = 0, low: int = 350, high: int = 950) -> dict[str, int]:
    """Illustrative commercial-scale scores for everyone in ``graph`` (the same for the same seed)."""
    rng = np.random.default_rng([seed, 0x53434F52])
    values = np.clip(np.rint(rng.normal(650, 90, graph.number_of_nodes())), low, high).astype(int)
    return {node: int(v) for node, v in zip(sorted(graph.nodes), values)}


def friends(graph, person: str) -> list[str]:
    return sorted(n for n in graph.neighbors(person) if graph.edges[person, n]["relation"] == "friend")


@dataclass(frozen=True)
class FriendEffect:
    points: int  # 0 when the rule is off
    high_friends: tuple[str, ...]
    low_friends: tuple[str, ...]
    enabled: bool
    claim: Claim = FRIEND_RULE_CLAIM
    documented: bool = False


def friend_effect(graph, person: str, scores: dict[str, int],
                  params: CreditParameters = DEFAULT_PARAMETERS) -> FriendEffect:
    """Points the optional friend rule would add: per high-scoring friend, minus per low one."""
    mine = friends(graph, person)
    high = tuple(f for f in mine if scores.get(f, 0) >= params.friend_high)
    low = tuple(f for f in mine if scores.get(f, 10**9) < params.friend_low)
    points = params.friend_points * (len(high) - len(low)) if params.friend_rule else 0
    return FriendEffect(points, high, low, params.friend_rule)


@dataclass(frozen=True)
class Unfriending:
    graph: object  # the new graph (the old one is untouched)
    removed: bool
    points_before: int
    points_after: int
    narration: str  # as said when it happened; ``message`` says it again in another language
    claims: tuple[Claim, ...] = (FRIEND_RULE_CLAIM, EXCLUSION_CLAIM)
    documented: bool = False
    message: Message | None = None

    def said(self) -> str:
        return self.message.render() if self.message is not None else self.narration

    @property
    def change(self) -> int:
        return self.points_after - self.points_before


def unfriend(graph, person: str, other: str, scores: dict[str, int],
             params: CreditParameters = DEFAULT_PARAMETERS) -> Unfriending:
    """``person`` drops ``other`` as a friend: the new graph and what the friend rule says it is worth.

    Family ties are not friendships and cannot be dropped this way.
    """
    before = friend_effect(graph, person, scores, params).points
    nodes = graph.nodes
    name = PersonName(nodes[person]["name"], nodes[person].get("hanzi", ""))
    other_name = PersonName(nodes[other]["name"], nodes[other].get("hanzi", ""))
    if not graph.has_edge(person, other) or graph.edges[person, other]["relation"] != "friend":
        said = msg("credit.unfriend.not-friends", "{name} and {other} are not friends, so there is nothing to drop.",
                   name=name, other=other_name)
        return Unfriending(graph, False, before, before, str(said), message=said)
    new = graph.copy()
    new.remove_edge(person, other)
    after = friend_effect(new, person, scores, params).points
    left = sum(1 for _ in friends(new, other))
    if params.friend_rule:
        said = msg("credit.unfriend.rule", "{name} unfriends {other} (friends {other} has left: {left}). Under the "
                   "contested friend rule {name}'s score moves by {points} points (illustrative).",
                   name=name, other=other_name, left=left, points=f"{after - before:+d}")
    else:
        said = msg("credit.unfriend.no-rule", "{name} unfriends {other} (friends {other} has left: {left}). No "
                   "documented rule changes {name}'s score for it.", name=name, other=other_name, left=left)
    return Unfriending(new, True, before, after, str(said), message=said)


__all__ = ["EXCLUSION_CLAIM", "FRIEND_RULE_CLAIM", "FriendEffect", "Unfriending", "friend_effect",
           "friends", "sample_scores", "social_graph", "unfriend"]

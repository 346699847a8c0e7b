"""Family and friends around a citizen, the optional friend rule, and unfriending."""

from __future__ import annotations

from ermu.models.credit import DEFAULT_PARAMETERS, Citizen
from ermu.models.credit.social import friend_effect, friends, sample_scores, social_graph, unfriend
from ermu.models.population import Population

POPULATION = Population.generate(30, seed=3)
CITIZEN = Citizen.from_population(POPULATION, 10)


def test_graph_links_the_household_as_family_and_draws_friends_from_the_seed():
    g = social_graph(POPULATION, CITIZEN, seed=1)
    for other, _ in CITIZEN.family():
        assert g.edges[CITIZEN.id, other]["relation"] == "family"
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert relations == {"family", "friend"}
    assert all(not d["documented"] for _, _, d in g.edges(data=True) if d["relation"] == "friend")
    again = social_graph(POPULATION, CITIZEN, seed=1)
    assert sorted(g.edges) == sorted(again.edges)


def test_friend_rule_is_off_by_default():
    g = social_graph(POPULATION, CITIZEN, seed=1)
    scores = {n: 400 for n in g.nodes}
    effect = friend_effect(g, CITIZEN.id, scores)
    assert effect.points == 0 and not effect.enabled and not effect.documented
    assert effect.claim.evidence.value == "contested"


def test_unfriending_a_low_scorer_under_the_friend_rule():
    params = DEFAULT_PARAMETERS.changed(friend_rule=True)
    g = social_graph(POPULATION, CITIZEN, seed=1)
    mine = friends(g, CITIZEN.id)
    assert mine
    scores = sample_scores(g, seed=2)
    scores.update({f: 400 for f in mine})  # all of them score low
    result = unfriend(g, CITIZEN.id, mine[0], scores, params)
    assert result.removed and result.change == params.friend_points
    assert not result.graph.has_edge(CITIZEN.id, mine[0]) and g.has_edge(CITIZEN.id, mine[0])
    assert "contested" in result.narration and "illustrative" in result.narration


def test_unfriending_without_the_rule_changes_no_score_and_family_cannot_be_unfriended():
    g = social_graph(POPULATION, CITIZEN, seed=1)
    scores = sample_scores(g, seed=2)
    mine = friends(g, CITIZEN.id)
    result = unfriend(g, CITIZEN.id, mine[0], scores)
    assert result.removed and result.change == 0 and "No documented rule" in result.narration
    relative = CITIZEN.family()[0][0]
    kept = unfriend(g, CITIZEN.id, relative, scores)
    assert not kept.removed and kept.graph.has_edge(CITIZEN.id, relative)


def test_sample_scores_stay_on_the_commercial_scale():
    g = social_graph(POPULATION, CITIZEN, seed=1)
    scores = sample_scores(g, seed=5)
    assert set(scores) == set(g.nodes) and all(350 <= s <= 950 for s in scores.values())

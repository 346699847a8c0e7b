"""The credit model's documented rules: thresholds, lists, joint punishment, appeals, provenance."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from ermu.models.credit import (APPEAL_LIMIT, BEHAVIOURS, DEFAULT_PARAMETERS, DISAGREEMENTS, LISTS, Appeal,
                           AppealError, CreditParameters, Evidence, ParameterError, SchemeError,
                           count_characters, get_scheme, joint_punishment_edges, joint_punishment_graph)
from ermu.models.credit import facts, joint
from ermu.models.credit.schemes import schemes as all_schemes
from ermu.models.credit.effects import Kind

BIBLIOGRAPHY = Path(__file__).resolve().parents[2] / "content" / "bibliography.toml"


def _benefits(scheme: str, score: int) -> set[str]:
    return {g.effect.id for g in get_scheme(scheme).standing(score).benefits}


def _restrictions(scheme: str, score: int) -> set[str]:
    return {g.effect.id for g in get_scheme(scheme).standing(score).restrictions}


# -- commercial (Sesame) ----------------------------------------------------------------------
@pytest.mark.parametrize("score, benefit", [(600, "online-loan"), (650, "car-hotel-airport"),
                                            (667, "ant-loan"), (700, "singapore-permit"),
                                            (750, "schengen-visa")])
def test_each_sesame_threshold_unlocks_its_benefit_exactly_there(score, benefit):
    assert benefit in _benefits("commercial", score)
    assert benefit not in _benefits("commercial", score - 1)


def test_the_666_benefit_needs_a_score_higher_than_666():
    # the source says "higher than 666": 666 itself is not enough
    assert "ant-loan" not in _benefits("commercial", 666)
    assert "ant-loan" in _benefits("commercial", 667)


def test_commercial_scheme_never_punishes_and_keeps_no_lists():
    scheme = get_scheme("commercial")
    for score in range(350, 951, 50):
        standing = scheme.standing(score)
        assert standing.restrictions == () and standing.lists == ()
    assert scheme.rewards_only and not scheme.mandatory
    assert (scheme.minimum, scheme.maximum) == (350, 950) and scheme.range_documented


@pytest.mark.parametrize("score", [349, 951, -1, 10_000])
def test_a_score_outside_the_commercial_range_is_refused(score):
    with pytest.raises(SchemeError, match="350 to 950"):
        get_scheme("commercial").standing(score)


def test_benefits_carry_their_threshold_and_source():
    data = get_scheme("commercial").standing(950).to_json()
    assert [b["threshold"] for b in data["benefits"]] == [600, 650, 666, 700, 750]
    assert all("timofeeva-2020, p. 106" in b["sources"] for b in data["benefits"])


# -- pilot (the paper's grades) -----------------------------------------------------------------
def test_pilot_praise_from_1050():
    assert "model-citizen" in _benefits("pilot", 1050)
    assert "model-citizen" not in _benefits("pilot", 1049)
    assert get_scheme("pilot").grade(1050) == "A+++"
    assert get_scheme("pilot").grade(1049) != "A+++"


def test_pilot_restrictions_at_849_or_below():
    assert "flight-ban" in _restrictions("pilot", 849)
    assert "rail-ban" in _restrictions("pilot", 849)
    assert _restrictions("pilot", 850) == set()


def test_pilot_blacklist_below_549():
    pilot = get_scheme("pilot")
    assert "blacklist" in pilot.standing(548).lists
    assert "blacklist" not in pilot.standing(549).lists
    assert {"shamed-publicly", "regular-checks"} <= _restrictions("pilot", 548)
    assert pilot.grade(548) == "D" and pilot.grade(549) == "C"


def test_pilot_is_mandatory_and_says_what_is_illustrative():
    pilot = get_scheme("pilot")
    assert pilot.mandatory and not pilot.range_documented
    assert DEFAULT_PARAMETERS.pilot_base == 1000 and pilot.standing(1000).restrictions == ()
    assert any("1,000" in text for text in pilot.illustrative)
    # the benefits besides praise have no documented threshold
    perks = [g for g in pilot.standing(1100).benefits if g.effect.id != "model-citizen"]
    assert perks and all(not g.to_json()["documented"] for g in perks)


@given(st.integers(0, 1300))
def test_pilot_grades_cover_the_whole_range_and_fall_with_the_score(score):
    pilot = get_scheme("pilot")
    letters = [g for g, _ in pilot.grades]
    grade = pilot.grade(score)
    assert grade in letters
    if score < 1300:
        assert letters.index(pilot.grade(score + 1)) <= letters.index(grade)


def test_teacher_can_move_the_pilot_base_but_not_break_the_range():
    p = DEFAULT_PARAMETERS.changed(pilot_base=900)
    assert p.pilot_base == 900 and DEFAULT_PARAMETERS.pilot_base == 1000
    with pytest.raises(ParameterError):
        DEFAULT_PARAMETERS.changed(pilot_base=5000)
    with pytest.raises(ParameterError, match="no parameter"):
        DEFAULT_PARAMETERS.changed(bogus=1)
    assert DEFAULT_PARAMETERS.with_points("pilot", "jaywalk", -9).pilot_points["jaywalk"] == -9


def test_every_illustrative_value_says_why():
    rows = CreditParameters().illustrative()
    assert rows and all(r["why"] and r["illustrative"] for r in rows)


# -- national: lists and joint punishment ----------------------------------------------------------
def test_one_red_list_and_three_negative_lists_in_falling_severity():
    from ermu.models.credit import NEGATIVE_LISTS

    assert [c.id for c in LISTS.values() if c.positive] == ["red-list"]
    assert NEGATIVE_LISTS == ("blacklist", "special-attention", "administrative-punishment")


def test_national_scheme_has_no_score():
    with pytest.raises(SchemeError, match="lists, not a score"):
        get_scheme("national").standing(700)


def test_one_blacklisting_reaches_rail_air_banks_schools_and_employers():
    edges = joint_punishment_edges("blacklist")
    agencies = {a for a, _ in edges}
    assert {"railways", "airlines", "banks", "schools", "employers"} <= agencies
    assert ("railways", "rail-ban") in edges and ("schools", "private-school-ban") in edges
    assert len(edges) == len(set(edges)) >= 8


def test_joint_punishment_graph_flows_from_listing_to_the_children():
    g = joint_punishment_graph("blacklist", person="1:0", children=("1:2", "1:3"))
    assert g.nodes["list:blacklist"]["kind"] == "listing"
    assert g.has_edge("list:blacklist", "agency:ncisp")
    assert g.has_edge("agency:schools", "effect:private-school-ban")
    assert g.has_edge("effect:private-school-ban", "person:1:2")
    assert g.has_edge("effect:private-school-ban", "person:1:3")
    assert not g.has_edge("effect:private-school-ban", "person:1:0")
    assert g.has_edge("effect:rail-ban", "person:1:0")


def test_red_list_sets_off_rewards_not_restrictions():
    standing = get_scheme("national").standing_for_lists(["red-list"])
    assert standing.restrictions == ()
    assert {"green-channel", "lower-costs"} <= {g.effect.id for g in standing.benefits}


def test_milder_lists_trigger_an_illustrative_subset():
    standing = get_scheme("national").standing_for_lists(["special-attention"])
    assert {g.effect.id for g in standing.restrictions} == {"loan-refused", "named-publicly"}
    assert not any(g.to_json()["documented"] for g in standing.restrictions)


def test_restrictions_fall_into_the_three_kinds():
    kinds = {e.category.value for e in joint.RESTRICTIONS.values()}
    assert kinds == {"administrative", "market", "social"}
    assert all(e.kind is Kind.RESTRICTION for e in joint.RESTRICTIONS.values())


# -- appeal ------------------------------------------------------------------------------------
def test_appeal_of_2000_characters_is_accepted_and_2001_refused():
    assert Appeal("申" * APPEAL_LIMIT).characters == 2000
    with pytest.raises(AppealError, match="2,001 characters"):
        Appeal("申" * 2001)


def test_appeal_counts_a_crlf_line_break_as_one_character():
    text = "a\r\n" * 666 + "ab"  # 666 x ("a" + one line break) + 2 = 1,334
    assert count_characters(text) == 1334
    assert count_characters("x\r\ny\rz\n") == 6
    Appeal("a" * 1000 + "\r\n" + "b" * 999)  # 2,000 with the CRLF counted once
    with pytest.raises(AppealError):
        Appeal("a" * 1000 + "\r\n" + "b" * 1000)


def test_appeal_counts_code_points_not_utf16_units():
    assert count_characters("😀" * 2000) == 2000
    Appeal("😀" * 2000)


@pytest.mark.parametrize("text", ["", "   \r\n  "])
def test_empty_appeal_is_refused(text):
    with pytest.raises(AppealError, match="empty"):
        Appeal(text)


@given(st.text(max_size=2100))
def test_appeal_accepted_exactly_when_within_the_limit(text):
    n = count_characters(text)
    if text.strip() and n <= APPEAL_LIMIT:
        assert Appeal(text).remaining == APPEAL_LIMIT - n
    else:
        with pytest.raises(AppealError):
            Appeal(text)


# -- provenance ------------------------------------------------------------------------------
def _all_claims():
    for b in BEHAVIOURS.values():
        yield b.claim
        if b.list_claim:
            yield b.list_claim
    for s in all_schemes().values():
        yield from s.claims
        for t in s.thresholds:
            for e in t.effects:
                yield e.claim
    for e in joint.EFFECTS.values():
        yield e.claim
    for c in LISTS.values():
        yield c.claim
    for d in DISAGREEMENTS:
        yield from d.claims
    yield from facts.PILOTS
    yield facts.OUTLINE_PARTS_CLAIM


def test_every_claim_cites_a_work_of_the_bibliography():
    keys = {w["key"] for w in tomllib.loads(BIBLIOGRAPHY.read_text(encoding="utf-8"))["work"]}
    for claim in _all_claims():
        for source in claim.sources:
            assert source.key in keys, (source.key, claim.text)


def test_unfriending_is_marked_contested():
    assert BEHAVIOURS["unfriend-low-scorer"].claim.evidence is Evidence.CONTESTED
    assert BEHAVIOURS["unfriend-low-scorer"].friend_rule


def test_disagreements_show_both_sides_with_sources():
    ids = {d.id for d in DISAGREEMENTS}
    assert {"score-range", "one-score", "friend-effect", "strong-approval"} <= ids
    for d in DISAGREEMENTS:
        assert len(d.claims) >= 2 and d.note
        assert all(c.sources for c in d.claims)
    score_range = next(d for d in DISAGREEMENTS if d.id == "score-range")
    text = " ".join(c.text for c in score_range.claims)
    assert "350 to 950" in text and "1,050" in text


def test_outline_has_four_parts_and_four_principles():
    assert facts.OUTLINE_PARTS == ("social trust", "judicial trust", "government trust", "commercial credit")
    assert len(facts.OUTLINE_PRINCIPLES) == 4 and len(facts.PLATFORMS) == 5 and len(facts.PHASES) == 3

"""A citizen's year: score timeline, lists, effects on the family, and the Trace."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from ermu.models.credit import (BEHAVIOURS, DEFAULT_PARAMETERS, Citizen, Event, EventsError, get_scheme,
                           generate_events, parse_events, simulate_year)

KINDS = {"behaviour", "score-change", "list-entry", "list-exit", "restriction", "benefit", "appeal"}
CITIZEN = Citizen.sample(seed=3)  # a parent with children at home


def test_sample_citizen_has_children_at_home():
    assert CITIZEN.children(), CITIZEN.label()
    assert all(p.age < 18 for _, p in CITIZEN.children())


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), scheme=st.sampled_from(["commercial", "pilot"]))
def test_score_always_stays_within_the_scheme_range(seed, scheme):
    year = simulate_year(CITIZEN, scheme, seed=seed)
    s = get_scheme(scheme)
    assert len(year.months) == 12
    assert all(s.minimum <= score <= s.maximum for score in year.scores())


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 12), st.sampled_from(sorted(BEHAVIOURS)), st.integers(1, 1000)),
                min_size=1, max_size=40))
def test_any_stream_keeps_the_pilot_score_in_range_and_steps_in_order(items):
    events = [Event(m, b, c) for m, b, c in items]
    year = simulate_year(CITIZEN, "pilot", events)
    s = get_scheme("pilot")
    assert all(s.minimum <= x <= s.maximum for x in year.scores())
    times = [step.time for step in year.trace]
    assert times == sorted(times)
    assert {step.kind for step in year.trace} <= KINDS


def test_same_seed_same_year():
    a = simulate_year(CITIZEN, "pilot", seed=11).to_json()
    b = simulate_year(CITIZEN, "pilot", seed=11).to_json()
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    assert generate_events(11) == generate_events(11) != generate_events(12)


def test_score_updates_once_a_month_and_clamps_at_the_floor():
    events = [Event(1, "ignore-court-order", 100)]
    year = simulate_year(CITIZEN, "pilot", events)
    assert year.scores()[0] == DEFAULT_PARAMETERS.pilot_min
    changes = year.trace.of_kind("score-change")
    assert len(changes) == 1 and "floor" in changes[0].narration


def test_pilot_drop_below_549_puts_on_blacklist_and_restricts_the_children():
    year = simulate_year(CITIZEN, "pilot", [Event(2, "ignore-court-order"), Event(2, "evade-tax"),
                                            Event(2, "miss-loan-payment", 4)])
    assert year.scores()[1] == 1000 - 200 - 150 - 120 == 530
    assert year.listed(2) == ["blacklist"]
    entry = year.trace.of_kind("list-entry")[0]
    assert entry.data["list"] == "blacklist" and entry.data["month"] == 2
    school = [s for s in year.trace.of_kind("restriction") if s.data["effect"] == "private-school-ban"]
    assert {s.target for s in school} == {i for i, _ in CITIZEN.children()}
    assert all(s.target != CITIZEN.id for s in school)


def test_commercial_score_gains_and_never_loses_to_punishment():
    year = simulate_year(CITIZEN, "commercial", [Event(1, "pay-bills-on-time", 25)])
    assert year.scores()[0] == 650
    gained = {s.data["effect"] for s in year.trace.of_kind("benefit") if s.data["change"] == "gained"}
    assert gained == {"car-hotel-airport"}
    bad = simulate_year(CITIZEN, "commercial", [Event(1, "miss-loan-payment", 50)])
    assert bad.scores()[0] == 350
    assert not bad.trace.of_kind("restriction") and not bad.memberships


def test_national_listing_sets_off_joint_punishment_and_appeal_lifts_it_once_remedied():
    events = parse_events(json.dumps({"events": [
        {"month": 2, "behaviour": "ignore-court-order"},
        {"month": 4, "appeal": "The entry is wrong."},
        {"month": 6, "behaviour": "obey-court-order"},
        {"month": 7, "appeal": "I have paid in full."},
    ]})).events
    year = simulate_year(CITIZEN, "national", events)
    assert year.listed(2) == ["blacklist"] and year.listed(5) == ["blacklist"]
    assert year.listed(8) == []
    decisions = [s for s in year.trace.of_kind("appeal") if "upheld" in s.data]
    assert [d.data["upheld"] for d in decisions] == [True, False]
    assert all(not d.documented for d in decisions)
    restricted = {s.data["effect"] for s in year.trace.of_kind("restriction") if s.data["change"] == "imposed"}
    assert {"rail-ban", "flight-ban", "exit-ban", "loan-refused", "private-school-ban"} <= restricted
    assert year.memberships[0].end == 8 and year.scores() == [None] * 12


def test_administrative_entry_expires_and_volunteering_earns_the_red_list():
    year = simulate_year(CITIZEN, "national", [Event(1, "park-illegally"), Event(3, "volunteer", 12),
                                               Event(4, "volunteer", 8)])
    months = DEFAULT_PARAMETERS.list_months["administrative-punishment"]
    assert year.listed(1) == ["administrative-punishment"]
    assert "administrative-punishment" not in year.listed(1 + months)
    assert "red-list" not in year.listed(3) and "red-list" in year.listed(4)


def test_every_step_has_narration_rule_and_sources_or_an_illustrative_mark():
    year = simulate_year(CITIZEN, "national", seed=4)
    assert len(year.trace) > 0
    for step in year.trace:
        assert step.kind in KINDS and step.narration.endswith(".") and step.rule
        assert step.sources or not step.documented


def test_friend_moves_count_only_under_the_friend_rule():
    events = [Event(1, "unfriend-low-scorer", 2)]
    off = simulate_year(CITIZEN, "commercial", events)
    on = simulate_year(CITIZEN, "commercial", events, params=DEFAULT_PARAMETERS.changed(friend_rule=True))
    assert off.scores()[0] == 600
    assert on.scores()[0] == 600 + 2 * DEFAULT_PARAMETERS.commercial_points["unfriend-low-scorer"]
    assert not off.trace.of_kind("behaviour")[0].documented  # contested claim


@pytest.mark.parametrize("text, problem", [
    ("not json", "line 1, column 1"),
    ("[]", "top level must be an object"),
    ('{"events": []}', "non-empty list"),
    ('{"events": [{"month": 13, "behaviour": "jaywalk"}]}', "events[0].month"),
    ('{"events": [{"month": true, "behaviour": "jaywalk"}]}', "events[0].month"),
    ('{"events": [{"month": 1, "behaviour": "rob-bank"}]}', "events[0].behaviour: unknown behaviour"),
    ('{"events": [{"month": 1}]}', "exactly one of"),
    ('{"events": [{"month": 1, "behaviour": "jaywalk", "count": 0}]}', "events[0].count"),
    ('{"events": [{"month": 1, "appeal": "' + "x" * 2001 + '"}]}', "at most 2,000"),
    ('{"events": [{"month": 1, "behaviour": "jaywalk", "run": "rm -rf /"}]}', "unknown key 'run'"),
    ('{"events": [{"month": 1, "behaviour": "jaywalk"}], "extra": 1}', "unknown key 'extra'"),
    ('{"events": [{"month": 1, "month": 2, "behaviour": "jaywalk"}]}', "appears twice"),
    ('{"citizen": {"households": 0}, "events": [{"month": 1, "behaviour": "jaywalk"}]}', "citizen.households"),
    ('{"events": [{"month": NaN, "behaviour": "jaywalk"}]}', "NaN"),
])
def test_malformed_streams_name_the_first_problem(text, problem):
    with pytest.raises(EventsError, match=None) as info:
        parse_events(text, name="year.json")
    assert problem in str(info.value) and str(info.value).startswith("year.json")
    assert "\n" not in str(info.value)

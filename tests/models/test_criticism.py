"""The criticism session model: the ritual's invariants, the learner's weight, media, CLI."""

from __future__ import annotations

import json
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ermu.models import cli
from ermu.models.criticism import (MECHANISMS, OUTCOMES, Action, Choice, CriticismError, Session,
                              SessionParameters, TurnKind, always, session_json, summarise)

ROOT = Path(__file__).resolve().parents[2]
SESSION_KINDS = {"open", "self-criticism", "criticism", "silence", "single-out", "publish"}


def _by_round(session: Session) -> dict[int, list]:
    rounds: dict[int, list] = defaultdict(list)
    for step in session.trace:
        rounds[step.data["round"]].append(step)
    return rounds


@settings(max_examples=25, deadline=None)
@given(n=st.integers(2, 12), rounds=st.integers(1, 4), seed=st.integers(0, 10_000),
       media=st.booleans(), learner=st.one_of(st.none(), st.integers(0, 11)),
       learner_actions=st.lists(st.sampled_from(list(Action)), min_size=1, max_size=6))
def test_the_ritual_holds_for_any_group_and_seed(n, rounds, seed, media, learner, learner_actions):
    learner = None if learner is None else learner % n
    session = Session(n, rounds=rounds, seed=seed, media=media, learner=learner)
    i = 0
    while not session.finished:
        turn = session.pending_choice()
        if turn is None:
            session.step()
            continue
        wanted = learner_actions[i % len(learner_actions)]
        i += 1
        session.step(wanted if wanted in turn.actions else turn.options()[-1])
    trace = session.trace
    assert {s.kind for s in trace} <= SESSION_KINDS
    times = [s.time for s in trace]
    assert times == sorted(times) and len(set(times)) == len(times), "the trace runs forward in time"
    per_round = _by_round(session)
    assert sorted(per_round) == list(range(1, rounds + 1))
    for r, steps in per_round.items():
        selfs = [s.actor for s in steps if s.kind == "self-criticism"]
        assert sorted(selfs) == list(range(n)), f"round {r}: everyone self-criticises exactly once"
        critics = {s.actor for s in steps if s.kind == "criticism"}
        assert critics <= set(selfs), "every critic also criticises himself that round"
        for s in steps:
            if s.kind == "criticism":
                assert s.target != s.actor and 0 <= s.target < n
        responses = [s for s in steps if s.kind in ("criticism", "silence")]
        assert len(responses) == n * (n - 1), "every member answers every other member's turn"
        assert sum(s.kind == "publish" for s in steps) == (1 if media else 0)
    for step in trace:
        assert step.narration and step.narration.endswith(".")
        assert step.sources, f"{step.kind} step without sources"
    again = Session(n, rounds=rounds, seed=seed, media=media)
    again.run()
    first = Session(n, rounds=rounds, seed=seed, media=media)
    first.run()
    assert again.trace.to_json() == first.trace.to_json(), "same seed, same session"
    for member in summarise(session):
        assert member.outcome in OUTCOMES
        assert 0 <= member.suspicion <= 100 and 0 <= member.standing <= 100 and 0 <= member.fear <= 100


def test_a_singled_out_member_hears_the_group_before_criticising_himself():
    session = Session(6, rounds=1, seed=2, target=3)
    session.run()
    steps = list(session.trace)
    single = next(i for i, s in enumerate(steps) if s.kind == "single-out")
    assert steps[single].target == 3 and steps[single].actor == "chair"
    own = next(i for i, s in enumerate(steps) if s.kind == "self-criticism" and s.actor == 3)
    aimed_at_him = [i for i, s in enumerate(steps) if s.kind in ("criticism", "silence") and s.target == 3]
    assert len(aimed_at_him) == 5 and max(aimed_at_him) < own == len(steps) - 1
    assert summarise(session)[3].times_singled_out == 1
    assert session.states[3].standing < session.initial[3]["standing"] + 15


def test_the_chairs_rule_singles_out_the_most_suspect_member():
    params = SessionParameters(start_spread=0, single_out_threshold=0)
    session = Session(4, rounds=1, seed=0, params=params)
    assert session.trace[-1].kind == "single-out" and session.trace[-1].target == 0  # all equal: first seat
    session.run()
    assert session.singled_out == {1: 0}


def test_learner_choices_change_the_outcome():
    def final(action: str) -> float:
        session = Session(8, rounds=3, seed=5, learner=2)
        session.run(always(action))
        return summarise(session)[2].suspicion

    silent, sincere, harsh = final("silent"), final("sincere"), final("harsh")
    assert silent > sincere, "staying silent and admitting little leaves more suspicion than sincerity"
    assert len({silent, sincere, harsh}) == 3


def test_step_by_step_waits_for_the_learner_and_refuses_wrong_answers():
    session = Session(3, rounds=1, seed=1, learner=0)
    turn = session.pending_choice()
    assert turn is not None and turn.kind is TurnKind.SELF and turn.member == 0
    with pytest.raises(CriticismError, match="your turn"):
        session.step()
    with pytest.raises(ValueError, match="sincere"):
        session.step("harsh")
    steps = session.step(Choice(Action.SINCERE))
    assert steps[0].kind == "self-criticism" and steps[0].data["learner"] is True
    while session.pending_choice() is None:
        with pytest.raises(CriticismError, match="not your turn"):
            session.step("silent")
        session.step()
    turn = session.pending_choice()
    assert turn.kind is TurnKind.RESPONSE
    steps = session.step("harsh")
    assert steps[0].kind == "criticism" and steps[0].target == turn.about
    session.run(always("mild"))
    with pytest.raises(CriticismError, match="over"):
        session.step()


def test_media_mode_publishes_each_round_and_raises_fear():
    params = SessionParameters(audience=5000)
    quiet = Session(5, rounds=2, seed=9, params=params)
    quiet.run()
    loud = Session(5, rounds=2, seed=9, media=True, params=params)
    loud.run()
    published = loud.trace.of_kind("publish")
    assert len(published) == 2 and all(p.data["audience"] == 5000 for p in published)
    assert "5,000" in published[0].narration
    first_round_end = published[0].time
    before = [s for s in quiet.trace if s.time < first_round_end]
    assert [s.narration for s in before] == [s.narration for s in loud.trace if s.time < first_round_end]
    assert sum(s.fear for s in loud.states) > sum(s.fear for s in quiet.states)


def test_bad_sessions_are_refused_in_words():
    for kwargs, words in [({"participants": 1}, "2 to 60"), ({"participants": 61}, "2 to 60"),
                          ({"rounds": 0}, "1 to 20"), ({"rounds": 21}, "1 to 20"),
                          ({"target": 8}, "0 to 7"), ({"learner": -1}, "0 to 7")]:
        with pytest.raises(CriticismError, match=words):
            Session(**{"participants": 8, **kwargs})
    with pytest.raises(CriticismError, match="0 or more"):
        SessionParameters(silence_suspicion=-1)


def test_members_have_distinct_names_in_pinyin_and_characters():
    session = Session(40, rounds=1, seed=4)
    names = [m.name for m in session.members]
    assert len(set(names)) == 40 and all(m.hanzi for m in session.members)


def test_every_mechanism_cites_sources_that_resolve():
    with open(ROOT / "content" / "bibliography.toml", "rb") as f:
        keys = {w["key"] for w in tomllib.load(f)["work"]}
    for mech in MECHANISMS.values():
        assert mech.sources and {s.key for s in mech.sources} <= keys, mech.id
        for name in mech.parameters:
            assert hasattr(SessionParameters(), name), name
    documented = {m.id for m in MECHANISMS.values() if m.documented}
    assert {"self-criticism", "criticism", "single-out", "publish"} <= documented
    assert {"silence", "spread", "sincerity"}.isdisjoint(documented)


# -- the CLI ------------------------------------------------------------------------------
def test_cli_json_lists_rounds_events_and_members(capsys):
    assert cli.main(["criticism", "--participants", "5", "--rounds", "2", "--seed", "3",
                     "--target", "1", "--media", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["rounds"]) == 2 and len(data["members"]) == 5
    assert data["rounds"][0]["singled_out"] == 1
    for rnd in data["rounds"]:
        kinds = [e["kind"] for e in rnd["events"]]
        assert kinds.count("self-criticism") == 5 and kinds[-1] == "publish"
        for e in rnd["events"]:
            assert "actor" in e
            if e["kind"] == "criticism":
                assert isinstance(e["target"], int) and e["target"] != e["actor"]
    assert all(m["outcome"] in OUTCOMES for m in data["members"])
    assert data["parameters"]["illustrative"] is True
    finished = Session(5, rounds=2, seed=3, target=1, media=True)
    finished.run()
    assert json.loads(json.dumps(session_json(finished), ensure_ascii=False)) == data


def test_cli_text_is_a_readable_transcript(capsys):
    assert cli.main(["criticism", "--participants", "3", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "Round 1" in out and "Comrade" in out and "What became of each member" in out


@pytest.mark.parametrize("argv, words", [
    (["--participants", "1"], "between 2 and 60"),
    (["--participants", "61"], "between 2 and 60"),
    (["--participants", "4", "--rounds", "0"], "between 1 and 20"),
    (["--participants", "4", "--rounds", "21"], "between 1 and 20"),
    (["--participants", "4", "--target", "4"], "from 0 to 3"),
    (["--participants", "4", "--target", "-1"], "from 0 to 3"),
    (["--participants", "four"], "whole number"),
])
def test_cli_refuses_bad_input_with_one_line(capsys, argv, words):
    assert cli.main(["criticism", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert words in err and "\n" not in err and "Traceback" not in err

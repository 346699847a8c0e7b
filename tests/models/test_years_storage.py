"""A years experiment as a library example: saved, checked, exported and reopened the same."""

import json

import pytest

from ermu.models.storage import Library
from ermu.models.storage.builtins import builtin_scenario
from ermu.models.storage.errors import InvalidScenarioError
from ermu.models.storage.files import read_file, write_file
from ermu.models.storage.scenario import Scenario
from ermu.models.storage.validation import check_scenario
from ermu.models.years.experiment import Experiment, Sweep
from ermu.models.years.parameters import YearParameters

EXPERIMENT = Experiment(("qing-baojia", "sui"), households=150, years=20, seed=4, repetitions=3,
                        parameters=YearParameters({"kin_silence": 0.7}), sweeps=(Sweep.parse("reward=0:1:3"),))


def years_scenario(title="Rewards under two regimes"):
    return Scenario(title, kind="years", seed=4, parameters={"experiment": EXPERIMENT.to_json(), "output": "rewards"})


def test_a_years_example_round_trips_through_the_library_and_a_file(tmp_path):
    with Library(f"sqlite:///{tmp_path / 'lib.db'}") as library:
        saved = library.save(years_scenario())
        again = library.get(saved.id)
    assert again.kind == "years" and again.parameters["output"] == "rewards"
    assert Experiment.from_json(again.parameters["experiment"]) == EXPERIMENT
    path = write_file(tmp_path / "rewards.ermu.json", [again])
    (loaded,) = read_file(path)
    assert Experiment.from_json(loaded.parameters["experiment"]) == EXPERIMENT


@pytest.mark.parametrize("parameters, words", [
    ({"experiment": {"format": "something"}}, "parameters.experiment: this is not a years experiment"),
    ({"experiment": {**EXPERIMENT.to_json(), "repetitions": 0}}, "repetitions must be a whole number"),
    ({"output": "happiness"}, "parameters.output"),
    ({"sweep": "reward=0:1:3"}, "is not something an Ermu file may contain"),
])
def test_a_broken_years_example_is_refused_with_where_and_why(parameters, words):
    with pytest.raises(InvalidScenarioError, match=words):
        check_scenario({"title": "x", "kind": "years", "parameters": parameters})


def test_the_years_lesson_is_a_built_in_example_with_its_whole_experiment():
    scenario = builtin_scenario("builtin:over-the-years")
    assert scenario.kind == "years" and scenario.read_only
    experiment = Experiment.from_json(json.loads(json.dumps(scenario.parameters["experiment"])))
    assert experiment.regimes == ("qing-baojia", "wang-shouren", "ming-xiangyue")

"""Experiments across regimes and sweeps: the grid, JSON both ways, CSV, progress and cancel."""

import csv
import io
import json
import threading

import numpy as np
import pytest

from ermu.models.years.experiment import Experiment, Sweep, run_cell
from ermu.models.years.results import ExperimentResult
from ermu.models.years.model import OUTPUTS
from ermu.models.years.parameters import YearParameters, YearsError
from ermu.models.years.runner import run_experiment

SMALL = dict(households=120, years=12, seed=3, repetitions=3)


def test_a_sweep_is_parsed_from_from_to_steps_and_whole_numbers_stay_whole():
    assert Sweep.parse("register_error_rate=0:0.2:3").values == (0.0, 0.1, 0.2)
    assert Sweep.parse("unit-size=4:10:4").values == (4.0, 6.0, 8.0, 10.0)
    assert Sweep.parse("collective_severity=0:4:9").values == (0.0, 1.0, 2.0, 3.0, 4.0)


@pytest.mark.parametrize("text, words", [
    ("register_error_rate=0:0.2", "NAME=FROM:TO:STEPS"),
    ("register_error_rate=a:b:3", "must be numbers"),
    ("register_error_rate=0:0.2:1", "2 to 21 values"),
    ("trust_recovery=0:1:3", "cannot be swept"),
    ("offence_rate=0:2:3", "offence rate must be"),
])
def test_a_bad_sweep_says_what_to_write(text, words):
    with pytest.raises(YearsError, match=words):
        Sweep.parse(text)


def test_two_sweeps_make_a_grid_for_every_regime():
    exp = Experiment(("qing-baojia", "sui"), sweeps=(Sweep.parse("reward=0:1:2"),
                                                     Sweep.parse("observation_probability=0.5:0.9:3")), **SMALL)
    assert len(exp.points()) == 6 and len(exp.cells()) == 12
    assert exp.points()[0] == {"reward": 0.0, "observation_probability": 0.5}


@pytest.mark.parametrize("kwargs, words", [
    (dict(regimes=()), "one to 8 regimes"),
    (dict(regimes=tuple(["sui"] * 9)), "one to 8 regimes"),
    (dict(regimes=("sui", "nope")), "no regime 'nope'"),
    (dict(regimes=("sui",), years=201), "years must be a whole number from 1 to 200"),
    (dict(regimes=("sui",), repetitions=0), "repetitions"),
    (dict(regimes=("ming-lijia",), sweeps=(Sweep.parse("unit_size=5:10:2"),)), "cannot be changed"),
])
def test_a_bad_experiment_is_refused_in_one_sentence(kwargs, words):
    with pytest.raises(YearsError, match=words):
        Experiment(**kwargs)


def test_regimes_side_by_side_share_the_village_and_the_draws():
    exp = Experiment(("qing-baojia", "song-baojia"), parameters=YearParameters({"deterrence": 0}), **SMALL)
    a = run_cell(exp, "qing-baojia", {})
    b = run_cell(exp, "song-baojia", {})
    offences = OUTPUTS.index("offences")
    assert np.array_equal(a[:, 0, offences], b[:, 0, offences])  # year one: the same offenders


def test_the_definition_and_the_result_survive_json_and_the_band_holds_the_mean():
    exp = Experiment(("qing-baojia", "wang-shouren"), sweeps=(Sweep.parse("register_error_rate=0:0.2:2"),),
                     parameters=YearParameters({"offence_rate": 0.1}), **SMALL)
    assert Experiment.from_json(json.loads(json.dumps(exp.to_json()))) == exp
    result = run_experiment(exp)
    assert result.complete and len(result.cells) == 4
    again = ExperimentResult.from_json(json.loads(json.dumps(result.to_json())))
    assert again.experiment == exp and again.complete
    for old, new in zip(result.cells, again.cells):
        assert np.allclose(old.per_year.mean, new.per_year.mean, equal_nan=True, atol=1e-6)
    cell = result.cell("qing-baojia", {"register_error_rate": 0.2})
    band = cell.series("innocents_punished")
    assert np.all(band.low <= band.mean + 1e-12) and np.all(band.mean <= band.high + 1e-12)
    points, curve = result.sweep_curve("qing-baojia", "innocents_punished")
    assert [p["register_error_rate"] for p in points] == [0.0, 0.2]
    assert curve.mean[1] > curve.mean[0]  # more copying errors, more innocents


@pytest.mark.parametrize("data, words", [
    ({"format": "something-else"}, "not a years experiment"),
    ({"format": "ermu-years-experiment", "regimes": ["sui"]}, "lacks or mangles"),
    ({"format": "ermu-years-experiment", "regimes": ["sui"], "households": 10, "years": 5,
      "parameters": {"reward": 7}}, "reward must be"),
])
def test_a_broken_saved_experiment_is_refused_in_one_sentence(data, words):
    with pytest.raises(YearsError, match=words):
        Experiment.from_json(data)


def test_csv_has_a_row_per_year_or_per_sweep_point():
    exp = Experiment(("sui",), sweeps=(Sweep.parse("reward=0:1:3"),), **SMALL)
    result = run_experiment(exp)
    years = list(csv.DictReader(io.StringIO(result.to_csv("years"))))
    assert len(years) == 3 * SMALL["years"] and years[0]["year"] == "1" and "reward" in years[0]
    sweep = list(csv.DictReader(io.StringIO(result.to_csv("sweep"))))
    assert [row["reward"] for row in sweep] == ["0", "0.5", "1"]
    assert {"offences_mean", "offences_low", "offences_high", "share_closed_high"} <= set(sweep[0])
    with pytest.raises(YearsError):
        result.to_csv("pie")


def test_progress_reports_each_cell_and_cancel_keeps_what_arrived():
    exp = Experiment(("sui", "qing-baojia", "song-baojia"), **SMALL)
    seen = []
    result = run_experiment(exp, progress=lambda done, total, cell: seen.append((done, total, cell.regime)))
    assert seen == [(1, 3, "sui"), (2, 3, "qing-baojia"), (3, 3, "song-baojia")]
    cancel = threading.Event()

    def stop_after_first(done, total, cell):
        cancel.set()

    partial = run_experiment(exp, progress=stop_after_first, cancel=cancel)
    assert not partial.complete and [c.regime for c in partial.cells] == ["sui"]
    assert result.complete


def test_processes_give_the_same_numbers_as_one_process():
    exp = Experiment(("sui", "qing-baojia"), sweeps=(Sweep.parse("observation_probability=0.4:0.8:2"),), **SMALL)
    here = run_experiment(exp, workers=1)
    arrived = []
    there = run_experiment(exp, workers=2, progress=lambda d, t, c: arrived.append(d))
    assert arrived == [1, 2, 3, 4]
    for a, b in zip(here.cells, there.cells):
        assert (a.regime, a.point) == (b.regime, b.point)
        assert np.array_equal(a.per_year.mean, b.per_year.mean, equal_nan=True)

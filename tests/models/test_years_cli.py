"""ermu-cli years and experiment: readable text, documented JSON, one-line errors."""

import json

import pytest

from ermu.models.cli import main
from ermu.models.years.model import OUTPUTS


def test_years_prints_a_row_per_year(capsys):
    assert main(["years", "--regime", "qing-baojia", "--households", "150", "--years", "6", "--seed", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Qing baojia" in out[0] and "illustrative" in out[0]
    assert len(out) == 2 + 6 and out[-1].split()[0] == "6"


def test_years_json_is_what_the_readme_documents(capsys):
    assert main(["years", "--regime", "sui", "--households", "100", "--years", "4", "--json",
                 "--set", "register_error_rate=0.1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["regime"] == "sui" and data["illustrative"] is True and data["outputs"] == list(OUTPUTS)
    assert [row["year"] for row in data["rows"]] == [1, 2, 3, 4]
    assert data["rows"][0]["calendar_year"] == data["start_year"]
    assert data["parameters"]["register_error_rate"] == {"value": 0.1, "set": True, "from_regime": True}
    assert data["parameters"]["offence_rate"]["from_regime"] is False


def test_the_same_command_prints_the_same_numbers(capsys):
    args = ["years", "--regime", "ming-baojia", "--households", "80", "--years", "5", "--seed", "7", "--json"]
    main(args)
    first = capsys.readouterr().out
    main(args)
    assert capsys.readouterr().out == first


def test_experiment_sweeps_and_writes_csv(capsys, tmp_path):
    target = tmp_path / "sweep.csv"
    assert main(["experiment", "--regimes", "qing-baojia,sui", "--sweep", "register_error_rate=0:0.2:3",
                 "--repetitions", "2", "--years", "8", "--households", "100", "--csv", str(target), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["complete"] and len(data["cells"]) == 6
    assert data["experiment"]["sweeps"] == [{"name": "register_error_rate", "values": [0.0, 0.1, 0.2]}]
    assert set(data["cells"][0]["per_run"]) == {"mean", "low", "high"}
    assert target.read_text().splitlines()[0].startswith("regime,register_error_rate,offences_mean")


@pytest.mark.parametrize("argv, words", [
    (["years", "--regime", "nope", "--households", "5"], "no regime 'nope'"),
    (["years", "--regime", "sui", "--years", "300"], "years must be a whole number from 1 to 200"),
    (["years", "--regime", "sui", "--set", "offence_rate"], "NAME=VALUE"),
    (["years", "--regime", "sui", "--set", "offence_rate=lots"], "offence rate must be a number"),
    (["experiment", "--regimes", "sui", "--sweep", "reward"], "NAME=FROM:TO:STEPS"),
    (["experiment", "--regimes", "sui", "--sweep", "reward=0:1:2", "--sweep", "reward=0:1:3"],
     "two different parameters"),
    (["experiment", "--regimes", "a,b,c,d,e,f,g,h,i"], "one to 8 regimes"),
    (["experiment", "--regimes", "sui", "--csv", "/no/such/folder/x.csv"], "does not exist"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, argv, words):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert words in err and len(err.splitlines()) == 1 and "Traceback" not in err

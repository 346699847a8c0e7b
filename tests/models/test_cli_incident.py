"""ermu-cli incident and compare."""

import json

import pytest

from ermu.models.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


BASE = ["--households", "200", "--seed", "7", "--offender", "57", "--offence", "theft"]


def test_incident_json_has_steps_and_liable_households(capsys):
    code, out, _ = run(capsys, "incident", "--regime", "qing-baojia", *BASE, "--response", "concealed", "--json")
    data = json.loads(out)
    assert code == 0
    assert all({"kind", "actor", "target"} <= set(step) for step in data["steps"])
    assert sorted(item["household"] for item in data["liable"]) == list(range(50, 60))
    assert all(0 <= item["severity"] <= 4 for item in data["liable"])


def test_scope_jia_in_the_cli(capsys):
    code, out, _ = run(capsys, "incident", "--regime", "qing-baojia", *BASE, "--response", "concealed",
                       "--scope", "jia", "--json")
    assert code == 0 and len(json.loads(out)["liable"]) == 100


def test_compare_json_one_row_per_regime(capsys):
    code, out, _ = run(capsys, "compare", "--regimes", "qing-baojia,sui,wang-shouren", *BASE,
                       "--response", "concealed", "--json")
    rows = json.loads(out)["rows"]
    assert code == 0 and [r["regime_id"] for r in rows] == ["qing-baojia", "sui", "wang-shouren"]
    assert [r["liable_households"] for r in rows] == [10, 5, 10]


@pytest.mark.parametrize("extra, message", [
    (["--regime", "qing-baojia", "--households", "200", "--offender", "999", "--offence", "theft",
      "--response", "concealed"], "there is no household 999"),
    (["--regime", "qing-lijia", *BASE, "--response", "concealed"], "does not deal with theft"),
    (["--regime", "qing-baojia", *BASE, "--response", "concealed", "--scope", "li"], "has no level 'li'"),
    (["--regime", "qing-baojia", *BASE, "--response", "shrug"], "invalid choice"),
])
def test_bad_incident_input_exits_2_with_one_line(capsys, extra, message):
    code, out, err = run(capsys, "incident", *extra)
    assert code == 2 and message in err and err.count("\n") == 1

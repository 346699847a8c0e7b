"""ermu-cli regimes and build: JSON for scripts, one clear line and exit 2 for bad input."""

import json

import pytest

from ermu.models.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_regimes_json_lists_every_regime(capsys):
    code, out, _ = run(capsys, "regimes", "--json")
    assert code == 0
    ids = [r["id"] for r in json.loads(out)["regimes"]]
    assert ids == ["sui", "song-baojia", "ming-lijia", "ming-baojia", "wang-shouren", "ming-xiangyue",
                   "qing-baojia", "qing-lijia"]


def test_build_json_has_levels_smallest_first(capsys):
    code, out, _ = run(capsys, "build", "--regime", "qing-baojia", "--households", "1000", "--json")
    data = json.loads(out)
    assert code == 0 and data["regime"] == "qing-baojia" and data["households"] == 1000
    assert [(lv["name"], lv["units"]) for lv in data["levels"]] == [("pai", 100), ("jia", 10), ("pao", 1)]


def test_build_text_names_the_units_and_the_remainder_rule(capsys):
    code, out, _ = run(capsys, "build", "--regime", "sui", "--households", "27", "--seed", "2")
    assert code == 0 and "保 bǎo (pao)" in out and "Remainder rule" in out and "1 incomplete" in out


@pytest.mark.parametrize("argv, message", [
    (["build", "--regime", "tang", "--households", "5"], "unknown regime 'tang': use one of"),
    (["build", "--regime", "sui", "--households", "-4"], "positive whole number"),
    (["build", "--regime", "sui", "--households", "ten"], "whole number"),
    (["build", "--regime", "sui", "--households", "20000000000"], "more than this machine allows"),
    (["build", "--households", "5"], "required"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_input_exits_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err

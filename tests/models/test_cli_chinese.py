"""ermu-cli --lang zh-Hans for the criticism session, the library and the years: Chinese text,
English keys and ids in --json; model errors rendered as Chinese sentences."""

from __future__ import annotations

import json

import pytest

from ermu.models.cli import main
from ermu.models.language import set_language

LATIN_WORDS = ("Round", "Chair", "standing", "suspicion", "singled", "What became", "illustrative",
               "households", "year", "regime(s)", "library", "trash", "scenario")


def han(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def library_url(tmp_path, monkeypatch):
    monkeypatch.setenv("ERMU_DATA_DIR", str(tmp_path))
    return f"sqlite:///{tmp_path / 'library.sqlite3'}"


def test_criticism_transcript_in_simplified_chinese(capsys):
    code, out, _ = run(capsys, "--lang", "zh-Hans", "criticism", "--participants", "4", "--rounds", "2",
                       "--target", "1", "--media")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "批评与自我批评会——4名成员，随机种子0，报刊模式"
    assert lines[1].startswith("主持人：支部书记")
    assert any(line.startswith("第1轮——") and line.endswith("被点名") for line in lines)
    assert "各成员的结局（声望、嫌疑、恐惧都是示意值，0–100）：" in out
    assert all(han(line) >= 2 for line in lines if line.strip()), [line for line in lines if han(line) < 2]
    assert not [w for w in LATIN_WORDS if w in out], out


def test_criticism_json_keeps_english_keys_and_ids_with_chinese_rules(capsys):
    code, out, _ = run(capsys, "--lang", "zh-Hans", "criticism", "--participants", "3", "--rounds", "1", "--json")
    data = json.loads(out)
    first = data["rounds"][0]["events"][0]
    assert first["kind"] == "open" and first["rule_key"] == "criticism.mechanism.party-decides.claim"
    assert "党" in first["rule"] and "The practice" not in first["rule"]
    mechanisms = {m["id"]: m for m in data["mechanisms"]}
    assert mechanisms["cure"]["title"] == "治病救人"
    assert {m["outcome"] for m in data["members"]} <= {"isolated", "under suspicion", "rehabilitated",
                                                       "in good standing"}
    set_language("en")
    code, out, _ = run(capsys, "criticism", "--participants", "3", "--rounds", "1", "--json")
    assert json.loads(out)["rounds"][0]["events"][0]["rule"].startswith("The practice was never written into law")


def test_library_list_show_and_backups_in_chinese(capsys, library_url):
    code, out, _ = run(capsys, "--lang", "zh-Hans", "library", "--database-url", library_url, "list")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("builtin:qing-baojia"))
    assert "只读" in line and "200户" in line and "read-only" not in line
    code, out, _ = run(capsys, "--lang", "zh-Hans", "library", "--database-url", library_url,
                       "show", "builtin:qing-baojia")
    assert code == 0 and "builtin:qing-baojia，只读" in out
    assert "类型：sandbox；制度：qing-baojia；随机种子：7" in out and "200户，" in out
    code, out, _ = run(capsys, "--lang", "zh-Hans", "library", "--database-url", library_url, "backups")
    assert code == 0 and out.startswith("还没有备份")
    code, out, _ = run(capsys, "--lang", "zh-Hans", "library", "--database-url", library_url, "list", "--json")
    first = json.loads(out)["scenarios"][0]
    assert first["id"].startswith("builtin:") and "read_only" in first


def test_years_and_experiment_in_chinese(capsys):
    code, out, _ = run(capsys, "--lang", "zh-Hans", "years", "--regime", "sui", "--households", "50",
                       "--years", "3")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("隋代") and "一个50户的村子，历时3年" in lines[0]
    assert lines[1].split() == ["年", "犯事", "被举报", "查出", "罪人", "无辜", "邻居", "奖赏", "信邻", "信官", "抱团"]
    code, out, _ = run(capsys, "--lang", "zh-Hans", "experiment", "--regimes", "sui,qing-baojia", "--households",
                       "40", "--years", "2", "--repetitions", "1", "--workers", "1")
    assert code == 0 and out.startswith("2个制度，40户，2年，每个取值重复1次")
    assert out.splitlines()[1].split()[0] == "制度" and "qing-baojia" in out  # ids stay ids
    code, out, _ = run(capsys, "--lang", "zh-Hans", "years", "--regime", "sui", "--households", "20",
                       "--years", "2", "--json")
    data = json.loads(out)
    assert data["regime"] == "sui" and "offences" in data["outputs"] and data["rows"][0]["year"] == 1


@pytest.mark.parametrize("argv, chinese", [
    (["criticism", "--participants", "1"], "--participants须在2到60之间，而不是1"),
    (["build", "--regime", "tang", "--households", "5"], "没有'tang'这个制度：请从"),
    (["build", "--regime", "sui", "--households", "-4"], "户数须为正整数，而不是-4"),
    (["build", "--regime", "sui", "--households", "5", "--setting", "capital", "--seed", "x"], "必须是整数"),
    (["years", "--regime", "sui", "--set", "offence_rate"], "参数的写法是 NAME=VALUE"),
    (["incident", "--regime", "sui", "--households", "20", "--offender", "1", "--offence", "arson",
      "--response", "concealed"], "没有'arson'这种犯事"),
])
def test_errors_are_one_chinese_line(capsys, argv, chinese):
    code, out, err = run(capsys, "--lang", "zh-Hans", *argv)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert chinese in err and "Traceback" not in err


def test_a_model_error_is_rendered_in_the_language_shown_not_the_one_raised():
    from ermu.models.criticism import CriticismError, Session

    with pytest.raises(CriticismError) as caught:
        Session(8, rounds=0)
    error = caught.value
    assert isinstance(error, ValueError) and error.key == "criticism.error.rounds-range"
    assert str(error) == "A session has 1 to 20 rounds, not 0."
    set_language("zh-Hans")
    assert str(error) == "一场会开1到20轮，而不是0轮。"
    set_language("zh-Hant")
    assert str(error) == "一場會開1到20輪，而不是0輪。"

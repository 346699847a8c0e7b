"""ermu-cli credit: JSON output and exit codes, through models.cli.main."""

from __future__ import annotations

import json

import pytest

from ermu.models.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["credit", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_commercial_score_as_json(capsys):
    code, out, _ = run(capsys, "--scheme", "commercial", "--score", "700", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["scheme"] == "commercial" and data["score"] == 700
    assert [b["threshold"] for b in data["benefits"]] == [600, 650, 666, 700]
    assert data["restrictions"] == [] and data["lists"] == [] and data["range"] == [350, 950]
    assert "grade" not in data


def test_pilot_score_as_json_has_grade_lists_and_restrictions(capsys):
    code, out, _ = run(capsys, "--scheme", "pilot", "--score", "548", "--json")
    data = json.loads(out)
    assert code == 0 and data["grade"] == "D" and data["lists"] == ["blacklist"]
    assert {r["threshold"] for r in data["restrictions"]} == {849, 549}
    children = [r for r in data["restrictions"] if r["falls_on"] == "children"]
    assert [r["id"] for r in children] == ["private-school-ban"]


def test_pilot_text_output_is_readable(capsys):
    code, out, _ = run(capsys, "--scheme", "pilot", "--score", "1050")
    assert code == 0 and "grade A+++" in out and "model citizen" in out and "[illustrative]" in out


@pytest.mark.parametrize("argv, message", [
    (("--scheme", "commercial", "--score", "951"), "outside the commercial scheme's range: use 350 to 950"),
    (("--scheme", "commercial", "--score", "349"), "use 350 to 950"),
    (("--scheme", "pilot", "--score", "5000"), "outside the pilot scheme's range"),
    (("--scheme", "commercial", "--score", "seven"), "whole number"),
    (("--scheme", "national", "--score", "700"), "use --events FILE"),
    (("--scheme", "galactic", "--score", "700"), "invalid choice"),
    (("--scheme", "pilot",), "one of the arguments --score --events is required"),
])
def test_bad_input_exits_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_national_events_file_reports_lists_and_restrictions(capsys, tmp_path):
    path = tmp_path / "year.json"
    path.write_text(json.dumps({"citizen": {"seed": 3}, "events": [
        {"month": 2, "behaviour": "ignore-court-order"},
        {"month": 3, "behaviour": "park-illegally"},
    ]}), encoding="utf-8")
    code, out, _ = run(capsys, "--scheme", "national", "--events", str(path), "--json")
    data = json.loads(out)
    assert code == 0 and data["scheme"] == "national"
    assert data["lists"] == ["blacklist"]  # the administrative entry expired after 3 months
    assert [m["list"] for m in data["memberships"]] == ["blacklist", "administrative-punishment"]
    ids = {r["id"] for r in data["restrictions"]}
    assert {"rail-ban", "flight-ban", "private-school-ban", "loan-refused", "public-job-ban"} <= ids
    assert data["months"][0]["lists"] == [] and data["months"][1]["lists"] == ["blacklist"]
    assert "trace" not in data


def test_trace_flag_adds_the_steps(capsys, tmp_path):
    path = tmp_path / "year.json"
    path.write_text('{"events": [{"month": 1, "behaviour": "jaywalk"}]}', encoding="utf-8")
    code, out, _ = run(capsys, "--scheme", "pilot", "--events", str(path), "--json", "--trace")
    data = json.loads(out)
    assert code == 0 and data["grade"] == "A" and data["score"] == 995
    assert [s["kind"] for s in data["trace"]] == ["behaviour", "score-change"]


@pytest.mark.parametrize("content, message", [
    ("{", "not valid JSON at line 1, column 2"),
    ('{"events": [{"month": 0, "behaviour": "jaywalk"}]}', "events[0].month"),
    ('{"events": [{"month": 1, "behaviour": "__import__(\'os\')"}]}', "unknown behaviour"),
    ('{"citizen": {"households": 3, "household": 7}, "events": [{"month": 1, "behaviour": "jaywalk"}]}',
     "citizen.household"),
    ('{"citizen": {"member": 59}, "events": [{"month": 1, "behaviour": "jaywalk"}]}', "citizen.member 59"),
])
def test_malformed_events_file_exits_2_naming_the_problem(capsys, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "--scheme", "national", "--events", str(path))
    assert code == 2 and out == ""
    assert message in err and str(path) in err and err.count("\n") == 1


def test_missing_events_file_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "--scheme", "national", "--events", str(tmp_path / "nope.json"))
    assert code == 2 and "not found" in err


# -- in Chinese -----------------------------------------------------------------------------
YEAR = {"citizen": {"seed": 3}, "events": [
    {"month": 2, "behaviour": "ignore-court-order"},
    {"month": 3, "behaviour": "park-illegally"},
    {"month": 4, "appeal": "我已经还清了欠款，请更正。"},
]}


def han(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


@pytest.fixture
def english_after():
    yield
    from ermu.models.language import set_language

    set_language("en")


def test_a_year_in_simplified_chinese_is_narrated_in_chinese(capsys, tmp_path, english_after):
    path = tmp_path / "year.json"
    path.write_text(json.dumps(YEAR, ensure_ascii=False), encoding="utf-8")
    assert main(["--lang", "zh-Hans", "credit", "--scheme", "national", "--events", str(path), "--trace"]) == 0
    out = capsys.readouterr().out
    assert "全国体系（名单与联合惩戒）" in out and "黑名单：自第2个月起，仍在名单上" in out
    assert "第2个月：王大被列入黑名单（原因：王大拒不履行法院的还款判决）。" in out
    assert "王大的孩子王文受到限制——被私立学校拒收（因为列入黑名单）。" in out
    assert "异议被驳回，黑名单上的记录保留" in out and "王大被移出行政处罚名单（原因：记录到期）" in out
    steps = [line for line in out.splitlines() if line.startswith("   ")]
    assert len(steps) >= 15 and all(han(line) >= 5 for line in steps), [s for s in steps if han(s) < 5]
    for english in ("Month", "restriction on", "blacklist", "Benefits", "reported by scholars", "cause:"):
        assert english not in out


def test_a_score_in_traditional_chinese(capsys, english_after):
    assert main(["credit", "--scheme", "pilot", "--score", "500", "--lang", "zh-Hant"]) == 0
    out = capsys.readouterr().out
    assert "分數500，等級D" in out and "名單：黑名單" in out and "作為失信者被公開曝光 — 分數低於549" in out
    assert "流行說法，有爭議" in out and "illustrative" not in out


def test_json_in_chinese_keeps_english_keys_and_ids(capsys, tmp_path, english_after):
    path = tmp_path / "year.json"
    path.write_text(json.dumps(YEAR, ensure_ascii=False), encoding="utf-8")
    assert main(["--lang", "zh-Hans", "credit", "--scheme", "national", "--events", str(path), "--trace",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scheme"] == "national" and data["lists"] == ["blacklist"]
    assert [m["list"] for m in data["memberships"]] == ["blacklist", "administrative-punishment"]
    assert data["memberships"][0]["reason"] == "ignore-court-order"
    first = data["restrictions"][0]
    assert first["id"] == "exit-ban" and first["kind"] == "restriction" and first["category"] == "administrative"
    assert first["text"] == "不得出境" and first["via_list"] == "blacklist"
    entry = next(s for s in data["trace"] if s["kind"] == "list-entry")
    assert entry["narration_key"] == "credit.list-entry" and entry["data"]["list"] == "blacklist"
    assert entry["narration"].startswith("第2个月：王大被列入黑名单") and han(entry["rule"]) > 10


def test_a_bad_events_file_is_one_chinese_line(capsys, tmp_path, english_after):
    path = tmp_path / "bad.json"
    path.write_text('{"events": [{"month": 13, "behaviour": "jaywalk"}]}', encoding="utf-8")
    assert main(["--lang", "zh-Hans", "credit", "--scheme", "pilot", "--events", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "必须是1到12之间的整数，不能是13" in err and "events[0].month" in err

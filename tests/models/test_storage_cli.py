"""``ermu-cli library``: list, show, export, import and delete without the GUI."""

from __future__ import annotations

import json

import pytest

from ermu.models.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_includes_read_only_builtins_that_can_be_exported_and_imported(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    code, out, _ = run(capsys, "library", "--database-url", url, "list", "--json")
    listed = {s["id"]: s for s in json.loads(out)["scenarios"]}
    assert code == 0 and listed["builtin:qing-baojia"]["read_only"] is True
    target = tmp_path / "qing.ermu.json"
    assert run(capsys, "library", "--database-url", url, "export", "builtin:qing-baojia", str(target))[0] == 0
    code, out, _ = run(capsys, "library", "--database-url", url, "import", str(target))
    assert code == 0 and out.startswith("Imported “Qing baojia: every door a placard” as 1.")
    code, out, _ = run(capsys, "library", "--database-url", url, "show", "1", "--json")
    shown = json.loads(out)
    assert shown["households"] == 200 and shown["read_only"] is False and "built-in" not in shown["tags"]
    code, out, _ = run(capsys, "library", "--database-url", url, "delete", "1")
    assert code == 0 and "trash" in out
    code, out, _ = run(capsys, "library", "--database-url", url, "list")
    assert "builtin:sui" in out and "read-only" in out and not out.startswith("1 ")


def test_a_bad_import_exits_2_with_one_line_and_writes_nothing(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    bad = tmp_path / "bad.ermu.json"
    bad.write_text(json.dumps({"format": "ermu-scenario", "schema_version": 1, "scenario": {
        "title": "x", "regime": "sui",
        "households": [{"adult_males": 1, "members": [{"name": "Wang Er", "sex": "m", "age": 500}]}]}}))
    code, _, err = run(capsys, "library", "--database-url", url, "import", str(bad))
    assert code == 2
    assert err.strip().endswith("households[0].members[0].age: must be between 0 and 120.")
    assert err.count("\n") == 1
    code, out, _ = run(capsys, "library", "--database-url", url, "list", "--json")
    assert all(s["read_only"] for s in json.loads(out)["scenarios"])


@pytest.mark.parametrize(("argv", "expected"), [
    (["show", "99"], "There is no scenario 99 in the library"),
    (["show", "builtin:atlantis"], "there is no built-in example 'builtin:atlantis'"),
    (["delete", "builtin:sui"], "built-in examples cannot be changed: make a copy first"),
])
def test_bad_ids_exit_2_with_a_sentence(capsys, tmp_path, argv, expected):
    code, _, err = run(capsys, "library", "--database-url", f"sqlite:///{tmp_path / 'l.sqlite3'}", *argv)
    assert code == 2 and err == f"ermu-cli: error: {expected}\n"


def test_an_unreachable_server_is_one_sentence(capsys):
    code, _, err = run(capsys, "library", "--database-url", "postgresql://nobody@127.0.0.1:1/ermu", "list")
    assert code == 2 and err.startswith("ermu-cli: error: Ermu cannot open the library at postgresql")
    assert err.count("\n") == 1


def test_backups_are_listed_and_restored_from_the_command_line(capsys, tmp_path):
    from ermu.models.storage import Library, Scenario

    path = tmp_path / "library.sqlite3"
    url = f"sqlite:///{path}"
    with Library(url) as library:
        library.save(Scenario(title="Kept", regime="sui"))
    Library(url).close()
    code, out, _ = run(capsys, "library", "--database-url", url, "backups")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 3 and "daily" in lines[0] and "1 scenario " in lines[0]
    path.write_bytes(b"")  # the library emptied by accident
    code, out, err = run(capsys, "library", "--database-url", url, "list")
    assert code == 0 and "was empty (0 bytes)" in err and "ermu-cli library restore" in err
    code, out, _ = run(capsys, "library", "--database-url", url, "restore", "--from",
                       "library.monthly-" + lines[0].split()[0][:7] + ".sqlite3")
    assert code == 0 and out.startswith("Restored the library from the monthly backup of")
    code, out, _ = run(capsys, "library", "--database-url", url, "list")
    assert "Kept" in out
    code, _, err = run(capsys, "library", "--database-url", url, "restore", "--from", "nothing.sqlite3")
    assert code == 2 and err == "ermu-cli: error: There is no backup nothing.sqlite3: list them with ermu-cli library backups\n"

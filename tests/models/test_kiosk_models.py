"""The kiosk's Qt-free parts: the profile, the staff PIN, visit counts, the heartbeat, the supervisor."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ermu.models.kiosk.heartbeat import heartbeat, write_heartbeat
from ermu.models.kiosk.pin import PinError, hash_pin, set_pin, verify_pin
from ermu.models.kiosk.profile import STATIONS, ProfileError, load_profile, parse_profile
from ermu.models.kiosk.supervisor import Backoff, supervise
from ermu.models.kiosk.visits import HEADER, VisitLog, report_csv


def test_the_built_in_profile_offers_every_station_with_the_documented_defaults():
    profile = load_profile()
    assert profile.stations == STATIONS
    assert (profile.idle_seconds, profile.countdown_seconds, profile.attract) == (90, 30, True)
    assert profile.languages == ("en", "zh-Hans", "zh-Hant") and profile.default_language == "en"
    assert not profile.has_pin
    assert profile.presets["village"].regime == "qing-baojia"


BAD = """
stations = ["village", "casino", "village"]
idle_seconds = 5
countdown_seconds = "thirty"
attract = "yes"
languages = ["en", "fr"]
default_language = "zh-Hans"
text_scale = 9
colour = "red"
pin_hash = "1234"

[village]
regime = "atlantis"
"""


def test_every_problem_of_a_profile_is_one_line_naming_the_file():
    with pytest.raises(ProfileError) as caught:
        parse_profile(BAD, "museum.toml")
    lines = caught.value.lines()
    assert len(lines) == 11, lines
    for line in lines:
        assert "\n" not in line and line.startswith("museum.toml: ")
    text = "\n".join(lines)
    for words in ("'casino' is not known", "'village' is listed twice", "idle_seconds", "countdown_seconds",
                  "attract must be true or false", "'fr' is not known", "default_language", "text_scale",
                  "'colour' is not a profile setting", "pin_hash is not a hash", "'atlantis' is not a known regime"):
        assert words in text


@pytest.mark.parametrize("text, words", [("stations = [", "is not valid TOML"),
                                         ("stations = []", "one or more"),
                                         ("[timeline]\nregime = 'sui'", "takes no settings"),
                                         ("[credit]\nscheme = 'galactic'", "is not a scheme")])
def test_a_broken_profile_is_refused_in_one_line(text, words):
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "k.toml")
    assert len(caught.value.lines()) == 1 and words in caught.value.lines()[0]


def test_a_missing_profile_file_is_one_line(tmp_path):
    with pytest.raises(ProfileError, match="no such file"):
        load_profile(tmp_path / "nope.toml")


def test_the_pin_is_stored_only_as_a_salted_hash():
    first, second = hash_pin("2468"), hash_pin("2468")
    assert "2468" not in first and first != second  # salted
    assert verify_pin("2468", first) and verify_pin("2468", second)
    assert not verify_pin("2469", first) and not verify_pin("", first)
    for bad in ("12", "12ab", "1234567890123", "１２３４"):
        with pytest.raises(PinError):
            hash_pin(bad)


def test_set_pin_writes_the_hash_into_the_profile_and_keeps_the_rest(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('idle_seconds = 120\n\n[village]\nregime = "sui"\n', encoding="utf-8")
    set_pin(path, "8080")
    set_pin(path, "9090")  # again: replaced, not added
    text = path.read_text(encoding="utf-8")
    assert text.count("pin_hash") == 1 and "9090" not in text
    profile = load_profile(path)
    assert profile.idle_seconds == 120 and profile.presets["village"].regime == "sui"
    assert verify_pin("9090", profile.pin_hash) and not verify_pin("8080", profile.pin_hash)


def test_cli_set_pin_reads_the_pin_from_a_pipe_and_check_accepts_the_profile(tmp_path, monkeypatch, capsys):
    from ermu.models.cli import main

    path = tmp_path / "kiosk.toml"
    monkeypatch.setattr("sys.stdin", io.StringIO("13579\n"))
    assert main(["kiosk", "set-pin", "--profile", str(path)]) == 0
    assert verify_pin("13579", load_profile(path).pin_hash)
    assert main(["kiosk", "check", "--profile", str(path)]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main(["kiosk", "set-pin", "--profile", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "4 to 12 digits" in err[0]
    assert verify_pin("13579", load_profile(path).pin_hash)  # the old PIN still works


def test_visits_are_counted_anonymously_and_reported_as_csv(tmp_path, capsys):
    db = tmp_path / "visits.sqlite3"
    log = VisitLog(db)
    log.start("en")
    log.station("village")
    log.station("village")
    log.station("credit")
    log.language("zh-Hans")
    log.end()
    log.start("en")
    assert log.today() == 2
    rows = list(csv.reader(io.StringIO(report_csv(db))))
    assert tuple(rows[0]) == HEADER and len(rows) == 3
    assert rows[1][4] == "village credit" and rows[1][5] == "zh-Hans" and rows[1][3].isdigit()
    assert rows[2][2] == ""  # still going
    from ermu.models.cli import main

    assert main(["kiosk", "report", "--database", str(db)]) == 0
    assert capsys.readouterr().out.startswith("visit,started,ended,seconds,stations,language")


def test_the_heartbeat_holds_time_version_uptime_memory_and_visits(tmp_path):
    import time

    path = tmp_path / "heartbeat.json"
    write_heartbeat(path, heartbeat(time.monotonic() - 5, 12))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) >= {"time", "version", "uptime_seconds", "rss_bytes", "visits_today"}
    assert data["visits_today"] == 12 and data["uptime_seconds"] >= 5 and data["rss_bytes"] > 1_000_000


def test_the_supervisor_restarts_crashes_with_back_off_and_stops_after_a_staff_exit():
    statuses = iter([-11, 1, 1, 0])
    waits: list[float] = []
    runs = []
    result = supervise(["kiosk"], backoff=Backoff(first_delay=1, max_delay=3, stable=1e9),
                       run=lambda cmd: runs.append(cmd) or next(statuses), sleep=waits.append, clock=lambda: 0.0)
    assert result == 0 and len(runs) == 4
    assert waits == [1, 2, 3]  # doubling, capped


def test_the_supervisor_does_not_restart_a_kiosk_that_refused_its_profile():
    waits: list[float] = []
    assert supervise(["kiosk"], run=lambda cmd: 2, sleep=waits.append) == 2 and waits == []


def test_a_long_run_resets_the_back_off():
    statuses = iter([1, 1, 1, 0])
    times = iter([0, 0, 0, 0, 0, 1000, 1000, 1000])
    waits: list[float] = []
    supervise(["k"], backoff=Backoff(first_delay=1, max_delay=60, stable=500), run=lambda cmd: next(statuses),
              sleep=waits.append, clock=lambda: next(times))
    assert waits == [1, 2, 1]


def test_stopping_the_supervisor_stops_the_kiosk_it_runs(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    marker = tmp_path / "child.pid"
    child = f"import os, time; open({str(marker)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    script = ("import sys; from ermu.models.kiosk.supervisor import supervise; "
              f"sys.exit(supervise([sys.executable, '-c', {child!r}]))")
    sup = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 30
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)
    pid = int(marker.read_text())
    sup.send_signal(signal.SIGTERM)
    assert sup.wait(20) == 128 + signal.SIGTERM
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        raise AssertionError("the kiosk outlived its supervisor")

"""The per-user SQLite library: damage, backups, migrations, crashes and the autosave."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta

import pytest

from ermu.models.population import Population
from ermu.models.storage import Scenario


def village(title: str = "Lin village", households: int = 20) -> Scenario:
    return Scenario(title=title, regime="qing-baojia", population=Population.generate(households, seed=2), seed=2)


def test_the_default_library_is_a_wal_file_in_the_data_folder(tmp_path, monkeypatch):
    from ermu.models.storage import Library

    monkeypatch.setenv("ERMU_DATA_DIR", str(tmp_path))
    with Library() as library:
        library.save(village())
        assert library.file == tmp_path / "library.sqlite3"
        with library.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert library.notice is None


def test_environment_variable_chooses_the_database(tmp_path, monkeypatch):
    from ermu.models.storage import Library

    monkeypatch.setenv("ERMU_DATABASE_URL", f"sqlite:///{tmp_path / 'shared.sqlite3'}")
    with Library() as library:
        assert library.file == tmp_path / "shared.sqlite3"


@pytest.mark.parametrize("damage", ["not a database", "torn pages"])
def test_a_damaged_file_is_set_aside_and_a_fresh_library_starts(tmp_path, damage):
    from ermu.models.storage import Library

    path = tmp_path / "library.sqlite3"
    if damage == "not a database":
        path.write_bytes(b"This is a letter to my students, not a database.\n" * 100)
    else:
        with Library(f"sqlite:///{path}") as library:
            for i in range(3):
                library.save(village(f"Village {i}", households=300))
        raw = bytearray(path.read_bytes())
        raw[4096 * 2: 4096 * 6] = b"\xff" * (4096 * 4)  # wipe pages of the tables
        path.write_bytes(bytes(raw))
    original = path.read_bytes()
    with Library(f"sqlite:///{path}") as library:
        assert library.set_aside is not None and library.set_aside.read_bytes() == original
        assert str(library.set_aside) in library.notice and library.notice.count(".") >= 1
        assert library.notice.startswith("Your library file was damaged")
        assert library.list() == []
        library.save(village("A fresh start"))
        assert [s.title for s in library.list()] == ["A fresh start"]


def test_migrating_from_the_first_schema_keeps_the_data_and_a_backup(tmp_path):
    from sqlalchemy import create_engine

    from ermu.models.storage import Library
    from ermu.models.storage.engine import make_engine, resolve_url
    from ermu.models.storage.migrate import upgrade

    path = tmp_path / "library.sqlite3"
    engine = make_engine(resolve_url(f"sqlite:///{path}"))
    upgrade(engine, target="0001")
    engine.dispose()
    raw = create_engine(f"sqlite:///{path}")
    with raw.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO scenarios (id, title, kind, regime, seed, parameters, notes, author, created, updated,"
            " schema_version, version) VALUES (1, 'Old village', 'sandbox', 'sui', 4, '{}', '', 'Ms Li',"
            " '2024-01-01 10:00:00', '2024-01-01 10:00:00', 1, 1)")
        connection.exec_driver_sql("INSERT INTO households VALUES (1, 0, 'Wang', 'rural', 1, 1)")
        connection.exec_driver_sql("INSERT INTO people VALUES (1, 0, 0, 'Wang Er', '王二', 'm', 40)")
    raw.dispose()
    with Library(f"sqlite:///{path}") as library:
        [summary] = library.list()
        assert (summary.title, summary.household_count, summary.deleted) == ("Old village", 1, None)
        old = library.get(1)
        assert old.population[0].head.name == "Wang Er" and old.parameters["discovery_probability"] is None  # the regime's default
        library.delete(1)  # the trash came with the second revision
    backups = list((tmp_path / "backups").glob("library.before-migration-*-from-0001.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT title FROM scenarios").fetchall() == [("Old village",)]


def test_rolling_backups_keep_a_few_days_weeks_and_months(tmp_path):
    from ermu.models.storage.backups import KEEP, rotate

    database = tmp_path / "library.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE t (x)")
    start = datetime(2024, 1, 1, 9, 0)
    for day in range(400):
        rotate(database, tmp_path / "backups", now=start + timedelta(days=day))
    names = [p.name for p in (tmp_path / "backups").iterdir()]
    for period, keep in (("daily", 7), ("weekly", 5), ("monthly", 12)):
        assert sum(f".{period}-" in n for n in names) == keep == KEEP[period]
    assert "library.daily-2025-02-03.sqlite3" in names and "library.monthly-2025-02.sqlite3" in names


SAVER = textwrap.dedent("""
    import sys
    from ermu.models.population import Population
    from ermu.models.storage import Library, Scenario
    library = Library(sys.argv[1])
    population = Population.generate(1500, seed=1)
    saved = library.save(Scenario(title="Edited", regime="sui", population=population, seed=1))
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        library.save(Scenario(title=f"New {n}", regime="sui", population=population, seed=1))
        saved.notes = f"edit {n}"
        saved = library.save(saved)
        print("saved", n, flush=True)
""")


def test_a_process_killed_during_a_save_leaves_a_consistent_library(tmp_path):
    from ermu.models.storage import Library

    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    Library(url).close()
    process = subprocess.Popen([sys.executable, "-c", SAVER, url], stdout=subprocess.PIPE, text=True)
    try:
        lines = [process.stdout.readline() for _ in range(4)]
        assert lines[0].startswith("ready"), lines
    finally:
        os.kill(process.pid, signal.SIGKILL)  # in the middle of the next save
        process.wait()
        process.stdout.close()
    with Library(url) as library:
        assert library.notice is None  # the file passed its integrity check
        summaries = library.list()
        assert len(summaries) >= 4
        with library.engine.connect() as connection:
            for s in summaries:
                households = connection.exec_driver_sql(
                    f"SELECT count(*) FROM households WHERE scenario_id = {s.id}").scalar()
                people = connection.exec_driver_sql(
                    f"SELECT count(*) FROM people WHERE scenario_id = {s.id}").scalar()
                assert households == s.household_count == 1500
                assert people == Population.generate(1500, seed=1).people_count
        edited = library.get(1)
        assert edited.notes.startswith("edit") and edited.version >= 2


def test_autosave_round_trip_and_clear():
    from ermu.models.storage import autosave, clear_autosave, pending_autosave

    assert pending_autosave() is None
    scenario = village()
    scenario.id, scenario.version, scenario.notes = 7, 3, "unsaved work"
    path = autosave(scenario)
    restored = pending_autosave()
    assert restored.to_json(identity=True) == scenario.to_json(identity=True)
    assert path.name == "autosave.ermu.json"
    clear_autosave()
    assert pending_autosave() is None


def test_an_autosave_interrupted_before_the_rename_keeps_the_previous_one(monkeypatch):
    from ermu.models.storage import autosave, pending_autosave
    from ermu.models.storage import files

    first = village("First")
    path = autosave(first)
    with monkeypatch.context() as patch:
        patch.setattr(files.os, "replace", lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
        with pytest.raises(KeyboardInterrupt):
            autosave(village("Second"))
    assert pending_autosave().title == "First"
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_an_unreadable_autosave_is_set_aside_not_offered():
    from ermu.models.storage import autosave, pending_autosave

    path = autosave(village())
    path.write_text(path.read_text()[:100])  # a power cut on a file system without atomic renames
    assert pending_autosave() is None
    assert len(list(path.parent.glob("autosave.unreadable-*.ermu.json"))) == 1


def test_the_engine_loads_no_database_library_until_the_library_opens():
    code = ("import sys; import ermu.models.storage, ermu.models.storage.scenario, ermu.models.cli; "
            "import ermu.gui.library.library_view; "
            "print(sorted(m for m in ('sqlalchemy', 'alembic', 'pydantic') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]"

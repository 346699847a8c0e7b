"""The library facade on real databases: SQLite files and a PostgreSQL server of our own.

The PostgreSQL server is started once per session on loopback (initdb into a temporary
folder, pg_ctl on a free port) and each test gets a fresh database in it.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from pathlib import Path

import pytest

from ermu.models.population import Population
from ermu.models.storage import (ConflictError, NotFoundError, ReadOnlyError, Scenario, ScenarioFileError)

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server on loopback; yields a URL to its admin database."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed: "
                    "install Debian's 'postgresql' package to run the shared-library tests")
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        runuser = shutil.which("runuser")
        try:
            import pwd
            pwd.getpwnam("postgres")
        except KeyError:
            runuser = None
        if not runuser:
            pytest.skip("running as root without a 'postgres' user and runuser: initdb cannot run")
        prefix = [runuser, "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="ermu-pg-"))
    if prefix:
        shutil.chown(root, "postgres")
    data, log = root / "data", root / "server.log"
    port = _free_port()
    subprocess.run(prefix + [initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                             "--no-sync", "--locale=C"], check=True, capture_output=True)
    options = f"-F -p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=60"
    subprocess.run(prefix + [pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(prefix + [pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def fresh_pg_database(server: str) -> str:
    import psycopg

    name = f"ermu_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.replace("postgresql+psycopg", "postgresql") + "/postgres",
                         autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'library.sqlite3'}"
    return fresh_pg_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def library(database_url):
    from ermu.models.storage import Library

    with Library(database_url) as lib:
        yield lib


def village(title: str = "Lin village", households: int = 30, **extra) -> Scenario:
    return Scenario(title=title, regime="qing-baojia", population=Population.generate(households, seed=3),
                    seed=3, **extra)


def test_a_saved_scenario_reopens_exactly(library):
    scenario = village(tags=["bandits", "Qing"], author="Ms Zhou", notes="For Tuesday.",
                       parameters={"incident": {"offender": 5, "offence": "theft", "response": "concealed",
                                                "scope": "jia", "discovered": False},
                                   "observation_probability": 0.25})
    saved = library.save(scenario)
    again = library.get(saved.id)
    assert again.to_json() == saved.to_json()
    assert [h.members for h in again.population] == [h.members for h in scenario.population]
    assert again.parameters["incident"]["scope"] == "jia" and again.version == 1


def test_search_and_filters_find_what_a_teacher_asks_for(library):
    library.save(village("Bandits of the hills", tags=["bandits"], author="Ms Zhou"))
    library.save(village("Tax day", tags=["tax"], author="Mr Wu"))
    library.save(Scenario(title="A struggle meeting", kind="criticism", author="Mr Wu"))
    assert [s.title for s in library.list("BANDIT")] == ["Bandits of the hills"]
    assert [s.title for s in library.list(tag="tax")] == ["Tax day"]
    assert {s.title for s in library.list(author="Mr Wu")} == {"Tax day", "A struggle meeting"}
    assert {s.title for s in library.list(regime="qing-baojia")} == {"Bandits of the hills", "Tax day"}
    assert library.list("100%") == []  # wildcards are searched for, not obeyed
    assert library.tags() == ["bandits", "tax"] and library.authors() == ["Mr Wu", "Ms Zhou"]
    builtin = library.list("every door", include_builtins=True)
    assert [s.id for s in builtin] == ["builtin:qing-baojia"] and builtin[0].read_only


def test_rename_tag_duplicate_trash_restore_and_empty(library):
    saved = library.save(village())
    assert library.rename(saved.id, "  Renamed  village ").title == "Renamed village"
    assert library.set_tags(saved.id, ["a", "b", "a", " "]).tags == ("a", "b")
    copy = library.duplicate(saved.id)
    assert copy.id != saved.id and copy.title == "Renamed village (copy)"
    library.delete(saved.id)
    assert [s.id for s in library.list()] == [copy.id]
    assert [s.id for s in library.list(trash=True)] == [saved.id]
    library.restore(saved.id)
    library.delete(copy.id)
    assert library.empty_trash() == 1
    with pytest.raises(NotFoundError):
        library.get(copy.id)
    assert library.get(saved.id).household_count == 30


def test_builtin_examples_are_read_only_but_can_be_copied(library):
    builtin = library.get("builtin:qing-baojia")
    assert builtin.read_only and len(builtin.population) == 200
    assert builtin.parameters["incident"]["offender"] == 57
    with pytest.raises(ReadOnlyError):
        library.save(builtin)
    with pytest.raises(ReadOnlyError):
        library.rename("builtin:qing-baojia", "Mine")
    mine = library.duplicate("builtin:qing-baojia")
    assert not mine.read_only and isinstance(mine.id, int) and "built-in" not in mine.tags


def test_a_stale_save_raises_a_conflict_carrying_both_versions(library):
    opened_by_a = library.save(village())
    opened_by_b = library.get(opened_by_a.id)
    opened_by_b.notes = "B's notes"
    library.save(opened_by_b)
    opened_by_a.notes = "A's notes"
    with pytest.raises(ConflictError) as caught:
        library.save(opened_by_a)
    assert caught.value.mine.notes == "A's notes" and caught.value.theirs.notes == "B's notes"
    assert caught.value.theirs.version == 2
    assert "keep yours as a copy" in str(caught.value)
    kept = library.save(caught.value.mine.as_new())  # keep mine as a copy
    assert library.get(opened_by_a.id).notes == "B's notes" and library.get(kept.id).notes == "A's notes"
    overwritten = library.save(caught.value.mine, overwrite=True)
    assert library.get(opened_by_a.id).notes == "A's notes" and overwritten.version == 3


def test_two_concurrent_editors_never_silently_overwrite(library):
    saved = library.save(village(households=200))
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def edit(note: str) -> None:
        mine = library.get(saved.id)
        mine.notes = note
        barrier.wait()
        try:
            library.save(mine)
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=edit, args=(n,)) for n in ("one", "two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    final = library.get(saved.id)
    assert final.version == 2 and final.household_count == 200


def test_an_import_that_fails_halfway_leaves_the_library_unchanged(library, tmp_path, monkeypatch):
    from ermu.models.storage import library as library_module
    from ermu.models.storage.files import write_file

    library.save(village("Already here"))
    path = write_file(tmp_path / "three.ermu.json", [village("One"), village("Two"), village("Three")])
    original = library_module.Library._write
    calls = {"n": 0}

    def failing_write(self, session, scenario, *, overwrite):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("the disk is full")
        return original(self, session, scenario, overwrite=overwrite)

    monkeypatch.setattr(library_module.Library, "_write", failing_write)
    with pytest.raises(OSError):
        library.import_file(path)
    assert [s.title for s in library.list()] == ["Already here"]
    monkeypatch.setattr(library_module.Library, "_write", original)
    assert sorted(s.title for s in library.import_file(path)) == ["One", "Three", "Two"]


def test_a_bad_file_is_refused_before_anything_is_written(library, tmp_path):
    good = village("Good").to_json()
    bad = village("Bad").to_json()
    bad["households"][12]["members"][0]["age"] = 130
    path = tmp_path / "two.ermu.json"
    import json
    path.write_text(json.dumps({"format": "ermu-collection", "schema_version": 1, "scenarios": [good, bad]}))
    with pytest.raises(ScenarioFileError, match=r"^scenarios\[1\]\.households\[12\]\.members\[0\]\.age: "
                                                r"must be between 0 and 120\.$"):
        library.import_file(path)
    assert library.list() == []


def test_concurrent_start_ups_migrate_a_shared_database_once(postgres_server):
    from ermu.models.storage import Library
    from ermu.models.storage.migrate import head_revision

    url = fresh_pg_database(postgres_server)
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []
    libraries: list = []

    def start() -> None:
        barrier.wait()
        try:
            libraries.append(Library(url))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    saved = libraries[0].save(village())
    assert all(lib.get(saved.id).title == "Lin village" for lib in libraries)
    with libraries[0].engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM ermu_alembic_version").scalars().all() == [
            head_revision()]
    for lib in libraries:
        lib.close()

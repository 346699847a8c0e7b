"""Finding 3: two processes opening one library at once on the first start of a day.

Each round gives both processes a library that has scenarios and no backup yet (as on the
first start of a day), lets them start at the same instant (a barrier), and checks that
both opened it, that the day's backups are whole databases and that no temporary is left.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

ROUNDS = 30


def _open_many(paths: list[str], barrier, results) -> None:
    from ermu.models.storage import Library

    for path in paths:
        barrier.wait(timeout=60)
        try:
            Library(f"sqlite:///{path}").close()
            results.put("ok")
        except BaseException as exc:  # noqa: BLE001 - reported to the test, which fails on it
            results.put(f"{type(exc).__name__}: {exc}")


def test_two_processes_starting_together_both_open_the_library_every_round(tmp_path):
    from ermu.models.storage import Library, Scenario

    template = tmp_path / "template.sqlite3"
    with Library(f"sqlite:///{template}", backup_folder=tmp_path / "unused") as library:
        library.save(Scenario(title="A village worth keeping", regime="sui"))
    paths = []
    for n in range(ROUNDS):
        folder = tmp_path / f"round-{n}"
        folder.mkdir()
        with sqlite3.connect(template) as source, sqlite3.connect(folder / "library.sqlite3") as target:
            source.backup(target)
        paths.append(str(folder / "library.sqlite3"))
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_open_many, args=(paths, barrier, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * ROUNDS)]
    for worker in workers:
        worker.join(timeout=60)
    failures = [o for o in outcomes if o != "ok"]
    assert failures == [], f"{len(failures)} of {2 * ROUNDS} starts failed, e.g. {failures[0]}"
    for path in map(Path, paths):
        made = sorted(p.name for p in (path.parent / "backups").iterdir())
        assert len(made) == 3 and all(".tmp" not in name and ".partial" not in name for name in made), made
        for copy in (path.parent / "backups").iterdir():
            with sqlite3.connect(copy) as connection:
                assert connection.execute("SELECT title FROM scenarios").fetchall() == [("A village worth keeping",)]

"""Finding 1 and 4: damaged, empty, foreign and newer libraries, and restoring a backup.

Each test meets the library as a teacher would: a file that was damaged, emptied, or
written by someone else; what they must see is one sentence, their work kept, and a way
back through the backups.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from ermu.models.population import Population
from ermu.models.storage import (BackupError, ForeignDatabaseError, Library, NewerLibraryError, Scenario,
                                 StorageError, list_backups, restore_backup)


def village(title: str, households: int = 200, seed: int = 1) -> Scenario:
    return Scenario(title=title, regime="qing-baojia", population=Population.generate(households, seed=seed), seed=seed)


@pytest.fixture(scope="module")
def sound_library(tmp_path_factory) -> bytes:
    """The bytes of a small library with four villages (no journal beside it)."""
    path = tmp_path_factory.mktemp("sound") / "library.sqlite3"
    with Library(f"sqlite:///{path}", backup_folder=path.parent / "b") as library:
        for i in range(4):
            library.save(village(f"Village {i} 王家", seed=i))
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    return path.read_bytes()


def _damaged(raw: bytes, seed: int, flips: int) -> bytes:
    data, rng = bytearray(raw), random.Random(seed)
    for _ in range(flips):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


@pytest.mark.parametrize("flips", [1, 1000])
def test_a_damaged_library_is_never_a_traceback(tmp_path, sound_library, flips):
    """Heavy damage is set aside with one sentence; light damage opens, and a bad scenario says so."""
    outcomes = {"set aside": 0, "opened": 0, "a sentence on reading": 0}
    for seed in range(25):
        path = tmp_path / f"r{seed}" / "library.sqlite3"
        path.parent.mkdir()
        damaged = _damaged(sound_library, seed, flips)
        path.write_bytes(damaged)
        with Library(f"sqlite:///{path}") as library:
            if library.set_aside is not None:
                outcomes["set aside"] += 1
                assert library.set_aside.read_bytes() == damaged  # kept, never deleted
                assert str(library.set_aside) in library.notice and "\n" not in library.notice
                continue
            outcomes["opened"] += 1
            try:
                for summary in library.list():
                    library.get(summary.id)
            except StorageError as exc:
                outcomes["a sentence on reading"] += 1
                assert "damaged" in str(exc) and "ermu-cli library restore" in str(exc)
    if flips == 1000:
        assert outcomes["set aside"] == 25
    print(flips, outcomes)


def test_an_integrity_report_with_bytes_that_are_not_utf8_is_read(tmp_path, monkeypatch):
    from ermu.models.storage import integrity

    path = tmp_path / "library.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE scenarios (title)")

    class Report:
        text_factory = None

        def execute(self, _sql):
            return self

        def fetchall(self):
            return [(self.text_factory(b"row 3 missing from index \xff\xfe\x80"),)]

        def close(self):
            pass

    monkeypatch.setattr(integrity.sqlite3, "connect", lambda *a, **k: Report())
    reason = integrity.problem_with(path)
    assert reason.startswith("its integrity check failed (row 3 missing from index")


def test_an_empty_library_file_points_to_the_backup_that_holds_the_work(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library(f"sqlite:///{path}") as library:
        library.save(village("Lessons of spring"))
    Library(f"sqlite:///{path}").close()  # the start of a day: the day's backups are made
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"")
    with Library(f"sqlite:///{path}") as library:
        assert library.list() == []
        assert library.notice.startswith(f"Your library file {path} was empty (0 bytes)")
        assert "holds 1 scenario:" in library.notice and "ermu-cli library restore" in library.notice
        restored = library.restore_backup()
        assert [s.title for s in library.list()] == ["Lessons of spring"]
        assert restored.backup.period == "daily" and restored.kept is not None and restored.kept.exists()


def test_an_empty_library_without_backups_says_so(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"")
    with Library(f"sqlite:///{path}") as library:
        assert "there is no backup of it" in library.notice


def test_an_empty_library_is_not_backed_up_so_it_never_pushes_out_real_work(tmp_path):
    path = tmp_path / "library.sqlite3"
    Library(f"sqlite:///{path}").close()
    Library(f"sqlite:///{path}").close()
    assert list_backups(f"sqlite:///{path}") == []


def test_another_applications_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "contacts.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Ms Li', '123')")
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError) as raised:
        Library(f"sqlite:///{path}")
    assert "another application's database" in str(raised.value) and "contacts" in str(raised.value)
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()


def test_a_library_written_by_a_newer_ermu_is_refused_without_a_write(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library(f"sqlite:///{path}") as library:
        library.save(village("Shared village"))
    Library(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE ermu_alembic_version SET version_num = '0099_from_the_future'")
    before = path.read_bytes()
    backups_before = sorted(p.name for p in (tmp_path / "backups").iterdir())
    with pytest.raises(NewerLibraryError) as raised:
        Library(f"sqlite:///{path}")
    assert str(raised.value).startswith(f"The library at {path} was written by a newer version of Ermu")
    assert "0099_from_the_future" in str(raised.value) and "\n" not in str(raised.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == backups_before


def test_backups_are_listed_with_dates_and_counts_and_restored_by_name(tmp_path):
    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    with Library(url) as library:
        library.save(village("One"))
        library.save(village("Two"))
    Library(url).close()
    listed = list_backups(url)
    assert [b.period for b in listed] == ["daily", "weekly", "monthly"]
    assert all(b.scenarios == 2 and b.made.year >= 2024 for b in listed)
    with Library(url) as library:
        library.delete(1)
        library.empty_trash()
    restored = restore_backup(url, listed[2].path.name)
    assert restored.backup.period == "monthly"
    assert "(2 scenarios)" in restored.message().render()
    with Library(url) as library:
        assert sorted(s.title for s in library.list()) == ["One", "Two"]
    with pytest.raises(BackupError, match="There is no backup nonsense"):
        restore_backup(url, "nonsense")


def test_a_restore_never_overwrites_another_applications_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    with Library(url) as library:
        library.save(village("One"))
    Library(url).close()
    (tmp_path / "library.sqlite3").unlink()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"library.sqlite3{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(tmp_path / "library.sqlite3") as connection:
        connection.execute("CREATE TABLE invoices (n)")
    with pytest.raises(ForeignDatabaseError):
        restore_backup(url)


def test_a_backup_folder_that_refuses_copies_is_a_notice_not_a_failure_to_open(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library(f"sqlite:///{path}") as library:
        library.save(village("Work"))
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    with Library(f"sqlite:///{path}") as library:
        assert [s.title for s in library.list()] == ["Work"]
        assert library.notice.startswith("Ermu could not make today's backup of your library")


def test_a_data_folder_that_is_a_file_is_one_sentence(tmp_path, monkeypatch):
    from ermu.models.storage import DatabaseUnavailableError

    (tmp_path / "data").write_text("not a folder")
    monkeypatch.setenv("ERMU_DATA_DIR", str(tmp_path / "data"))
    with pytest.raises(DatabaseUnavailableError, match="is a file, not a folder"):
        Library()

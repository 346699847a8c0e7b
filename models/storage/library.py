"""The teachers' library: one facade over the database, handing back plain scenarios.

Every method opens a short ``with Session(...)`` block and returns detached plain objects
(:class:`Scenario`, :class:`ScenarioSummary`), so the GUI never holds a session. Built-in
lesson examples (``builtin:<lesson>``) can be listed, opened, copied and exported, never
changed. Deleting moves a scenario to the trash; :meth:`Library.empty_trash` removes it.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm import Session, sessionmaker

from ..messages import Message, msg
from . import backups, builtins, files, migrate, restoring, startup
from .backups import Backup
from .engine import describe, make_engine, resolve_url, sqlite_path
from .errors import (BackupError, ConflictError, InvalidScenarioError, NotFoundError, ReadOnlyError,
                     StorageError)
from .failures import DamagedRow, translate
from .locking import library_lock
from .restoring import Restored
from .orm import ScenarioRow, TagRow, scenario_tags
from .rows import for_storage, normal_tags, tag_rows, to_scenario, to_summary, write_population
from .scenario import BUILTIN_PREFIX, Scenario, ScenarioId, ScenarioSummary, now_utc, summary_of
from .validation import check_parameters, check_texts

log = logging.getLogger(__name__)


class Library:
    """The library at ``url`` (default: ``ERMU_DATABASE_URL`` or the per-user SQLite file).

    After construction, ``notice`` is None or one sentence the GUI should show once (e.g.
    that a damaged file was set aside, and where); ``set_aside`` is that file's new path.
    """

    def __init__(self, url: str | None = None, *, backup_folder: Path | None = None) -> None:
        self.url = resolve_url(url)
        self.notice_message: Message | None = None
        self.set_aside: Path | None = None
        self.file = sqlite_path(self.url)
        self.backup_folder = backup_folder
        if self.file is None:
            self.engine = make_engine(self.url)
            self._start()
        else:
            self.backup_folder = backup_folder or self.file.parent / "backups"
            startup.check_place(self.file)
            with library_lock(self.file):
                self.set_aside, self.notice_message = startup.prepare_file(self.file, self.backup_folder)
                self.engine = make_engine(self.url)
                self._start()
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False)

    def _start(self) -> None:
        """Refuse a newer schema, make the day's backups, migrate (under the start-up lock)."""
        try:
            migrate.refuse_newer(self.engine, self.describe())
            if self.file is not None:
                self._rotate_backups()
            migrate.upgrade(self.engine, backup_folder=self.backup_folder, database_file=self.file)
        except StorageError:
            self.engine.dispose()
            raise
        except (DBAPIError, OSError, sqlite3.Error) as exc:
            self.engine.dispose()
            raise translate(exc, file=self.file, where=describe(self.url)) from None

    def _rotate_backups(self) -> None:
        """Make the day's backups; a folder that refuses them is a notice, never a failure to open."""
        try:
            backups.rotate(self.file, self.backup_folder)
        except (OSError, sqlite3.Error) as exc:
            log.warning("no backup of %s in %s: %s", self.file, self.backup_folder, exc)
            if self.notice_message is None:
                self.notice_message = msg(
                    "storage.backup.failed",
                    "Ermu could not make today's backup of your library in {folder} ({reason}); the library "
                    "opened as usual, but make room or allow writing there so that backups are kept.",
                    folder=str(self.backup_folder), reason=getattr(exc, "strerror", None) or str(exc))

    @property
    def notice(self) -> str | None:
        """One sentence the GUI should show once (e.g. that a damaged file was set aside, and where)."""
        return None if self.notice_message is None else self.notice_message.render()

    # -- backups ----------------------------------------------------------------------------
    def list_backups(self) -> list[Backup]:
        """The rolling backups of this library, newest first (none for a server database)."""
        if self.file is None:
            return []
        return backups.list_backups(self.backup_folder, self.file.stem)

    def restore_backup(self, backup: Path | str | None = None) -> Restored:
        """Replace the library with a backup (default: the newest that holds scenarios).

        The library as it was is kept first (a copy among the backups, or the damaged file
        set aside), so a restore can itself be undone by restoring that copy.
        """
        if self.file is None:
            raise BackupError(msg("storage.backup.server",
                                  "A shared server library has no backups kept by Ermu: ask whoever runs the "
                                  "server to restore one."))
        self.engine.dispose()
        restored = restoring.restore(self.file, self.backup_folder, backup)
        self.engine = make_engine(self.url)
        with library_lock(self.file):
            self._start()
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False)
        return restored

    @contextmanager
    def _guard(self, scenario: object = None, *, reading: bool = True):
        """Turn database failures into one typed sentence (read-only file, damage, a server down).

        While reading, rows that cannot be made into a scenario (a damaged byte that SQLite's
        check did not see: a setting that is no setting, broken JSON) are damage too.
        """
        try:
            yield
        except StorageError:
            raise
        except IntegrityError:
            raise
        except DBAPIError as exc:
            raise translate(exc, file=self.file, where=self.describe(), scenario=scenario) from None
        except (ValueError, LookupError, TypeError, UnicodeError, OverflowError) as exc:
            if not reading:
                raise
            raise translate(DamagedRow(exc), file=self.file, where=self.describe(), scenario=scenario) from None

    @property
    def shared(self) -> bool:
        """True for a server database that several machines use at once."""
        return self.file is None and self.url.get_backend_name() != "sqlite"

    def describe(self) -> str:
        return str(self.file) if self.file is not None else describe(self.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------
    def list(self, search: str = "", *, tag: str | None = None, regime: str | None = None,
             author: str | None = None, kind: str | None = None, include_builtins: bool = False,
             trash: bool = False) -> list[ScenarioSummary]:
        """Scenarios whose title contains ``search`` (any case), filtered; newest first."""
        query = select(ScenarioRow).where(
            ScenarioRow.deleted.is_not(None) if trash else ScenarioRow.deleted.is_(None))
        if search.strip():
            query = query.where(func.lower(ScenarioRow.title).contains(search.strip().lower(), autoescape=True))
        if regime:
            query = query.where(ScenarioRow.regime == regime)
        if author:
            query = query.where(ScenarioRow.author == author)
        if kind:
            query = query.where(ScenarioRow.kind == kind)
        if tag:
            query = query.where(ScenarioRow.tags.any(TagRow.name == tag))
        with self._guard(), self._reader() as session:
            result = [to_summary(row) for row in
                      session.scalars(query.order_by(ScenarioRow.updated.desc(), ScenarioRow.id.desc()))]
        if include_builtins and not trash:
            needle = search.strip().lower()
            result += [s for s in builtins.builtin_summaries()
                       if needle in s.title.lower() and (not tag or tag in s.tags)
                       and (not regime or s.regime == regime) and (not author or s.author == author)
                       and (not kind or s.kind == kind)]
        return result

    def tags(self) -> list[str]:
        with self._guard(), self._reader() as session:
            return list(session.scalars(select(TagRow.name).where(TagRow.id.in_(
                select(scenario_tags.c.tag_id))).order_by(TagRow.name)))

    def authors(self) -> list[str]:
        with self._guard(), self._reader() as session:
            return list(session.scalars(select(ScenarioRow.author).where(ScenarioRow.author != "")
                                        .distinct().order_by(ScenarioRow.author)))

    def get(self, scenario_id: ScenarioId) -> Scenario:
        """The whole scenario, village included (built-in ids allowed)."""
        if isinstance(scenario_id, str) and scenario_id.startswith(BUILTIN_PREFIX):
            found = builtins.builtin_scenario(scenario_id)
            if found is None:
                raise NotFoundError(f"there is no built-in example {scenario_id!r}")
            return found
        with self._guard(scenario_id), self._reader() as session:
            return to_scenario(session, self._row(session, scenario_id, trash=None))

    def _row(self, session: Session, scenario_id: ScenarioId, *, trash: bool | None = False,
             lock: bool = False) -> ScenarioRow:
        key = _row_id(scenario_id)
        row = session.get(ScenarioRow, key, with_for_update=lock or None)
        if row is None or (trash is False and row.deleted is not None) or (trash and row.deleted is None):
            if trash:
                raise NotFoundError(msg("storage.id.not-in-trash", "There is no scenario {id} in the trash.",
                                        id=scenario_id))
            raise NotFoundError(msg("storage.id.missing", "There is no scenario {id} in the library.",
                                    id=scenario_id))
        return row

    # -- writing ----------------------------------------------------------------------------
    def save(self, scenario: Scenario, *, overwrite: bool = False) -> Scenario:
        """Insert a new scenario or update a saved one; return it with its new id and version.

        Raises :class:`ConflictError` if someone saved it since ``scenario.version`` was read
        (unless ``overwrite``), :class:`ReadOnlyError` for built-in examples, and
        :class:`InvalidScenarioError` for parameters that break a rule.
        """
        if scenario.read_only:
            raise ReadOnlyError(f"“{scenario.title}” is a built-in example: make a copy to change it.")
        scenario = self._checked(scenario)
        try:
            with self._guard(reading=False), self._writer() as session, session.begin():
                saved = self._write(session, scenario, overwrite=overwrite)
        except StaleDataError:  # the version changed between our read and our write
            raise ConflictError(scenario, self.get(scenario.id)) from None
        return saved

    def _checked(self, scenario: Scenario) -> Scenario:
        if not scenario.title.strip():
            raise InvalidScenarioError("title: a scenario needs a title")
        parameters = check_parameters(scenario.kind, scenario.parameters, regime=scenario.regime,
                                      household_count=len(scenario.population))
        check_texts(scenario.title, scenario.notes, scenario.author, scenario.tags,
                    ((i, h.family, ((m.name, m.hanzi) for m in h.members))
                     for i, h in scenario.population.given_households()))
        return dataclasses.replace(scenario, title=scenario.title.strip()[:200], parameters=parameters,
                                   tags=normal_tags(scenario.tags))

    def _write(self, session: Session, scenario: Scenario, *, overwrite: bool) -> Scenario:
        stamp = now_utc()
        if scenario.id is None:
            row = ScenarioRow(created=for_storage(scenario.created))
            session.add(row)
        else:
            row = self._row(session, scenario.id, trash=None, lock=True)
            if not overwrite and row.version != scenario.version:
                raise ConflictError(scenario, to_scenario(session, row))
        row.title, row.kind, row.regime, row.seed = scenario.title, scenario.kind, scenario.regime, scenario.seed
        row.parameters, row.notes, row.author = scenario.parameters, scenario.notes, scenario.author
        row.household_count, row.updated, row.schema_version = len(scenario.population), stamp, 1
        row.tags = tag_rows(session, scenario.tags)
        session.flush()  # the versioned UPDATE (or the INSERT) goes first
        write_population(session, row.id, scenario.population, replace=scenario.id is not None)
        return dataclasses.replace(scenario, id=row.id, version=row.version, updated=stamp,
                                   created=for_storage(row.created))

    def _edit(self, scenario_id: ScenarioId, change, *, trash: bool | None = False) -> ScenarioSummary:
        if isinstance(scenario_id, str) and scenario_id.startswith(BUILTIN_PREFIX):
            raise ReadOnlyError("built-in examples cannot be changed: make a copy first.")
        with self._guard(reading=False), self._writer() as session, session.begin():
            row = self._row(session, scenario_id, trash=trash, lock=True)
            change(session, row)
            session.flush()
            return to_summary(row)

    def rename(self, scenario_id: ScenarioId, title: str) -> ScenarioSummary:
        title = " ".join(title.split())
        if not title:
            raise InvalidScenarioError("title: a scenario needs a title")

        def change(_session, row):
            row.title, row.updated = title[:200], now_utc()
        return self._edit(scenario_id, change)

    def set_tags(self, scenario_id: ScenarioId, tags: Iterable[str]) -> ScenarioSummary:
        names = normal_tags(tags)

        def change(session, row):
            row.tags, row.updated = tag_rows(session, names), now_utc()
        return self._edit(scenario_id, change)

    def duplicate(self, scenario_id: ScenarioId, title: str | None = None) -> Scenario:
        """A new, editable copy (of a saved scenario or of a built-in example)."""
        original = self.get(scenario_id)
        tags = [t for t in original.tags if t != builtins.BUILTIN_TAG] if original.read_only else original.tags
        copy = original.as_new(title or f"{original.title} (copy)")
        copy.tags = list(tags)
        if original.read_only:
            copy.author = ""
            copy.notes = f"A copy of the built-in example “{original.title}”, yours to change."
        return self.save(copy)

    def delete(self, scenario_id: ScenarioId) -> ScenarioSummary:
        """Move to the trash (undo with :meth:`restore`)."""
        def change(_session, row):
            row.deleted = now_utc()
        return self._edit(scenario_id, change)

    def restore(self, scenario_id: ScenarioId) -> ScenarioSummary:
        def change(_session, row):
            row.deleted = None
        return self._edit(scenario_id, change, trash=True)

    def empty_trash(self) -> int:
        """Remove the scenarios in the trash for good; return how many."""
        with self._guard(reading=False), self._writer() as session, session.begin():
            rows = list(session.scalars(select(ScenarioRow).where(ScenarioRow.deleted.is_not(None))))
            for row in rows:
                session.delete(row)
            session.flush()
            orphans = select(TagRow.id).where(~TagRow.id.in_(select(scenario_tags.c.tag_id)))
            for tag in session.scalars(select(TagRow).where(TagRow.id.in_(orphans))):
                session.delete(tag)
        return len(rows)

    # -- files ------------------------------------------------------------------------------
    def export(self, scenario_ids: Iterable[ScenarioId], path: Path) -> Path:
        """Write one scenario (or, for several, a collection) to a ``.ermu.json`` file."""
        scenarios = [self.get(i) for i in scenario_ids]
        if not scenarios:
            raise StorageError("choose at least one scenario to export.")
        return files.write_file(Path(path), scenarios)

    def import_file(self, path: Path) -> list[ScenarioSummary]:
        """Check the whole file, then add all its scenarios in one transaction (or none)."""
        scenarios = [self._checked(s.as_new()) for s in files.read_file(Path(path))]
        for scenario in scenarios:  # a file cannot make a scenario a built-in example
            scenario.tags = [t for t in scenario.tags if t != builtins.BUILTIN_TAG]
        return self.import_scenarios(scenarios)

    def import_scenarios(self, scenarios: list[Scenario]) -> list[ScenarioSummary]:
        with self._guard(reading=False), self._writer() as session, session.begin():
            saved = [self._write(session, s, overwrite=False) for s in scenarios]
        return [summary_of(s) for s in saved]


#: The largest id a database row can have (a signed 64-bit integer).
MAX_ROW_ID = 2**63 - 1


def _row_id(scenario_id: ScenarioId) -> int:
    try:
        key = int(scenario_id)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise NotFoundError(msg("storage.id.invalid", "{id} is not a scenario id: use a number or builtin:<lesson>.",
                                id=repr(scenario_id)[:80])) from None
    if not 1 <= key <= MAX_ROW_ID:
        raise NotFoundError(msg("storage.id.missing", "There is no scenario {id} in the library.", id=key))
    return key


__all__ = ["Library"]

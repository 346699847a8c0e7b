"""VillageDocument: the one place the sandbox's state lives.

It holds the population, the regime, the year and their hierarchy, and the selected
household. Views listen to ``changed`` and ``selection_changed`` and never keep state of
their own; every edit goes through :meth:`propose`, which groups the new village (in a
worker for big ones) and pushes an undoable command. Model errors become one sentence on
``status_changed``; the village in hand is always kept.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoStack

from ermu.models.population import Household, Person, Population, PopulationError, Sex, check_count
from ermu.models.regimes import REGIMES, RegimeSpec

from .commands import COMMANDS
from .grouping import (BACKGROUND_EDIT_LIMIT, BACKGROUND_LIMIT, GroupingJob, PopulationSource,
                       VillageState, build_state)

log = logging.getLogger(__name__)

DEFAULT_REGIME = "qing-baojia"
DEFAULT_HOUSEHOLDS = 200
DEFAULT_SEED = 7
#: Edits that materialise every household of the village (slow for big generated ones).
_HOUSEHOLD_EDITS = frozenset({"add", "duplicate", "remove", "edit"})


def new_household() -> Household:
    """The household the Add button inserts: one adult man, to be edited."""
    return Household(id=0, members=(Person("Wang Da", "王大", Sex.MALE, 40),), adult_males=1, family="Wang")


class VillageDocument(QObject):
    changed = Signal()
    selection_changed = Signal(object)  # household id or None
    status_changed = Signal(str)
    busy_changed = Signal(bool, str)  # working?, what is being done

    def __init__(self, parent: QObject | None = None, *, regime_id: str = DEFAULT_REGIME,
                 households: int = DEFAULT_HOUSEHOLDS, seed: int = DEFAULT_SEED) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.seed = seed
        self._state = build_state(Population.generate(households, seed), regime_id,
                                  REGIMES[regime_id].start_year)
        self.selected: int | None = None
        self._token = 0
        self._pending: tuple | None = None  # (token, command kind, text, select)
        self.pool = QThreadPool.globalInstance()

    # -- reading -------------------------------------------------------------------------
    def state(self) -> VillageState:
        return self._state

    @property
    def population(self) -> Population:
        return self._state.population

    @property
    def hierarchy(self):
        return self._state.hierarchy

    @property
    def regime_id(self) -> str:
        return self._state.regime_id

    @property
    def regime(self) -> RegimeSpec:
        return REGIMES[self._state.regime_id]

    @property
    def year(self) -> int:
        return self._state.year

    @property
    def busy(self) -> bool:
        return self._pending is not None

    # -- writing (commands call restore) --------------------------------------------------
    def restore(self, state: VillageState, selected: int | None = None) -> None:
        self._state = state
        self.changed.emit()
        n = len(state.population)
        self.select(selected if selected is not None and 0 <= selected < n else None, force=True)

    def select(self, household: int | None, *, force: bool = False) -> None:
        if household is not None and not 0 <= household < len(self.population):
            self.report(f"There is no household {household}: the village has households 0 to "
                        f"{len(self.population) - 1}.")
            return
        if household != self.selected or force:
            self.selected = household
            self.selection_changed.emit(household)

    def report(self, message: str) -> None:
        self.status_changed.emit(message)

    def propose(self, kind: str, text: str, *, population: PopulationSource | None = None,
                regime_id: str | None = None, year: int | None = None, select: int | None = None,
                size_hint: int | None = None) -> bool:
        """Build the new state and push it as an undoable command.

        Returns True when done at once; False when it failed or runs in the background
        (then ``busy_changed`` tells, and ``changed`` follows when it is ready).
        """
        if self.busy:
            self.report("Please wait: the village is still being grouped (or press Cancel).")
            return False
        regime_id = regime_id or self.regime_id
        if regime_id not in REGIMES:
            self.report(f"Unknown regime {regime_id!r}: choose one of {', '.join(REGIMES)}.")
            return False
        if year is None:
            year = self.year if regime_id == self.regime_id else REGIMES[regime_id].start_year
        source = self.population if population is None else population
        size = size_hint if size_hint is not None else (len(source) if isinstance(source, Population)
                                                        else len(self.population))
        limit = BACKGROUND_EDIT_LIMIT if kind in _HOUSEHOLD_EDITS else BACKGROUND_LIMIT
        if size > limit:
            self._start_job(kind, text, source, regime_id, year, select, size)
            return False
        try:
            state = build_state(source, regime_id, year)
        except ValueError as exc:
            self.report(_sentence(exc))
            return False
        self.undo_stack.push(COMMANDS[kind](self, text, state, select))
        return True

    def _start_job(self, kind, text, source, regime_id, year, select, size) -> None:
        self._token += 1
        self._pending = (self._token, kind, text, select)
        job = GroupingJob(self._token, source, regime_id, year)
        job.signals.finished.connect(self._job_finished)
        job.signals.failed.connect(self._job_failed)
        self.busy_changed.emit(True, f"{text}: grouping {size:,} households…")
        self.pool.start(job)

    def _job_finished(self, token: int, state: VillageState) -> None:
        if self._pending is None or self._pending[0] != token:
            return  # cancelled or superseded: keep what we have
        _, kind, text, select = self._pending
        self._pending = None
        self.busy_changed.emit(False, "")
        self.undo_stack.push(COMMANDS[kind](self, text, state, select))
        self.report(f"{text}: {len(state.population):,} households grouped.")

    def _job_failed(self, token: int, message: str) -> None:
        if self._pending is None or self._pending[0] != token:
            return
        self._pending = None
        self.busy_changed.emit(False, "")
        self.report(message)

    def cancel(self) -> None:
        """Forget the work under way; the village in hand stays as it was."""
        if self._pending is not None:
            self._pending = None
            self.busy_changed.emit(False, "")
            self.report("Cancelled: the previous village is kept.")

    # -- the builder's edits -------------------------------------------------------------
    def generate(self, households: object, seed: object, regime_id: str | None = None,
                 year: int | None = None) -> bool:
        try:
            n = check_count(households)
            seed_value = int(str(seed))
        except PopulationError as exc:
            self.report(_sentence(exc))
            return False
        except ValueError:
            self.report(f"The seed must be a whole number, not {seed!r}.")
            return False
        self.seed = seed_value
        return self.propose("generate", f"New village of {n:,} households",
                            population=lambda: Population.generate(n, seed_value), size_hint=n,
                            regime_id=regime_id, year=year)

    def make_empty(self) -> bool:
        return self.propose("generate", "Empty village", population=Population.empty())

    def set_regime(self, regime_id: str, year: int | None = None) -> bool:
        if regime_id == self.regime_id and (year is None or year == self.year):
            return True
        title = REGIMES[regime_id].title if regime_id in REGIMES else regime_id
        return self.propose("regime", f"Regroup under the {title}", regime_id=regime_id, year=year)

    def set_year(self, year: int) -> bool:
        return self.set_regime(self.regime_id, year) if year != self.year else True

    def add_household(self, after: int | None = None, household: Household | None = None) -> bool:
        index = len(self.population) if after is None else after + 1
        household = household or new_household()
        return self._edit("add", f"Add household {index}", lambda p: p.inserted(index, household), index)

    def duplicate_household(self, index: int) -> bool:
        if not self._exists(index):
            return False
        return self._edit("duplicate", f"Duplicate household {index}",
                          lambda p: p.inserted(index + 1, p[index]), index + 1)

    def remove_household(self, index: int) -> bool:
        if not self._exists(index):
            return False
        remaining = len(self.population) - 1
        select = min(index, remaining - 1) if remaining else None
        return self._edit("remove", f"Remove household {index}", lambda p: p.without(index), select)

    def edit_household(self, index: int, **changes) -> bool:
        """Change fields of a household (members, adult_males, registered, setting, family)."""
        if not self._exists(index):
            return False
        try:
            edited = replace(self.population[index], **changes)
        except (PopulationError, ValueError, TypeError) as exc:
            self.report(_sentence(exc))
            return False
        return self._edit("edit", f"Edit household {index}", lambda p: p.with_household(index, edited), index)

    def _edit(self, kind: str, text: str, change, select: int | None) -> bool:
        population = self.population
        return self.propose(kind, text, population=lambda: change(population), select=select)

    def _exists(self, index: int | None) -> bool:
        if index is None or not 0 <= index < len(self.population):
            self.report("Choose a household first (click it in the tree or the diagram).")
            return False
        return True


def _sentence(exc: Exception) -> str:
    text = str(exc).strip()
    text = text[0].upper() + text[1:] if text else "That did not work."
    return text if text.endswith(".") else text + "."

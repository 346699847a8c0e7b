"""Work that may take long (big villages) done off the GUI thread.

A :class:`GroupingJob` makes a population (or edits one) and groups it under a regime in a
``QThreadPool`` worker. It never touches a widget: it hands back a plain
:class:`VillageState` (or one sentence of error) through a signal, tagged with a token so
that a cancelled or superseded job is ignored when it finishes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from ermu.models.hierarchy import Hierarchy, group
from ermu.models.i18n import _
from ermu.models.population import Population

log = logging.getLogger(__name__)

#: Villages larger than this are grouped (and edited) off the GUI thread with progress.
BACKGROUND_LIMIT = 100_000
#: Editing a village materialises its households: above this it goes to the worker too.
BACKGROUND_EDIT_LIMIT = 2_000


@dataclass(frozen=True)
class VillageState:
    """Everything an undo step restores: the village, the regime, the year, their grouping."""

    population: Population
    regime_id: str
    year: int
    hierarchy: Hierarchy


PopulationSource = Population | Callable[[], Population]


def build_state(population: PopulationSource, regime_id: str, year: int) -> VillageState:
    """Make the population if need be, group it, and warm the leaders' look-ups."""
    if callable(population):
        population = population()
    hierarchy = group(population, regime_id, year)
    for level in range(len(hierarchy.levels)):
        hierarchy.leaders(level)
    return VillageState(population, regime_id, hierarchy.year, hierarchy)


class _JobSignals(QObject):
    finished = Signal(int, object)  # token, VillageState
    failed = Signal(int, str)  # token, one sentence


class GroupingJob(QRunnable):
    """Build a :class:`VillageState` in a worker thread."""

    def __init__(self, token: int, population: PopulationSource, regime_id: str, year: int) -> None:
        super().__init__()
        self.token = token
        self.population = population
        self.regime_id = regime_id
        self.year = year
        self.signals = _JobSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            state = build_state(self.population, self.regime_id, self.year)
        except ValueError as exc:  # the models' errors are sentences for people
            self.signals.failed.emit(self.token, str(exc))
        except Exception:  # noqa: BLE001 - never let a worker take the app down
            log.exception("grouping failed")
            self.signals.failed.emit(self.token, _("Grouping the village failed and was written to the log; "
                                                   "the previous village is kept."))
        else:
            self.signals.finished.emit(self.token, state)


def same_grouping(a: Hierarchy, b: Hierarchy) -> bool:
    """Do two groupings put every household in the same units under the same heads?

    An edit that keeps the grouping (a renamed person, a changed age) only needs the
    households' own rows redrawn, not the whole tree and diagram.
    """
    import numpy as np

    if a.regime.id != b.regime.id or a.year != b.year or len(a.levels) != len(b.levels):
        return False
    if not np.array_equal(a.in_scope, b.in_scope):
        return False
    for index, (x, y) in enumerate(zip(a.levels, b.levels)):
        if not np.array_equal(x.unit_of, y.unit_of) or not np.array_equal(a.leaders(index), b.leaders(index)):
            return False
    return True

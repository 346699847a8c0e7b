"""A village grouped under one regime, reduced to the arrays the years model reads.

The years model never walks the hierarchy household by household: it needs, for every
household in the regime's scope, its smallest unit (whose members watch one another)
and its collective unit (whose members answer together for a concealment), the units'
members in CSR form, the household's family (kinship), and for every year how many
unit heads a report passes on its way to the government. All of it comes from
:func:`~ermu.models.hierarchy.group` and the regime's spec.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..hierarchy import Hierarchy, group
from ..messages import msg
from ..population import Population, PopulationError
from ..regimes import RegimeSpec, get_regime
from .parameters import YearsError

MAX_YEARS = 200


@dataclass(frozen=True)
class Units:
    """One level's units over the in-scope households (positions 0..n-1)."""

    of: np.ndarray  # unit of every position
    sizes: np.ndarray
    offsets: np.ndarray  # unit u holds members[offsets[u]:offsets[u + 1]]
    members: np.ndarray  # positions grouped by unit

    @property
    def count(self) -> int:
        return int(self.sizes.shape[0])

    def expand(self, units: np.ndarray, *, sizes: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Every member of each given unit: (index into ``units``, member position)."""
        sizes = self.sizes[units] if sizes is None else sizes
        total = int(sizes.sum())
        which = np.repeat(np.arange(units.shape[0]), sizes)
        starts = np.repeat(self.offsets[units] - np.cumsum(sizes) + sizes, sizes)
        return which, self.members[starts + np.arange(total)]


@dataclass(frozen=True)
class PreparedVillage:
    regime: RegimeSpec  # with the unit size the run asked for
    village_households: int  # all households of the village, in scope or not
    households: np.ndarray  # village ids of the in-scope households (position -> id)
    watch: Units  # the smallest units: neighbours who watch one another
    collective: Units  # the units that answer together for a concealment
    family: np.ndarray  # family (clan) index per position: kin share it

    @property
    def size(self) -> int:
        return int(self.households.shape[0])

    @property
    def everyone_in_scope(self) -> bool:
        return self.size == self.village_households

    def chain_length(self, year: int) -> int:
        """Unit heads who carry a report upward in a calendar year (the government excluded)."""
        count = 0
        for level in self.regime.levels:
            spec = level.leader(year)
            if spec is not None and spec.reports:
                count += 1
        return count


def _units(hierarchy: Hierarchy, level: int, position: np.ndarray) -> Units:
    lv = hierarchy.levels[level]
    members = position[lv.order]
    of = np.empty(position.max() + 1 if position.size else 0, dtype=np.int64)
    of[members] = np.repeat(np.arange(lv.count), lv.sizes)
    return Units(of=of, sizes=lv.sizes.astype(np.int64), offsets=lv.offsets.astype(np.int64),
                 members=members.astype(np.int64))


def with_unit_size(regime: RegimeSpec, size: int) -> RegimeSpec:
    if size == regime.levels[0].size:
        return regime
    first = dataclasses.replace(regime.levels[0], size=int(size))
    return dataclasses.replace(regime, levels=(first, *regime.levels[1:]))


def prepare(population: Population, regime: RegimeSpec | str, unit_size: int | None = None) -> PreparedVillage:
    if isinstance(regime, str):
        regime = get_regime(regime)
    if unit_size is not None:
        regime = with_unit_size(regime, int(unit_size))
    hierarchy = group(population, regime)
    in_scope = hierarchy.in_scope
    households = np.flatnonzero(in_scope)
    if households.size == 0:
        raise YearsError(msg("years.village.out-of-scope",
                             "No household of this village lies within the {title} ({scope}): "
                             "choose another setting or regime.", title=regime.title, scope=regime.scope.text))
    position = np.full(len(population), -1, dtype=np.int64)
    position[households] = np.arange(households.shape[0])
    collective_level = regime.level(regime.liability.collective_level)
    return PreparedVillage(
        regime=regime,
        village_households=len(population),
        households=households,
        watch=_units(hierarchy, 0, position),
        collective=_units(hierarchy, collective_level, position),
        family=population.columns.family[households].astype(np.int64),
    )


@lru_cache(maxsize=32)
def prepared(households: int, seed: int, setting: str, regime_id: str, unit_size: int | None) -> PreparedVillage:
    """The same village, grouped once per process for every repetition and sweep point."""
    try:
        population = Population.generate(households, seed=seed, setting=setting)
    except PopulationError as exc:
        raise YearsError(exc.message) from None
    return prepare(population, get_regime(regime_id), unit_size)


__all__ = ["MAX_YEARS", "PreparedVillage", "Units", "prepare", "prepared", "with_unit_size"]

"""Group a village into the units of a regime: the hierarchy engine.

``group(population, regime)`` returns a :class:`Hierarchy`. Its core is arrays: for each
level, the unit of every household (``unit_of``), the households of every unit in CSR
form (``order`` sliced by ``offsets``) and the parent of every unit. That keeps a million
households to a few tens of megabytes and well under a second; the networkx graph of
membership and reporting edges is built on demand for villages a person can look at.

The remainder rule (one rule, shown to users as :data:`REMAINDER_RULE`): households are
taken in geographic order and fill units one after another; those left over form one
last, smaller unit, marked incomplete. The same holds at every level. A lijia li keeps
its eleven-household divisions: a last li of m households has ceil(m / 11) jia, and as
many leading households, one per jia.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from . import grouping
from .i18n import N_
from .messages import ErmuError, msg
from .population import Population, Setting
from .regimes import RegimeSpec, get_regime
from .regimes.spec import LeaderSpec, LevelSpec, Name, Selection

if TYPE_CHECKING:  # networkx is imported only when a graph is asked for
    import networkx as nx

REMAINDER_RULE = N_(
    "Households fill units in geographic order; those left over form one last, smaller unit "
    "(marked incomplete), and the same holds at every level."
)
LIJIA_REMAINDER_RULE = N_(
    "A last li of fewer than 110 households keeps the eleven-household division: it has one "
    "jia per eleven households (rounded up) and as many leading households, one per jia."
)
#: Above this many households the graph is not built: the views summarise instead.
GRAPH_LIMIT = 20_000
GOVERNMENT = "government"


class HierarchyError(ErmuError, ValueError):
    """A household or a drawing the grouping cannot give; the message is for people."""


class HeadTable:
    """The leading households of each unit (the lijia li), as one array in unit order.

    Reads like the dict it replaces (``heads[unit]``, ``values()``, ``items()``) but holds
    65,000 li in two arrays rather than 65,000 small ones.
    """

    __slots__ = ("households", "offsets")

    def __init__(self, households: np.ndarray, offsets: np.ndarray) -> None:
        self.households = households
        self.offsets = offsets

    @classmethod
    def from_counts(cls, households: np.ndarray, counts: np.ndarray) -> "HeadTable":
        offsets = np.zeros(counts.shape[0] + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        return cls(households, offsets)

    @classmethod
    def empty(cls) -> "HeadTable":
        return cls(np.empty(0, dtype=np.int64), np.zeros(1, dtype=np.int64))

    @property
    def counts(self) -> np.ndarray:
        return np.diff(self.offsets)

    def __len__(self) -> int:
        return int(self.offsets.shape[0] - 1)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, unit: int) -> np.ndarray:
        if not 0 <= unit < len(self):
            raise KeyError(unit)
        return self.households[self.offsets[unit]:self.offsets[unit + 1]]

    def __contains__(self, unit: object) -> bool:
        return isinstance(unit, (int, np.integer)) and 0 <= int(unit) < len(self)

    def __iter__(self):
        return iter(range(len(self)))

    def keys(self):
        return range(len(self))

    def values(self):
        return (self[u] for u in range(len(self)))

    def items(self):
        return ((u, self[u]) for u in range(len(self)))

    def mask(self, n: int) -> np.ndarray:
        """A flag per household: is it one of the leading households?"""
        flags = np.zeros(n, dtype=bool)
        flags[self.households] = True
        return flags


@dataclass
class Level:
    """The units of one level. Unit indices run 0..count-1 in geographic order."""

    spec: LevelSpec
    unit_of: np.ndarray  # int32 per household; -1 for households outside the regime's scope
    order: np.ndarray  # household ids grouped by unit, ascending within a unit
    offsets: np.ndarray  # unit u holds order[offsets[u]:offsets[u + 1]]
    setting: np.ndarray  # int8 per unit: the setting of its households
    full_size: int  # households in a full unit
    parent: np.ndarray | None = None  # int32 per unit: its unit on the next level up
    heads: HeadTable = field(default_factory=HeadTable.empty)  # lijia: unit -> leading households

    #: ``order`` is simply 0..N-1 (every household in a unit, units in household order)
    in_household_order: bool = False

    @property
    def count(self) -> int:
        return int(self.offsets.shape[0] - 1)

    @cached_property
    def sizes(self) -> np.ndarray:
        return np.diff(self.offsets)

    def members(self, unit: int) -> np.ndarray:
        return self.order[self.offsets[unit]:self.offsets[unit + 1]]

    def name(self, unit: int) -> Name:
        return self.spec.name_for(Setting(int(self.setting[unit])))

    @property
    def partial_units(self) -> int:
        return int(np.count_nonzero(self.sizes < self.full_size))


class Hierarchy:
    """A village grouped under one regime, in one year (leaders rotate by year)."""

    def __init__(self, population: Population, regime: RegimeSpec, levels: list[Level],
                 in_scope: np.ndarray, year: int) -> None:
        self.population = population
        self.regime = regime
        self.levels = levels
        self.in_scope = in_scope
        self.year = year
        #: Added to household ids where they are shown (a part of a larger village, e.g. one
        #: li of the empire, names its households by their ids in the whole).
        self.label_offset = 0
        self._leaders: dict[tuple[int, int], np.ndarray] = {}

    # -- sizes ---------------------------------------------------------------------------
    @property
    def household_count(self) -> int:
        return len(self.population)

    @cached_property
    def excluded(self) -> np.ndarray:
        """Households outside the regime's scope (e.g. the capital): in no unit at all."""
        return np.flatnonzero(~self.in_scope)

    @property
    def remainder_rule(self) -> str:
        return LIJIA_REMAINDER_RULE if self._has_heads else REMAINDER_RULE

    @property
    def _has_heads(self) -> bool:
        return any(level.spec.head_households for level in self.levels)

    # -- look-ups ------------------------------------------------------------------------
    def _check_household(self, household: int) -> int:
        if not 0 <= household < self.household_count:
            raise HierarchyError(msg("hierarchy.error.no-household",
                                     "there is no household {household}: the village has households 0 to {last}",
                                     household=household, last=self.household_count - 1))
        return int(household)

    def unit_of(self, household: int, level: int = 0) -> int | None:
        """The household's unit on a level, or None when it is outside the regime's scope."""
        household = self._check_household(household)
        unit = int(self.levels[level].unit_of[household])
        return None if unit < 0 else unit

    def path(self, household: int) -> list[tuple[int, int]]:
        """(level, unit) from the household's smallest unit to the top; empty if excluded."""
        unit = self.unit_of(household, 0)
        if unit is None:
            return []
        steps = [(0, unit)]
        for k in range(len(self.levels) - 1):
            unit = int(self.levels[k].parent[unit])
            steps.append((k + 1, unit))
        return steps

    def members(self, level: int, unit: int) -> np.ndarray:
        return self.levels[level].members(unit)

    def neighbours(self, household: int) -> np.ndarray:
        """The other households of the household's smallest unit."""
        unit = self.unit_of(household, 0)
        if unit is None:
            return np.empty(0, dtype=np.int64)
        members = self.members(0, unit)
        return members[members != household]

    def is_partial(self, level: int, unit: int) -> bool:
        lv = self.levels[level]
        return bool(lv.sizes[unit] < lv.full_size)

    def unit_label(self, level: int, unit: int) -> str:
        lv = self.levels[level]
        return f"{lv.name(unit).romanized or lv.spec.id} {unit + 1}"

    def children(self, level: int, unit: int) -> np.ndarray:
        """Units of the level below that belong to this unit (households for level 0)."""
        if level == 0:
            return self.members(0, unit)
        return np.flatnonzero(self.levels[level - 1].parent == unit)

    # -- leaders -------------------------------------------------------------------------
    def leader_spec(self, level: int, year: int | None = None) -> LeaderSpec | None:
        return self.levels[level].spec.leader(self.year if year is None else year)

    def leaders(self, level: int, year: int | None = None) -> np.ndarray:
        """The leading household of every unit of a level (-1 where there is none)."""
        year = self.year if year is None else year
        key = (level, year)
        if key not in self._leaders:
            self._leaders[key] = self._compute_leaders(level, year)
        return self._leaders[key]

    def leader(self, level: int, unit: int, year: int | None = None) -> int | None:
        value = int(self.leaders(level, year)[unit])
        return None if value < 0 else value

    def rotation(self, level: int, unit: int, years: int = 10, start: int | None = None) -> list[tuple[int, int | None]]:
        """The leader of a unit year by year: [(year, household), ...]."""
        start = self.year if start is None else start
        return [(y, self.leader(level, unit, y)) for y in range(start, start + years)]

    def _compute_leaders(self, level: int, year: int) -> np.ndarray:
        lv = self.levels[level]
        spec = lv.spec.leader(year)
        if spec is None or lv.count == 0:
            return np.full(lv.count, -1, dtype=np.int64)
        turn = max(0, year - self.regime.start_year) // max(1, spec.term_years)
        if lv.heads:  # lijia li: the leading households serve in yearly turns
            counts = lv.heads.counts
            return lv.heads.households[lv.heads.offsets[:-1] + turn % np.maximum(counts, 1)].astype(np.int64)
        below_heads = level + 1 < len(self.levels) and bool(self.levels[level + 1].heads)
        if spec.selection is Selection.ROTATING:
            if below_heads:  # a lijia jia: its ordinary households take turns, not the li-chang
                return self._rotate_excluding_heads(level, turn)
            return lv.order[lv.offsets[:-1] + turn % lv.sizes].astype(np.int64)
        # appointed, elected, most adult males: the household with the most adult males,
        # skipping households that already lead a smaller unit (so one man holds one office)
        return self._most_adult_males(level, year)

    def _head_mask(self, level: int) -> np.ndarray | None:
        """The leading households of the level above (the li-chang), or None."""
        if level + 1 < len(self.levels) and self.levels[level + 1].heads:
            return self.levels[level + 1].heads.mask(self.household_count)
        return None

    def _rotate_excluding_heads(self, level: int, turn: int) -> np.ndarray:
        lv = self.levels[level]
        ordinary = ~self._head_mask(level)[lv.order]  # along the unit order
        starts = lv.offsets[:-1]
        pool = np.add.reduceat(ordinary.astype(np.int64), starts) if lv.count else np.empty(0, np.int64)
        first = np.zeros(lv.count, dtype=np.int64)
        np.cumsum(pool[:-1], out=first[1:])
        positions = np.flatnonzero(ordinary)
        out = lv.order[starts + turn % lv.sizes].astype(np.int64)  # a unit of leading households only
        has = pool > 0
        out[has] = lv.order[positions[first[has] + turn % pool[has]]]
        return out

    def _most_adult_males(self, level: int, year: int) -> np.ndarray:
        lv = self.levels[level]
        if lv.count == 0:
            return np.empty(0, dtype=np.int64)
        identity = lv.in_household_order  # no gather needed: position p holds household p
        all_males = self.population.columns.adult_males
        males = all_males.astype(np.int16, copy=False) if identity else all_males[lv.order].astype(np.int16)
        taken = self._head_mask(level)
        if taken is None:
            taken = np.zeros(self.household_count, dtype=bool)
        for lower in range(level):
            lower_leaders = self.leaders(lower, year)
            taken[lower_leaders[lower_leaders >= 0]] = True
        masked = np.where(taken if identity else taken[lv.order], np.int16(-1), males)
        starts = lv.offsets[:-1]
        best = np.maximum.reduceat(masked, starts)
        fallback = best < 0  # every household already leads: let the best of them serve
        if fallback.any():
            best = np.where(fallback, np.maximum.reduceat(males, starts), best)
            masked = np.where(np.repeat(fallback, lv.sizes), males, masked)
        hit = masked == np.repeat(best, lv.sizes)
        per_unit = np.add.reduceat(hit, starts, dtype=np.int64)  # at least one in every unit
        first = np.zeros(lv.count, dtype=np.int64)
        np.cumsum(per_unit[:-1], out=first[1:])
        positions = np.flatnonzero(hit)[first]  # hits run in unit order: the first of each
        return (positions if identity else lv.order[positions]).astype(np.int64)

    # -- reporting -----------------------------------------------------------------------
    def reporting_chain(self, household: int, year: int | None = None) -> list[tuple[int, int, int]]:
        """The leaders a report from this household passes, smallest unit first.

        Each entry is (level, unit, leading household). Leaders who do not carry reports
        (Wang Shou-jen's monitors) are left out: then the unit reports straight to the
        government. The government itself is the implicit last step.
        """
        year = self.year if year is None else year
        chain = []
        for level, unit in self.path(household):
            spec = self.leader_spec(level, year)
            if spec is None or not spec.reports:
                continue
            leader = self.leader(level, unit, year)
            if leader is not None:
                chain.append((level, unit, leader))
        return chain

    # -- graph ---------------------------------------------------------------------------
    def graph(self, limit: int = GRAPH_LIMIT) -> "nx.DiGraph":
        """Membership and reporting edges for a village a person can look at.

        Nodes: ``("household", h)``, ``("unit", level, u)`` and ``"government"``. Edges
        carry ``kind``: ``member`` (household to unit, unit to the unit above, top unit to
        the government) or ``reports`` (household to the leader it reports to, leader to
        the next leader, last leader to the government).
        """
        import networkx as nx

        if self.household_count > limit:
            raise HierarchyError(msg("hierarchy.error.graph-too-large",
                                     "a village of {n} households is too large to draw as a graph "
                                     "(at most {limit}); the views summarise it instead",
                                     n=f"{self.household_count:,}", limit=f"{limit:,}"))
        g = nx.DiGraph(regime=self.regime.id, year=self.year)
        g.add_node(GOVERNMENT, kind="government", label=self.regime.government.english)
        top = len(self.levels) - 1
        for k, lv in enumerate(self.levels):
            leaders = self.leaders(k)
            for u in range(lv.count):
                g.add_node(("unit", k, u), kind="unit", level=k, label=self.unit_label(k, u),
                           leader=int(leaders[u]), partial=self.is_partial(k, u))
                up = GOVERNMENT if k == top else ("unit", k + 1, int(lv.parent[u]))
                g.add_edge(("unit", k, u), up, kind="member")
        for h in range(self.household_count):
            unit = int(self.levels[0].unit_of[h])
            g.add_node(("household", h), kind="household", in_scope=unit >= 0)
            if unit >= 0:
                g.add_edge(("household", h), ("unit", 0, unit), kind="member")
        for h in range(self.household_count):
            if not self.in_scope[h]:
                continue
            previous = ("household", h)
            for _level, _unit, leader in self.reporting_chain(h):
                if leader != h:
                    g.add_edge(previous, ("household", leader), kind="reports")
                    previous = ("household", leader)
            g.add_edge(previous, GOVERNMENT, kind="reports")
        return g

    # -- summary -------------------------------------------------------------------------
    def summary(self) -> dict:
        return {
            "regime": self.regime.id,
            "title": self.regime.title,
            "year": self.year,
            "households": self.household_count,
            "in_scope": int(self.in_scope.sum()),
            "excluded": int(self.excluded.shape[0]),
            "remainder_rule": self.remainder_rule,
            "levels": [
                {
                    "id": lv.spec.id,
                    "name": lv.spec.name.romanized or lv.spec.id,
                    "display": lv.spec.name.display(),
                    "units": lv.count,
                    "households_per_unit": lv.full_size,
                    "incomplete_units": lv.partial_units,
                    "leader": (spec.title.display() if (spec := lv.spec.leader(self.year)) else None),
                }
                for lv in self.levels
            ],
        }


# -- grouping ---------------------------------------------------------------------------
def group(population: Population, regime: RegimeSpec | str, year: int | None = None, *,
          breaks: np.ndarray | None = None) -> Hierarchy:
    """Group a population into a regime's units (linear array passes; see ``grouping``).

    ``breaks`` (sorted household ids) start a new territory, e.g. a county: units fill up
    within a territory and never reach across into the next one.
    """
    if isinstance(regime, str):
        regime = get_regime(regime)
    year = regime.start_year if year is None else int(year)
    settings = population.columns.setting
    allowed = np.zeros(len(Setting), dtype=bool)
    allowed[[int(s) for s in regime.scope.settings]] = True
    in_scope = allowed[settings]
    n = len(population)
    nlevels = len(regime.levels)
    parts = [grouping.LevelParts() for _ in range(nlevels)]
    has_heads = any(lv.head_households for lv in regime.levels)
    if has_heads and (nlevels != 2 or regime.levels[0].head_households or not regime.levels[1].head_households):
        raise NotImplementedError("leading households are supported on the second of two levels (the lijia)")
    segments = grouping.segments(settings, in_scope, regime.partition_by_setting, list(Setting))
    if breaks is not None:
        segments = grouping.split(segments, np.asarray(breaks, dtype=np.int64))
    covered = sum(segment.count for segment in segments) == n  # every household gets a unit
    unit_of = [np.empty(n, dtype=np.int32) if covered else np.full(n, -1, dtype=np.int32) for _ in range(nlevels)]
    males = population.columns.adult_males if has_heads and segments else None
    for segment in segments:
        if has_heads:
            grouping.lijia(segment, males, regime.levels[0].size, regime.levels[1].head_households,
                           unit_of, parts)
        else:
            grouping.nested(segment, [regime.households_per_unit(k) for k in range(nlevels)],
                            [lv.size for lv in regime.levels], unit_of, parts)
    in_order = (not has_heads and covered and all(seg.ids is None for seg in segments)
                and all(a.stop == b.start for a, b in zip(segments, segments[1:])))
    levels = []
    joined: dict[tuple[int, ...], np.ndarray] = {}  # nested levels share one household order
    for k, spec in enumerate(regime.levels):
        part = parts[k]
        key = tuple(id(a) for a in part.order)
        order = joined.get(key)
        if order is None:
            order = joined[key] = grouping.join(part.order, grouping.ORDER_DTYPE)
            order.flags.writeable = False  # shared by levels (and by the caller's arrays): never edit it
        sizes = grouping.join(part.sizes, np.int64)
        offsets = np.zeros(sizes.shape[0] + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        unit_setting = settings[order[offsets[:-1]]] if sizes.shape[0] else np.empty(0, dtype=np.int8)
        heads = HeadTable.empty()
        if spec.head_households:
            heads = HeadTable.from_counts(grouping.join(part.head_households, np.int64),
                                          grouping.join(part.head_counts, np.int64))
        full_size = regime.households_per_unit(k) + (1 if has_heads and k == 0 else 0)
        levels.append(Level(spec=spec, unit_of=unit_of[k], order=order, offsets=offsets, setting=unit_setting,
                            full_size=full_size,
                            parent=grouping.join(part.parent, np.int32) if k + 1 < nlevels else None,
                            heads=heads, in_household_order=in_order))
    return Hierarchy(population, regime, levels, in_scope, year)

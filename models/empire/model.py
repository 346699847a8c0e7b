"""The registered empire of 1461: 64,854.5 li spread over the counties, grouped under a regime.

The households are one generated :class:`Population` in geographic order; the counties
take consecutive runs of whole li (the half li falls in the last county), so the same
households can be grouped under the Ming lijia, the Qing baojia or the Sui groups with
``group(..., breaks=county starts)``: no unit ever reaches across a county border.
Everything per household is arrays; an incident is played on the one top-level unit it
happens in (a li, a pao, a tsu), never on seven million households.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

import numpy as np

from ..hierarchy import Hierarchy, group
from ..messages import ErmuError, Message, msg
from ..population import Population, Setting
from ..regimes import RegimeSpec, get_regime
from ..regimes.counties import STRUCTURES, CountyStructure
from . import registers as reg

DEFAULT_SEED = 1461
#: Illustrative shares of the three territorial structures (the sources say where each was
#: common, not how many counties had it).
STRUCTURE_SHARES = (0.5, 0.35, 0.15)
_SPREAD, _STRUCTURE = 11, 12


class EmpireError(ErmuError, ValueError):
    """A request about the empire that cannot be met; the message says what is allowed."""


def check_counties(counties: object) -> int:
    try:
        value = int(str(counties))
    except ValueError:
        value = None
    if value not in reg.COUNTY_CHOICES:
        raise EmpireError(msg("empire.counties.unknown",
                              "The empire has {early} or {late} counties in Ermu, not {given}.",
                              early=reg.COUNTY_CHOICES[0], late=reg.COUNTY_CHOICES[1], given=counties))
    return value


def spread_li(counties: int, seed: int) -> np.ndarray:
    """Whole li per county: an uneven, seeded spread (illustrative) that sums to 64,854."""
    rng = np.random.default_rng([seed, _SPREAD])
    weights = rng.lognormal(0.0, 0.5, counties)
    share = weights / weights.sum() * (reg.WHOLE_LI - counties)  # every county has at least one li
    li = np.floor(share).astype(np.int64)
    short = (reg.WHOLE_LI - counties) - int(li.sum())
    li[np.argsort(share - li, kind="stable")[::-1][:short]] += 1  # largest remainders
    return li + 1


@dataclass(eq=False)
class Empire:
    """The empire of 1461 under one regime. Build it with :meth:`build`."""

    counties: int
    seed: int
    regime: RegimeSpec
    population: Population
    li_per_county: np.ndarray  # whole li in each county (the half li is extra, in the last)
    county_start: np.ndarray  # first household of each county, and the total at the end
    structure_of: np.ndarray  # int8 per county: an index into STRUCTURES (illustrative)
    hierarchy: Hierarchy

    @classmethod
    def build(cls, counties: int = reg.COUNTY_CHOICES[0], regime: RegimeSpec | str = "ming-lijia",
              seed: int = DEFAULT_SEED, *, scale: int = 1) -> "Empire":
        """The empire at full scale; ``scale`` > 1 divides every county's li (for quick tests)."""
        for _fraction, _stage, empire in cls.build_in_stages(counties, regime, seed, scale=scale, prepare=False):
            if empire is not None:
                return empire
        raise AssertionError("build_in_stages ends with the empire")

    @classmethod
    def build_in_stages(cls, counties: int = reg.COUNTY_CHOICES[0], regime: RegimeSpec | str = "ming-lijia",
                        seed: int = DEFAULT_SEED, *, scale: int = 1, prepare: bool = True,
                        base: "Empire | None" = None) -> Iterator[tuple[float, Message, "Empire | None"]]:
        """Build step by step: yields (share done, what is being done, None), then (1, ..., empire).

        A face runs it in a worker, shows each stage and stops between stages to cancel.
        ``base`` regroups an empire's households and counties under ``regime`` instead.
        """
        regime = get_regime(regime) if isinstance(regime, str) else regime
        if base is None:
            counties = check_counties(counties)
            yield 0.0, msg("empire.stage.counties", "Spreading 64,854.5 li over {counties} counties",
                           counties=counties), None
            li = spread_li(counties, seed)
            if scale > 1:
                li = np.maximum(1, li // scale)
            households = li * reg.HOUSEHOLDS_PER_LI
            households[-1] += reg.HALF_LI_HOUSEHOLDS
            county_start = np.zeros(counties + 1, dtype=np.int64)
            np.cumsum(households, out=county_start[1:])
            rng = np.random.default_rng([seed, _STRUCTURE])
            structure_of = rng.choice(len(STRUCTURES), size=counties, p=STRUCTURE_SHARES).astype(np.int8)
            yield 0.1, msg("empire.stage.households", "Registering {households:,} households",
                           households=int(county_start[-1])), None
            population = Population.generate(int(county_start[-1]), seed=seed, setting=Setting.RURAL)
            population.columns.adult_males  # drawn now, not on the first look
        else:
            counties, seed, population = base.counties, base.seed, base.population
            li, county_start, structure_of = base.li_per_county, base.county_start, base.structure_of
        yield 0.3, msg("empire.stage.group", "Grouping them under the {title}", title=regime.title), None
        hierarchy = group(population, regime, year=cls.year_for(regime), breaks=county_start[:-1])
        empire = cls(counties, seed, regime, population, li, county_start, structure_of, hierarchy)
        if prepare:
            yield 0.7, msg("empire.stage.leaders", "Finding this year's heads"), None
            empire.prepare()
        yield 1.0, msg("empire.stage.done", "Ready"), empire

    @staticmethod
    def year_for(regime: RegimeSpec) -> int:
        """1461 for the Ming lijia; another regime's own first year (its rules by then)."""
        if regime.start_year <= reg.YEAR and (regime.end_year is None or reg.YEAR < regime.end_year):
            return reg.YEAR
        return regime.start_year

    def with_regime(self, regime: RegimeSpec | str) -> "Empire":
        """The same households and counties grouped under another regime."""
        for _fraction, _stage, empire in self.build_in_stages(regime=regime, base=self, prepare=False):
            if empire is not None:
                return empire
        raise AssertionError("build_in_stages ends with the empire")

    def prepare(self) -> "Empire":
        """Work the face needs before its first picture: this year's leaders and the zoom tree."""
        from .view import tree_of

        for k in range(len(self.hierarchy.levels)):
            self.hierarchy.leaders(k)
        tree_of(self)
        return self

    # -- sizes -------------------------------------------------------------------------
    @property
    def household_count(self) -> int:
        return int(self.county_start[-1])

    @cached_property
    def households_per_county(self) -> np.ndarray:
        return np.diff(self.county_start)

    @property
    def registered_li(self) -> float:
        """Li as the registers count them: whole li plus one half."""
        return float(self.li_per_county.sum()) + 0.5

    @property
    def half_li(self) -> tuple[int, int]:
        """(county, first household) of the li the registers counted as half."""
        return self.counties - 1, int(self.county_start[-1]) - reg.HALF_LI_HOUSEHOLDS

    def county_of(self, household: int) -> int:
        return int(np.searchsorted(self.county_start, household, side="right") - 1)

    def structure(self, county: int) -> CountyStructure:
        self._check_county(county)
        return STRUCTURES[int(self.structure_of[county])]

    def _check_county(self, county: int) -> int:
        if isinstance(county, bool) or not isinstance(county, (int, np.integer)) or not 0 <= county < self.counties:
            number = county + 1 if isinstance(county, (int, np.integer)) else county
            raise EmpireError(msg("empire.county.unknown",
                                  "There is no county {county}: the empire has counties 1 to {last}.",
                                  county=number, last=self.counties))
        return int(county)

    def units_in_county(self, county: int, level: int) -> tuple[int, int]:
        """The units of a level in a county, as a range (first, end)."""
        county = self._check_county(county)
        unit_of = self.hierarchy.levels[level].unit_of
        first = int(unit_of[self.county_start[county]])
        end = int(unit_of[self.county_start[county + 1] - 1]) + 1
        return first, end

    def territory(self, county: int) -> list[tuple[str, np.ndarray]]:
        """The county's tiers below the county (illustrative counts): for each tier, the first
        top-level unit of each of its divisions. Divisions split the county's units evenly."""
        structure = self.structure(county)
        first, end = self.units_in_county(county, len(self.hierarchy.levels) - 1)
        n = end - first
        tiers = []
        per_division = 1
        for tier in reversed(structure.tiers[1:]):  # ward first, then up
            per_division *= 1 if tier is structure.tiers[-1] else 4
            count = max(1, -(-n // max(1, per_division)))
            tiers.append((tier.romanized, first + (np.arange(count) * n) // count))
        return list(reversed(tiers))

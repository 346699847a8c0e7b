"""The numbers that make the point, and an incident anywhere in the empire.

Heads needed are counted by arithmetic on the counties' household counts (the same
units ``group`` builds, checked by a test), so comparing three regimes costs nothing;
the steps a report takes and who answers for a default come from the incident engine,
played on the one top-level unit where it happens.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..hierarchy import group
from ..messages import Phrase, msg
from ..offences import get_offence
from ..propagation import IncidentResult, Incident, Response, simulate
from ..regimes import RegimeSpec, get_regime
from . import registers as reg
from .model import Empire, EmpireError

COMPARED = ("ming-lijia", "qing-baojia", "sui")


@dataclass(frozen=True)
class LevelHeads:
    level: str  # the level id
    name: str  # its name as shown ("甲 jiǎ (chia)")
    title: str | None  # the leader's title, or None when the level has none that year
    units: int
    heads: int  # leaders serving in the year (one per unit with a leader)


def unit_counts(regime: RegimeSpec, households_per_county: np.ndarray) -> list[int]:
    """Units of each level when every county fills its own units in order (as ``group`` does)."""
    h = households_per_county.astype(np.int64)
    if any(lv.head_households for lv in regime.levels):
        per_li = regime.households_per_unit(1)
        per_division = regime.levels[0].size + 1
        full, rest = np.divmod(h, per_li)
        jia = full * regime.levels[1].head_households + np.minimum(regime.levels[1].head_households,
                                                                   -(-rest // per_division))
        return [int(jia.sum()), int((full + (rest > 0)).sum())]
    return [int((-(-h // regime.households_per_unit(k))).sum()) for k in range(len(regime.levels))]


def heads_needed(regime: RegimeSpec | str, households_per_county: np.ndarray, year: int | None = None) -> list[LevelHeads]:
    regime = get_regime(regime) if isinstance(regime, str) else regime
    year = Empire.year_for(regime) if year is None else year
    out = []
    for spec, units in zip(regime.levels, unit_counts(regime, households_per_county)):
        leader = spec.leader(year)
        out.append(LevelHeads(spec.id, spec.name.display(), leader.title.display() if leader else None, units,
                              units if leader else 0))
    return out


def compare_heads(empire: Empire, regimes: tuple[str, ...] = COMPARED) -> list[dict]:
    """Heads each regime needs for the same households and counties."""
    rows = []
    for regime_id in regimes:
        regime = get_regime(regime_id)
        levels = heads_needed(regime, empire.households_per_county)
        total = sum(lv.heads for lv in levels)
        rows.append({"regime": regime.id, "title": regime.title, "levels": [lv.__dict__ for lv in levels],
                     "heads": total, "heads_per_magistrate": total / empire.counties,
                     "households_per_head": empire.household_count / total if total else None})
    return rows


# -- an incident anywhere ---------------------------------------------------------------------
@dataclass
class EmpireIncident:
    county: int
    household: int  # the offender, an id in the empire
    offset: int  # the first household of the part played: empire id = local id + offset
    part_size: int
    result: IncidentResult
    chain: list[tuple[int, int, int]]  # (level, unit in the empire, leading household in the empire)

    @property
    def steps_to_magistrate(self) -> int:
        """The prescribed chain: from the household through each head to the magistrate."""
        return len(self.chain) + 1

    @property
    def reporter(self) -> int | None:
        """The household that reported this time (empire id), if anybody did."""
        first = next((s for s in self.result.trace if s.kind == "report"), None)
        return None if first is None or not isinstance(first.actor, int) else first.actor + self.offset


def offence_for(regime: RegimeSpec) -> str:
    """A tax default where the regime deals with one; otherwise the regime's first offence."""
    return "tax-default" if "tax-default" in regime.offences else regime.offences[0]


def ordinary_household(empire: Empire, near: int) -> int:
    """A household of ``near``'s smallest unit that leads nothing this year (else ``near``)."""
    h = empire.hierarchy
    members = h.members(0, h.unit_of(near, 0))
    leading = np.zeros(members.shape[0], dtype=bool)
    for k, lv in enumerate(h.levels):
        leading |= np.isin(members, h.leaders(k)[lv.unit_of[members]])
        if lv.heads:
            leading |= np.isin(members, lv.heads.households[np.isin(lv.heads.households, members)])
    free = members[~leading]
    return int(free[0]) if free.size else int(near)


def play_incident(empire: Empire, county: int, household: int | None = None, offence: str | None = None,
                  response: Response | str = Response.REPORTED) -> EmpireIncident:
    """An offence in one county, played on its top-level unit only (a li, a pao, a tsu)."""
    h = empire.hierarchy
    first, end = int(empire.county_start[empire._check_county(county)]), int(empire.county_start[county + 1])
    if household is None:
        household = ordinary_household(empire, first + (end - first) // 2)
    if not first <= household < end:
        raise EmpireError(msg("empire.household.outside",
                              "Household {household} is not in county {county}: choose one from {first} to {last}.",
                              household=household, county=county + 1, first=first, last=end - 1))
    top = len(h.levels) - 1
    unit = h.unit_of(household, top)
    members = h.members(top, unit)
    lo, hi = int(members.min()), int(members.max()) + 1
    part = empire.population.slice(lo, hi)
    local = group(part, h.regime, year=h.year)
    local.label_offset = lo
    result = simulate(local, Incident(household - lo, offence or offence_for(h.regime), response))
    chain = []
    for level, _unit, leader in local.reporting_chain(household - lo):
        chain.append((level, h.unit_of(household, level), leader + lo))
    return EmpireIncident(county, household, lo, hi - lo, result, chain)


def figures(empire: Empire, incident: EmpireIncident | None = None) -> list[reg.Figure]:
    """The numbers of the face, each documented, derived or illustrative."""
    F, S = reg.Figure, reg.Status
    hh, counties = empire.household_count, empire.counties
    out = [
        F("li", msg("empire.figure.li", "Li (hundreds) in the registers of 1461"), empire.registered_li,
          S.DOCUMENTED, reg.register_sources(), reg.HALF_LI_NOTE),
        F("households", msg("empire.figure.households", "Households in those li"), hh, S.DERIVED,
          reg.register_sources(), reg.HALF_LI_NOTE),
        F("counties", msg("empire.figure.counties", "Counties, each under one magistrate"), counties,
          S.DOCUMENTED, reg.county_sources(), reg.COUNTIES_NOTE),
        F("households-per-magistrate", msg("empire.figure.per-magistrate", "Households per magistrate"),
          round(hh / counties), S.DERIVED, reg.register_sources() + reg.county_sources(), reg.COUNTIES_NOTE),
        F("li-per-county", msg("empire.figure.li-per-county", "Li in a county, on average"),
          round(empire.registered_li / counties, 1), S.DERIVED, reg.register_sources() + reg.county_sources(),
          reg.SPREAD_NOTE),
        F("largest-county", msg("empire.figure.largest-county", "Households in the largest county"),
          int(empire.households_per_county.max()), S.ILLUSTRATIVE, (), reg.SPREAD_NOTE),
    ]
    levels = heads_needed(empire.regime, empire.households_per_county)
    for spec, lv in zip(empire.regime.levels, levels):
        if lv.title:
            out.append(F(f"heads-{lv.level}", msg("empire.figure.heads-level", "{title}, one per {level}, serving "
                                                   "in {year}", title=lv.title, level=spec.name.said() if spec.name.romanized else spec.id,
                                                   year=empire.hierarchy.year),
                         lv.heads, S.DERIVED, spec.sources))
    pool = empire.hierarchy.levels[-1].heads
    if pool:
        out.append(F("leading-households", msg("empire.figure.leading", "Leading households taking turns as lizhang"),
                     int(pool.households.shape[0]), S.DERIVED, empire.regime.levels[-1].sources,
                     msg("empire.figure.leading.note", "One of each li's ten serves each year, so each serves "
                                                       "once in ten years; the one-year turn is illustrative.")))
    total = sum(lv.heads for lv in levels)
    out.append(F("heads-per-magistrate", msg("empire.figure.heads-per-magistrate",
                                             "Village heads serving for each magistrate"),
                 round(total / counties), S.DERIVED, reg.county_sources()))
    if incident is not None:
        out.append(F("steps", msg("empire.figure.steps", "Steps from a household to the magistrate"),
                     incident.steps_to_magistrate, S.DERIVED, empire.regime.sources,
                     msg("empire.figure.steps.note", "The same few steps at every scale: the chain is as long "
                                                     "in a county of 100 households as in one of 20,000.")))
    return out


def answering_figures(empire: Empire, county: int) -> list[reg.Figure]:
    """Who answers for one household's hidden default (or the regime's offence), as figures."""
    households, people = answering(empire, county)
    rules = empire.regime.liability.neighbours_on_concealment
    status = reg.Status.DERIVED if rules.documented else reg.Status.ILLUSTRATIVE
    unit = empire.regime.liability.collective_level
    return [
        reg.Figure("answering-households", msg("empire.figure.answering", "Households that answer for one "
                                                "household's hidden {offence}",
                                                offence=Phrase(get_offence(offence_for(empire.regime)).label)),
                   households, status, rules.sources,
                   msg("empire.figure.answering.note", "Every household of the offender's {unit} answers when "
                                                       "the silence is found out.", unit=_unit_name(empire, unit))),
        reg.Figure("answering-people", msg("empire.figure.answering-people", "People in those households"),
                   people, reg.Status.ILLUSTRATIVE, (),
                   msg("empire.figure.answering-people.note", "Household sizes are generated (illustrative).")),
    ]


def answering(empire: Empire, county: int, household: int | None = None) -> tuple[int, int]:
    """(households, people) made to answer when one household's default is hidden and found out."""
    regime = empire.regime
    offence = offence_for(regime)
    inc = play_incident(empire, county, household, offence, Response.CONCEALED)
    return inc.result.outcome.liable_households, inc.result.outcome.liable_people



def report(empire: Empire, county: int | None = None) -> dict:
    """Everything the CLI and the face's numbers panel show, as plain data."""
    county = empire.counties // 2 if county is None else empire._check_county(county)
    incident = play_incident(empire, county)
    liable_households, liable_people = answering(empire, county)
    o = incident.result.outcome
    structure = empire.structure(county)
    return {
        "year": empire.hierarchy.year,
        "regime": empire.regime.id,
        "title": empire.regime.title,
        "counties": empire.counties,
        "households": empire.household_count,
        "registered_li": empire.registered_li,
        "half_li": {"county": empire.half_li[0], "first_household": empire.half_li[1],
                    "households": reg.HALF_LI_HOUSEHOLDS, "note": reg.HALF_LI_NOTE.render()},
        "levels": [{"id": lv.spec.id, "name": lv.spec.name.display(), "units": lv.count,
                    "incomplete_units": lv.partial_units} for lv in empire.hierarchy.levels],
        "figures": [f.as_json() for f in figures(empire, incident)],
        "compare": compare_heads(empire),
        "county": {"index": county, "number": county + 1, "households": int(empire.households_per_county[county]),
                   "structure": structure.id, "structure_title": structure.title,
                   "tiers": [t.display() for t in structure.tiers], "note": reg.STRUCTURE_NOTE.render()},
        "incident": {"offence": offence_for(empire.regime),
                     "offence_label": get_offence(offence_for(empire.regime)).label, "response": "reported", "household": incident.household,
                     "chain": [{"level": empire.hierarchy.levels[lv].spec.id, "unit": unit, "leader": leader}
                               for lv, unit, leader in incident.chain],
                     "steps_to_magistrate": incident.steps_to_magistrate,
                     "reporter": incident.reporter, "steps_this_time": o.steps_to_government,
                     "narration": [s.narration for s in incident.result.trace]},
        "answering": {"offence": offence_for(empire.regime), "response": "concealed",
                      "households": liable_households, "people": liable_people,
                      "note": msg("empire.answering.note",
                                  "When a default is hidden and found out, every household of the {unit} answers "
                                  "for it; how many people that is depends on household sizes (illustrative).",
                                  unit=_unit_name(empire, empire.regime.liability.collective_level)).render()},
    }


def _unit_name(empire, level_id: str):
    """A level inside a sentence: its characters in Chinese, its romanized name in English."""
    try:
        return empire.regime.levels[empire.regime.level(level_id)].name.said()
    except ValueError:
        return level_id

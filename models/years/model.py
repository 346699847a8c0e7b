"""A village over the years: one run of the years model, vectorised over households.

Each simulated year (see ``docs/years-model-card.md`` for the basis of every step):

1. **offend** — each household offends with the base rate, lowered by deterrence: the
   punishment it expects (the chance its unit reports or the authorities discover the
   offence, times the severity the regime's rules give);
2. **observe / report** — the other households of the offender's smallest unit see it with
   the observation probability and report it or keep silent: collective liability and the
   risk of discovery push towards reporting, rewards pull towards it, kinship pulls
   towards silence, low trust in the state away from it; an offender may confess first;
3. **heads** pass the report on (or not) up the chain to the government;
4. **conceal / discover** — an offence nobody reports may still come to light; then the
   offender is punished more heavily and, under collective liability, every other
   household of the collective unit with him;
5. **register errors** and **false reports** put innocents in an offender's place;
6. **trust** in neighbours and in the state wears down and recovers; a punished unit with
   low trust in the state and enough trust among its members **closes ranks**.

All randomness comes from a generator seeded by (seed, repetition, year) that draws one
block of uniforms per household of the village; a pair (witness, offender) combines
the two households' draws. So the same village under two regimes, or at two values of a
parameter, sees the same draws: differences come from the rules, not from luck.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..messages import msg
from ..propagation import MAX_SEVERITY
from .parameters import Resolved
from .village import PreparedVillage

#: The outputs of one year, in column order.
OUTPUTS = ("offences", "share_reported", "share_discovered", "guilty_punished", "innocents_punished",
           "neighbours_punished", "rewards", "trust_neighbours", "trust_state", "share_closed")
#: What each output means, for a chart's axis or a table's heading.
OUTPUT_LABELS = {
    "offences": msg("years.output.offences", "Offences"),
    "share_reported": msg("years.output.share_reported", "Share of offences reported"),
    "share_discovered": msg("years.output.share_discovered", "Share concealed, then discovered"),
    "guilty_punished": msg("years.output.guilty_punished", "Offenders punished"),
    "innocents_punished": msg("years.output.innocents_punished", "Innocents punished"),
    "neighbours_punished": msg("years.output.neighbours_punished", "Neighbours punished collectively"),
    "rewards": msg("years.output.rewards", "Rewards given"),
    "trust_neighbours": msg("years.output.trust_neighbours", "Trust in the neighbours"),
    "trust_state": msg("years.output.trust_state", "Trust in the state"),
    "share_closed": msg("years.output.share_closed", "Share of units closing ranks"),
}
COUNTS = ("offences", "guilty_punished", "innocents_punished", "neighbours_punished", "rewards")
_STREAMS = 12
(_OFFEND, _CONFESS, _DETECT, _ERROR, _TARGET, _FALSE, _ACCUSE, _SEE, _TELL, _PASS, _PAIR_SEE,
 _PAIR_TELL) = range(_STREAMS)
_SALT = 0x59454152  # "YEAR"


@dataclass
class YearSeries:
    """One run: ``values[year, output]`` with the outputs in :data:`OUTPUTS` order."""

    values: np.ndarray

    def column(self, name: str) -> np.ndarray:
        return self.values[:, OUTPUTS.index(name)]

    @property
    def years(self) -> int:
        return int(self.values.shape[0])


def _frac(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(a + b) mod 1: uniform, and independent of a for every fixed b (a pair's own draw)."""
    s = a + b
    return s - (s >= 1.0)


def simulate(village: PreparedVillage, p: Resolved, years: int, seed: int = 0, repetition: int = 0,
             start_year: int | None = None) -> YearSeries:
    """Run the village for ``years`` years; deterministic for the same arguments."""
    n = village.size
    watch, collective = village.watch, village.collective
    rules = village.regime.liability
    start_year = village.regime.start_year if start_year is None else start_year
    sev_reported = rules.reported.severity
    sev_concealed = rules.concealed.severity
    collective_on = p.collective_severity > 0
    p_disc = p.outside_detection * p.discovery_probability  # an unreported offence comes out
    pressure = p.liability_pull * (p.collective_severity / MAX_SEVERITY) * p_disc if collective_on else 0.0
    reward_on = p.reward > 0
    base_report = p.report_duty + pressure + p.reward_pull * p.reward
    sizes = watch.sizes
    others = np.maximum(sizes - 1, 0)
    has_neighbour = sizes > 1
    trust_nb = np.full(n, p.trust_neighbours_start)
    trust_st = np.full(n, p.trust_state_start)
    closed = np.zeros(watch.count, dtype=bool)
    grievance = np.zeros(watch.count)
    out = np.zeros((years, len(OUTPUTS)))
    ids = None if village.everyone_in_scope else village.households
    nb_room = max(1e-9, 1.0 - p.trust_neighbours_start)
    for t in range(years):
        draws = np.random.default_rng([seed & 0xFFFFFFFF, repetition, t, _SALT]).random(
            (_STREAMS, village.village_households))
        if ids is not None:
            draws = draws[:, ids]
        chain = village.chain_length(start_year + t)
        p_pass = p.head_pass ** chain
        steps_reported = chain + 1  # every head copies the record, then the yamen clerk
        # -- what a would-be offender expects: unit by unit ---------------------------------
        willing = np.clip(base_report + (trust_st - p.trust_state_start), 0.0, 1.0)
        unit_willing = np.bincount(watch.of, weights=willing, minlength=watch.count) / sizes
        unit_willing[closed] = 0.0
        p_report_unit = (1.0 - (1.0 - p.observation_probability * unit_willing) ** others) * p_pass
        expected = (p_report_unit * sev_reported + (1.0 - p_report_unit) * p_disc * sev_concealed) / MAX_SEVERITY
        p_offend = p.offence_rate * np.clip(1.0 - p.deterrence * expected, 0.0, 1.0)
        offenders = np.flatnonzero(draws[_OFFEND] < p_offend[watch.of])
        unit_o = watch.of[offenders]
        k = offenders.shape[0]
        open_o = ~closed[unit_o]
        caught = p_report_unit[unit_o] + (1.0 - p_report_unit[unit_o]) * p_disc
        confessed = open_o & (draws[_CONFESS][offenders] < p.self_report * caught)
        # -- witnesses: every other member of the offender's smallest unit ---------------------
        which, witness = watch.expand(unit_o)
        offender_of = offenders[which]
        keep = witness != offender_of
        which, witness, offender_of = which[keep], witness[keep], offender_of[keep]
        seen = _frac(draws[_SEE][witness], draws[_PAIR_SEE][offender_of]) < p.observation_probability
        kin = village.family[witness] == village.family[offender_of]
        p_tell = np.clip(willing[witness] - p.kin_silence * kin, 0.0, 1.0)
        told = seen & open_o[which] & (_frac(draws[_TELL][witness], draws[_PAIR_TELL][offender_of]) < p_tell)
        reported_by_neighbour = np.bincount(which[told], minlength=k) > 0
        by_kin = np.bincount(which[told & kin], minlength=k) > 0
        made = (confessed | reported_by_neighbour) & open_o
        passed = made & (draws[_PASS][offenders] < p_pass)
        discovered = ~passed & (draws[_DETECT][offenders] < p_disc)
        # -- the record: each copying may name another household of the unit ------------------
        steps = np.where(passed, steps_reported, 1)
        wrong = (passed | discovered) & has_neighbour[unit_o] & (
            draws[_ERROR][offenders] < 1.0 - (1.0 - p.register_error_rate) ** steps)
        innocents = _another_member(watch, unit_o[wrong], offenders[wrong], draws[_TARGET][offenders[wrong]])
        guilty = int(np.count_nonzero((passed | discovered) & ~wrong))
        # -- collective punishment of the silent unit ------------------------------------------
        neighbours_hit = np.zeros(0, dtype=np.int64)
        if collective_on and discovered.any():
            d_off = offenders[discovered]
            d_which, members = collective.expand(collective.of[d_off])
            neighbours_hit = members[members != d_off[d_which]]
        # -- false and spiteful accusations -----------------------------------------------------
        spite = np.clip((1.0 - trust_nb) / nb_room, 0.0, 3.0)
        p_false = p.false_report_rate * spite * (1.0 + p.reward)
        accusers = np.flatnonzero((draws[_FALSE] < p_false) & has_neighbour[watch.of] & ~closed[watch.of])
        accused = _another_member(watch, watch.of[accusers], accusers, draws[_ACCUSE][accusers])
        believed = draws[_PASS][accusers] < p_pass
        accused = accused[believed]
        # -- trust ------------------------------------------------------------------------------
        reported_o = offenders[reported_by_neighbour & passed]
        np.subtract.at(trust_nb, reported_o, p.report_hit * (1 + by_kin[reported_by_neighbour & passed]))
        np.subtract.at(trust_nb, accused, p.report_hit)
        wronged = np.concatenate([innocents, accused])
        np.subtract.at(trust_st, wronged, p.innocent_hit)
        if neighbours_hit.size:
            trust_st -= p.collective_hit * np.bincount(neighbours_hit, minlength=n)
        np.clip(trust_nb, 0.0, 1.0, out=trust_nb)
        np.clip(trust_st, 0.0, 1.0, out=trust_st)
        # -- closing ranks (Heckathorn's opposition norms: theory) -----------------------------
        punished_units = np.zeros(watch.count)
        if neighbours_hit.size:
            punished_units[np.unique(watch.of[neighbours_hit])] = 1.0
        grievance = grievance * (1.0 - p.trust_recovery) + punished_units
        mean_st = np.bincount(watch.of, weights=trust_st, minlength=watch.count) / sizes
        mean_nb = np.bincount(watch.of, weights=trust_nb, minlength=watch.count) / sizes
        closing = (mean_st < p.closure_threshold) & (grievance >= 1.5) & (mean_nb >= p.cohesion_threshold)
        closed = closing | (closed & (mean_st < p.closure_threshold + 0.1))
        closed &= has_neighbour
        # -- the year's figures ------------------------------------------------------------------
        row = out[t]
        row[0] = k
        row[1] = np.count_nonzero(passed) / k if k else np.nan
        row[2] = np.count_nonzero(discovered) / k if k else np.nan
        row[3] = guilty
        row[4] = innocents.shape[0] + accused.shape[0]
        row[5] = neighbours_hit.shape[0]
        row[6] = (np.count_nonzero(reported_by_neighbour & passed) + accused.shape[0]) if reward_on else 0
        row[7] = trust_nb.mean()
        row[8] = trust_st.mean()
        row[9] = closed.mean()
        # -- memory fades: a share of lost trust comes back ------------------------------------
        trust_nb += p.trust_recovery * (p.trust_neighbours_start - trust_nb)
        trust_st += p.trust_recovery * (p.trust_state_start - trust_st)
    return YearSeries(out)


def _another_member(units, unit: np.ndarray, household: np.ndarray, u: np.ndarray) -> np.ndarray:
    """A uniformly chosen other member of each household's unit (callers exclude units of one).

    Members are stored in ascending order, so drawing one of the other ``size - 1`` places
    and stepping over the household's own place is a uniform choice among the others.
    """
    if unit.size == 0:
        return np.zeros(0, dtype=np.int64)
    others = units.sizes[unit] - 1
    pick = np.minimum((u * others).astype(np.int64), others - 1)
    start = units.offsets[unit]
    candidate = units.members[start + pick]
    return np.where(candidate >= household, units.members[start + pick + 1], candidate)


__all__ = ["COUNTS", "OUTPUTS", "OUTPUT_LABELS", "YearSeries", "simulate"]

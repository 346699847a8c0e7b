"""Incidents: how a report travels up a hierarchy, and how collective liability falls.

``simulate(hierarchy, incident, parameters)`` plays one offence through a grouped village
and answers with a :class:`~ermu.models.trace.Trace` (observe, silent, conceal, report,
discover, record-error, punish, reward) and an :class:`Outcome` (who is liable, how
severely, and the rule that says so). Every rule comes from the regime's spec; the engine
knows no dynasty. The work is local to the offender's unit and its path to the top, so an
incident costs the same in a village of a thousand households as in one of a million.

Severity is an ordinal scale, 0 (none) to 4 (severe). The sources say who was punished,
and whether more or less severely, never by how much: the numbers are illustrative.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

import numpy as np

from .hierarchy import GOVERNMENT, Hierarchy
from .i18n import N_, _
from .messages import ErmuError, Message, Phrase, msg
from .names import PersonName
from .regimes.texts import said
from .offences import OFFENCES, get_offence
from .regimes.spec import Rule, Source
from .trace import Trace

MAX_SEVERITY = 4
#: Up to this many households punished together get a step each; more share one step.
INDIVIDUAL_STEPS = 12
REGISTER_ERROR_SOURCES = (Source("hsiao-1960", "75"), Source("qu-1988", "152"))


class IncidentError(ErmuError, ValueError):
    """An incident that cannot be played as asked; the message says what to choose instead."""


class Response(enum.StrEnum):
    SELF_REPORT = "self-report"
    REPORTED = "reported"
    CONCEALED = "concealed"

    @classmethod
    def parse(cls, value: "str | Response") -> "Response":
        try:
            return cls(value)
        except ValueError:
            raise IncidentError(msg("incident.error.response", "unknown response {value}: use one of self-report, "
                                    "reported, concealed", value=repr(value))) from None


@dataclass(frozen=True)
class Incident:
    offender: int  # the offending household (0-based id in the village)
    offence: str  # an id from models.offences
    response: Response | str
    scope: str | None = None  # widen collective punishment to this level (default: the regime's)
    discovered: bool = True  # for concealment: do the authorities ever learn of it?


@dataclass(frozen=True)
class Parameters:
    """Illustrative, teacher-adjustable parameters; None takes the regime's default."""

    observation_probability: float | None = None
    discovery_probability: float | None = None
    register_error_rate: float | None = None
    seed: int = 0


@dataclass(frozen=True)
class Liability:
    household: int
    severity: int
    role: str  # offender | neighbour | leader
    rule: Rule


@dataclass
class Outcome:
    liable: list[Liability] = field(default_factory=list)
    liable_people: int = 0
    steps_to_government: int | None = None  # hops until the government knows; None: never
    leaders_involved: int = 0
    rewarded: list[int] = field(default_factory=list)

    @property
    def liable_households(self) -> int:
        return len(self.liable)

    @property
    def reached_government(self) -> bool:
        return self.steps_to_government is not None

    def severity_of(self, household: int) -> int:
        return next((item.severity for item in self.liable if item.household == household), 0)


@dataclass
class IncidentResult:
    trace: Trace
    outcome: Outcome
    parameters_used: dict[str, tuple[float, bool]]  # name -> (value, documented)


def simulate(hierarchy: Hierarchy, incident: Incident, parameters: Parameters | None = None) -> IncidentResult:
    return _Run(hierarchy, incident, parameters or Parameters()).play()


class _Run:
    def __init__(self, h: Hierarchy, incident: Incident, params: Parameters) -> None:
        self.h, self.regime, self.rules = h, h.regime, h.regime.liability
        self.response = Response.parse(incident.response)
        self.offence = get_offence(incident.offence)
        if incident.offence not in self.regime.offences:
            allowed = ", ".join(self.regime.offences)
            raise IncidentError(msg("incident.error.offence", "the {regime} does not deal with {offence}: use one of "
                                    "{allowed}", regime=Phrase(self.regime.title), offence=Phrase(self.offence.label),
                                    allowed=allowed))
        self.offender = self._check_offender(incident.offender)
        self.scope_level = self._scope_level(incident.scope)
        self.discovered = incident.discovered
        r = self.rules
        self.p_observe = _probability(N_("observation probability"), params.observation_probability,
                                      r.observation_probability)
        self.p_discover = _probability(N_("discovery probability"), params.discovery_probability,
                                       r.discovery_probability)
        self.p_error = _probability(N_("register error rate"), params.register_error_rate, r.register_error_rate)
        offence_index = list(OFFENCES).index(self.offence.id)
        self.rng = np.random.default_rng([params.seed & 0xFFFFFFFF, self.offender, offence_index,
                                          list(Response).index(self.response)])
        self.trace = Trace(title=_("{regime}: {offence}").format(regime=_(self.regime.title),
                                                                  offence=_(self.offence.label)), seed=params.seed)
        self.outcome = Outcome()
        self.leaders: set[int] = set()
        self.used = {
            "observation_probability": (self.p_observe, False),
            "discovery_probability": (self.p_discover, False),
            "register_error_rate": (self.p_error, False),
        }

    # -- validation ----------------------------------------------------------------------
    def _check_offender(self, offender: int) -> int:
        n = self.h.household_count
        if isinstance(offender, bool) or not isinstance(offender, (int, np.integer)) or not 0 <= offender < n:
            raise IncidentError(msg("incident.error.household", "there is no household {household}: the village has "
                                    "households 0 to {last}", household=offender, last=n - 1))
        if not self.h.in_scope[offender]:
            raise IncidentError(msg("incident.error.outside", "household {household} lies outside the {regime} "
                                    "({scope})", household=offender, regime=Phrase(self.regime.title),
                                    scope=Phrase(self.regime.scope.text, "regime")))
        return int(offender)

    def _scope_level(self, scope: str | None) -> int:
        default = self.regime.level(self.rules.collective_level)
        if scope is None:
            return default
        level = self.regime.level(scope)
        if level < default:
            raise IncidentError(msg("incident.error.scope", "collective punishment under the {regime} reaches at least "
                                    "the whole {level}; choose it or a larger level", regime=Phrase(self.regime.title),
                                    level=self.regime.levels[default].id))
        return level

    # -- naming --------------------------------------------------------------------------
    def who(self, household: int) -> Message:
        hh = self.h.population[household]
        return msg("incident.who", "household {number} ({name})",
                   number=household + self.h.label_offset, name=PersonName(hh.head.name, hh.head.hanzi))

    def Who(self, household: int) -> Message:  # noqa: N802  (sentence start)
        hh = self.h.population[household]
        return msg("incident.who.start", "Household {number} ({name})",
                   number=household + self.h.label_offset, name=PersonName(hh.head.name, hh.head.hanzi))

    def _office_params(self, level: int, unit: int) -> dict:
        spec = self.h.leader_spec(level)
        name = self.h.levels[level].name(unit)
        unit_name = name.said() if (name.romanized or name.hanzi) else self.h.levels[level].spec.id
        title = (spec.title.said() if spec.title.romanized or spec.title.hanzi else spec.title.said("english")) \
            if spec else Phrase("head", "incident.office")
        return {"unit": unit_name, "title": title}

    def office(self, level: int, unit: int) -> Message:
        return msg("incident.office", "the {unit} head ({title})", **self._office_params(level, unit))

    def Office(self, level: int, unit: int) -> Message:  # noqa: N802  (sentence start)
        return msg("incident.office.start", "The {unit} head ({title})", **self._office_params(level, unit))

    def government(self) -> object:
        return self.regime.government.said("english")

    # -- the play ------------------------------------------------------------------------
    def play(self) -> IncidentResult:
        o = self.offender
        self.trace.add("offend", o, None, msg("incident.step.offend", "{who} {verb}.", who=self.Who(o),
                                              verb=Phrase(self.offence.verb)),
                       rule=self.offence.duty.value,
                       delay=0)
        observers = self._observe()
        if self.response is Response.SELF_REPORT:
            self._report(o, self.rules.self_report, True)
        elif self.response is Response.REPORTED:
            reporter = observers[0] if observers else self._nearest_neighbour()
            self._report(reporter, self.rules.reported, False)
        else:
            self._conceal(observers)
        self.outcome.liable.sort(key=lambda item: item.household)
        self.outcome.liable_people = self.h.population.people_in(i.household for i in self.outcome.liable)
        self.outcome.leaders_involved = len(self.leaders)
        return IncidentResult(self.trace, self.outcome, self.used)

    def _observe(self) -> list[int]:
        neighbours = self.h.neighbours(self.offender)
        seen = neighbours[self.rng.random(neighbours.shape[0]) < self.p_observe]
        unit = self.h.unit_of(self.offender)
        for i, n in enumerate(seen.tolist()):
            self.trace.add("observe", n, self.offender, msg("incident.step.observe", "{who} sees it.",
                                                            who=self.Who(n)), level=0,
                           rule=msg("incident.rule.observe", "Members of the same {unit} watch one another "
                                    "(observation probability {p}, illustrative).",
                                    unit=self.h.levels[0].name(unit).said(), p=f"{self.p_observe:.0%}"),
                           documented=False, delay=1 if i == 0 else 0)
        return seen.tolist()

    def _nearest_neighbour(self) -> int:
        neighbours = self.h.neighbours(self.offender)
        if neighbours.size == 0:
            raise IncidentError(msg("incident.error.no-neighbours", "{who} has no neighbours in its unit who could "
                                    "report it", who=self.who(self.offender)))
        nearest = int(neighbours[np.argmin(np.abs(neighbours - self.offender))])
        self.trace.add("observe", nearest, self.offender,
                       msg("incident.step.observe-nearest", "{who}, next door, sees it.", who=self.Who(nearest)),
                       level=0, rule=msg("incident.rule.nearest", "Nobody else noticed, so the nearest neighbour "
                                         "is the witness (illustrative)."),
                       documented=False)
        return nearest

    def _report(self, reporter: int, offender_rule: Rule, own: bool) -> None:
        """A report climbs the chain of leaders to the government; the offender is punished."""
        o = self.offender
        chain = [(lv, unit, leader) for lv, unit, leader in self.h.reporting_chain(reporter) if leader != reporter]
        holder = reporter
        recorded = o
        hops = 0
        if chain:
            to = msg("incident.to-leader", "{office}, {who}", office=self.office(chain[0][0], chain[0][1]),
                     who=self.who(chain[0][2]))
        else:
            to = msg("incident.to-government", "the {government}", government=self.government())
        told = (msg("incident.step.self-report", "{who} reports its own wrongdoing to {to}.",
                    who=self.Who(reporter), to=to) if own else
                msg("incident.step.report", "{who} reports it to {to}.", who=self.Who(reporter), to=to))
        self.trace.add("report", reporter, chain[0][2] if chain else GOVERNMENT, told,
                       rule=said(_first_obligation(self.regime)), sources=_obligation_sources(self.regime),
                       level=chain[0][0] if chain else None)
        hops += 1
        for i, (level, unit, leader) in enumerate(chain):
            self.leaders.add(leader)
            recorded = self._transcribe(leader, recorded, self.office(level, unit))
            nxt = chain[i + 1] if i + 1 < len(chain) else None
            target_text = (msg("incident.to-leader", "{office}, {who}", office=self.office(nxt[0], nxt[1]),
                               who=self.who(nxt[2])) if nxt
                           else msg("incident.to-government.named", "the {government} ({name})",
                                    government=self.government(), name=self.regime.government.said("display")))
            self.trace.add("report", leader, nxt[2] if nxt else GOVERNMENT,
                           msg("incident.step.pass-on", "{office}, {who}, passes the report to {to}.",
                               office=self.Office(level, unit), who=self.who(leader), to=target_text),
                           level=level,
                           rule=said(self.h.leader_spec(level).duty) if self.h.leader_spec(level) else "",
                           sources=self.h.levels[level].spec.sources)
            hops += 1
            holder = leader
        del holder
        recorded = self._transcribe(None, recorded, msg("incident.clerk", "the yamen clerk"))
        self.outcome.steps_to_government = hops
        self._punish_offender(recorded, offender_rule)
        if self.response is Response.REPORTED and self.rules.reward is not None:
            self.outcome.rewarded.append(reporter)
            self.trace.add("reward", GOVERNMENT, reporter,
                           msg("incident.step.reward", "The magistrate commends {who} for reporting promptly.",
                               who=self.who(reporter)),
                           rule=said(self.rules.reward.text), sources=self.rules.reward.sources)

    def _transcribe(self, clerk: int | None, recorded: int, who: Message) -> int:
        """Each copying of the record may go wrong (illustrative rate; the errors are documented)."""
        if self.p_error <= 0 or self.rng.random() >= self.p_error:
            return recorded
        candidates = [int(x) for x in self.h.members(0, self.h.unit_of(self.offender)) if int(x) != recorded]
        if not candidates:
            return recorded
        wrong = candidates[int(self.rng.integers(0, len(candidates)))]
        self.trace.add("record-error", clerk if clerk is not None else GOVERNMENT, wrong,
                       msg("incident.step.record-error", "Copying the record, {who} writes household {wrong} "
                           "instead of household {right}.", who=who, wrong=wrong + self.h.label_offset,
                           right=recorded + self.h.label_offset),
                       rule=msg("incident.rule.record-error", "Heads were often illiterate and clerks careless, "
                                "so register errors climbed the hierarchy (error rate {p} per copy, illustrative).",
                                p=f"{self.p_error:.0%}"),
                       sources=REGISTER_ERROR_SOURCES, documented=False, delay=0)
        return wrong

    def _conceal(self, observers: list[int]) -> None:
        o = self.offender
        self.trace.add("conceal", o, None, msg("incident.step.conceal", "{who} hides what it did.", who=self.Who(o)),
                       rule=said(self.rules.concealed.text),
                       sources=self.rules.concealed.sources, documented=self.rules.concealed.documented)
        unit = self.h.unit_of(o)
        leader0 = self.h.leader(0, unit)
        leader_spec = self.h.leader_spec(0)
        silent_leaders = []
        for i, n in enumerate(observers):
            is_leader = n == leader0 and leader_spec is not None and leader_spec.reports
            if is_leader:
                silent_leaders.append(n)
                self.leaders.add(n)
            text = (msg("incident.step.leader-silent", "{office}, {who}, saw it and does not report it.",
                        office=self.Office(0, unit), who=self.who(n))
                    if is_leader else msg("incident.step.silent", "{who} saw it and keeps silent.", who=self.Who(n)))
            self.trace.add("silent", n, o, text, level=0, delay=1 if i == 0 else 0,
                           rule=said((self.rules.leader_silence if is_leader else self.rules.neighbours_on_concealment).text))
        if leader0 is not None and leader0 != o and leader0 not in silent_leaders and leader_spec is not None \
                and leader_spec.reports:  # the head answers for his unit's reports, seen or not
            silent_leaders.append(leader0)
            self.leaders.add(leader0)
            self.trace.add("silent", leader0, o, msg("incident.step.no-report", "{office}, {who}, sends no report.",
                                                     office=self.Office(0, unit), who=self.who(leader0)),
                           level=0, rule=said(self.rules.leader_silence.text),
                           delay=0 if observers else 1)
        if not self.discovered or self.rng.random() >= self.p_discover:
            self.trace.add("conceal", None, o, msg("incident.step.never-known", "Nobody outside the unit ever "
                                                   "learns of it: no one is punished."),
                           rule=msg("incident.rule.never-known", "Concealment is never discovered (illustrative: "
                                    "discovery probability {p}).", p=f"{self.p_discover:.0%}"), documented=False)
            return
        self.trace.add("discover", GOVERNMENT, o,
                       msg("incident.step.discover", "The {government} learns of the {offence} and of the silence.",
                           government=self.government(), offence=Phrase(self.offence.label)),
                       rule=msg("incident.rule.discover", "The authorities find out later (discovery probability "
                                "{p}, illustrative).", p=f"{self.p_discover:.0%}"), documented=False)
        self.outcome.steps_to_government = 1
        self._punish_offender(self._transcribe(None, o, msg("incident.clerk", "the yamen clerk")),
                              self.rules.concealed)
        scope_unit = self.h.unit_of(o, self.scope_level)
        members = self.h.members(self.scope_level, scope_unit)
        already = {item.household for item in self.outcome.liable}
        others = [n for n in members.tolist() if n != o and n not in already]
        one_by_one = len(others) <= INDIVIDUAL_STEPS
        for i, n in enumerate(others):
            rule = self.rules.leader_silence if n in silent_leaders else self.rules.neighbours_on_concealment
            role = "leader" if n in silent_leaders else "neighbour"
            if one_by_one or role == "leader":
                self._punish(n, rule.severity, role, rule, announce=i == 0)
            else:  # hundreds of households: one step names them all, the outcome lists each
                self.outcome.liable.append(Liability(n, rule.severity, role, rule))
        if members.shape[0] > 1:
            scope_name = self.h.levels[self.scope_level].name(scope_unit).said()
            rule = self.rules.neighbours_on_concealment
            count = int(members.shape[0])
            told = (msg("incident.step.all-answer", "Every household of the {unit}, {count} in all, answers for "
                        "the silence.", unit=scope_name, count=count) if one_by_one else
                    msg("incident.step.all-answer.severity", "Every household of the {unit}, {count} in all, answers "
                        "for the silence (severity {severity} of {most}).", unit=scope_name, count=count,
                        severity=rule.severity, most=MAX_SEVERITY))
            self.trace.add("punish", GOVERNMENT, None if one_by_one else "many", told,
                           rule=said(rule.text), sources=rule.sources, documented=rule.documented, delay=0,
                           level=self.scope_level, households=[] if one_by_one else others)

    def _punish_offender(self, recorded: int, rule: Rule) -> None:
        severity = rule.severity
        unregistered = not self.h.population[recorded].registered and self.rules.unregistered is not None
        if unregistered:
            severity = min(MAX_SEVERITY, severity + self.rules.unregistered.severity)
        role = "offender" if recorded == self.offender else "neighbour"
        self._punish(recorded, severity, role, rule, unregistered=unregistered, wrong=recorded != self.offender)

    def _punish(self, household: int, severity: int, role: str, rule: Rule, *, unregistered: bool = False,
                announce: bool = True, wrong: bool = False) -> None:
        self.outcome.liable.append(Liability(household, severity, role, rule))
        if wrong:
            text = msg("incident.step.punish-wrong", "The register names {who}, so it is punished in the "
                       "offender's place (severity {severity} of {most}).", who=self.who(household),
                       severity=severity, most=MAX_SEVERITY)
        elif unregistered:
            text = msg("incident.step.punish-unregistered", "{who} is punished (severity {severity} of {most}). "
                       "It is not on the register, which makes it worse.", who=self.Who(household),
                       severity=severity, most=MAX_SEVERITY)
        else:
            text = msg("incident.step.punish", "{who} is punished (severity {severity} of {most}).",
                       who=self.Who(household), severity=severity, most=MAX_SEVERITY)
        self.trace.add("punish", GOVERNMENT, household, text, rule=said(rule.text), sources=rule.sources,
                       documented=rule.documented, delay=1 if announce else 0, severity=severity, role=role)


def _probability(name: str, value: float | None, default: float) -> float:
    value = default if value is None else float(value)
    if not 0.0 <= value <= 1.0:
        raise IncidentError(msg("incident.error.probability", "the {name} must be between 0 and 1, not {value}",
                                name=Phrase(name), value=value))
    return value


def _first_obligation(regime) -> str:
    return regime.obligations[0].text if regime.obligations else ""


def _obligation_sources(regime) -> tuple[Source, ...]:
    return regime.obligations[0].sources if regime.obligations else ()


# -- comparison -------------------------------------------------------------------------
@dataclass(frozen=True)
class ComparisonRow:
    regime_id: str
    title: str
    liable_households: int | None
    liable_people: int | None
    steps_to_government: int | None
    leaders_involved: int | None
    error: str | None = None


def compare(population, regime_ids: list[str], incident: Incident,
            parameters: Parameters | None = None, *, hierarchies: dict | None = None) -> list[ComparisonRow]:
    """The same village and incident under several regimes, one row each.

    ``hierarchies`` may hold groupings already made (by regime id), so a caller that has
    grouped the village does not group it again."""
    from .hierarchy import group
    from .regimes import get_regime

    rows = []
    for regime_id in regime_ids:
        regime = get_regime(regime_id)
        try:
            hierarchy = (hierarchies or {}).get(regime_id) or group(population, regime)
            result = simulate(hierarchy, incident, parameters)
        except ValueError as exc:
            rows.append(ComparisonRow(regime.id, regime.title, None, None, None, None, str(exc)))
            continue
        o = result.outcome
        rows.append(ComparisonRow(regime.id, regime.title, o.liable_households, o.liable_people,
                                  o.steps_to_government, o.leaders_involved))
    return rows

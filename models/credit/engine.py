"""A citizen's year under one scheme: score timeline, list entries, effects, and a Trace.

:func:`simulate_year` plays a stream of events (:mod:`.events`) month by month:

* score schemes (``commercial``, ``pilot``): each behaviour adds its (illustrative)
  points; at the end of the month the score is updated once, kept within the scheme's
  range, and every threshold crossed gains or loses benefits, restrictions and lists;
* ``national``: a behaviour with a list effect enters the citizen on that list; each
  list sets off its joint punishments (or rewards) across agencies; effects on children
  fall on the household's children.

List exits (illustrative, as the sources give no rules): an entry with a duration
(``params.list_months``) expires after it; a blacklist entry (duration 0) stays until an
appeal is granted, and an appeal is granted once the cause has been put right (e.g. the
court order obeyed). The red list comes with enough volunteer hours in the year.

Every step of the returned :class:`~models.trace.Trace` has kind ``behaviour``,
``score-change``, ``list-entry``, ``list-exit``, ``restriction``, ``benefit`` or
``appeal``, a narration, the rule, its sources and whether it is documented.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..messages import Phrase, msg
from ..names import PersonName
from ..trace import Trace
from .appeal import APPEAL_CLAIM, appeal_outcome, count_characters
from .behaviours import BEHAVIOURS
from .citizen import Citizen
from .effects import FallsOn, Granted, Standing
from .events import MONTHS, Event, generate_events
from .evidence import Evidence, src, thesis
from .lists import LISTS, most_severe
from .parameters import DEFAULT_PARAMETERS, CreditParameters
from .schemes import Scheme, get_scheme
from .texts import END_EXPIRED, END_GRANTED, RULE_APPEAL, RULE_MONTHLY, Said


@dataclass(frozen=True)
class MonthRecord:
    month: int
    score: int | None
    standing: Standing


@dataclass
class Membership:
    list_id: str
    start: int  # month entered
    reason: str  # behaviour id, or "score"
    end: int | None = None  # month left (None: still listed)
    end_reason: str = ""  # why it ended, in words; "score" for score-based lists


@dataclass
class CreditYear:
    scheme: Scheme
    citizen: Citizen
    events: tuple[Event, ...]
    start_score: int | None
    months: list[MonthRecord] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    trace: Trace = field(default_factory=Trace)

    @property
    def final(self) -> Standing:
        return self.months[-1].standing

    def scores(self) -> list[int | None]:
        """The score at the end of each month (None under the national scheme)."""
        return [m.score for m in self.months]

    def listed(self, month: int | None = None) -> list[str]:
        """Lists the citizen is on at the end of ``month`` (default: the last)."""
        return list(self.months[(month or len(self.months)) - 1].standing.lists)

    def to_json(self) -> dict[str, Any]:
        return {
            "scheme": self.scheme.id,
            "citizen": {"id": self.citizen.id, "name": self.citizen.name, "hanzi": self.citizen.person.hanzi,
                        "age": self.citizen.person.age, "household": self.citizen.household.id},
            "start_score": self.start_score,
            "months": [{"month": m.month, "score": m.score, "grade": m.standing.grade,
                        "lists": list(m.standing.lists)} for m in self.months],
            "memberships": [{"list": x.list_id, "start": x.start, "end": x.end, "reason": x.reason}
                            for x in self.memberships],
            "final": self.final.to_json(),
            "trace": self.trace.to_json(),
        }


def simulate_year(citizen: Citizen, scheme_id: str = "pilot", events: Iterable[Event] | None = None, *,
                  seed: int = 0, params: CreditParameters = DEFAULT_PARAMETERS,
                  start_score: int | None = None) -> CreditYear:
    """Play ``events`` (default: a year drawn from ``seed``) for ``citizen`` under one scheme."""
    scheme = get_scheme(scheme_id, params)
    if events is None:
        events = generate_events(seed, params=params, scheme_id=scheme_id)
    events = tuple(sorted(events, key=lambda e: e.month))
    if scheme.has_score:
        default = params.commercial_start if scheme.id == "commercial" else params.pilot_base
        score: int | None = scheme.check_score(default if start_score is None else start_score)
    else:
        score = None
    title = msg("credit.trace.title", "{name}'s year: {scheme}",
                name=PersonName(citizen.person.name, citizen.person.hanzi), scheme=Phrase(scheme.title))
    year = CreditYear(scheme, citizen, events, score, trace=Trace(title=str(title), seed=seed))
    _Player(year, params).play()
    return year


class _Player:
    def __init__(self, year: CreditYear, params: CreditParameters) -> None:
        self.y, self.p, self.s, self.t = year, params, year.scheme, year.trace
        self.who = year.citizen.id
        self.name = year.citizen.name
        self.said_name = PersonName(year.citizen.person.name, year.citizen.person.hanzi)
        self.score = year.start_score
        self.hours = 0
        self.remedied: set[str] = set()  # lists whose cause has been put right
        self.pending: list[tuple[int, str]] = []  # (decision month, list id)
        self.standing = self._standing()

    def _standing(self) -> Standing:
        if self.s.has_score:
            return self.s.standing(self.score)  # type: ignore[arg-type]
        return self.s.standing_for_lists(m.list_id for m in self.y.memberships if m.end is None)

    def _open(self, list_id: str) -> Membership | None:
        return next((m for m in self.y.memberships if m.list_id == list_id and m.end is None), None)

    def play(self) -> None:
        for month in range(1, MONTHS + 1):
            delta = 0
            for event in (e for e in self.y.events if e.month == month):
                delta += self._appeal(event) if event.appeal is not None else self._behaviour(event)
            if self.s.has_score:
                self._rescore(month, delta)
            else:
                self._expire(month)
            self._decide(month)
            self._diff(month)
            self.y.months.append(MonthRecord(month, self.score, self.standing))

    # -- events ---------------------------------------------------------------------------
    def _behaviour(self, event: Event) -> int:
        b = BEHAVIOURS[event.behaviour]  # type: ignore[index]
        times = ("" if event.count <= 1 else
                 msg("credit.behaviour.hours", " ({n} hours)", n=event.count) if b.unit == "hour" else
                 msg("credit.behaviour.times", " ({n} times)", n=event.count))
        points = self.p.points(self.s.id).get(b.id, 0) * event.count if self.s.has_score else 0
        if b.friend_rule and not self.p.friend_rule:
            points = 0
        effect = (msg("credit.behaviour.worth", " Worth {points} points under Ermu's illustrative values.",
                      points=f"{points:+d}") if points else "")
        said = msg("credit.behaviour", "Month {month}: {name} {behaviour}{times}.{effect}", month=event.month,
                   name=self.said_name, behaviour=Phrase(b.label), times=times, effect=effect)
        self.t.add("behaviour", self.who, None, said,
                   rule=b.claim.text, sources=b.claim.sources,
                   documented=b.claim.evidence is not Evidence.CONTESTED, month=event.month,
                   behaviour=b.id, count=event.count, points=points, evidence=b.claim.evidence.value)
        if not self.s.has_score:
            self._national(event, b)
        return points

    def _national(self, event: Event, b) -> None:
        if b.remedies and self._open(b.remedies):
            self.remedied.add(b.remedies)
        if b.id == "volunteer":
            self.hours += event.count
            if self.hours < self.p.red_list_hours:
                return
        if b.national_list and not self._open(b.national_list):
            self.y.memberships.append(Membership(b.national_list, event.month, b.id))
            self.remedied.discard(b.national_list)

    def _appeal(self, event: Event) -> int:
        target = most_severe(self.standing.lists)
        if target is None:
            text = msg("credit.appeal.no-list", "Month {month}: {name} files a dispute, but is on no negative list; "
                       "nothing changes.", month=event.month, name=self.said_name)
        else:
            months = self.p.appeal_review_months
            self.pending.append((event.month + months, target))
            text = msg("credit.appeal.filed", "Month {month}: {name} disputes the {list} entry on the correction "
                       "form ({characters} characters); a decision is due in month {due} (illustrative).",
                       month=event.month, name=self.said_name, list=LISTS[target].name.said("english"),
                       characters=f"{count_characters(event.appeal or ''):,}", due=event.month + months)
        self.t.add("appeal", self.who, "credit-china", text, rule=APPEAL_CLAIM.text, sources=APPEAL_CLAIM.sources,
                   documented=True, month=event.month, list=target)
        return 0

    # -- month end ------------------------------------------------------------------------
    def _rescore(self, month: int, delta: int) -> None:
        if not delta:
            return
        old, self.score = self.score, self.s.clamp(self.score + delta)  # type: ignore[operator]
        clamp = ("" if self.score - old == delta else
                 msg("credit.score.ceiling", " (held at the scheme's ceiling)") if delta > 0 else
                 msg("credit.score.floor", " (held at the scheme's floor)"))
        sources = (src("kostka-2019", 5), thesis("section 4.2")) if self.s.id == "commercial" else ()
        self.t.add("score-change", self.s.id, self.who,
                   msg("credit.score", "End of month {month}: {name}'s score goes from {old} to {new}{clamp}.",
                       month=month, name=self.said_name, old=f"{old:,}", new=f"{self.score:,}", clamp=clamp),
                   rule=RULE_MONTHLY,
                   sources=sources, documented=False, month=month, before=old, after=self.score,
                   grade=self.s.grade(self.score) if self.s.grades else None)  # type: ignore[arg-type]

    def _expire(self, month: int) -> None:
        for m in self.y.memberships:
            months = self.p.list_months.get(m.list_id, 0)
            if m.end is None and months and month >= m.start + months:
                m.end, m.end_reason = month, END_EXPIRED

    def _decide(self, month: int) -> None:
        for due, list_id in [x for x in self.pending if x[0] == month]:
            self.pending.remove((due, list_id))
            membership = self._open(list_id)
            if membership is None:
                continue
            remedied = list_id in self.remedied if not self.s.has_score else False
            outcome = appeal_outcome(LISTS[list_id].name.said("english"), remedied, month)
            if not outcome.upheld:
                membership.end, membership.end_reason = month, END_GRANTED
            self.t.add("appeal", "credit-china", self.who, outcome.narration, rule=RULE_APPEAL,
                       documented=False, month=month, list=list_id, upheld=outcome.upheld)

    def _diff(self, month: int) -> None:
        old, self.standing = self.standing, self._standing()
        if self.s.has_score:
            self._sync_score_lists(month, old)
        for list_id in old.lists:
            if list_id not in self.standing.lists:
                self._list_step("list-exit", month, list_id)
        for list_id in self.standing.lists:
            if list_id not in old.lists:
                self._list_step("list-entry", month, list_id)
        before = {g.effect.id for g in old.benefits + old.restrictions}
        after = {g.effect.id for g in self.standing.benefits + self.standing.restrictions}
        for g in old.benefits + old.restrictions:
            if g.effect.id not in after:
                self._effect_step(month, g, gained=False)
        for g in self.standing.benefits + self.standing.restrictions:
            if g.effect.id not in before:
                self._effect_step(month, g, gained=True)

    def _sync_score_lists(self, month: int, old: Standing) -> None:
        for list_id in self.standing.lists:
            if not self._open(list_id):
                self.y.memberships.append(Membership(list_id, month, "score"))
        for m in self.y.memberships:
            if m.end is None and m.list_id not in self.standing.lists:
                m.end, m.end_reason = month, "score"

    def _list_step(self, kind: str, month: int, list_id: str) -> None:
        c = LISTS[list_id]
        entered = kind == "list-entry"
        name, shown = self.said_name, c.name.said("english")
        if self.s.has_score:
            t = next(t for t in self.s.thresholds if list_id in t.lists)
            if entered:
                said = msg("credit.list-entry.score", "Month {month}: {name} is entered on the {list} (cause: the "
                           "score is {threshold}).", month=month, name=name, list=shown, threshold=t.message())
            else:
                said = msg("credit.list-exit.score", "Month {month}: {name} is taken off the {list} (why: the score "
                           "is no longer {threshold}).", month=month, name=name, list=shown, threshold=t.message())
            rule, sources = t.effects[0].claim.text, t.effects[0].claim.sources
            documented = t.documented
        else:
            m = next(x for x in reversed(self.y.memberships) if x.list_id == list_id)
            if entered:
                said = msg("credit.list-entry", "Month {month}: {name} is entered on the {list} (cause: {name} "
                           "{behaviour}).", month=month, name=name, list=shown,
                           behaviour=Phrase(BEHAVIOURS[m.reason].label))
            else:
                said = msg("credit.list-exit", "Month {month}: {name} is taken off the {list} (why: {reason}).",
                           month=month, name=name, list=shown, reason=Said(m.end_reason))
            b = BEHAVIOURS.get(m.reason)
            claim = b.list_claim if b and b.list_claim else c.claim
            rule, sources = claim.text, claim.sources
            documented = (entered and list_id != "red-list") or False
        self.t.add(kind, "credit-china", self.who, said,
                   rule=rule, sources=sources, documented=documented, month=month, list=list_id)

    def _effect_step(self, month: int, g: Granted, gained: bool) -> None:
        e = g.effect
        kind = e.kind.value
        change = ("gained" if gained else "lost") if kind == "benefit" else ("imposed" if gained else "lifted")
        if g.via_list:
            cause = msg("credit.cause.list", "the {list} entry", list=LISTS[g.via_list].name.said("english"))
        elif g.threshold:
            cause = msg("credit.cause.score", "a score {threshold}", threshold=g.threshold.message())
        else:
            cause = msg("credit.cause.scheme", "the scheme")
        documented = g.documented and (g.threshold.documented if g.threshold else True)
        effect = Said(e.text)
        targets = [(self.who, self.said_name)]
        if e.falls_on is FallsOn.CHILDREN:
            targets = [(i, msg("credit.child", "{child}, {name}'s child", child=PersonName(p.name, p.hanzi),
                               name=self.said_name)) for i, p in self.y.citizen.children(self.p.child_age)]
            if not targets:
                self.t.add(kind, e.agency, None,
                           msg("credit.effect.no-children", "Month {month}: {effect} would touch {name}'s children, "
                               "but none live in the household.", month=month, effect=effect, name=self.said_name),
                           rule=e.claim.text, sources=e.claim.sources, documented=documented, month=month,
                           effect=e.id, change=change)
                return
        for target, who in targets:
            if change == "gained":
                said = msg("credit.effect.gained", "Month {month}: benefit for {who} — {effect} (because of "
                           "{cause}).", month=month, who=who, effect=effect, cause=cause)
            elif change == "imposed":
                said = msg("credit.effect.imposed", "Month {month}: restriction on {who} — {effect} (because of "
                           "{cause}).", month=month, who=who, effect=effect, cause=cause)
            elif change == "lost":
                said = msg("credit.effect.lost", "Month {month}: benefit lost by {who} — {effect}.",
                           month=month, who=who, effect=effect)
            else:
                said = msg("credit.effect.lifted", "Month {month}: restriction lifted for {who} — {effect}.",
                           month=month, who=who, effect=effect)
            self.t.add(kind, e.agency, target, said,
                       rule=e.claim.text, sources=e.claim.sources, documented=documented,
                       month=month, effect=e.id, change=change, category=e.category.value,
                       falls_on=e.falls_on.value, evidence=e.claim.evidence.value)


__all__ = ["CreditYear", "Membership", "MonthRecord", "simulate_year"]

"""A criticism and self-criticism session, turn by turn.

Each round the chair (the Party branch secretary) opens the session and may single out
one member. Then every member in seat order takes the floor: he criticises himself and
each other member criticises him or stays silent. The member singled out takes the floor
last and the other way round: the whole group criticises him first, then he criticises
himself. In media mode the round's record is published to the unit.

The session is a script that stops at every decision (:class:`Turn`). A GUI drives it
with :meth:`Session.pending_choice` and :meth:`Session.step`; :meth:`Session.run` plays it
to the end. All randomness flows from the seed, and the autopilot draws from its stream
on every turn, the learner's included, so the learner's choices change the session only
through their effects.
"""

from __future__ import annotations

import random
from typing import Generator, Sequence

from ..messages import msg
from ..population import Person
from ..regimes.spec import Source
from ..trace import Step, Trace
from . import narration
from .members import (Member, MemberState, members_from_people, members_from_village,
                      starting_states)
from .parameters import CHARGES, MECHANISMS, CriticismError, SessionParameters
from .policy import Policy, autopilot
from .turns import Action, Choice, Turn, TurnKind

MIN_ROUNDS = 1
MAX_ROUNDS = 20
CHAIR_ACTOR = "chair"
PRESS_ACTOR = "press"

Script = Generator[Turn, Choice, None]


def _sources(*mechanism_ids: str) -> tuple[Source, ...]:
    """The sources of some mechanisms, each once, in order."""
    out: list[Source] = []
    for mid in mechanism_ids:
        out += [s for s in MECHANISMS[mid].sources if s not in out]
    return tuple(out)


def check_rounds(rounds: object) -> int:
    if isinstance(rounds, bool) or not isinstance(rounds, int):
        raise CriticismError(msg("criticism.error.rounds-number", "Rounds must be a whole number, not {n!r}.", n=rounds))
    if not MIN_ROUNDS <= rounds <= MAX_ROUNDS:
        raise CriticismError(msg("criticism.error.rounds-range", "A session has {low} to {high} rounds, not {n}.",
                                  low=MIN_ROUNDS, high=MAX_ROUNDS, n=rounds))
    return rounds


class Session:
    """One session: members, their states, the trace so far and the next decision."""

    def __init__(self, participants: int | Sequence[Person] = 8, *, rounds: int = 3, seed: int = 0,
                 target: int | None = None, media: bool = False, learner: int | None = None,
                 params: SessionParameters | None = None) -> None:
        if isinstance(participants, int) and not isinstance(participants, bool):
            self.members: list[Member] = members_from_village(participants, seed)
        else:
            self.members = members_from_people(list(participants))
        self.rounds = check_rounds(rounds)
        self.seed = int(seed)
        self.media = bool(media)
        self.params = params or SessionParameters()
        self.learner = self._check_member(learner, learner_seat=True)
        self.target = self._check_member(target)
        self._next_target = self.target
        self._rng = random.Random(self.seed)
        self._words = random.Random(f"ermu-criticism-words-{self.seed}")
        self._learner_rng = random.Random(f"ermu-criticism-learner-{self.seed}")
        self.states: list[MemberState] = starting_states(len(self.members), self.params, self._rng)
        self.initial = [s.snapshot() for s in self.states]
        self.singled_out: dict[int, int] = {}  # round -> member
        self.round = 0
        self._target_charge = CHARGES[0]
        self.trace = Trace(title="Criticism and self-criticism", seed=self.seed)
        self._script: Script = self._play()
        self._pending: Turn | None = next(self._script, None)

    # -- the driver's side -------------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self._pending is None

    @property
    def current_turn(self) -> Turn | None:
        """The next decision, whoever makes it; None when the session is over."""
        return self._pending

    def pending_choice(self) -> Turn | None:
        """The learner's turn if the session is waiting for the learner, else None."""
        turn = self._pending
        return turn if turn is not None and turn.member == self.learner else None

    def step(self, choice: Choice | Action | str | None = None) -> list[Step]:
        """Decide the next turn and return the steps it produced.

        On the learner's turn ``choice`` is required; on anyone else's it must be None and
        the autopilot decides.
        """
        turn = self._pending
        if turn is None:
            raise CriticismError(msg("criticism.error.over", "The session is over: start a new one."))
        drawn = autopilot(turn, self.states[turn.member], self._rng)
        if turn.member == self.learner:
            if choice is None:
                allowed = ", ".join(a.value for a in turn.actions)
                raise CriticismError(msg("criticism.error.your-turn", "It is your turn: choose one of {allowed}.",
                                          allowed=allowed))
            decided = turn.normalise(choice)
        elif choice is not None:
            raise CriticismError(msg("criticism.error.not-your-turn", "It is not your turn: let the session go on."))
        else:
            decided = drawn
        return self._advance(decided)

    def run(self, policy: Policy | None = None) -> Trace:
        """Play to the end; the learner's turns are decided by ``policy`` (autopilot if None)."""
        while self._pending is not None:
            turn = self._pending
            if turn.member == self.learner:
                self._rng.random(), self._rng.random()  # keep the autopilot's stream aligned
                decider = policy or autopilot
                self._advance(turn.normalise(decider(turn, self.states[turn.member], self._learner_rng)))
            else:
                self.step()
        return self.trace

    def choose_target(self, member: int | None) -> None:
        """The chair's power: single out this member at the start of the next round."""
        if self.finished:
            raise CriticismError(msg("criticism.error.over", "The session is over: start a new one."))
        self._next_target = self._check_member(member)

    def _advance(self, choice: Choice) -> list[Step]:
        start = len(self.trace)
        try:
            self._pending = self._script.send(choice)
        except StopIteration:
            self._pending = None
        return self.trace.steps[start:]

    def _check_member(self, index: int | None, *, learner_seat: bool = False) -> int | None:
        if index is None:
            return None
        n = len(self.members)
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < n:
            if learner_seat:
                raise CriticismError(msg("criticism.error.learner-seat",
                                         "The learner's seat must be a member from 0 to {last}, not {n!r}.",
                                         last=n - 1, n=index))
            raise CriticismError(msg("criticism.error.target", "The target must be a member from 0 to {last}, not {n!r}.",
                                     last=n - 1, n=index))
        return index

    # -- the script --------------------------------------------------------------------
    def _play(self) -> Script:
        for r in range(1, self.rounds + 1):
            self.round = r
            self.trace.add("open", CHAIR_ACTOR, None, narration.open_round(r),
                           rule=MECHANISMS["party-decides"].claim,
                           sources=MECHANISMS["party-decides"].sources, round=r)
            target = self._single_out(r)
            order = [m.index for m in self.members if m.index != target]
            if target is not None:
                order.append(target)
            for speaker in order:
                yield from self._floor(r, speaker, collective=speaker == target)
            if self.media:
                self._publish(r)

    def _floor(self, r: int, speaker: int, *, collective: bool) -> Script:
        charge = self._target_charge if collective else self._words.choice(CHARGES)
        if not collective:
            choice = yield Turn(r, speaker, TurnKind.SELF, speaker)
            self._self_criticise(r, speaker, choice, charge, collective=False)
        n = len(self.members)
        for k in range(1, n):
            other = (speaker + k) % n
            choice = yield Turn(r, other, TurnKind.RESPONSE, speaker, collective)
            if choice.action is Action.SILENT:
                self._silence(r, other, speaker, collective)
            else:
                self._criticise(r, other, speaker, choice, charge, collective)
        if collective:
            choice = yield Turn(r, speaker, TurnKind.SELF, speaker, True)
            self._self_criticise(r, speaker, choice, charge, collective=True)

    def _single_out(self, r: int) -> int | None:
        p = self.params
        target, by_rule = self._next_target, False
        self._next_target = None
        if target is None:
            best = max(range(len(self.states)), key=lambda i: (self.states[i].suspicion, -i))
            if self.states[best].suspicion < p.single_out_threshold:
                return None
            target, by_rule = best, True
        charge = self._target_charge = self._words.choice(CHARGES)
        state = self.states[target]
        state.times_singled_out += 1
        effects = state.change(standing=-p.single_out_standing, fear=p.single_out_fear)
        self.singled_out[r] = target
        mech = MECHANISMS["single-out"]
        rule = (msg("criticism.rule.by-chair-rule", "{claim} {rule}", claim=mech.claim,
                    rule=MECHANISMS["chair-rule"].effect) if by_rule else mech.claim)
        self.trace.add("single-out", CHAIR_ACTOR, target,
                       narration.single_out(self.members[target], charge, by_rule),
                       rule=rule, sources=_sources("single-out", "party-decides", "charges"), round=r,
                       charge=charge, chosen_by_rule=by_rule, effects={target: effects})
        return target

    def _self_criticise(self, r: int, member: int, choice: Choice, charge: str, *, collective: bool) -> None:
        p = self.params
        state = self.states[member]
        sincere = choice.action is Action.SINCERE
        if sincere:
            state.sincere_admissions += 1
            standing = p.sincere_standing + (p.rehabilitation_standing if collective else 0.0)
            effects = state.change(suspicion=-p.sincere_relief, standing=standing)
        else:
            effects = state.change(suspicion=-p.minimal_relief)
        mech = MECHANISMS["cure" if collective and sincere else "self-criticism"]
        self.trace.add("self-criticism", member, member,
                       narration.self_criticism(self.members[member], charge, sincere, collective),
                       rule=mech.claim, sources=_sources(mech.id, "charges"),
                       documented=MECHANISMS["self-criticism"].documented, round=r,
                       choice=choice.action.value, charge=charge, collective=collective,
                       learner=member == self.learner, effects={member: effects})

    def _criticise(self, r: int, critic: int, target: int, choice: Choice, charge: str,
                   collective: bool) -> None:
        p = self.params
        share = 1.0 / (len(self.members) - 1)
        harsh = choice.action is Action.CRITICISE_HARSH
        self.states[critic].times_criticising += 1
        self.states[target].times_criticised += 1
        spread = p.harsh_spread if harsh else p.mild_spread
        gain = p.harsh_standing if harsh else p.mild_standing
        target_effects = self.states[target].change(suspicion=spread * share, fear=p.criticised_fear * share)
        critic_effects = self.states[critic].change(standing=gain * share)
        mech = MECHANISMS["single-out" if collective else "criticism"]
        self.trace.add("criticism", critic, target,
                       narration.criticism(self.members[critic], self.members[target], charge, harsh, collective),
                       rule=mech.claim, sources=_sources(mech.id, "charges"), round=r,
                       choice=choice.action.value,
                       charge=charge, collective=collective, learner=critic == self.learner,
                       effects={target: target_effects, critic: critic_effects})

    def _silence(self, r: int, member: int, about: int, collective: bool) -> None:
        p = self.params
        state = self.states[member]
        state.times_silent += 1
        share = 1.0 / (len(self.members) - 1)
        amount = p.silence_suspicion * share * (p.silence_collective_factor if collective else 1.0)
        effects = state.change(suspicion=amount)
        mech = MECHANISMS["silence"]
        self.trace.add("silence", member, about,
                       narration.silence(self.members[member], self.members[about], collective),
                       rule=mech.effect, sources=mech.sources, documented=mech.documented, round=r,
                       choice=Action.SILENT.value, collective=collective,
                       learner=member == self.learner, effects={member: effects})

    def _publish(self, r: int) -> None:
        p = self.params
        effects = {i: s.change(fear=p.publish_fear) for i, s in enumerate(self.states)}
        mech = MECHANISMS["publish"]
        self.trace.add("publish", PRESS_ACTOR, None, narration.publish(r, p.audience),
                       rule=mech.claim, sources=mech.sources, round=r, audience=p.audience,
                       effects=effects)

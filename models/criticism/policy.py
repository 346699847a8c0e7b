"""The autopilot: how the other members choose, from the seed and their state.

Illustrative (mechanism ``fear-drives``): the sources describe the pressure of the ritual,
not how individuals decided. Ermu assumes that fear and low standing push a member to
criticise others more often and more harshly and to admit his own faults more fully, and
that everyone joins in more readily when the chair has singled someone out.
"""

from __future__ import annotations

import random
from typing import Callable

from .members import MemberState
from .turns import Action, Choice, Turn, TurnKind

#: A policy decides a turn: (turn, the deciding member's state, random source) -> choice.
Policy = Callable[[Turn, MemberState, random.Random], Choice]

# illustrative weights of the autopilot
BASE_SINCERE = 0.35
FEAR_SINCERE = 0.45
SINGLED_OUT_SINCERE = 0.25
BASE_CRITICISE = 0.25
FEAR_CRITICISE = 0.35
LOW_STANDING_CRITICISE = 0.25
COLLECTIVE_CRITICISE = 0.30
BASE_HARSH = 0.15
FEAR_HARSH = 0.40
COLLECTIVE_HARSH = 0.20


def autopilot(turn: Turn, state: MemberState, rng: random.Random) -> Choice:
    """A seeded choice for a member on autopilot; always exactly two draws from ``rng``."""
    fear = state.fear / 100.0
    low_standing = 1.0 - state.standing / 100.0
    first, second = rng.random(), rng.random()
    if turn.kind is TurnKind.SELF:
        p_sincere = BASE_SINCERE + FEAR_SINCERE * fear + (SINGLED_OUT_SINCERE if turn.collective else 0.0)
        return Choice(Action.SINCERE if first < p_sincere else Action.MINIMAL)
    p_criticise = (BASE_CRITICISE + FEAR_CRITICISE * fear + LOW_STANDING_CRITICISE * low_standing
                   + (COLLECTIVE_CRITICISE if turn.collective else 0.0))
    if first >= p_criticise:
        return Choice(Action.SILENT)
    p_harsh = BASE_HARSH + FEAR_HARSH * fear + (COLLECTIVE_HARSH if turn.collective else 0.0)
    action = Action.CRITICISE_HARSH if second < p_harsh else Action.CRITICISE_MILD
    return Choice(action, turn.about)


def always(action: Action | str) -> Policy:
    """A policy for tests and demonstrations: the same answer on every turn it fits.

    On a turn where the action does not fit (e.g. "silent" on a self turn) it falls back
    to the mildest allowed answer: a minimal self-criticism, or silence.
    """
    wanted = Action(action)

    def policy(turn: Turn, state: MemberState, rng: random.Random) -> Choice:
        if wanted in turn.actions:
            return turn.normalise(Choice(wanted))
        return Choice(Action.MINIMAL) if turn.kind is TurnKind.SELF else Choice(Action.SILENT)

    return policy

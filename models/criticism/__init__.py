"""Criticism and self-criticism: a group session, turn by turn, as a trace.

Pure Python (no Qt): :class:`Session` plays the ritual from a seed, stopping at every
decision so that a learner can take one seat; :func:`summarise` says what became of each
member; :func:`session_json` gives the whole session for the CLI and the library.
"""

from .members import MAX_PARTICIPANTS, MIN_PARTICIPANTS, Member, MemberState, members_from_village
from .parameters import (BACKGROUND, CHAIR, CHARGES, MECHANISMS, CriticismError, Mechanism,
                         SessionParameters)
from .policy import Policy, always, autopilot
from .report import OUTCOMES, MemberSummary, outcome, session_json, summarise
from .session import CHAIR_ACTOR, MAX_ROUNDS, MIN_ROUNDS, PRESS_ACTOR, Session
from .turns import Action, Choice, Turn, TurnKind

__all__ = [
    "BACKGROUND", "CHAIR", "CHAIR_ACTOR", "CHARGES", "MAX_PARTICIPANTS", "MAX_ROUNDS", "MECHANISMS",
    "MIN_PARTICIPANTS", "MIN_ROUNDS", "OUTCOMES", "PRESS_ACTOR", "Action", "Choice", "CriticismError",
    "Mechanism", "Member", "MemberState", "MemberSummary", "Policy", "Session", "SessionParameters",
    "Turn", "TurnKind", "always", "autopilot", "members_from_village", "outcome", "session_json",
    "summarise",
]

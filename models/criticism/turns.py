"""Turns and choices: what a member is asked to do, and what he may answer.

A session is a sequence of :class:`Turn`. On a *self* turn a member has the floor and
criticises himself, sincerely or minimally. On a *response* turn another member has just
spoken (or has been singled out) and the member criticises him, mildly or harshly, or
stays silent. The learner's turns wait for a :class:`Choice`; the others are decided by a
seeded autopilot (:mod:`.policy`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..i18n import N_
from ..messages import msg
from .parameters import CriticismError


ACTION_LABELS = {
    "sincere": N_("Admit your faults fully"),
    "minimal": N_("Admit as little as you can"),
    "mild": N_("Criticise mildly"),
    "harsh": N_("Criticise harshly"),
    "silent": N_("Stay silent"),
}


class Action(enum.StrEnum):
    SINCERE = "sincere"  # a full self-criticism
    MINIMAL = "minimal"  # a self-criticism as short as one dares
    CRITICISE_MILD = "mild"
    CRITICISE_HARSH = "harsh"
    SILENT = "silent"

    @property
    def label(self) -> str:
        """What the choice says, in the current language."""
        from ..i18n import _

        return _(ACTION_LABELS[self.value])


SELF_ACTIONS = (Action.SINCERE, Action.MINIMAL)
RESPONSE_ACTIONS = (Action.CRITICISE_MILD, Action.CRITICISE_HARSH, Action.SILENT)


class TurnKind(enum.StrEnum):
    SELF = "self"  # the member criticises himself
    RESPONSE = "response"  # the member answers another member's turn at the floor


@dataclass(frozen=True)
class Choice:
    """What a member does on a turn. ``target`` is set for criticism: whom it is aimed at."""

    action: Action
    target: int | None = None

    @classmethod
    def parse(cls, text: str, target: int | None = None) -> "Choice":
        try:
            return cls(Action(text.strip().lower()), target)
        except ValueError:
            allowed = ", ".join(a.value for a in Action)
            raise CriticismError(msg("criticism.error.unknown-choice", "Unknown choice {text!r}: use one of {allowed}.",
                                     text=text, allowed=allowed)) from None


@dataclass(frozen=True)
class Turn:
    """A decision the session waits for."""

    round: int  # 1-based
    member: int  # who decides
    kind: TurnKind
    about: int  # the member who has the floor (the member himself on a self turn)
    collective: bool = False  # the member at the floor is singled out

    @property
    def actions(self) -> tuple[Action, ...]:
        return SELF_ACTIONS if self.kind is TurnKind.SELF else RESPONSE_ACTIONS

    def options(self) -> list[Choice]:
        """The choices allowed on this turn (criticism is aimed at the member at the floor)."""
        if self.kind is TurnKind.SELF:
            return [Choice(a) for a in SELF_ACTIONS]
        return [Choice(Action.CRITICISE_MILD, self.about), Choice(Action.CRITICISE_HARSH, self.about),
                Choice(Action.SILENT)]

    def normalise(self, choice: Choice | Action | str) -> Choice:
        """The choice as this turn understands it; ValueError (for people) if not allowed."""
        if isinstance(choice, str) and not isinstance(choice, Action):
            choice = Choice.parse(choice)
        if isinstance(choice, Action):
            choice = Choice(choice)
        if choice.action not in self.actions:
            allowed = ", ".join(a.value for a in self.actions)
            if self.kind is TurnKind.SELF:
                raise CriticismError(msg("criticism.error.now-self",
                                         "Now you criticise yourself: choose one of {allowed}, not {choice}.",
                                         allowed=allowed, choice=choice.action.value))
            raise CriticismError(msg("criticism.error.now-answer",
                                     "Now you answer a comrade: choose one of {allowed}, not {choice}.",
                                     allowed=allowed, choice=choice.action.value))
        if choice.action in (Action.CRITICISE_MILD, Action.CRITICISE_HARSH):
            if choice.target not in (None, self.about):
                raise CriticismError(msg("criticism.error.floor",
                                         "You may only criticise the member who has the floor."))
            return Choice(choice.action, self.about)
        return Choice(choice.action)

"""A thin Qt adapter over :class:`models.criticism.Session`.

The document owns the session; views listen to its signals and never change the model
themselves. Every call that reaches the model is guarded: a model error becomes one
sentence in ``failed`` and the session in hand is kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ermu.models.criticism import (MAX_PARTICIPANTS, MAX_ROUNDS, Choice, CriticismError, Session,
                              Turn, summarise)
from ermu.models.criticism.report import MemberSummary
from ermu.models.i18n import _

log = logging.getLogger(__name__)

#: The table can seat this many members legibly; larger groups are watched from the CLI.
GUI_MAX_PARTICIPANTS = 20


@dataclass(frozen=True)
class SessionConfig:
    # the short form: 5 members and 2 rounds are 10 decisions (8 and 3 were 25, about 4 minutes)
    participants: int = 5
    rounds: int = 2
    seed: int = 0
    target: int | None = None
    media: bool = False
    learner: int | None = 0  # None: watch the group on autopilot

    @classmethod
    def from_preset(cls, preset: dict) -> tuple["SessionConfig", list[str]]:
        """A config from a lesson preset, with notes on anything that had to be adjusted."""
        notes: list[str] = []

        def whole(key: str, default: int, low: int, high: int) -> int:
            raw = preset.get(key, default)
            try:
                value = int(raw)
            except (TypeError, ValueError):
                notes.append(_("The preset's {key} {raw!r} is not a whole number; using {default}.").format(
                    key=key, raw=raw, default=default))
                return default
            if not low <= value <= high:
                clamped = min(high, max(low, value))
                notes.append(_("The preset asks for {key} {value}; this room uses {clamped}.").format(
                    key=key, value=value, clamped=clamped))
                return clamped
            return value

        participants = whole("participants", cls.participants, 2,
                             min(GUI_MAX_PARTICIPANTS, MAX_PARTICIPANTS))
        rounds = whole("rounds", cls.rounds, 1, MAX_ROUNDS)
        seed = whole("seed", cls.seed, 0, 2**31 - 1)
        target = preset.get("target")
        if target is not None:
            try:
                target = int(target)
            except (TypeError, ValueError):
                target = -1
            if not 0 <= target < participants:
                notes.append(_("The preset's target is not a seat from 0 to {last}; the chair will choose.").format(
                    last=participants - 1))
                target = None
        learner = preset.get("learner", cls.learner)
        if learner is not None and not (isinstance(learner, int) and 0 <= learner < participants):
            learner = 0
        return cls(participants, rounds, seed, target, bool(preset.get("media", False)), learner), notes


class SessionDocument(QObject):
    """Holds one session and tells the views what each step changed."""

    reset = Signal()  # a new session started
    stepped = Signal(list)  # the new Steps
    finished = Signal()
    failed = Signal(str)  # one sentence for the user

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = SessionConfig()
        self.session: Session | None = None

    # -- commands -------------------------------------------------------------------------
    def start(self, config: SessionConfig) -> bool:
        try:
            session = Session(config.participants, rounds=config.rounds, seed=config.seed,
                              target=config.target, media=config.media, learner=config.learner)
        except CriticismError as exc:
            self.failed.emit(str(exc))
            return False
        except Exception:  # never a traceback for the user; the old session stays
            log.exception("could not start a criticism session")
            self.failed.emit(_("The session could not start; try another seed or group size."))
            return False
        self.config, self.session = config, session
        self.reset.emit()
        return True

    def advance(self, choice: Choice | str | None = None) -> bool:
        """One decision: the autopilot's, or the learner's ``choice``."""
        session = self.session
        if session is None or session.finished:
            return False
        try:
            steps = session.step(choice)
        except (CriticismError, ValueError) as exc:
            self.failed.emit(str(exc))
            return False
        except Exception:
            log.exception("a criticism session step failed")
            self.failed.emit(_("Something went wrong in this step; the session so far is kept."))
            return False
        self.stepped.emit(steps)
        if session.finished:
            self.finished.emit()
        return True

    def choose_target(self, member: int | None) -> None:
        if self.session is not None and not self.session.finished:
            try:
                self.session.choose_target(member)
            except CriticismError as exc:
                self.failed.emit(str(exc))

    # -- questions ------------------------------------------------------------------------
    @property
    def learner_turn(self) -> Turn | None:
        return self.session.pending_choice() if self.session is not None else None

    def skip_to_my_turn(self, limit: int = 2000) -> int:
        """Let the others speak until the learner's next turn (or the end); one notice for
        all their steps. Returns how many steps were taken."""
        session = self.session
        if session is None or session.finished or session.learner is None or self.learner_turn is not None:
            return 0
        gathered: list = []
        try:
            while not session.finished and session.pending_choice() is None and len(gathered) < limit:
                steps = session.step(None)
                if not steps:
                    break
                gathered.extend(steps)
        except (CriticismError, ValueError) as exc:
            self.failed.emit(str(exc))
        except Exception:
            log.exception("skipping to the learner's turn failed")
            self.failed.emit(_("Something went wrong while the others spoke; the session so far is kept."))
        if gathered:
            self.stepped.emit(gathered)
        if session.finished:
            self.finished.emit()
        return len(gathered)

    @property
    def is_finished(self) -> bool:
        return self.session is not None and self.session.finished

    def summaries(self) -> list[MemberSummary]:
        return summarise(self.session) if self.session is not None else []

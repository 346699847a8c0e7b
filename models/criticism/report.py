"""What became of each member, and the session as one JSON object.

Outcome labels (thresholds illustrative, see :class:`SessionParameters`):
``isolated`` — standing with the chair fell low; ``under suspicion`` — suspicion stayed
high; ``rehabilitated`` — singled out, but came back within the group; ``in good standing``
— neither singled out nor left isolated or suspect.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .members import Member, MemberState
from ..i18n import N_, _, ngettext
from .parameters import BACKGROUND, CHAIR, MECHANISMS, SessionParameters
from .session import Session

OUTCOMES = (N_("isolated"), N_("under suspicion"), N_("rehabilitated"), N_("in good standing"))


@dataclass(frozen=True)
class MemberSummary:
    index: int
    name: str
    hanzi: str
    standing: float
    suspicion: float
    fear: float
    start: dict[str, float]
    times_criticised: int
    times_criticising: int
    times_silent: int
    times_singled_out: int
    sincere_admissions: int
    outcome: str
    learner: bool = False

    def record(self) -> str:
        """What happened to the member: 'was singled out once, was criticised 9 times, ...'."""
        singled = (_("was never singled out") if not self.times_singled_out else
                   ngettext("was singled out once", "was singled out {n} times", self.times_singled_out).format(
                       n=self.times_singled_out))
        return _("{singled}, was criticised {criticised}, criticised others {criticising} and kept silent "
                 "{silent}").format(singled=singled, criticised=_times(self.times_criticised),
                                    criticising=_times(self.times_criticising), silent=_times(self.times_silent))

    def sentence(self) -> str:
        """One line for the closing screen, in plain words."""
        who = f"{self.name} ({self.hanzi})" if self.hanzi else self.name
        if self.learner:
            who = _("{name} — you").format(name=who)
        return _("{who} {record}: {outcome}. Standing {standing}, suspicion {suspicion}, fear {fear} "
                 "(illustrative, 0–100).").format(who=who, record=self.record(), outcome=_(self.outcome),
                                                   standing=f"{self.standing:.0f}",
                                                   suspicion=f"{self.suspicion:.0f}", fear=f"{self.fear:.0f}")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _times(n: int) -> str:
    return {0: _("never"), 1: _("once"), 2: _("twice")}.get(n) or _("{n} times").format(n=n)


def outcome(state: MemberState, params: SessionParameters) -> str:
    if state.standing < params.isolated_below:
        return "isolated"
    if state.suspicion >= params.suspect_from:
        return "under suspicion"
    if state.times_singled_out:
        return "rehabilitated"
    return "in good standing"


def summarise(session: Session) -> list[MemberSummary]:
    out = []
    for member, state, start in zip(session.members, session.states, session.initial):
        snap = state.snapshot()
        out.append(MemberSummary(
            member.index, member.name, member.hanzi, snap["standing"], snap["suspicion"], snap["fear"],
            start, state.times_criticised, state.times_criticising, state.times_silent,
            state.times_singled_out, state.sincere_admissions, outcome(state, session.params),
            learner=member.index == session.learner))
    return out


def member_json(member: Member) -> dict[str, Any]:
    return {"index": member.index, "name": member.name, "hanzi": member.hanzi,
            "sex": member.sex.value, "age": member.age, "household": member.household}


def session_json(session: Session) -> dict[str, Any]:
    """The whole session: rounds with their ordered events, members and provenance."""
    rounds: list[dict[str, Any]] = [
        {"round": r, "singled_out": session.singled_out.get(r), "events": []}
        for r in range(1, session.rounds + 1)
    ]
    for step in session.trace:
        event = step.to_json()
        effects = event["data"].pop("effects", {})
        event["effects"] = {str(k): v for k, v in effects.items()}
        rounds[step.data["round"] - 1]["events"].append(event)
    return {
        "title": session.trace.title,
        "participants": len(session.members),
        "seed": session.seed,
        "target": session.target,
        "media": session.media,
        "learner": session.learner,
        "finished": session.finished,
        "chair": {"title": CHAIR.english, "hanzi": CHAIR.hanzi, "pinyin": CHAIR.pinyin},
        "rounds": rounds,
        "members": [{**member_json(m), **s.to_json()} for m, s in zip(session.members, summarise(session))],
        "parameters": session.params.to_json(),
        "mechanisms": [
            {"id": m.id, "title": m.title.render(), "claim": m.claim.render(), "effect": m.effect.render(),
             "documented": m.documented, "parameters": list(m.parameters),
             "sources": [str(s) for s in m.sources]}
            for m in MECHANISMS.values()
        ],
        "background": [{"text": _(text), "sources": [str(s) for s in sources]} for text, sources in BACKGROUND],
    }

"""Traces: the ordered steps the GUI replays, for incidents, criticism sessions and credit.

Every engine in Ermu answers with a :class:`Trace`: a list of :class:`Step` in time order,
each saying who acted, on whom, what kind of act it was, in one sentence a screen reader
can read, and on whose authority (a rule and its sources, or an "illustrative" mark).
The player in the GUI replays traces without knowing which engine made them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

from .messages import Message
from .regimes.spec import Source

Actor = int | str | None  # a household id, a member id, "government", or None


@dataclass(frozen=True)
class Step:
    time: int  # ticks from the start; steps are ordered by it and it never decreases
    kind: str  # e.g. observe, report, conceal, discover, punish, reward; criticism, self-criticism
    actor: Actor
    target: Actor
    narration: str  # one plain sentence: "Household 57 (Lin De) commits a theft."
    rule: str = ""  # the rule that made this step happen, in words
    sources: tuple[Source, ...] = ()
    documented: bool = True  # False: illustrative (Ermu's assumption or an adjustable parameter)
    level: int | None = None  # for hierarchy steps: the level of the unit involved
    data: dict[str, Any] = field(default_factory=dict)
    #: The narration as a message (key and parameters): rendered again in another language.
    message: Message | None = field(default=None, compare=False)
    #: The rule as a message: rendered again in another language (``rule`` is as it was when played).
    rule_message: Message | None = field(default=None, compare=False)

    def said(self) -> str:
        """The narration in the current language (``narration`` is as it was when played)."""
        return self.message.render() if self.message is not None else self.narration

    def rule_said(self) -> str:
        """The rule in the current language (``rule`` is as it was when played)."""
        return self.rule_message.render() if self.rule_message is not None else self.rule

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["sources"] = [str(s) for s in self.sources]
        out.pop("message", None)
        out.pop("rule_message", None)
        if self.rule_message is not None:
            out["rule"] = self.rule_message.render()
            out["rule_key"] = self.rule_message.key
        if self.message is not None:
            out["narration"] = self.message.render()
            out["narration_key"] = self.message.key
        return out


@dataclass
class Trace:
    steps: list[Step] = field(default_factory=list)
    title: str = ""
    seed: int | None = None

    def add(self, kind: str, actor: Actor, target: Actor, narration: str | Message, *, rule: str | Message = "",
            sources: tuple[Source, ...] = (), documented: bool = True, level: int | None = None,
            delay: int = 1, **data: Any) -> Step:
        """Append a step ``delay`` ticks after the last one (0: at the same moment)."""
        time = (self.steps[-1].time + delay) if self.steps else 0
        message = narration if isinstance(narration, Message) else None
        rule_message = rule if isinstance(rule, Message) else None
        step = Step(time, kind, actor, target, str(narration), str(rule), tuple(sources), documented, level,
                    dict(data), message, rule_message)
        self.steps.append(step)
        return step

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, index: int) -> Step:
        return self.steps[index]

    def of_kind(self, *kinds: str) -> list[Step]:
        return [s for s in self.steps if s.kind in kinds]

    def narration(self) -> str:
        return " ".join(s.said() for s in self.steps)

    def to_json(self) -> list[dict[str, Any]]:
        return [s.to_json() for s in self.steps]

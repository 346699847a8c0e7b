"""``ermu-cli criticism``: watch a criticism and self-criticism session on autopilot.

Importing this module registers the subcommand in :data:`models.cli.COMMANDS`.
"""

from __future__ import annotations

import argparse
import unicodedata

from .cli import COMMANDS, CliError, _emit, _int, _seed
from .i18n import N_, _
from .language import is_chinese
from .names import PersonName
from .messages import msg
from .criticism import (MAX_PARTICIPANTS, MAX_ROUNDS, MIN_PARTICIPANTS, MIN_ROUNDS, CriticismError,
                        Session, session_json)

#: What each kind of step is called in the plain-text transcript (a short mark before each line).
_MARKS = {"open": N_("CHAIR"), "single-out": N_("CHAIR"), "self-criticism": N_("SELF"), "criticism": N_("CRIT"),
          "silence": "----", "publish": N_("PRESS")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--participants", required=True, type=_int,
                        help=_("how many members sit in the session ({low} to {high})").format(
                            low=MIN_PARTICIPANTS, high=MAX_PARTICIPANTS))
    parser.add_argument("--rounds", type=_int, default=3,
                        help=_("how many rounds ({low} to {high}, default 3)").format(low=MIN_ROUNDS, high=MAX_ROUNDS))
    parser.add_argument("--seed", type=_seed, default=0, help=_("the seed (default 0)"))
    parser.add_argument("--target", type=_int, default=None,
                        help=_("the member (0-based seat) the chair singles out in round 1; "
                               "default: the chair's own rule"))
    parser.add_argument("--media", action="store_true",
                        help=_("publish each round's record to the whole unit"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object"))


def _check(args: argparse.Namespace) -> None:
    if not MIN_PARTICIPANTS <= args.participants <= MAX_PARTICIPANTS:
        raise CliError(msg("cli.criticism.participants", "--participants must be between {low} and {high}, not {n}",
                           low=MIN_PARTICIPANTS, high=MAX_PARTICIPANTS, n=args.participants))
    if not MIN_ROUNDS <= args.rounds <= MAX_ROUNDS:
        raise CliError(msg("cli.criticism.rounds", "--rounds must be between {low} and {high}, not {n}",
                           low=MIN_ROUNDS, high=MAX_ROUNDS, n=args.rounds))
    if args.target is not None and not 0 <= args.target < args.participants:
        raise CliError(msg("cli.criticism.target", "--target must be a seat from 0 to {last}, not {n}",
                           last=args.participants - 1, n=args.target))


def _width(text: str) -> int:
    """Columns a text takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def transcript(data: dict) -> str:
    """A readable transcript of a session's JSON, in the current language."""
    chinese = is_chinese()
    names = {m["index"]: PersonName(m["name"], m.get("hanzi") or "").render() for m in data["members"]}
    heading = (_("Criticism and self-criticism — {n} members, seed {seed}, media mode") if data["media"] else
               _("Criticism and self-criticism — {n} members, seed {seed}"))
    chair = (_("Chair: {hanzi} ({pinyin})").format(hanzi=_(data["chair"]["hanzi"]), pinyin=data["chair"]["pinyin"])
             if chinese else
             _("Chair: {title} ({hanzi} {pinyin})").format(title=data["chair"]["title"], hanzi=data["chair"]["hanzi"],
                                                          pinyin=data["chair"]["pinyin"]))
    lines = [heading.format(n=data["participants"], seed=data["seed"]), chair, ""]
    for rnd in data["rounds"]:
        target = rnd["singled_out"]
        if target is not None:
            lines.append(_("Round {n} — {name} singled out").format(n=rnd["round"], name=names[target]))
        else:
            lines.append(_("Round {n}").format(n=rnd["round"]))
        for event in rnd["events"]:
            mark = "" if event["documented"] else " " + _("[illustrative]")
            kind = _MARKS.get(event["kind"], event["kind"])
            lines.append(f"  {_pad(_(kind), 5)} {event['narration']}{mark}")
        lines.append("")
    lines.append(_("What became of each member (standing, suspicion, fear are illustrative, 0–100):"))
    for m in data["members"]:
        name = names[m["index"]]
        lines.append(f"  {m['index']:>2} {_pad(name, 14)} {_pad(_(m['outcome']), 17)} " + _(
            "standing {standing}  suspicion {suspicion}  fear {fear}  criticised {criticised}×  "
            "singled out {singled}×").format(
                standing=f"{m['standing']:5.1f}", suspicion=f"{m['suspicion']:5.1f}", fear=f"{m['fear']:5.1f}",
                criticised=f"{m['times_criticised']:>3}", singled=m["times_singled_out"]))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> None:
    _check(args)
    try:
        session = Session(args.participants, rounds=args.rounds, seed=args.seed,
                          target=args.target, media=args.media)
        session.run()
    except CriticismError as exc:
        raise CliError(exc.message) from None
    _emit(args, session_json(session), transcript)


COMMANDS["criticism"] = (N_("watch a criticism and self-criticism session on autopilot"), add_arguments, run)

"""``ermu-cli criticism``: watch a criticism and self-criticism session on autopilot.

Importing this module registers the subcommand in :data:`models.cli.COMMANDS`.
"""

from __future__ import annotations

import argparse

from .cli import COMMANDS, CliError, _emit, _int, _seed
from .criticism import (MAX_PARTICIPANTS, MAX_ROUNDS, MIN_PARTICIPANTS, MIN_ROUNDS, CriticismError,
                        Session, session_json)

#: What each kind of step is called in the plain-text transcript.
_MARKS = {"open": "CHAIR", "single-out": "CHAIR", "self-criticism": "SELF", "criticism": "CRIT",
          "silence": "----", "publish": "PRESS"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--participants", required=True, type=_int,
                        help=f"how many members sit in the session ({MIN_PARTICIPANTS} to {MAX_PARTICIPANTS})")
    parser.add_argument("--rounds", type=_int, default=3,
                        help=f"how many rounds ({MIN_ROUNDS} to {MAX_ROUNDS}, default 3)")
    parser.add_argument("--seed", type=_seed, default=0, help="the seed (default 0)")
    parser.add_argument("--target", type=_int, default=None,
                        help="the member (0-based seat) the chair singles out in round 1; "
                             "default: the chair's own rule")
    parser.add_argument("--media", action="store_true",
                        help="publish each round's record to the whole unit")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _check(args: argparse.Namespace) -> None:
    if not MIN_PARTICIPANTS <= args.participants <= MAX_PARTICIPANTS:
        raise CliError(f"--participants must be between {MIN_PARTICIPANTS} and {MAX_PARTICIPANTS}, "
                       f"not {args.participants}")
    if not MIN_ROUNDS <= args.rounds <= MAX_ROUNDS:
        raise CliError(f"--rounds must be between {MIN_ROUNDS} and {MAX_ROUNDS}, not {args.rounds}")
    if args.target is not None and not 0 <= args.target < args.participants:
        raise CliError(f"--target must be a seat from 0 to {args.participants - 1}, not {args.target}")


def transcript(data: dict) -> str:
    """A readable transcript of a session's JSON."""
    names = {m["index"]: m["name"] for m in data["members"]}
    lines = [f"Criticism and self-criticism — {data['participants']} members, seed {data['seed']}"
             f"{', media mode' if data['media'] else ''}",
             f"Chair: {data['chair']['title']} ({data['chair']['hanzi']} {data['chair']['pinyin']})", ""]
    for rnd in data["rounds"]:
        target = rnd["singled_out"]
        singled = f" — {names[target]} singled out" if target is not None else ""
        lines.append(f"Round {rnd['round']}{singled}")
        for event in rnd["events"]:
            mark = "" if event["documented"] else " [illustrative]"
            lines.append(f"  {_MARKS.get(event['kind'], event['kind']):<5} {event['narration']}{mark}")
        lines.append("")
    lines.append("What became of each member (standing, suspicion, fear are illustrative, 0–100):")
    for m in data["members"]:
        lines.append(f"  {m['index']:>2} {m['name']:<14} {m['outcome']:<17} standing {m['standing']:5.1f}  "
                     f"suspicion {m['suspicion']:5.1f}  fear {m['fear']:5.1f}  "
                     f"criticised {m['times_criticised']:>3}×  singled out {m['times_singled_out']}×")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> None:
    _check(args)
    try:
        session = Session(args.participants, rounds=args.rounds, seed=args.seed,
                          target=args.target, media=args.media)
        session.run()
    except CriticismError as exc:
        raise CliError(str(exc)) from None
    _emit(args, session_json(session), transcript)


COMMANDS["criticism"] = ("watch a criticism and self-criticism session on autopilot", add_arguments, run)

"""``ermu-cli credit``: the Social Credit model, headless.

Importing this module registers the ``credit`` subcommand in :data:`models.cli.COMMANDS`.

Usage::

    ermu-cli credit --scheme commercial --score 700 [--json]
    ermu-cli credit --scheme pilot --score 820 [--json]
    ermu-cli credit --scheme national --events year.json [--json] [--trace]
    ermu-cli credit --scheme pilot --events year.json [--json] [--trace]

With ``--score`` it prints what that score brings under the scheme: with ``--json`` one
object with ``scheme``, ``score``, ``grade`` (pilot only), ``lists``, ``benefits`` and
``restrictions`` (each effect with its ``threshold``, ``comparison``, ``documented`` flag,
``evidence`` and ``sources``), and the scheme's ``range``. A score outside the scheme's
range is refused (exit 2); the national scheme has no score.

With ``--events FILE`` it plays a year of behaviours for one citizen of a generated
village and reports the lists entered and left, and the restrictions and benefits in
force at the end (``--trace`` adds every step). The file is JSON, read as data and never
executed; its format is documented in :mod:`models.credit.events`::

    {"citizen": {"seed": 7, "households": 20},
     "events": [{"month": 2, "behaviour": "ignore-court-order"},
                {"month": 5, "behaviour": "obey-court-order"},
                {"month": 6, "appeal": "I have paid; please correct the entry."}]}

A malformed file exits 2 with one line naming the first problem and where it is.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli import COMMANDS, CliError, _emit

MAX_EVENTS_FILE = 2_000_000


def _score(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scheme", required=True, choices=["commercial", "pilot", "national"],
                        help="commercial (Sesame-style), pilot (local grades) or national (lists)")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--score", type=_score, help="a score to look up (commercial: 350-950)")
    what.add_argument("--events", metavar="FILE", help="a JSON file of a year's events to play")
    parser.add_argument("--trace", action="store_true", help="with --events: print every step")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _read_events(path_text: str):
    from .credit.events import EventsError, parse_events

    import stat

    path = Path(path_text)
    try:
        if path.is_dir():
            raise CliError(f"events file {path_text}: is a folder, not a file")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise CliError(f"events file {path_text}: is not an ordinary file (a pipe or a device could be read "
                           "forever): save the events to a file first")
        size = info.st_size
        if size > MAX_EVENTS_FILE:
            raise CliError(f"events file {path_text}: larger than {MAX_EVENTS_FILE:,} bytes; split the year up")
        data = path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"events file {path_text}: not found; check the path") from None
    except PermissionError:
        raise CliError(f"events file {path_text}: not allowed to read it") from None
    except OSError as exc:
        raise CliError(f"events file {path_text[:200]}: cannot be read ({exc.strerror or exc})") from None
    except ValueError:  # a NUL in the name
        raise CliError(f"events file {path_text!r:.200}: no file name may contain that character") from None
    try:
        return parse_events(data, name=f"events file {path_text}")
    except EventsError as exc:
        raise CliError(str(exc)) from None


def _citizen(choice, where: str):
    from .credit.citizen import Citizen
    from .population import Population

    population = Population.generate(choice.households, seed=choice.seed)
    if choice.household is None:
        citizen = Citizen.sample(seed=choice.seed, households=choice.households)
    else:
        citizen = Citizen(population[choice.household], 0)
    if choice.member >= citizen.household.size:
        raise CliError(f"{where}: citizen.member {choice.member}: household {citizen.household.id} has members 0 to "
                       f"{citizen.household.size - 1}")
    return Citizen(citizen.household, choice.member)


def _effect_line(g: dict) -> str:
    cause = (f"score {g['comparison'].replace('-', ' ')} {g['threshold']:,}" if g["threshold"] is not None
             else f"on the {g['via_list']}")
    whom = " (falls on the children)" if g["falls_on"] == "children" else ""
    mark = "" if g["documented"] else " [illustrative]"
    return f"  - {g['text']}{whom} — {cause}; {g['evidence']}{mark}"


def _standing_text(d: dict) -> str:
    lines = [f"Scheme: {d['scheme']}" + (f", score {d['score']:,}" if d.get("score") is not None else "")
             + (f", grade {d['grade']}" if d.get("grade") else "")]
    lines.append("Lists: " + (", ".join(d["lists"]) if d["lists"] else "none"))
    lines.append("Benefits:" + ("" if d["benefits"] else " none"))
    lines.extend(_effect_line(g) for g in d["benefits"])
    lines.append("Restrictions:" + ("" if d["restrictions"] else " none"))
    lines.extend(_effect_line(g) for g in d["restrictions"])
    return "\n".join(lines)


def _cmd_credit(args: argparse.Namespace) -> None:
    from .credit.schemes import SchemeError, get_scheme

    scheme = get_scheme(args.scheme)
    if args.score is not None and not scheme.has_score:
        raise CliError("the national scheme keeps lists, not a score: use --events FILE instead")
    if args.score is not None:
        if args.trace:
            raise CliError("--trace goes with --events, not with --score")
        try:
            data = scheme.standing(args.score).to_json()
        except SchemeError as exc:
            raise CliError(str(exc)) from None
        data["range"] = [scheme.minimum, scheme.maximum]
        data["range_documented"] = scheme.range_documented
        _emit(args, data, _standing_text)
        return
    _play(args, scheme)


def _play(args: argparse.Namespace, scheme) -> None:
    from .credit.engine import simulate_year

    stream = _read_events(args.events)
    citizen = _citizen(stream.citizen, f"events file {args.events}")
    year = simulate_year(citizen, scheme.id, stream.events, seed=stream.citizen.seed)
    final = year.final.to_json()
    data = {
        "scheme": scheme.id,
        "citizen": year.to_json()["citizen"],
        "score": final["score"],
        "lists": final["lists"],
        "memberships": [{"list": m.list_id, "start": m.start, "end": m.end, "reason": m.reason}
                        for m in year.memberships],
        "benefits": final["benefits"],
        "restrictions": final["restrictions"],
        "months": [{"month": m.month, "score": m.score, "lists": list(m.standing.lists),
                    "restrictions": [g.effect.id for g in m.standing.restrictions]} for m in year.months],
        "steps": len(year.trace),
    }
    if scheme.grades:
        data["grade"] = final.get("grade")
    if args.trace:
        data["trace"] = year.trace.to_json()

    def text(d: dict) -> str:
        c = d["citizen"]
        lines = [f"{c['name']} ({c['hanzi']}, {c['age']}) of household {c['household']} — {d['scheme']} scheme"]
        for m in d["memberships"]:
            until = f"to month {m['end']}" if m["end"] else "still listed"
            lines.append(f"  {m['list']}: from month {m['start']}, {until} (cause: {m['reason']})")
        if not d["memberships"]:
            lines.append("  on no list this year")
        lines.append(_standing_text({**d, "score": d["score"], "grade": d.get("grade")}))
        if "trace" in d:
            lines.extend(f"  {s['time']:>3} {s['kind']:<12} {s['narration']}" for s in d["trace"])
        return "\n".join(lines)

    _emit(args, data, text)


COMMANDS["credit"] = ("what a credit score or a year of behaviour brings under one scheme",
                      add_arguments, _cmd_credit)

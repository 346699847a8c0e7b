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
from .i18n import _

MAX_EVENTS_FILE = 2_000_000


def _score(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("must be a whole number, not {text}").format(text=repr(text))) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scheme", required=True, choices=["commercial", "pilot", "national"],
                        help=_("commercial (Sesame-style), pilot (local grades) or national (lists)"))
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--score", type=_score, help=_("a score to look up (commercial: 350-950)"))
    what.add_argument("--events", metavar="FILE", help=_("a JSON file of a year's events to play"))
    parser.add_argument("--trace", action="store_true", help=_("with --events: print every step"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object"))


def _read_events(path_text: str):
    from .credit.events import EventsError, parse_events

    import stat

    path = Path(path_text)
    try:
        if path.is_dir():
            raise CliError(_("events file {path}: is a folder, not a file").format(path=path_text))
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise CliError(_("events file {path}: is not an ordinary file (a pipe or a device could be read "
                             "forever): save the events to a file first").format(path=path_text))
        size = info.st_size
        if size > MAX_EVENTS_FILE:
            raise CliError(_("events file {path}: larger than {limit} bytes; split the year up").format(
                path=path_text, limit=f"{MAX_EVENTS_FILE:,}"))
        data = path.read_bytes()
    except FileNotFoundError:
        raise CliError(_("events file {path}: not found; check the path").format(path=path_text)) from None
    except PermissionError:
        raise CliError(_("events file {path}: not allowed to read it").format(path=path_text)) from None
    except OSError as exc:
        raise CliError(_("events file {path}: cannot be read ({problem})").format(
            path=path_text[:200], problem=exc.strerror or exc)) from None
    except ValueError:  # a NUL in the name
        raise CliError(_("events file {path}: no file name may contain that character").format(
            path=f"{path_text!r:.200}")) from None
    try:
        return parse_events(data, name=_("events file {path}").format(path=path_text))
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
        raise CliError(_("{where}: citizen.member {member}: household {household} has members 0 to {last}").format(
            where=where, member=choice.member, household=citizen.household.id, last=citizen.household.size - 1))
    return Citizen(citizen.household, choice.member)


def _list_name(list_id: str) -> str:
    from .credit.lists import LISTS

    return LISTS[list_id].name.said("english").render() if list_id in LISTS else list_id


def _effect_line(g: dict) -> str:
    from .credit.effects import Comparison, Threshold
    from .credit.evidence import Evidence

    if g["threshold"] is not None:
        cause = _("score {band}").format(band=Threshold(g["threshold"], Comparison(g["comparison"])).describe())
    else:
        cause = _("on the {list}").format(list=_list_name(g["via_list"]))
    what = _("{effect} (falls on the children)").format(effect=g["text"]) if g["falls_on"] == "children" else g["text"]
    mark = "" if g["documented"] else " " + _("[illustrative]")
    return f"  - {what} — {cause}{_('; ')}{Evidence(g['evidence']).label}{mark}"


def _standing_text(d: dict) -> str:
    from .credit.schemes import get_scheme

    lines = [_("Scheme: {scheme}").format(scheme=_(get_scheme(d["scheme"]).title))]
    if d.get("score") is not None and d.get("grade"):
        lines.append(_("Score {score}, grade {grade}").format(score=f"{d['score']:,}", grade=d["grade"]))
    elif d.get("score") is not None:
        lines.append(_("Score {score}").format(score=f"{d['score']:,}"))
    lines.append(_("Lists: {lists}").format(lists=_("; ").join(_list_name(i) for i in d["lists"]) if d["lists"]
                                            else _("none")))
    lines.append(_("Benefits:") if d["benefits"] else _("Benefits: none"))
    lines.extend(_effect_line(g) for g in d["benefits"])
    lines.append(_("Restrictions:") if d["restrictions"] else _("Restrictions: none"))
    lines.extend(_effect_line(g) for g in d["restrictions"])
    return "\n".join(lines)


def _cmd_credit(args: argparse.Namespace) -> None:
    from .credit.schemes import SchemeError, get_scheme

    scheme = get_scheme(args.scheme)
    if args.score is not None and not scheme.has_score:
        raise CliError(_("the national scheme keeps lists, not a score: use --events FILE instead"))
    if args.score is not None:
        if args.trace:
            raise CliError(_("--trace goes with --events, not with --score"))
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
    from .credit.behaviours import BEHAVIOURS
    from .credit.engine import simulate_year
    from .credit.texts import said

    stream = _read_events(args.events)
    citizen = _citizen(stream.citizen, _("events file {path}").format(path=args.events))
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
        for step in data["trace"]:  # the rule is a claim of the credit data: its text in the current language
            step["rule"] = said(step["rule"])

    def cause(reason: str) -> str:
        return _("the score") if reason not in BEHAVIOURS else _(BEHAVIOURS[reason].label)

    def text(d: dict) -> str:
        lines = [_("{citizen} — {scheme}").format(citizen=citizen.label(), scheme=_(scheme.title))]
        for m in d["memberships"]:
            if m["end"]:
                lines.append("  " + _("{list}: from month {start} to month {end} (cause: {cause})").format(
                    list=_list_name(m["list"]), start=m["start"], end=m["end"], cause=cause(m["reason"])))
            else:
                lines.append("  " + _("{list}: from month {start}, still listed (cause: {cause})").format(
                    list=_list_name(m["list"]), start=m["start"], cause=cause(m["reason"])))
        if not d["memberships"]:
            lines.append("  " + _("on no list this year"))
        lines.append(_standing_text({**d, "score": d["score"], "grade": d.get("grade")}))
        if "trace" in d:
            lines.extend(f"  {s['time']:>3} {s['kind']:<12} {s['narration']}" for s in d["trace"])
        return "\n".join(lines)

    _emit(args, data, text)


COMMANDS["credit"] = ("what a credit score or a year of behaviour brings under one scheme",
                      add_arguments, _cmd_credit)

"""ermu-cli incident and compare: one offence played through a regime, or through several."""

from __future__ import annotations

import argparse

from .cli import COMMANDS, CliError, _emit, _int, _population, add_village_arguments
from .i18n import N_, _, ngettext
from .messages import Phrase, msg
from .regimes.texts import said
from .propagation import Incident, Parameters, Response, compare, simulate


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("must be a number between 0 and 1, not {text!r}").format(text=text)) from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(_("must be between 0 and 1, not {value}").format(value=value))
    return value


def _incident_arguments(parser: argparse.ArgumentParser, *, many: bool = False) -> None:
    if many:
        parser.add_argument("--regimes", required=True, help=_("regime ids separated by commas"))
    add_village_arguments(parser, regime=not many)
    parser.add_argument("--offender", required=True, type=_int, help=_("the offending household (0-based)"))
    parser.add_argument("--offence", required=True, help=_("theft, banditry, harbouring-stranger, tax-default, "
                                                           "failing-to-register or dissent"))
    parser.add_argument("--response", required=True, choices=[r.value for r in Response])
    parser.add_argument("--scope", help=_("widen collective punishment to this level (e.g. jia)"))
    parser.add_argument("--undiscovered", action="store_true", help=_("a concealment the authorities never learn of"))
    parser.add_argument("--observation-probability", type=_probability, help=_("illustrative (default 0.9)"))
    parser.add_argument("--register-error-rate", type=_probability, help=_("illustrative (default 0)"))


def _incident(args: argparse.Namespace) -> tuple[Incident, Parameters]:
    return (Incident(args.offender, args.offence, args.response, args.scope, discovered=not args.undiscovered),
            Parameters(observation_probability=args.observation_probability,
                       register_error_rate=args.register_error_rate, seed=args.seed))


#: How the CLI names responses and roles (the JSON keeps the ids).
RESPONSES = {"self-report": N_("self-report"), "reported": N_("reported"), "concealed": N_("concealed")}
ROLES = {"offender": N_("offender"), "neighbour": N_("neighbour"), "leader": N_("leader")}


def _cmd_incident(args: argparse.Namespace) -> None:
    from .hierarchy import group
    from .regimes import get_regime

    try:
        regime = get_regime(args.regime)
        incident, params = _incident(args)
        result = simulate(group(_population(args), regime, year=args.year), incident, params)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    o = result.outcome
    data = {
        "regime": regime.id, "households": args.households, "seed": args.seed, "offender": args.offender,
        "offence": args.offence, "response": args.response, "scope": args.scope or regime.liability.collective_level,
        "title": _(regime.title),
        "steps": result.trace.to_json(),
        "liable": [{"household": i.household, "severity": i.severity, "role": i.role, "rule": said(i.rule.text),
                    "sources": [str(s) for s in i.rule.sources], "documented": i.rule.documented,
                    "severity_documented": i.rule.severity_documented} for i in o.liable],
        "liable_households": o.liable_households, "liable_people": o.liable_people,
        "steps_to_government": o.steps_to_government, "leaders_involved": o.leaders_involved,
        "parameters": {k: {"value": v, "illustrative": not d} for k, (v, d) in result.parameters_used.items()},
    }

    def text(d: dict) -> str:
        from .offences import get_offence

        lines = [_("{regime}: household {household}, {offence}, {response}").format(
            regime=_(regime.title), household=d["offender"], offence=Phrase(get_offence(d["offence"]).label),
            response=_(RESPONSES.get(d["response"], d["response"])))]
        lines += [f"  {s['time']:>3}  {s['narration']}" for s in d["steps"]]
        lines.append(ngettext("Liable: {households} household, {people} people; severity on an illustrative "
                              "scale of 0-4.",
                              "Liable: {households} households, {people} people; severity on an illustrative "
                              "scale of 0-4.", d["liable_households"]).format(
            households=d["liable_households"], people=d["liable_people"]))
        for item in d["liable"]:
            mark = ", ".join(item["sources"]) if item["documented"] else _("Ermu's assumption")
            lines.append(_("  household {household:>6}  severity {severity}  {role:<9} [{mark}]").format(
                household=item["household"], severity=item["severity"], role=_(ROLES.get(item["role"], item["role"])),
                mark=mark))
        return "\n".join(lines)

    _emit(args, data, text)


def _cmd_compare(args: argparse.Namespace) -> None:
    ids = [r.strip() for r in args.regimes.split(",") if r.strip()]
    if not 2 <= len(ids) <= 8:
        raise CliError(msg("cli.compare.regimes", "compare takes two to eight regimes separated by commas"))
    try:
        incident, params = _incident(args)
        rows = compare(_population(args), ids, incident, params)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    data = {"households": args.households, "offender": args.offender, "offence": args.offence,
            "response": args.response, "rows": [row.__dict__ for row in rows]}

    def text(d: dict) -> str:
        lines = [f"{_('regime'):<14}{_('households'):>11}{_('people'):>8}{_('steps'):>7}{_('leaders'):>9}"]
        for r in d["rows"]:
            if r["error"]:
                lines.append(f"{r['regime_id']:<14}  {r['error']}")
            else:
                steps = r["steps_to_government"] if r["steps_to_government"] is not None else _("never")
                lines.append(f"{r['regime_id']:<14}{r['liable_households']:>11}{r['liable_people']:>8}"
                             f"{steps:>7}{r['leaders_involved']:>9}")
        return "\n".join(lines)

    _emit(args, data, text)


COMMANDS["incident"] = (N_("play one offence through a regime's hierarchy"), _incident_arguments, _cmd_incident)
COMMANDS["compare"] = (N_("the same offence under several regimes"),
                       lambda p: _incident_arguments(p, many=True), _cmd_compare)

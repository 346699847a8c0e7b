"""ermu-cli: the headless face of the Ermu engine.

Every command prints readable text, or one JSON object with ``--json``. Bad input exits
with status 2 and one line on stderr saying what is wrong and what is allowed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Callable, Sequence

from .population import MAX_HOUSEHOLDS, Population, PopulationError, Setting, check_count


class CliError(Exception):
    """Bad input: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own errors: one line, status 2
        raise CliError(message)


def _positive_int(text: str) -> int:
    try:
        return check_count(text)
    except PopulationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {_shown(text)}") from None


#: The largest seed: any whole number a 64-bit register holds.
MAX_SEED = 2**63 - 1


def _seed(text: str) -> int:
    value = _int(text)
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to {MAX_SEED:,}, not {_shown(text)}")
    return value


def _shown(text: str) -> str:
    """User text as it may appear in a one-line error: quoted, short, control characters escaped."""
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:50] + "…" + shown[-8:]


def _emit(args: argparse.Namespace, data: dict, text: Callable[[dict], str]) -> None:
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text(data).rstrip("\n") + "\n")


# -- regimes ------------------------------------------------------------------------------
def _cmd_regimes(args: argparse.Namespace) -> None:
    from .regimes import REGIMES
    from .regimes.counties import STRUCTURES

    data = {
        "regimes": [
            {
                "id": r.id,
                "title": r.title,
                "name": r.name.display(),
                "dynasty": r.dynasty,
                "start_year": r.start_year,
                "end_year": r.end_year,
                "years": r.years_label(),
                "date_notes": list(r.date_notes()),
                "levels": [
                    {"id": lv.id, "name": lv.name.romanized or lv.id, "display": lv.name.display(),
                     "size": lv.size, "counts": lv.counts}
                    for lv in r.levels
                ],
                "scope": r.scope.text,
                "mandatory": r.mandatory,
                "sources": sorted(r.all_sources()),
            }
            for r in REGIMES.values()
        ],
        "territorial": [
            {"id": c.id, "title": c.title, "tiers": [t.display() for t in c.tiers], "where": c.where,
             "sources": [str(s) for s in c.sources]}
            for c in STRUCTURES
        ],
    }

    def text(d: dict) -> str:
        lines = []
        for r in d["regimes"]:
            levels = " → ".join(f"{lv['name']} ({lv['size']} {lv['counts']})" for lv in r["levels"])
            lines.append(f"{r['id']:<14} {r['title']} ({r['years']}): {levels}")
            lines.extend(f"{'':<14} {note}" for note in r["date_notes"])
        lines.append("Beside them, the Ming county subdivisions (places, not household groups):")
        for c in d["territorial"]:
            lines.append(f"  {c['title']}: {' → '.join(c['tiers'])}; {c['where']}")
        return "\n".join(lines)

    _emit(args, data, text)


# -- build --------------------------------------------------------------------------------
def _cmd_build(args: argparse.Namespace) -> None:
    from .dating import year_label
    from .hierarchy import group
    from .regimes import get_regime

    regime = _regime(args.regime, get_regime)
    population = _population(args)
    hierarchy = group(population, regime, year=args.year)
    data = hierarchy.summary()
    data["seed"] = args.seed
    data["setting"] = Setting.parse(args.setting).label

    def text(d: dict) -> str:
        lines = [
            f"{regime.title} — {regime.name.display()}, from {year_label(regime.start_year, regime.start_note)}",
            f"{d['households']:,} households ({d['setting']}, seed {d['seed']}); "
            f"{d['in_scope']:,} in scope, {d['excluded']:,} excluded ({regime.scope.text})",
        ]
        for lv in d["levels"]:
            partial = f", {lv['incomplete_units']} incomplete" if lv["incomplete_units"] else ""
            leader = f"; head: {lv['leader']}" if lv["leader"] else "; no designated head"
            lines.append(f"  {lv['display']:<22} {lv['units']:>9,} units of {lv['households_per_unit']:,} "
                         f"households{partial}{leader}")
        lines.append(f"Remainder rule: {d['remainder_rule']}")
        return "\n".join(lines)

    _emit(args, data, text)


def _regime(regime_id: str, getter):
    try:
        return getter(regime_id)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def _population(args: argparse.Namespace) -> Population:
    try:
        return Population.generate(args.households, seed=args.seed, setting=args.setting)
    except PopulationError as exc:
        raise CliError(str(exc)) from None


def add_village_arguments(parser: argparse.ArgumentParser, *, regime: bool = True) -> None:
    if regime:
        parser.add_argument("--regime", required=True, help="a regime id (see 'ermu-cli regimes')")
    parser.add_argument("--households", required=True, type=_positive_int,
                        help=f"how many households (1 to {MAX_HOUSEHOLDS:,})")
    parser.add_argument("--seed", type=_seed, default=0, help="the village seed (default 0)")
    parser.add_argument("--setting", default="rural", choices=[s.label for s in Setting],
                        help="where the village lies (default rural)")
    parser.add_argument("--year", type=_int, default=None, help="the year (default: the regime's first)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


# -- entry point --------------------------------------------------------------------------
#: Other modules add their subcommands here: name -> (help, add_arguments, handler).
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], None]]] = {
    "regimes": ("list the historical regimes",
                lambda p: p.add_argument("--json", action="store_true", help="print one JSON object"),
                _cmd_regimes),
    "build": ("build a sample village and print its hierarchy", add_village_arguments, _cmd_build),
}


#: Modules that register further subcommands in COMMANDS when imported: each holds one
#: face of the engine (incidents, criticism sessions, credit, the library).
EXTRA_COMMAND_MODULES: tuple[str, ...] = ("cli_incident", "cli_criticism", "cli_credit", "cli_library",
                                          "cli_years", "cli_empire", "cli_kiosk")


def _extra_commands() -> None:
    """Subcommands that live in their own modules, registered on first use."""
    import importlib
    import importlib.util

    for name in EXTRA_COMMAND_MODULES:
        if importlib.util.find_spec(f"{__package__}.{name}") is not None:
            importlib.import_module(f"{__package__}.{name}")


def make_parser() -> argparse.ArgumentParser:
    _extra_commands()
    parser = _Parser(prog="ermu-cli", description="Ermu (耳目): mutual surveillance in China, headless.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, (help_text, add_arguments, handler) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_arguments(p)
        p.set_defaults(handler=handler)
    return parser


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; bad input ends in one line on stderr and status 2, never a traceback."""
    from .messages import ErmuError

    try:
        args = make_parser().parse_args(argv)
        args.handler(args)
    except CliError as exc:
        print(f"ermu-cli: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except ErmuError as exc:  # a model's typed error: its sentence is already for people
        print(f"ermu-cli: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except MemoryError:
        print("ermu-cli: error: not enough memory for that many households: ask for fewer", file=sys.stderr)
        return 2
    except OSError as exc:  # a file or folder the system refused (a read-only disk, a name too long)
        where = f" ({_shown(exc.filename)})" if getattr(exc, "filename", None) else ""
        print(f"ermu-cli: error: the system refused{where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ermu-cli: stopped", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug; still one line, and the fuzz test looks for these
        import logging

        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        print(f"ermu-cli: internal error: {type(exc).__name__}: {_one_line(exc)[:200]} "
              "(this is a bug in Ermu; please report it)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # python -m: run the installed module, where subcommands register
    from ermu.models.cli import main as installed_main

    sys.exit(installed_main())

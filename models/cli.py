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
from .i18n import N_, _
from .messages import ErmuError


class CliError(ErmuError):
    """Bad input: printed as one line, exit status 2 (a message with a key, or argparse's own words)."""

    default_key = "error.cli"


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
        raise argparse.ArgumentTypeError(_("must be a whole number, not {text}").format(text=_shown(text))) from None


#: The largest seed: any whole number a 64-bit register holds.
MAX_SEED = 2**63 - 1


def _seed(text: str) -> int:
    value = _int(text)
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(_("must be a whole number from 0 to {most}, not {text}").format(
            most=f"{MAX_SEED:,}", text=_shown(text)))
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
#: Where a village lies, as the CLI names it (the JSON keeps the ids).
SETTINGS = {"rural": N_("rural"), "suburban": N_("suburban"), "urban": N_("urban"), "capital": N_("capital")}
#: How a level's size is counted, as the CLI names it (the JSON keeps the ids).
COUNTS = {"households": N_("households"), "families": N_("families"), "units": N_("units")}


def _cmd_regimes(args: argparse.Namespace) -> None:
    from .i18n import _
    from .regimes import REGIMES
    from .regimes.counties import STRUCTURES
    from .language import is_chinese
    from .regimes.texts import said

    data = {
        "regimes": [
            {
                "id": r.id,
                "title": _(r.title),
                "name": r.name.display(),
                "dynasty": r.dynasty,
                "start_year": r.start_year,
                "end_year": r.end_year,
                "years": r.years_label(),
                "date_notes": [said(note) for note in r.date_notes()],
                "levels": [
                    {"id": lv.id, "name": lv.name.romanized or lv.id, "display": lv.name.display(),
                     "size": lv.size, "counts": lv.counts}
                    for lv in r.levels
                ],
                "scope": said(r.scope.text),
                "mandatory": r.mandatory,
                "sources": sorted(r.all_sources()),
            }
            for r in REGIMES.values()
        ],
        "territorial": [
            {"id": c.id, "title": said(c.title), "tiers": [t.shown() for t in c.tiers], "where": said(c.where),
             "sources": [str(s) for s in c.sources]}
            for c in STRUCTURES
        ],
    }

    def text(d: dict) -> str:
        lines = []
        for r in d["regimes"]:
            names = [level.name.shown() if is_chinese() else None for level in REGIMES[r["id"]].levels]
            levels = " → ".join(_("{name} ({size} {counts})").format(
                name=shown or lv["name"], size=lv["size"], counts=_(COUNTS.get(lv["counts"], lv["counts"])))
                for lv, shown in zip(r["levels"], names))
            lines.append(f"{r['id']:<14} {r['title']} ({r['years']}): {levels}")
            lines.extend(f"{'':<14} {note}" for note in r["date_notes"])
        lines.append(_("Beside them, the Ming county subdivisions (places, not household groups):"))
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
        from .i18n import _
        from .regimes.texts import said

        lines = [
            _("{regime} — {name}, from {year}").format(regime=_(regime.title), name=regime.name.shown(),
                                                       year=year_label(regime.start_year, regime.start_note)),
            _("{households} households ({setting}, seed {seed}); {in_scope} in scope, {excluded} excluded "
              "({scope})").format(households=f"{d['households']:,}", setting=_(SETTINGS.get(d["setting"], d["setting"])), seed=d["seed"],
                                  in_scope=f"{d['in_scope']:,}", excluded=f"{d['excluded']:,}",
                                  scope=said(regime.scope.text)),
        ]
        for lv in d["levels"]:
            partial = _(", {count} incomplete").format(count=lv["incomplete_units"]) if lv["incomplete_units"] else ""
            leader = (_("; head: {title}").format(title=lv["leader"]) if lv["leader"]
                      else _("; no designated head"))
            lines.append(f"  {lv['display']:<22} " + _("{units} units of {size} households{partial}{leader}").format(
                units=f"{lv['units']:>9,}", size=f"{lv['households_per_unit']:,}", partial=partial, leader=leader))
        lines.append(_("Remainder rule: {rule}").format(rule=_(d["remainder_rule"])))
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
        parser.add_argument("--regime", required=True, help=_("a regime id (see 'ermu-cli regimes')"))
    parser.add_argument("--households", required=True, type=_positive_int,
                        help=_("how many households (1 to {most})").format(most=f"{MAX_HOUSEHOLDS:,}"))
    parser.add_argument("--seed", type=_seed, default=0, help=_("the village seed (default 0)"))
    parser.add_argument("--setting", default="rural", choices=[s.label for s in Setting],
                        help=_("where the village lies (default rural)"))
    parser.add_argument("--year", type=_int, default=None, help=_("the year (default: the regime's first)"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object"))


# -- entry point --------------------------------------------------------------------------
#: Other modules add their subcommands here: name -> (help, add_arguments, handler).
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], None]]] = {
    "regimes": (N_("list the historical regimes"),
                lambda p: p.add_argument("--json", action="store_true", help=_("print one JSON object")),
                _cmd_regimes),
    "build": (N_("build a sample village and print its hierarchy"), add_village_arguments, _cmd_build),
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
    parser = _Parser(prog="ermu-cli", description=_("Ermu (耳目): mutual surveillance in China, headless."))
    _language_argument(parser)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, (help_text, add_arguments, handler) in COMMANDS.items():
        p = sub.add_parser(name, help=_(help_text), description=_(help_text))
        add_arguments(p)
        _language_argument(p, default=argparse.SUPPRESS)
        p.set_defaults(handler=handler)
    return parser


def _language(text: str) -> str:
    from .language import LanguageError, normalise

    try:
        return normalise(text)
    except LanguageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _language_argument(parser: argparse.ArgumentParser, default=None) -> None:
    """``--lang en|zh-Hans|zh-Hant``, before or after the command (default: the OS locale, else English).

    Text is printed in that language; ``--json`` keeps its keys and ids in English and
    translates only the text fields.
    """
    parser.add_argument("--lang", type=_language, default=default, metavar="LANG",
                        help=_("en, zh-Hans or zh-Hant (default: the system's language when Ermu has it)"))


def _choose_language(argv: Sequence[str] | None) -> None:
    """Speak the language asked for (or the system's) before any message is built or parsed."""
    from .language import ENGLISH, set_language, system_language

    args = list(sys.argv[1:] if argv is None else argv)
    chosen = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    try:
        set_language(chosen or system_language() or ENGLISH)
    except ValueError:
        set_language(ENGLISH)  # argparse reports the bad value as one line


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; bad input ends in one line on stderr and status 2, never a traceback."""
    try:
        _choose_language(argv)
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
        print("ermu-cli: error: " + _("not enough memory for that many households: ask for fewer"), file=sys.stderr)
        return 2
    except OSError as exc:  # a file or folder the system refused (a read-only disk, a name too long)
        where = f" ({_shown(exc.filename)})" if getattr(exc, "filename", None) else ""
        print("ermu-cli: error: " + _("the system refused{where}: {reason}").format(where=where,
                                                                                 reason=exc.strerror or exc),
              file=sys.stderr)
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

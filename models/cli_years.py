"""ermu-cli years and experiment: a village over the years, and experiments across regimes."""

from __future__ import annotations

import argparse
import math

from pathlib import Path

from .cli import COMMANDS, CliError, _emit, _int, _positive_int, _seed
from .i18n import N_, _, ngettext
from .messages import ErmuError, msg


def _parameters(pairs: list[str] | None):
    from .years.parameters import YearParameters

    values = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(msg("cli.years.parameter", "write a parameter as NAME=VALUE, e.g. register_error_rate=0.1, "
                               "not {pair!r}", pair=pair))
        values[name.strip()] = value.strip()
    return YearParameters({k: _number(v) for k, v in values.items()})


def _number(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text  # the parameter's own check says what it must be


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=_positive_int, default=200,
                        help=_("households in the village (default 200)"))
    parser.add_argument("--years", type=_int, default=50, help=_("years to simulate, 1 to 200 (default 50)"))
    parser.add_argument("--seed", type=_seed, default=0, help=_("the village and the random draws (default 0)"))
    parser.add_argument("--setting", default="rural", help=_("rural, suburban, urban or capital (default rural)"))
    parser.add_argument("--set", action="append", metavar="NAME=VALUE",
                        help=_("an illustrative parameter, e.g. --set register_error_rate=0.1 (repeatable)"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object (see README)"))


def _years_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--regime", required=True, help=_("a regime id (see 'ermu-cli regimes')"))
    _common(parser)


def _experiment_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--regimes", required=True, help=_("one to eight regime ids separated by commas"))
    parser.add_argument("--sweep", action="append", metavar="NAME=FROM:TO:STEPS",
                        help=_("a parameter to sweep, e.g. register_error_rate=0:0.2:5 (at most twice)"))
    parser.add_argument("--repetitions", type=_int, default=5,
                        help=_("runs per regime and point, 1 to 200 (default 5)"))
    parser.add_argument("--workers", type=_int, default=None, help=_("processes (default: as the work needs)"))
    parser.add_argument("--csv", type=Path, metavar="FILE", help=_("also write the results as CSV to FILE"))
    _common(parser)


def _experiment(args: argparse.Namespace, regimes: tuple[str, ...], sweeps: list[str] | None = None,
                repetitions: int = 1):
    from .years.experiment import Experiment, Sweep

    return Experiment(regimes, households=args.households, years=args.years, seed=args.seed,
                      repetitions=repetitions, parameters=_parameters(args.set),
                      sweeps=tuple(Sweep.parse(s) for s in sweeps or ()), setting=args.setting)


def _cmd_years(args: argparse.Namespace) -> None:
    from .regimes import REGIMES
    from .years.experiment import run_cell
    from .years.model import OUTPUTS
    from .years.parameters import FROM_REGIME, SPECS

    try:
        experiment = _experiment(args, (args.regime.strip(),))
        runs = run_cell(experiment, experiment.regimes[0], {})
        regime = REGIMES[experiment.regimes[0]]
        resolved = experiment.parameters.resolve(regime).as_dict()
    except ErmuError as exc:
        raise CliError(exc.message) from None
    data = {
        "regime": regime.id, "title": _(regime.title), "households": args.households, "years": args.years,
        "seed": args.seed, "setting": args.setting, "start_year": regime.start_year, "illustrative": True,
        "parameters": {name: {"value": value, "set": name in experiment.parameters.values,
                              "from_regime": SPECS[name].default == FROM_REGIME}
                       for name, value in resolved.items()},
        "outputs": list(OUTPUTS),
        "rows": [{"year": t + 1, "calendar_year": regime.start_year + t,
                  **{o: _clean(runs[0, t, i]) for i, o in enumerate(OUTPUTS)}} for t in range(args.years)],
    }

    def text(d: dict) -> str:
        heading = ngettext("{regime}: a village of {households} households over {years} year "
                           "(seed {seed}; every parameter illustrative)",
                           "{regime}: a village of {households} households over {years} years "
                           "(seed {seed}; every parameter illustrative)", d["years"])
        lines = [heading.format(regime=_(regime.title), households=f"{d['households']:,}", years=d["years"],
                                seed=d["seed"]),
                 _header(YEAR_COLUMNS)]
        for row in d["rows"]:
            lines.append(f"{row['year']:>5}{row['offences']:>9.0f}{_pct(row['share_reported']):>9}"
                         f"{_pct(row['share_discovered']):>7}{row['guilty_punished']:>7.0f}"
                         f"{row['innocents_punished']:>7.0f}{row['neighbours_punished']:>8.0f}{row['rewards']:>8.0f}"
                         f"{row['trust_neighbours']:>9.2f}{row['trust_state']:>9.2f}{_pct(row['share_closed']):>7}")
        return "\n".join(lines)

    _emit(args, data, text)


def _cmd_experiment(args: argparse.Namespace) -> None:
    from .years.runner import run_experiment

    regimes = tuple(r.strip() for r in args.regimes.split(",") if r.strip())
    try:
        experiment = _experiment(args, regimes, args.sweep, args.repetitions)
        if args.workers is not None and not 1 <= args.workers <= 64:
            raise CliError(msg("cli.years.workers", "workers must be from 1 to 64, not {n}", n=args.workers))
        if args.csv is not None:  # say so before the work, not after
            _check_target(args.csv)
        result = run_experiment(experiment, workers=args.workers)
    except CliError:
        raise
    except ErmuError as exc:
        raise CliError(exc.message) from None
    if args.csv is not None:
        try:
            args.csv.write_text(result.to_csv("sweep" if experiment.sweeps else "years"), encoding="utf-8")
        except (OSError, ValueError) as exc:
            raise CliError(msg("cli.years.csv-write", "cannot write {file}: {reason}", file=str(args.csv),
                               reason=str(getattr(exc, "strerror", None) or exc))) from None
    data = result.to_json()

    def text(d: dict) -> str:
        names = [s.name for s in experiment.sweeps]
        lines = [_("{regimes} regime(s), {households} households, {years} years, {repetitions} repetition(s) per "
                   "point; means per year over the run, ± about 95% (every parameter illustrative)").format(
                       regimes=len(regimes), households=f"{experiment.households:,}", years=experiment.years,
                       repetitions=experiment.repetitions),
                 _rjust(_("regime"), 14, left=True) + "".join(f"{n:>{len(n) + 2}}" for n in names)
                 + _header(EXPERIMENT_COLUMNS)]
        for cell in result.cells:
            m = dict(zip(d["outputs"], cell.per_run.mean))
            lines.append(f"{cell.regime:<14}" + "".join(f"{cell.point[n]:>{len(n) + 2}g}" for n in names)
                         + f"{m['offences']:>9.1f}{_pct(m['share_reported']):>9}{m['innocents_punished']:>10.2f}"
                         f"{m['neighbours_punished']:>11.2f}{m['trust_state']:>9.2f}{_pct(m['share_closed']):>8}")
        if args.csv is not None:
            lines.append(_("CSV written to {file}").format(file=args.csv))
        return "\n".join(lines)

    _emit(args, data, text)


def _check_target(path: Path) -> None:
    """A CSV goes to a regular file in an existing folder: never a pipe, a device or a folder."""
    text = str(path)
    if "\x00" in text:
        raise CliError(msg("cli.years.csv-nul", "the CSV file name contains a NUL character: choose another name"))
    if not path.parent.is_dir():
        raise CliError(msg("cli.years.csv-folder", "cannot write {file}: the folder {folder} does not exist",
                           file=text, folder=str(path.parent)))
    if path.exists() and not path.is_file():
        raise CliError(msg("cli.years.csv-not-file",
                           "cannot write {file}: it is not a regular file (a folder, pipe or device)", file=text))


def _clean(value: float) -> float | None:
    value = float(value)
    return None if math.isnan(value) else round(value, 6)


def _pct(value: float | None) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.0%}"


#: The columns of the plain-text tables: short headings and their widths (the JSON keeps the output ids).
YEAR_COLUMNS = ((N_("year"), 5), (N_("offences"), 9), (N_("reported"), 9), (N_("found"), 7), (N_("guilty"), 7),
                (N_("innoc."), 7), (N_("neighb."), 8), (N_("rewards"), 8), (N_("trust nb"), 9),
                (N_("trust st"), 9), (N_("closed"), 7))
EXPERIMENT_COLUMNS = ((N_("offences"), 9), (N_("reported"), 9), (N_("innocents"), 10), (N_("neighbours"), 11),
                      (N_("trust st"), 9), (N_("closed"), 8))


def _rjust(text: str, width: int, *, left: bool = False) -> str:
    """Justify in terminal columns (a Chinese character takes two)."""
    import unicodedata

    pad = " " * max(0, width - sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text))
    return text + pad if left else pad + text


def _header(columns) -> str:
    return "".join(_rjust(_(name), width) for name, width in columns)


COMMANDS["years"] = (N_("a village over the years under one regime"), _years_arguments, _cmd_years)
COMMANDS["experiment"] = (N_("the same village under several regimes, sweeping parameters"),
                          _experiment_arguments, _cmd_experiment)



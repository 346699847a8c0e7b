"""``ermu-cli library``: the teachers' library without the GUI.

    ermu-cli library [--database-url URL] list [--json]
    ermu-cli library show ID [--json]
    ermu-cli library export ID FILE
    ermu-cli library import FILE
    ermu-cli library delete ID
    ermu-cli library backups [--json]
    ermu-cli library restore [--from BACKUP]

Built-in lesson examples are listed as read-only with ids like ``builtin:qing-baojia`` and
can be shown and exported like any other scenario. The database layer is imported only
when a library command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli import COMMANDS, CliError, _emit
from .i18n import N_, _, ngettext
from .messages import msg


#: The kinds of backup, as a teacher reads them (the JSON keeps the ids).
PERIODS = {"daily": N_("daily copy"), "weekly": N_("weekly copy"), "monthly": N_("monthly copy"),
           "before-migration": N_("copy before an update"), "before-restore": N_("copy before a restore")}


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", default=None, metavar="URL",
                        help=_("a SQLAlchemy URL of a shared library (default: ERMU_DATABASE_URL, "
                               "else your own library file)"))
    sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--json", action="store_true", help=_("print one JSON object"))
        return p

    action("list", _("list the scenarios in the library, built-in examples included"))
    action("show", _("show one scenario")).add_argument("id", help=_("a scenario id, e.g. 3 or builtin:qing-baojia"))
    export = action("export", _("write a scenario to a .ermu.json file"))
    export.add_argument("id", help=_("a scenario id, e.g. 3 or builtin:qing-baojia"))
    export.add_argument("file", type=Path, help=_("the file to write"))
    action("import", _("add the scenarios of a .ermu.json file to the library")).add_argument(
        "file", type=Path, help=_("the file to read"))
    action("delete", _("move a scenario to the trash")).add_argument("id", help=_("a scenario id"))
    action("backups", _("list the rolling backups of the library with their dates and scenario counts"))
    action("restore", _("replace the library with a backup (the library as it was is kept)")).add_argument(
        "--from", dest="backup", metavar="BACKUP", default=None,
        help=_("a backup's file name or path (default: the newest that holds scenarios)"))


def _open(args: argparse.Namespace):
    from .storage import StorageError
    from .storage.library import Library

    try:
        return Library(args.database_url)
    except StorageError as exc:
        raise CliError(exc.message) from None


def _cmd_library(args: argparse.Namespace) -> None:
    from .storage import StorageError

    if args.action in _WITHOUT_OPENING:  # these help most when the library cannot be opened
        try:
            _WITHOUT_OPENING[args.action](args)
        except StorageError as exc:
            raise CliError(str(exc).rstrip(".")) from None
        return
    library = _open(args)
    try:
        if library.notice:
            import sys
            print(f"ermu-cli: {library.notice}", file=sys.stderr)
        _ACTIONS[args.action](library, args)
    except StorageError as exc:
        raise CliError(str(exc).rstrip(".")) from None
    finally:
        library.close()


def _list(library, args: argparse.Namespace) -> None:
    data = {"scenarios": [s.to_json() for s in library.list(include_builtins=True)]}

    def text(d: dict) -> str:
        if not d["scenarios"]:
            return _("The library is empty.")
        lines = []
        for s in d["scenarios"]:
            mark = _("read-only") if s["read_only"] else f"v{s['version']}"
            what = s["regime"] or s["kind"]
            households = ngettext("{n} household", "{n} households", s["households"]).format(
                n=f"{s['households']:>7,}")
            lines.append(f"{str(s['id']):<26} {_pad(mark, 9)} {what:<13} {households}  {s['title']}")
        return "\n".join(lines)

    _emit(args, data, text)


def _show(library, args: argparse.Namespace) -> None:
    scenario = library.get(args.id)
    data = scenario.to_json(identity=True)
    data["read_only"] = scenario.read_only
    data["households"] = len(scenario.population)  # the count; export writes every household
    data["people"] = scenario.population.people_count

    def text(d: dict) -> str:
        ident = _("{id}, read-only").format(id=d["id"]) if d["read_only"] else str(d["id"])
        lines = [f"{d['title']}  [{ident}]",
                 _("kind: {kind}; regime: {regime}; seed: {seed}").format(kind=d["kind"], regime=d["regime"] or "—",
                                                                          seed=d["seed"]),
                 _("{households} households, {people} people").format(households=f"{d['households']:,}",
                                                                       people=f"{d['people']:,}"),
                 _("tags: {tags}; author: {author}; updated {updated}").format(
                     tags=", ".join(d["tags"]) or "—", author=d["author"] or "—", updated=d["updated"])]
        if d["notes"]:
            lines.append(d["notes"])
        return "\n".join(lines)

    _emit(args, data, text)


def _export(library, args: argparse.Namespace) -> None:
    path = library.export([args.id], args.file)
    _emit(args, {"exported": str(args.id), "file": str(path)}, lambda d: _("Wrote {id} to {file}.").format(id=d["exported"], file=d["file"]))


def _import(library, args: argparse.Namespace) -> None:
    from .storage import ScenarioFileError

    try:
        added = library.import_file(args.file)
    except ScenarioFileError as exc:
        raise CliError(msg("cli.library.import-file", "{file}: {problem}", file=str(args.file)[:200],
                           problem=exc.message)) from None
    data = {"imported": [s.to_json() for s in added]}
    _emit(args, data, lambda d: "\n".join(_("Imported “{title}” as {id}.").format(title=s["title"], id=s["id"])
                                          for s in d["imported"]))


def _delete(library, args: argparse.Namespace) -> None:
    summary = library.delete(args.id)
    _emit(args, {"deleted": summary.id, "title": summary.title},
          lambda d: _("Moved “{title}” ({id}) to the trash.").format(title=d["title"], id=d["deleted"]))


def _backups(args: argparse.Namespace) -> None:
    from .storage import list_backups

    found = list_backups(args.database_url)
    data = {"backups": [b.to_json() for b in found]}

    def text(d: dict) -> str:
        if not d["backups"]:
            return _("There are no backups yet: Ermu makes one each day the library is opened with scenarios in it.")
        lines = []
        for b in d["backups"]:
            count = _("unreadable") if b["scenarios"] is None else ngettext(
                "{n} scenario", "{n} scenarios", b["scenarios"]).format(n=f"{b['scenarios']:,}")
            period = _(PERIODS.get(b["period"], b["period"]))
            lines.append(f"{b['made'].replace('T', ' ')}  {_pad(period, 16)} {_pad(count, 16)} {Path(b['file']).name}")
        return "\n".join(lines)

    _emit(args, data, text)


def _restore(args: argparse.Namespace) -> None:
    from .storage import restore_backup

    restored = restore_backup(args.database_url, args.backup)
    _emit(args, restored.to_json(), lambda d: d["text"])


_WITHOUT_OPENING = {"backups": _backups, "restore": _restore}

_ACTIONS = {"list": _list, "show": _show, "export": _export, "import": _import, "delete": _delete}

def _pad(text: str, width: int) -> str:
    """Pad to a width in terminal columns (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


COMMANDS["library"] = (N_("list, show, export, import and delete saved scenarios; list and restore backups"),
                       _add_arguments, _cmd_library)

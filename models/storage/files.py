"""``.ermu.json`` files: one scenario or a whole collection, with a schema version.

Reading is defensive: only regular files are read (never a pipe or a device, which could
be read forever), the size is capped before anything is read, and the file's *shape* is
checked on its bytes before any Python object is built from it: a file whose objects,
lists and values are packed far more densely than any scenario's (a real village spends
about 50 bytes per object and 11 per value) would cost twenty times its size in memory once
parsed, so it is refused while it is still bytes. The JSON parser refuses duplicate keys,
NaN and absurd nesting, and every scenario is checked (see :mod:`.validation`) before the
caller gets anything to write.

Writing is atomic (a unique temporary renamed over the file) and respects the umask: an
exported example on a shared drive can be read by colleagues as any other file there.
Every failure to write is one :class:`FileWriteError` sentence.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any, Iterable

from .. import strict_json
from ..messages import msg
from .errors import FileWriteError, ScenarioFileError
from .tempfiles import create_temp
from .scenario import SCHEMA_VERSION, Scenario
from .validation import MAX_HOUSEHOLDS_PER_SCENARIO, MAX_SCENARIOS_PER_FILE, check_scenario, where

SUFFIX = ".ermu.json"
FORMAT_SCENARIO = "ermu-scenario"
FORMAT_COLLECTION = "ermu-collection"
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Files with more structural tokens ({ [ ,) than this are checked for their density.
DENSE_TOKENS = 200_000
#: Fewer bytes than this per token is junk: real scenarios spend about 11.
MIN_BYTES_PER_TOKEN = 4


# -- writing --------------------------------------------------------------------------------
def document(scenarios: list[Scenario], *, identity: bool = False) -> dict[str, Any]:
    """The JSON document for one scenario or (for any other number) a collection."""
    if len(scenarios) == 1:
        return {"format": FORMAT_SCENARIO, "schema_version": SCHEMA_VERSION,
                "scenario": scenarios[0].to_json(identity=identity)}
    return {"format": FORMAT_COLLECTION, "schema_version": SCHEMA_VERSION,
            "scenarios": [s.to_json(identity=identity) for s in scenarios]}


def write_atomically(path: Path, data: dict[str, Any]) -> None:
    """Write JSON so that the file is always either the old one or the complete new one."""
    path = Path(path)
    with _writing(path):
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            # never rename over a device, a pipe or a socket: as root, os.replace would put a plain
            # file where /dev/zero or /dev/null was
            raise FileWriteError(msg("files.write.not-regular",
                                     "{path} is not an ordinary file (it is a device, a pipe or a socket), so Ermu "
                                     "will not write over it: give the name of a file.", path=str(path)))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = create_temp(path)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, path)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        _sync_folder(path.parent)


class _writing:
    """Turn the operating system's refusal to write ``path`` into one sentence."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, _tb) -> bool:
        if exc is None or not isinstance(exc, (OSError, ValueError)) or isinstance(exc, FileWriteError):
            return False
        raise write_error(self.path, exc) from None


def write_error(path: Path, exc: BaseException) -> FileWriteError:
    """One sentence for an export or autosave that the system refused."""
    where = str(path)
    if len(where) > 300:
        where = where[:150] + "…" + where[-100:]
    code = getattr(exc, "errno", None)
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return FileWriteError(msg("files.write.is-folder",
                                  "{path} is a folder: give the name of a file to write, such as {example}.",
                                  path=where, example=str(Path(where) / f"example{SUFFIX}")))
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FileWriteError(msg("files.write.denied",
                                  "Ermu may not write {path}: the file or its folder is read-only, so choose "
                                  "another folder.", path=where))
    if code == errno.ENAMETOOLONG:
        return FileWriteError(msg("files.write.name-too-long",
                                  "The file name {path} is too long for the disk (at most 255 bytes for each "
                                  "name): choose a shorter name.", path=where))
    if code == errno.ENOSPC or code == errno.EDQUOT:
        return FileWriteError(msg("files.write.disk-full",
                                  "The disk is full, so {path} was not written: make room and try again.",
                                  path=where))
    if isinstance(exc, (NotADirectoryError, FileExistsError)) or code in (errno.ENOTDIR, errno.EEXIST):
        return FileWriteError(msg("files.write.not-a-folder",
                                  "{path} cannot be written: part of its folder path is a file, not a folder.",
                                  path=where))
    if isinstance(exc, ValueError):
        return FileWriteError(msg("files.write.bad-name",
                                  "The file name {path} contains a character no file name may hold: choose "
                                  "another name.", path=repr(where)))
    return FileWriteError(msg("files.write.failed", "Ermu could not write {path} ({reason}).", path=where,
                              reason=getattr(exc, "strerror", None) or str(exc)))


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder; the rename is still atomic
        pass
    finally:
        os.close(fd)


def write_file(path: Path, scenarios: Iterable[Scenario]) -> Path:
    write_atomically(Path(path), document(list(scenarios)))
    return Path(path)


# -- reading --------------------------------------------------------------------------------
def check_shape(raw: bytes) -> None:
    """Refuse, on the bytes alone, a file packed far more densely than any scenario."""
    tokens = raw.count(b"{") + raw.count(b"[") + raw.count(b",")
    if tokens > DENSE_TOKENS and len(raw) < tokens * MIN_BYTES_PER_TOKEN:
        raise ScenarioFileError(msg(
            "files.read.too-dense",
            "The file packs {tokens} objects, lists and values into {size} bytes, far more densely than any "
            "Ermu scenario (about 11 bytes each), so it is not an Ermu file and was not read further.",
            tokens=f"{tokens:,}", size=f"{len(raw):,}"))


def parse_json(raw: bytes) -> Any:
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioFileError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
                                "more than any Ermu scenario needs")
    check_shape(raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioFileError(f"the file is not UTF-8 text (a bad byte at position {exc.start})") from None
    try:
        return strict_json.loads(text, ScenarioFileError)
    except ScenarioFileError:
        raise
    except json.JSONDecodeError as exc:
        if exc.msg.startswith("Unterminated") or exc.pos >= len(text.rstrip()) - 1:
            raise ScenarioFileError("the file ends too early: it may have been cut off while copying") from None
        raise ScenarioFileError(
            f"the file is not valid JSON: there is a mistake at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise ScenarioFileError("the file nests lists or objects too deeply to be an Ermu scenario") from None
    except ValueError:  # e.g. an integer with thousands of digits
        raise ScenarioFileError("the file contains a number far too large for any Ermu field") from None


def parse_document(data: Any) -> list[Scenario]:
    """Check a whole decoded document and return its scenarios; raise on the first problem."""
    if not isinstance(data, dict):
        raise ScenarioFileError("the file is not an Ermu scenario: it should hold one JSON object")
    kind = data.get("format")
    if kind not in (FORMAT_SCENARIO, FORMAT_COLLECTION):
        raise ScenarioFileError(f"format: must be {FORMAT_SCENARIO!r} or {FORMAT_COLLECTION!r} "
                                "(is this an Ermu file?)")
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ScenarioFileError("schema_version: must be a whole number")
    if version > SCHEMA_VERSION:
        raise ScenarioFileError(f"schema_version: the file was written by a newer Ermu (schema {version}); "
                                "update Ermu to open it")
    if version < 1:
        raise ScenarioFileError(f"schema_version: must be between 1 and {SCHEMA_VERSION}")
    body_key = "scenario" if kind == FORMAT_SCENARIO else "scenarios"
    extra = sorted(set(data) - {"format", "schema_version", body_key})
    if extra:
        raise ScenarioFileError(f"{extra[0]}: is not something an Ermu file may contain")
    if body_key not in data:
        raise ScenarioFileError(f"{body_key}: is missing")
    if kind == FORMAT_SCENARIO:
        items, prefixes = [data["scenario"]], [()]
    else:
        items = data["scenarios"]
        if not isinstance(items, list):
            raise ScenarioFileError("scenarios: must be a list")
        if len(items) > MAX_SCENARIOS_PER_FILE:
            raise ScenarioFileError(f"scenarios: is too long (at most {MAX_SCENARIOS_PER_FILE} entries)")
        prefixes = [("scenarios", i) for i in range(len(items))]
    for item, prefix in zip(items, prefixes):  # refuse absurd sizes before checking every field
        village = item.get("households") if isinstance(item, dict) else None
        if isinstance(village, list) and len(village) > MAX_HOUSEHOLDS_PER_SCENARIO:
            raise ScenarioFileError(f"{where(prefix + ('households',))}: is too long "
                                    f"(at most {MAX_HOUSEHOLDS_PER_SCENARIO} entries)")
    checked = []
    for item, prefix in zip(items, prefixes):
        try:
            checked.append(check_scenario(item, prefix))
        except ScenarioFileError:
            raise
        except ValueError as exc:  # InvalidScenarioError: same sentence, as a file error
            raise ScenarioFileError(str(exc)) from None
    try:
        return [Scenario.from_json(item) for item in checked]
    except ValueError as exc:  # a rule of the population the checks above did not foresee
        raise ScenarioFileError(f"{where(prefixes[0])}: {exc}") from None


def read_file(path: Path) -> list[Scenario]:
    """All scenarios in a ``.ermu.json`` file, fully checked; nothing is written anywhere."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ScenarioFileError(f"{path} is a folder, not a scenario file")
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioFileError(msg("files.read.not-regular",
                                        "{path} is not an ordinary file (it is a pipe, a device or a socket), so "
                                        "Ermu did not read it: save the scenario as a file first.", path=str(path)))
        if info.st_size > MAX_FILE_BYTES:
            raise ScenarioFileError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
                                    "more than any Ermu scenario needs")
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since the check
                raise ScenarioFileError(msg("files.read.not-regular",
                                            "{path} is not an ordinary file (it is a pipe, a device or a socket), "
                                            "so Ermu did not read it: save the scenario as a file first.",
                                            path=str(path)))
            raw = handle.read(MAX_FILE_BYTES + 1)
    except ScenarioFileError:
        raise
    except FileNotFoundError:
        raise ScenarioFileError(f"there is no file {path}") from None
    except IsADirectoryError:
        raise ScenarioFileError(f"{path} is a folder, not a scenario file") from None
    except PermissionError:
        raise ScenarioFileError(f"Ermu may not read {path}: check its permissions") from None
    except OSError as exc:
        shown = str(path) if len(str(path)) <= 300 else str(path)[:150] + "…" + str(path)[-100:]
        if exc.errno == errno.ENAMETOOLONG:
            raise ScenarioFileError(msg("files.read.name-too-long",
                                        "The file name {path} is too long for any disk (at most 255 bytes for "
                                        "each name), so there is no such file.", path=shown)) from None
        raise ScenarioFileError(msg("files.read.failed", "Ermu could not read {path} ({reason}).",
                                    path=shown, reason=exc.strerror or str(exc))) from None
    except ValueError:  # a NUL in the name
        raise ScenarioFileError(msg("files.read.bad-name",
                                    "The file name {path} contains a character no file name may hold.",
                                    path=repr(str(path))[:300])) from None
    return parse_document(parse_json(raw))


__all__ = ["MAX_FILE_BYTES", "SUFFIX", "check_shape", "write_error", "document", "parse_document", "parse_json", "read_file",
           "write_atomically", "write_file"]

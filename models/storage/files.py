"""``.ermu.json`` files: one scenario or a whole collection, with a schema version.

Reading is defensive: the size is capped before anything is read, the JSON parser refuses
duplicate keys, NaN and absurd nesting, and every scenario is checked (see
:mod:`.validation`) before the caller gets anything to write. Writing is atomic.
"""

from __future__ import annotations

import json

import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from .. import strict_json
from .errors import ScenarioFileError
from .scenario import SCHEMA_VERSION, Scenario
from .validation import MAX_HOUSEHOLDS_PER_SCENARIO, MAX_SCENARIOS_PER_FILE, check_scenario, where

SUFFIX = ".ermu.json"
FORMAT_SCENARIO = "ermu-scenario"
FORMAT_COLLECTION = "ermu-collection"
MAX_FILE_BYTES = 50 * 1024 * 1024


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
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
def parse_json(raw: bytes) -> Any:
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioFileError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
                                "more than any Ermu scenario needs")
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
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScenarioFileError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
                                    "more than any Ermu scenario needs")
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ScenarioFileError(f"there is no file {path}") from None
    except IsADirectoryError:
        raise ScenarioFileError(f"{path} is a folder, not a scenario file") from None
    except PermissionError:
        raise ScenarioFileError(f"Ermu may not read {path}: check its permissions") from None
    return parse_document(parse_json(raw))


__all__ = ["MAX_FILE_BYTES", "SUFFIX", "document", "parse_document", "parse_json", "read_file",
           "write_atomically", "write_file"]

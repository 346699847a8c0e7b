"""Autosave of the working scenario, so a crash or a power cut loses only seconds of work.

The GUI calls :func:`autosave` every few seconds while a scenario has unsaved edits,
:func:`pending_autosave` at start-up to offer restoring it, and :func:`clear_autosave`
once the work is saved in the library (or the user declines to restore it).
The file is written atomically: it is always either the previous autosave or the new one.
A folder Ermu may not write makes :func:`autosave` raise one :class:`FileWriteError`
sentence; :func:`clear_autosave` never fails a save that already succeeded. Temporaries
left by a crash during an autosave are removed by :func:`pending_autosave` at start-up.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from ..paths import data_dir
from .errors import ScenarioFileError
from .scenario import Scenario
from .tempfiles import clean_stale

AUTOSAVE_NAME = "autosave.ermu.json"

log = logging.getLogger(__name__)


def autosave_path() -> Path:
    return data_dir() / AUTOSAVE_NAME


def autosave(scenario: Scenario, path: Path | None = None) -> Path:
    """Write the working scenario (keeping its library id and version) atomically."""
    from .files import document, write_atomically

    target = Path(path) if path is not None else autosave_path()
    write_atomically(target, document([scenario], identity=True))
    return target


def pending_autosave(path: Path | None = None) -> Scenario | None:
    """The autosaved scenario left by the last session, or None.

    An unreadable autosave is set aside (renamed, never deleted) rather than offered.
    """
    source = Path(path) if path is not None else autosave_path()
    clean_stale(source.parent, f".{source.name}.*.tmp")
    if not source.exists():
        return None
    from .files import read_file  # validation (pydantic) loads only when there is a file to read

    try:
        scenarios = read_file(source)
    except ScenarioFileError as exc:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = source.with_name(f"autosave.unreadable-{stamp}.ermu.json")
        log.warning("autosave %s unreadable (%s); set aside as %s", source, exc, aside)
        try:
            source.replace(aside)
        except OSError as move:  # a read-only folder: leave it where it is, still not offered
            log.warning("could not set the autosave aside (%s)", move)
        return None
    return scenarios[0] if len(scenarios) == 1 else None


def clear_autosave(path: Path | None = None) -> bool:
    """Remove the autosave once the work is safe elsewhere; False if the folder forbids it.

    Never raises: the work is saved already, and a leftover autosave is only offered again.
    """
    try:
        (Path(path) if path is not None else autosave_path()).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove the autosave (%s)", exc)
        return False
    return True


__all__ = ["AUTOSAVE_NAME", "autosave", "autosave_path", "clear_autosave", "pending_autosave"]

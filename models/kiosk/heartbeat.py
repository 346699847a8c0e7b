"""The heartbeat: a small JSON file the kiosk rewrites every minute for staff monitoring.

It holds the time, Ermu's version, the uptime, the resident memory and the visits today,
written through a temporary file so a monitor never reads half a heartbeat.
"""

from __future__ import annotations

import json
import os
import time
from datetime import datetime, timezone
from pathlib import Path

HEARTBEAT_SECONDS = 60


def rss_bytes() -> int:
    """The process's resident memory (Linux /proc; elsewhere the peak from resource)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        try:
            import resource

            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        except (ImportError, OSError):
            return 0


def version() -> str:
    try:
        from importlib.metadata import version as v

        return v("ermu")
    except Exception:  # noqa: BLE001 - not installed: a source checkout
        return "unknown"


def default_path() -> Path:
    from ..paths import data_dir

    return data_dir() / "kiosk-heartbeat.json"


def heartbeat(started: float, visits_today: int) -> dict:
    return {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "version": version(),
            "uptime_seconds": int(time.monotonic() - started), "rss_bytes": rss_bytes(),
            "visits_today": visits_today, "pid": os.getpid()}


def write_heartbeat(path: str | Path, data: dict) -> None:
    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(temp, path)


__all__ = ["HEARTBEAT_SECONDS", "default_path", "heartbeat", "rss_bytes", "version", "write_heartbeat"]

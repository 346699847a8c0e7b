"""Ermu runs as root on kiosks and CI: it must never rename or replace a device node.

A fuzzed `--database-url sqlite:////dev/zero` and an export to /dev/null once turned the
devices into plain files on a test machine. Here a FIFO stands in for the device (making one
needs no privileges): the write is refused in one sentence and the node is still there.
"""

import os
import stat

import pytest

from ermu.models.storage.errors import DatabaseUnavailableError, FileWriteError
from ermu.models.storage.files import write_atomically
from ermu.models.storage.integrity import set_aside


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "device"
    os.mkfifo(path)
    return path


def test_an_export_onto_a_device_is_refused_and_the_device_stays(fifo):
    with pytest.raises(FileWriteError) as caught:
        write_atomically(fifo, {"format": "x"})
    assert "not an ordinary file" in str(caught.value)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in fifo.parent.iterdir()] == ["device"]  # no temporary left beside it


def test_a_device_is_never_set_aside(fifo):
    with pytest.raises(DatabaseUnavailableError):
        set_aside(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in fifo.parent.iterdir()] == ["device"]


def test_exporting_to_dev_null_leaves_it_a_device(tmp_path):
    from ermu.models.cli import main

    before = os.stat("/dev/null")
    code = main(["library", "--database-url", f"sqlite:///{tmp_path}/lib.sqlite3", "export", "builtin:qing-baojia",
                 "/dev/null"])
    assert code == 2
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev

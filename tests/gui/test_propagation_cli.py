"""``ermu --screenshot … --step N`` and ``ermu --record``: pictures of an incident from the command line."""

import subprocess
import sys

from PySide6.QtGui import QImage

from ermu.gui.recording import check_target


def run(*args):
    return subprocess.run([sys.executable, "-m", "ermu.gui.app", *args], capture_output=True, text=True, timeout=180)


def test_step_renders_the_player_at_that_step(tmp_path):
    pictures = []
    for step in (0, 32):
        target = tmp_path / f"player-{step}.png"
        result = run("--screenshot", str(target), "--view", "player", "--households", "200", "--seed", "7",
                     "--step", str(step), "--size", "1024x768")
        assert result.returncode == 0, result.stderr
        image = QImage(str(target))
        assert (image.width(), image.height()) == (1024, 768)
        pictures.append(image)
    assert pictures[0] != pictures[1]  # the end of the incident is not its start


def test_step_goes_with_player_or_compare_only_and_bad_input_is_one_line():
    for args in (("--view", "home", "--step", "3"), ("--view", "player", "--step", "-1")):
        result = run("--screenshot", "/tmp/never-written.png", *args)
        assert result.returncode == 2 and result.stderr.count("\n") == 1 and "--step" in result.stderr


def test_record_refuses_other_views_formats_and_missing_folders(tmp_path):
    assert "player" in check_target(str(tmp_path / "x.gif"), "compare")
    assert ".gif" in check_target(str(tmp_path / "x.mp4"), "player")
    assert "does not exist" in check_target(str(tmp_path / "no" / "x.gif"), "player")
    assert check_target(str(tmp_path / "x.gif"), "player") is None
    result = run("--record", str(tmp_path / "x.mp4"), "--view", "player")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_frames_become_an_animated_gif_and_without_pillow_one_sentence(tmp_path, qapp, monkeypatch):
    from PIL import Image
    from PySide6.QtGui import QColor

    from ermu.gui import recording

    frames = []
    for colour in ("#b23a2b", "#2f7d6d", "#2f5f9e"):
        frame = QImage(40, 30, QImage.Format.Format_RGB32)
        frame.fill(QColor(colour))
        frames.append(frame)
    target = tmp_path / "x.gif"
    assert recording._write_with_pillow(frames, target) is None
    with Image.open(target) as gif:
        assert gif.n_frames == 3
    monkeypatch.setitem(sys.modules, "PIL", None)  # as if Pillow were not installed
    monkeypatch.setattr(recording, "capture", lambda window: frames)
    problem = recording.record(None, str(tmp_path / "y.gif"))
    assert "Pillow" in problem and "\n" not in problem and not (tmp_path / "y.gif").exists()

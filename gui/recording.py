"""``ermu --record FILE``: play the player's incident and write it as an animation.

Frames are grabbed from the window while the incident really plays (the camera, the
travelling tokens and the narration as a student sees them), then written as a GIF, an
animated WebP or an APNG with Pillow (named in pyproject; matplotlib needs it too). Qt's own
WebP writer keeps only the first frame, so without Pillow the recording is refused in one line.
"""

from __future__ import annotations

import time
from pathlib import Path

from ermu.models.i18n import _

FRAME_MS = 100
MAX_WIDTH = 960
FORMATS = (".gif", ".webp", ".png")


def check_target(target: str, view: str) -> str | None:
    """One sentence when the recording cannot be made, before any window opens."""
    path = Path(target)
    if view != "player":
        return _("--record records the player: use --view player")
    if path.suffix.lower() not in FORMATS:
        return _("--record writes .gif, .webp or .png (APNG) files, not {what}").format(
            what=path.suffix or _("a file without a suffix"))
    if not path.parent.exists():
        return _("the folder {folder} does not exist").format(folder=path.parent)
    return None


def capture(window, seconds_limit: float = 40.0) -> list:
    """Play the incident from its start and grab a frame every :data:`FRAME_MS` until it ends."""
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt

    player = window.show_page("sandbox").player
    player.playback.restart()
    frames = []
    clock = QElapsedTimer()
    clock.start()
    for _still in range(5):  # a still moment before it starts
        frames.append(_frame(window, Qt))
    player.playback.play()
    next_frame = clock.elapsed()
    while clock.elapsed() < seconds_limit * 1000:
        QCoreApplication.processEvents()
        if clock.elapsed() >= next_frame:
            frames.append(_frame(window, Qt))
            next_frame += FRAME_MS
        if not player.playback.playing and not player.diagram.moving and not player.diagram.camera.moving:
            break
        time.sleep(0.004)
    for _end in range(20):  # the end stays a moment on screen
        frames.append(_frame(window, Qt))
    return frames


def _frame(window, Qt):
    image = window.grab().toImage()
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image


def record(window, target: str) -> str | None:
    frames = capture(window)
    if not frames:
        return _("nothing was recorded")
    path = Path(target)
    try:
        from PIL import Image  # noqa: F401
    except ImportError:  # Qt's own WebP writer keeps only the first frame: no animation without Pillow
        return _("--record needs Pillow (pip install Pillow), which Ermu's installation normally brings")
    return _write_with_pillow(frames, path)


def _to_pillow(image):
    from PIL import Image
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    return Image.frombuffer("RGB", (image.width(), image.height()), data, "raw", "RGB", image.bytesPerLine(), 1)


def _palette(pictures):
    """One palette for every frame, drawn from frames across the whole recording (a token's
    or a star's colour that shows only mid-way keeps its colour)."""
    from PIL import Image

    sample = pictures[:: max(1, len(pictures) // 8)] + [pictures[-1]]
    width, height = sample[0].size
    montage = Image.new("RGB", (width, height * len(sample)))
    for i, picture in enumerate(sample):
        montage.paste(picture, (0, i * height))
    return montage.quantize(colors=192)


def _write_with_pillow(frames, path: Path) -> str | None:
    pictures = [_to_pillow(f) for f in frames]
    kind = path.suffix.lower()
    try:
        if kind == ".gif":
            palette = _palette(pictures)
            pictures = [p.quantize(palette=palette, dither=0) for p in pictures]
            pictures[0].save(path, save_all=True, append_images=pictures[1:], duration=FRAME_MS, loop=0,
                             optimize=True)
        else:
            pictures[0].save(path, save_all=True, append_images=pictures[1:], duration=FRAME_MS, loop=0,
                             format="WEBP" if kind == ".webp" else "PNG")
    except (OSError, ValueError) as exc:
        return _("could not write {path}: {error}").format(path=path, error=exc)
    return None

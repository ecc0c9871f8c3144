"""An animation of the map from A to B, one frame per step, written as GIF, APNG, WebP or
MP4 (the suffix decides). Each frame is drawn by the one draw routine (title, date,
legend, scale bar, attribution on every frame) and handed to the writer at once:

- GIF: streamed with one fixed palette (viewer/render/gif.py); memory is two frames.
- APNG (.png) and WebP: Pillow's writers take every frame at once, so the frames are
  held as palette images, width x height bytes each (0.9 MB at 1280x720).
- MP4: streamed through PyAV (the optional ``video`` extra), viewer/render/video.py.

The file is written beside the target under a temporary name and renamed over it when
complete; a cancelled or failed export leaves no file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
from PIL import Image
from PySide6.QtGui import QImage

from viewer.io.errors import SituationError
from viewer.model import Situation
from viewer.model.times import shifted, to_utc
from viewer.io import atomic
from viewer.render.export import render_image
from viewer.render.gif import GifWriter
from viewer.render.palette import Quantizer, palette_colours
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.model.messages import QT_TRANSLATE_NOOP, message

FORMATS = (".gif", ".png", ".webp", ".mp4")
MAX_FRAMES = 20_000
Progress = Callable[[int, int], bool]       # (frames done, total) -> go on?


class Cancelled(Exception):
    """The export was cancelled; no file was written."""


def parse_every(text: str) -> timedelta | None:
    """``change`` -> None (every change date); ``1d``, ``7d``, ``12h`` -> a cadence."""
    if text == "change":
        return None
    m = re.fullmatch(r"(\d{1,5})([dh])", text or "")
    if not m or int(m.group(1)) == 0:
        raise ValueError(f"expected change, or a number of days or hours such as 1d, 7d or "
                         f"12h, got {text[:40]!r}")
    n = int(m.group(1))
    return timedelta(days=n) if m.group(2) == "d" else timedelta(hours=n)


def step_times(situation: Situation, start: datetime, end: datetime,
               every: timedelta | None) -> list[datetime]:
    """The times shown: ``start``, then every change date in (start, end] (``every`` None)
    or every ``every`` up to ``end``, and ``end`` last where the cadence steps past it
    (an animation "to 1 Sep" ends on 1 Sep, the last step shorter)."""
    start, end = to_utc(start), to_utc(end)
    if every is None:
        times = [start] + sorted({c.at for c in situation.changes if start < c.at <= end})
    else:
        times, t = [], start
        while t <= end and len(times) <= MAX_FRAMES:
            times.append(t)
            t = shifted(t, every)
            if t == times[-1]:
                break
        if times[-1] < end:
            times.append(end)
    if len(times) > MAX_FRAMES:
        raise ValueError(f"{len(times)} frames: at most {MAX_FRAMES}")
    return times


@dataclass(frozen=True)
class Animation:
    times: list[datetime]
    fps: float = 2.0
    trail: bool = False             # draw the ground gained since the first frame

    @property
    def duration_ms(self) -> float:
        return 1000.0 / self.fps


def frame_settings(base: RenderSettings, animation: Animation, t: datetime) -> RenderSettings:
    since = animation.times[0] if animation.trail and t > animation.times[0] else None
    return replace(base, at=t, date_note=None, compare_from=since, show_lost=False)


def frames(scene: MapScene, base: RenderSettings, animation: Animation) -> Iterator[QImage]:
    """Each frame as an image, drawn when asked for."""
    for t in animation.times:
        yield render_image(scene, frame_settings(base, animation, t))


def pixels(image: QImage) -> np.ndarray:
    """(h, w) uint32 0xAARRGGBB view of an ARGB32 image (valid while the image lives)."""
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), np.uint32, height * image.bytesPerLine() // 4)
    return data.reshape(height, image.bytesPerLine() // 4)[:, :width]


def write_animation(scene: MapScene, base: RenderSettings, animation: Animation,
                    path: str | os.PathLike, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> None:
    """Write the animation to ``path`` (by its suffix). ``progress(done, total)`` is
    called after each frame; returning False cancels (raises Cancelled), and so does
    ``cancelled()`` returning True once the frames are encoded, before the file is put
    in place. Raises SituationError when the file can't be written or its format needs
    what is missing."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "can't write %1 animations; use .gif, .png (APNG), .webp or .mp4"),
            suffix or 'a file without a suffix'))
    writer = _WRITERS[suffix]
    if suffix == ".mp4":
        from viewer.render.video import check_video
        check_video(path)
    total = len(animation.times)

    def each() -> Iterator[QImage]:
        for done, image in enumerate(frames(scene, base, animation), 1):
            yield image
            if progress is not None and progress(done, total) is False:
                raise Cancelled()

    def fill(tmp: str) -> None:
        writer(scene, base, animation, each(), tmp)
        if cancelled is not None and cancelled():      # during the last frame's encoding
            raise Cancelled()
    atomic.write_file(path, fill)


def _quantizer(scene: MapScene) -> Quantizer:
    return Quantizer(palette_colours(scene.situation))


def _gif(scene, base, animation, images, tmp) -> None:
    with open(tmp, "wb") as fp:
        writer = GifWriter(fp, base.size, _quantizer(scene))
        for image in images:
            writer.add(pixels(image), animation.duration_ms)
        writer.close()


def _held(scene, images) -> list[Image.Image]:
    """The frames as palette images (width x height bytes each), for Pillow's writers
    that take them all at once."""
    quantizer, held = _quantizer(scene), []
    for image in images:
        indices = quantizer.indices(pixels(image))
        frame = Image.fromarray(indices, "P")
        frame.putpalette(quantizer.palette_bytes)
        held.append(frame)
    return held


def _apng(scene, base, animation, images, tmp) -> None:
    held = _held(scene, images)
    held[0].save(tmp, format="PNG", save_all=True, append_images=held[1:],
                 duration=round(animation.duration_ms), loop=0, default_image=False)


def _webp(scene, base, animation, images, tmp) -> None:
    held = _held(scene, images)
    held[0].save(tmp, format="WEBP", save_all=True, append_images=held[1:],
                 duration=round(animation.duration_ms), loop=0, lossless=True, method=2)


def _mp4(scene, base, animation, images, tmp) -> None:
    from viewer.render.video import write_mp4
    write_mp4(tmp, base.size, animation.fps, images, pixels)


_WRITERS = {".gif": _gif, ".png": _apng, ".webp": _webp, ".mp4": _mp4}

"""MP4 (H.264) through PyAV, the optional ``video`` extra (``pip install
'situation-viewer[video]'``). PyAV's wheels carry FFmpeg with the GPL x264 encoder, so it
stays optional and out of anything we ship. Frames are encoded as they come."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from viewer.io.errors import SituationError
from viewer.model.messages import QT_TRANSLATE_NOOP, message

INSTALL_HINT = "pip install 'situation-viewer[video]'"


def video_available() -> bool:
    try:
        import av  # noqa: F401
    except ImportError:
        return False
    return True


def check_video(path: Path) -> None:
    if not video_available():
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "MP4 needs PyAV, which is not installed; install the video extra (%1), or"
                    " write .gif, .png or .webp"), INSTALL_HINT))


def write_mp4(path: str, size: tuple[int, int], fps: float, images: Iterable,
              to_array: Callable) -> None:
    """Encode ``images`` (each turned by ``to_array`` into (h, w) uint32 0xAARRGGBB) as
    H.264 at ``fps``; odd sizes are cropped by a pixel (yuv420p needs even sides)."""
    import av
    width, height = size[0] // 2 * 2, size[1] // 2 * 2
    rate = Fraction(fps).limit_denominator(1000)
    with av.open(path, "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=rate)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"crf": "18", "preset": "veryfast"}
        for image in images:
            bgra = to_array(image).view(np.uint8).reshape(size[1], size[0], 4)
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(bgra[:height, :width]),
                                               format="bgra")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)

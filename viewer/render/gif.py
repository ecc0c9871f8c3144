"""An animated GIF written one frame at a time, with one fixed palette.

Pillow's own ``save(save_all=True)`` keeps every frame and searches a palette for each;
here each frame is turned into palette indices with a lookup table (viewer/render/
palette.py), cut to the rectangle that changed since the previous frame, the unchanged
pixels inside it made transparent, and that image block written straight to the file
with Pillow's GIF helpers (``GifImagePlugin.getheader``/``getdata``: Pillow encodes the
blocks, we only decide what goes in them). Memory: the previous frame's pixels and one
frame's indices, whatever the number of frames.
"""

from __future__ import annotations

from typing import BinaryIO

import numpy as np
from PIL import GifImagePlugin, Image

from viewer.render.palette import TRANSPARENT, Quantizer

MIN_DURATION_MS = 20        # browsers show shorter GIF delays as 100 ms


def gif_duration(ms: float) -> int:
    """What a GIF stores for ``ms``: hundredths of a second (at least 2), in ms."""
    return max(MIN_DURATION_MS, int(round(ms / 10.0)) * 10)


class GifWriter:
    def __init__(self, fp: BinaryIO, size: tuple[int, int], quantizer: Quantizer,
                 loop: int = 0):
        self.fp, self.size, self.quantizer, self.loop = fp, size, quantizer, loop
        self._previous: np.ndarray | None = None
        self.frames = 0

    def _image(self, indices: np.ndarray) -> Image.Image:
        image = Image.frombuffer("P", (indices.shape[1], indices.shape[0]),
                                 np.ascontiguousarray(indices), "raw", "P", 0, 1)
        image.putpalette(self.quantizer.palette_bytes)
        return image

    def add(self, argb32: np.ndarray, duration_ms: float) -> None:
        """Append a frame: (h, w) uint32 pixels 0xAARRGGBB (opaque). Only the rectangle
        whose pixels differ from the previous frame's is mapped to the palette and
        written; its unchanged pixels are transparent (GIF keeps what was there)."""
        duration = gif_duration(duration_ms)
        if self._previous is None:
            first = self._image(self.quantizer.indices(argb32))
            header, _ = GifImagePlugin.getheader(first, None, {"loop": self.loop,
                                                               "duration": duration,
                                                               "optimize": False})
            self.fp.write(b"".join(header))
            self._write(first, (0, 0), duration=duration)
            self._previous = argb32.copy()
        else:
            changed = argb32 != self._previous
            rows = np.flatnonzero(changed.any(axis=1))
            if len(rows) == 0:              # nothing moved: one unchanged pixel
                y0 = x0 = 0
                block = np.full((1, 1), TRANSPARENT, np.uint8)
            else:
                y0, y1 = rows[0], rows[-1] + 1
                cols = np.flatnonzero(changed[y0:y1].any(axis=0))
                x0, x1 = cols[0], cols[-1] + 1
                block = self.quantizer.indices(argb32[y0:y1, x0:x1])
                block[~changed[y0:y1, x0:x1]] = TRANSPARENT
                self._previous[y0:y1, x0:x1] = argb32[y0:y1, x0:x1]
            self._write(self._image(block), (int(x0), int(y0)), duration=duration,
                        transparency=TRANSPARENT, disposal=1)
        self.frames += 1

    def _write(self, image: Image.Image, offset: tuple[int, int], **params) -> None:
        for chunk in GifImagePlugin.getdata(image, offset, **params):
            self.fp.write(chunk)

    def close(self) -> None:
        self.fp.write(b";")
        self._previous = None

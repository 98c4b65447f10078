"""The five random streams Sonic Pi reads (white, pink, light_pink, dark_pink, perlin).

Sonic Pi does not compute random numbers: it reads them from recorded 16-bit sound files of
441,000 samples (etc/buffers/rand-stream*.wav), as floats `sample / 32768.0`. `data/` holds
the same samples (see data/README.md); each stream is read on first use only.
"""

from __future__ import annotations

import array
import sys
import zlib
from pathlib import Path

#: How many numbers each stream holds; indices wrap around at this length.
STREAM_LENGTH = 441_000
#: The streams by the names `use_random_source` takes, in Sonic Pi's order.
SOURCES = ("white", "pink", "light_pink", "dark_pink", "perlin")
#: 16-bit PCM to float, as Sonic Pi's wave reader converts it (exact in binary floating point).
_PCM_SCALE = 32768.0

_loaded: dict[str, array.array] = {}


def samples(source: str) -> array.array:
    """The stream's raw 16-bit samples (0..32767), loaded once."""
    stream = _loaded.get(source)
    if stream is None:
        stream = _loaded[source] = _read(source)
    return stream


def value(source: str, index: int) -> float:
    """The stream's number at `index` (0 <= index < STREAM_LENGTH), in [0, 1)."""
    return samples(source)[index] / _PCM_SCALE


def _read(source: str) -> array.array:
    """Decode data/SOURCE.zlib: the stream's samples as little-endian uint16, zlib-compressed
    (for white, one 44,100-sample period: the stream repeats it ten times)."""
    if source not in SOURCES:
        raise ValueError(f"no random stream named {source!r}")
    packed = (Path(__file__).parent / "data" / f"{source}.zlib").read_bytes()  # not importlib.resources: 6 ms to import
    stream = array.array("H")
    stream.frombytes(zlib.decompress(packed))
    if sys.byteorder != "little":
        stream.byteswap()
    if len(stream) and STREAM_LENGTH % len(stream) == 0:
        stream *= STREAM_LENGTH // len(stream)
    if len(stream) != STREAM_LENGTH:
        raise ValueError(f"random stream {source!r} is damaged: {len(stream)} numbers, not {STREAM_LENGTH}")
    return stream

"""Sonic Pi's built-in samples, as far as MIDI can honour them: for Python pieces and buffers.

Drum samples are notes of the `sonic_pi` kit (composer/data/kits/sonic_pi.toml), which a buffer
starts with. Every other built-in sample (`:ambi_choir`, `:loop_amen`) has no MIDI meaning: a
buffer skips it with one warning per name. Its length still matters for timing
(`sleep sample_duration(:loop_amen)`, in a buffer or a Python piece), so the durations of all of
them are data (composer/data/sonic_pi_samples.toml, read from the samples' own FLAC headers).
"""

from __future__ import annotations

import tomllib
from fractions import Fraction
from functools import lru_cache
from composer.errors import UnknownNameError
from composer.library import SHIPPED

KIT = "sonic_pi"


@lru_cache(maxsize=1)
def frames() -> dict[str, tuple[int, int]]:
    """Sample name -> (frames, frames per second)."""
    data = tomllib.loads((SHIPPED / "sonic_pi_samples.toml").read_text(encoding="utf-8"))
    return {name: (count, rate) for name, (count, rate) in data["samples"].items()}


def is_builtin(name) -> bool:
    return str(name).lstrip(":") in frames()


def seconds(name) -> Fraction:
    try:
        count, rate = frames()[str(name).lstrip(":")]
    except KeyError:
        raise UnknownNameError("Sonic Pi sample", name, frames()) from None
    return Fraction(count, rate)


def duration_beats(name, bpm, rate=1, start=0, finish=1, attack=0, decay=0, sustain=-1, release=0,
                   beat_stretch=None, pitch_stretch=None, rpitch=None, **_other) -> float:
    """Sonic Pi's sample_duration: how long the sample plays with these options, in beats at `bpm`."""
    stretch = beat_stretch if beat_stretch is not None else pitch_stretch
    if stretch is not None:
        return float(stretch) / abs(rate)
    if rpitch is not None:
        rate = rate * 2 ** (rpitch / 12)
    start, finish = min(1, max(0, start)), min(1, max(0, finish))
    length = abs(finish - start)
    real = float(seconds(name)) / abs(rate) * length
    if sustain is not None and sustain != -1:
        real = min(max(0, attack) + max(0, decay) + max(0, sustain) + max(0, release), real)
    return real * float(bpm) / 60


def load_sample(*names, **_options) -> None:
    """Sonic Pi loads samples into memory; over MIDI there is nothing to load."""
    return None


def groups() -> list[str]:
    """Sonic Pi's sample groups: each name's prefix (`:ambi`, `:bd`, `:loop`...)."""
    return sorted({name.split("_", 1)[0] for name in frames()})


def names_in(group) -> list[str]:
    group = str(group).lstrip(":")
    if group not in groups():
        raise UnknownNameError("sample group", group, groups())
    return sorted(name for name in frames() if name.split("_", 1)[0] == group)


def names(api) -> dict:
    """The piece's names for this module, bound to one piece."""

    def sample_duration(name, **options) -> float:
        """How long a built-in sample plays, in beats at the running thread's tempo (as Sonic Pi's)."""
        return duration_beats(name, api._running("sample_duration").thread_bpm(), **options)

    return {"sample_duration": sample_duration}

"""Drum kits are data: `NAME.toml` maps drum names to General MIDI percussion notes.

Found through composer.library: beside the piece, in the user's folder, then composer/data/kits.

    name = "gm"
    channel = 10          # optional, 1-16; GM percussion is channel 10
    [drums]
    bd = 36
    sn = 38
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from composer import library
from composer.errors import ComposerError, UnknownNameError

DEFAULT_KIT = "gm"


@dataclass(frozen=True)
class Kit:
    name: str
    drums: dict[str, int]
    channel: int  # 1-16, as musicians count

    def note(self, drum: str) -> int:
        try:
            return self.drums[drum.lower().lstrip(":")]
        except KeyError:
            raise UnknownNameError(f"drum in kit {self.name!r}", drum, self.drums) from None


def load_kit(name: str, piece_path: Path | None = None) -> Kit:
    return read_kit(library.find("kits", name, piece_path))


def read_kit(path: Path) -> Kit:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ComposerError(f"{path}: {error}") from None
    drums = data.get("drums")
    if not isinstance(drums, dict) or not drums:
        raise ComposerError(f"{path}: a kit needs a [drums] table of name = note")
    for drum, note in drums.items():
        if not isinstance(note, int) or not 0 <= note <= 127:
            raise ComposerError(f"{path}: drums.{drum}: note must be an integer 0-127, got {note!r}")
    channel = data.get("channel", 10)
    if not isinstance(channel, int) or not 1 <= channel <= 16:
        raise ComposerError(f"{path}: channel must be 1-16, got {channel!r}")
    return Kit(name=data.get("name", path.stem), drums={k.lower(): v for k, v in drums.items()}, channel=channel)

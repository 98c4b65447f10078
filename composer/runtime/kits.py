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
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM, as some editors write, is not TOML
    except tomllib.TOMLDecodeError as error:
        raise ComposerError(f"{path}: {error}") from None
    except RecursionError:
        raise ComposerError(f"{path}: nested too deeply to read") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ComposerError(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None
    drums = data.get("drums")
    if not isinstance(drums, dict) or not drums:
        raise ComposerError(f"{path}: a kit needs a [drums] table of name = note")
    names: dict[str, str] = {}
    for drum, note in drums.items():
        if type(note) is not int or not 0 <= note <= 127:  # true is no note, though Python counts it 1
            raise ComposerError(f"{path}: drums.{drum}: note must be an integer 0-127, got {_toml(note)}")
        key = drum.lower()
        if key in names:
            raise ComposerError(f"{path}: drums.{drum}: same name as drums.{names[key]} (drum names ignore case)")
        names[key] = drum
    channel = data.get("channel", 10)
    if type(channel) is not int or not 1 <= channel <= 16:
        raise ComposerError(f"{path}: channel must be an integer 1-16, got {_toml(channel)}")
    name = data.get("name", path.stem)
    if not isinstance(name, str):
        raise ComposerError(f"{path}: name must be a string, got {_toml(name)}")
    return Kit(name=name, drums={k.lower(): v for k, v in drums.items()}, channel=channel)


def _toml(value) -> str:
    """A value as the kit's TOML spells it (true, not True)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)

"""Drum kits are data: `samples/kits/NAME.toml` maps drum names to General MIDI percussion notes.

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

from composer.errors import ComposerError, UnknownNameError

#: The kits shipped with composer, found beside the package in a source checkout.
SHIPPED_KITS = Path(__file__).resolve().parents[2] / "samples" / "kits"
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


def kit_dirs(piece_path: Path | None) -> list[Path]:
    """Where kits are looked up: `kits/` beside the piece, `../kits`, then the shipped kits."""
    dirs = []
    if piece_path is not None:
        here = Path(piece_path).resolve().parent
        dirs += [here / "kits", here.parent / "kits"]
    dirs.append(SHIPPED_KITS)
    return dirs


def available_kits(piece_path: Path | None = None) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for directory in reversed(kit_dirs(piece_path)):
        if directory.is_dir():
            for file in sorted(directory.glob("*.toml")):
                found[file.stem] = file
    return found


def load_kit(name: str, piece_path: Path | None = None) -> Kit:
    kits = available_kits(piece_path)
    key = name.lower().lstrip(":")
    if key not in kits:
        raise UnknownNameError("kit", name, kits)
    return read_kit(kits[key])


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

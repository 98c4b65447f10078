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

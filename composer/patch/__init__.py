"""Patches: TOML files that say what each key, pad, knob and button of the controller does.

A patch is data, never code: it is parsed with tomllib and checked field by field into frozen
dataclasses (see model and schema), with errors that name file, line and field (see loader).
"""

from composer.patch.loader import PatchError, list_patches, load_patch, parse_patch, write_calibration
from composer.patch.model import (
    ArpeggiatorSettings,
    BandSettings,
    ButtonSettings,
    Calibration,
    ControllerSettings,
    KeysSettings,
    KnobSettings,
    PadSettings,
    Patch,
    Zone,
)

__all__ = [
    "ArpeggiatorSettings", "BandSettings", "ButtonSettings", "Calibration", "ControllerSettings", "KeysSettings",
    "KnobSettings", "PadSettings", "Patch", "PatchError", "Zone", "list_patches", "load_patch",
    "parse_patch", "write_calibration",
]

"""Styles (styles.toml): for each part of the band, which module plays it and how."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from composer.errors import ComposerError, UnknownNameError

STYLES_FILE = Path(__file__).resolve().parent / "styles.toml"
DEFAULT_STYLE = "fingerpicking"
PARTS = ("guitar", "bass", "keys", "drums")


@functools.cache
def styles() -> dict[str, dict]:
    with open(STYLES_FILE, "rb") as handle:
        return tomllib.load(handle)


GUITAR_PLAYS = ("fingerpicking", "strumming")


def check_style(name: str) -> str:
    """`name` if it is a style whose parts are the band's, else a one-line error."""
    if name not in styles():
        raise UnknownNameError("style", name, styles())
    for part, settings in styles()[name].items():
        if part == "description":
            continue
        if part not in PARTS or not isinstance(settings, dict):
            raise ComposerError(f"style {name!r}: {part!r} is not a part of the band ({', '.join(PARTS)})")
        if part == "guitar" and settings.get("play") not in GUITAR_PLAYS:
            raise ComposerError(f"style {name!r}: the guitar plays {' or '.join(GUITAR_PLAYS)}")
    return name


def part_options(style: str, part: str) -> dict | None:
    """The part's settings in `style`, or None when the part rests."""
    return styles()[check_style(style)].get(part)

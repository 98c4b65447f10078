"""Styles (styles.toml): for each part of the band, which module plays it and how."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from composer.errors import UnknownNameError

STYLES_FILE = Path(__file__).resolve().parent / "styles.toml"
DEFAULT_STYLE = "fingerpicking"
PARTS = ("guitar", "bass", "keys", "drums")


@functools.cache
def styles() -> dict[str, dict]:
    with open(STYLES_FILE, "rb") as handle:
        return tomllib.load(handle)


def check_style(name: str) -> str:
    if name not in styles():
        raise UnknownNameError("style", name, styles())
    return name


def part_options(style: str, part: str) -> dict | None:
    """The part's settings in `style`, or None when the part rests."""
    return styles()[check_style(style)].get(part)

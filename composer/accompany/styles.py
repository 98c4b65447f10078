"""Styles: for each part of the band, which module plays it and how.

The shipped ones are in styles.toml. A guitarist adds or replaces styles with TOML files in a
`styles/` folder beside the chart (or beside its folder) or in `~/.config/composer/styles/`;
as with kits, the first place that names a style wins.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from composer import library
from composer.errors import ComposerError, UnknownNameError

STYLES_FILE = Path(__file__).resolve().parent / "styles.toml"
DEFAULT_STYLE = "fingerpicking"
PARTS = ("guitar", "bass", "keys", "drums")
GUITAR_PLAYS = ("fingerpicking", "strumming")
#: Numeric options a part may set, and their bounds.
NUMBERS = {"velocity": (1, 127), "strum_ms": (0, 100), "fill_every": (0, 64), "step": (0.0625, 4)}


@functools.cache
def shipped() -> dict[str, dict]:
    with open(STYLES_FILE, "rb") as handle:
        return tomllib.load(handle)


def load_styles(chart_path=None) -> dict[str, dict]:
    """Every style a chart can use: its own folder's, the user's, then the shipped ones; the
    first file that names a style wins."""
    found: dict[str, dict] = {}
    for file in library.toml_files("styles", chart_path):
        try:
            styles = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ComposerError(f"{file}: not a styles file: {error}") from None
        for name, style in styles.items():
            found.setdefault(name, style)
    return {**shipped(), **found}  # the shipped ones first, as --list shows them


def check_style(name: str, table: dict) -> str:
    """`name` if it is a style whose parts are the band's, else a one-line error."""
    if name not in table:
        raise UnknownNameError("style", name, table)
    if not isinstance(table[name], dict):
        raise ComposerError(f"style {name!r} must be a table of parts")
    for part, settings in table[name].items():
        if part == "description":
            continue
        if part not in PARTS or not isinstance(settings, dict):
            raise ComposerError(f"style {name!r}: {part!r} is not a part of the band ({', '.join(PARTS)})")
        if part == "guitar" and settings.get("play") not in GUITAR_PLAYS:
            raise ComposerError(f"style {name!r}: the guitar plays {' or '.join(GUITAR_PLAYS)}")
        for option, (low, high) in NUMBERS.items():
            value = settings.get(option)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                      or not low <= value <= high):
                raise ComposerError(f"style {name!r}: {part}.{option} must be a number from {low} to {high}, "
                                    f"got {value!r}")
    return name


def part_options(style: str, part: str, table: dict) -> dict | None:
    """The part's settings in `style`, or None when the part rests."""
    return table[style].get(part)

"""Read patches (TOML data, never code) and write their calibration back safely.

Errors name the file, the line and the field, because a patch is edited by hand in the middle of
setting up a gig: `patches/live-set.toml:14: knobs.2.target: unknown target 'bmp'; did you mean 'bpm'?`
"""

from __future__ import annotations

import os
from pathlib import Path
import re
import tomllib
from collections.abc import Mapping

from composer.atomic import write_atomic
from composer.controller.curves import Curve
from composer.errors import ComposerError, did_you_mean
from composer.filekinds import check_kind
from composer.patch.schema import FieldError, Patch, build_patch, format_path

PATCH_DIR = "patches"
CALIBRATION_NOTE = "# written by `composer controller calibrate --pads`; recalibrate rather than edit"


class PatchError(ComposerError):
    """A patch that cannot be read or is wrong; one line with file:line: field: problem."""

    def __init__(self, file: str, message: str, line: int | None = None, field: str | None = None):
        self.file, self.line, self.field, self.problem = file, line, field, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {field}: {message}" if field else f"{where}: {message}")


# -- finding the line of a field -------------------------------------------------------------
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]#]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(r"""\s*("[^"]*"|'[^']*'|[^.]+)\s*(?:\.|$)""", text)
    return tuple(part.strip().strip("\"'") for part in parts)


def _balance(text: str) -> int:
    """Open minus closed brackets and braces outside strings and comments."""
    depth, quote = 0, None
    for char in text:
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            break
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return depth


def line_index(text: str) -> dict[tuple, int]:
    """field path -> the line that sets it (or opens its table); arrays of tables by index."""
    index: dict[tuple, int] = {}
    arrays: dict[tuple, int] = {}
    current: tuple = ()
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if depth > 0:
            depth += _balance(line)
            continue
        header = _HEADER.match(line)
        if header:
            parts = _split_key(header.group(2))
            if header.group(1) == "[[":
                count = arrays.get(parts, 0)
                arrays[parts] = count + 1
                current = parts + (count,)
            else:
                current = parts
            for size in range(1, len(current) + 1):
                index.setdefault(current[:size], number)
            continue
        key = _KEY.match(line)
        if key:
            path = current + _split_key(key.group(1))
            for size in range(len(current) + 1, len(path) + 1):
                index.setdefault(path[:size], number)
            depth = _balance(line[key.end():])
    return index


def locate(text: str, path: tuple) -> int | None:
    """The line of a field, else of the nearest table around it that the text names."""
    index = line_index(text)
    for size in range(len(path), 0, -1):
        if tuple(path[:size]) in index:
            return index[tuple(path[:size])]
    return None


# -- loading ---------------------------------------------------------------------------------
def _syntax_error(file: str, error: tomllib.TOMLDecodeError, text: str) -> PatchError:
    message = str(error)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found:
        return PatchError(file, f"{message[:found.start()]} (column {found.group(2)})", int(found.group(1)))
    if message.endswith("(at end of document)"):
        return PatchError(file, message.replace(" (at end of document)", " at the end"), text.count("\n") + 1)
    return PatchError(file, message)


def parse_patch(text: str, file: str = "<patch>") -> Patch:
    """A Patch from TOML text; `file` is what errors call it."""
    text = text.removeprefix("\ufeff")  # a BOM, as some editors write, is not TOML
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(file, error, text) from None
    except RecursionError:
        raise PatchError(file, "nested too deeply to read") from None
    name = os.path.splitext(os.path.basename(file))[0]
    try:
        return build_patch(data, name, file)
    except FieldError as error:
        raise PatchError(file, error.message, locate(text, error.path), format_path(error.path)) from None


def load_patch(path: str) -> Patch:
    """Read and check one patch file."""
    check_kind(path, "patch")
    return parse_patch(_read(path), path)


def piece_path(patch: Patch) -> Path | None:
    """The patch's `piece`, found from the working directory or beside the patch file."""
    if not patch.piece:
        return None
    candidate = Path(patch.piece)
    if candidate.exists() or candidate.is_absolute() or patch.path is None:
        return candidate
    for base in (Path(patch.path).parent, Path(patch.path).parent.parent):
        if (base / candidate).exists():
            return base / candidate
    return candidate


def check_against_piece(patch: Patch, piece: str | None = None) -> str | Path | None:
    """Load the piece (`piece`, else the patch's) and check every pad and button names one of its
    loops; returns the piece's path (None without one). Errors name the patch's file and line."""
    from composer.filekinds import WrongKindError
    from composer.runtime import loading
    from composer.runtime.piece import PieceError

    file = patch.path or "<patch>"
    text = _read(file) if patch.path else ""
    path = piece or piece_path(patch)
    if path is None:
        return None
    if not os.path.exists(path):
        if piece is None and _shipped(patch):
            return None  # a shipped patch names a sample piece, which an installed composer lacks
        where = "--piece" if piece else "piece"
        line = None if piece else locate(text, ("piece",))
        raise PatchError(file, f"no such piece {str(path)!r}", line, where)
    try:
        loaded = loading.load(path).piece
    except (PieceError, WrongKindError) as error:
        raise PatchError(file, f"its piece does not load: {error}") from None
    loops = set(loaded.loops)
    _check_band(patch, loaded.band, path, file, text)
    named = [(_pad_path(text, pad.pad) + ("loop",), pad.loop) for pad in patch.pads if pad.loop]
    named += [(("buttons", str(key), "loop"), button.loop) for key, button in patch.buttons.items() if button.loop]
    for field_path, loop in named:
        if loop not in loops:
            hint = did_you_mean(loop, loops)
            raise PatchError(file, f"no live_loop {loop!r} in {path}" + (f"; did you mean {hint}?" if hint else ""),
                             locate(text, field_path), format_path(field_path))
    return path


def _check_band(patch: Patch, band, path, file: str, text: str) -> None:
    """Band pads and the chord zone need a chart (its band: composer.accompany.control), and
    a section pad a section the chart has."""
    for index, pad in enumerate(patch.pads):
        if pad.action not in ("section", "band_fill"):
            continue
        field_path = _pad_path(text, pad.pad)
        if band is None:
            raise PatchError(file, f"a {pad.action} pad steers a chart's band, and {path} is no chart",
                             locate(text, field_path + ("action",)), format_path(field_path + ("action",)))
        if pad.action == "section":
            try:
                band.section_named(pad.section)
            except ComposerError as error:
                raise PatchError(file, f"{error} ({path})", locate(text, field_path + ("section",)),
                                 format_path(field_path + ("section",))) from None
    zones = [(name, zone) for name, zone in (("lower", patch.keys.lower), ("upper", patch.keys.upper))
             if zone is not None and zone.role == "chords"]
    if zones and band is None:
        field_path = ("keys", zones[0][0], "role")
        raise PatchError(file, f"a chords zone steers a chart's band, and {path} is no chart",
                         locate(text, field_path), format_path(field_path))


def _pad_path(text: str, number: int) -> tuple:
    """The field path of pad `number` as the patch writes it: a [[pads]] entry or [pads.N]."""
    pads = tomllib.loads(text).get("pads", {}) if text else {}
    if isinstance(pads, list):
        for index, entry in enumerate(pads):
            if entry.get("pad", index + 1) == number:
                return ("pads", index)
    return ("pads", str(number))


def _shipped(patch: Patch) -> bool:
    from composer.library import SHIPPED

    return patch.path is not None and Path(patch.path).resolve().is_relative_to(SHIPPED)


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except FileNotFoundError:
        raise PatchError(path, "no such patch file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PatchError(path, f"cannot read: {getattr(error, 'strerror', None) or error}") from None


def list_patches(directory: str = PATCH_DIR) -> list[tuple[str, Patch | PatchError]]:
    """Every *.toml in a directory, loaded, or the error that stops it loading."""
    if not os.path.isdir(directory):
        raise ComposerError(f"{directory}: no such directory")
    found = []
    for entry in sorted(os.listdir(directory)):
        if entry.endswith(".toml"):
            path = os.path.join(directory, entry)
            try:
                found.append((path, load_patch(path)))
            except PatchError as error:
                found.append((path, error))
    return found


# -- writing calibration ---------------------------------------------------------------------
def _points_toml(curve: Curve) -> str:
    value = curve.to_toml_value()
    if isinstance(value, str):
        return f'"{value}"'
    return "[" + ", ".join(f"[{i}, {o}]" for i, o in value) + "]"


def calibration_toml(curves: Mapping[int, Curve]) -> str:
    lines = ["[calibration.pads]", CALIBRATION_NOTE]
    lines += [f"{pad} = {_points_toml(curve)}" for pad, curve in sorted(curves.items())]
    return "\n".join(lines) + "\n"


def with_calibration(text: str, curves: Mapping[int, Curve]) -> str:
    """The patch text with its [calibration] tables replaced by new pad curves."""
    kept, skipping = [], False
    for line in text.splitlines(keepends=True):
        header = _HEADER.match(line)
        if header:
            skipping = _split_key(header.group(2))[0] == "calibration"
        if not skipping:
            kept.append(line)
    body = "".join(kept).rstrip("\n")
    return (body + "\n\n" if body else "") + calibration_toml(curves)


def write_calibration(path: str, curves: Mapping[int, Curve]) -> Patch:
    """Store pad curves in a patch's [calibration] table atomically; the result must still load."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        text = ""
    new_text = with_calibration(text, curves)
    patch = parse_patch(new_text, path)
    write_atomic(path, new_text)
    return patch

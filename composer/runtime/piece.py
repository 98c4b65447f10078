"""What a piece defines (its live_loops and settings), and reading and compiling its file.

A piece's top level runs as a thread of the runtime (see `composer.runtime.loading.load`), so a
score of `play` and `sleep` plays, and a `sleep` there delays the loops defined after it. A
reload runs the new top level in a scratch runtime first: a broken edit changes nothing.
"""

from __future__ import annotations

import traceback
import types
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Callable

from composer.errors import ComposerError, did_you_mean
from composer.filekinds import CHART_SUFFIXES
from composer.randomness.state import RandomState


#: A ChordPro chart (.cho, .chopro ...) runs as a piece of its own: the band plays it.


def is_chart(path) -> bool:
    return Path(path).suffix.lower() in CHART_SUFFIXES


class PieceError(ComposerError):
    """An error in a piece, located at its file and line."""


@dataclass
class LoopDefinition:
    name: str | None  # None: an unnamed in_thread
    body: Callable[[], None]
    line: int
    sync: str | None = None
    delay: Fraction = Fraction(0)
    paused: bool = False  # waits for a launch (a pad in `composer perform`) instead of starting
    random: RandomState | None = None  # its thread's random stream, as the top level started it
    settings: dict | None = None  # its thread's use_* settings, as the top level had them then
    offset: Fraction = Fraction(0)  # the top level's time when it defined the loop
    init: object = None  # live_loop(init=): the value its body gets first
    takes_value: bool = False  # the body takes the last iteration's value (init=, as Sonic Pi's |x|)
    auto_cue: bool = True  # each iteration cues /live_loop/NAME
    sync_bpm: bool = False  # the first sync also takes the cueing thread's tempo
    bpm: Fraction | None = None  # its tempo when the top level ended (None: it follows the piece's)


@dataclass
class PieceDefinition:
    path: Path
    loops: dict[str, LoopDefinition] = field(default_factory=dict)
    bpm: Fraction | None = None
    time_signature: tuple[int, int] | None = None
    kit: str | None = None
    settings: dict = field(default_factory=dict)  # the top level's use_* settings, which loops start with
    key: tuple[int, bool] | None = None  # (sharps, minor) for scores: use_key, else the first scale used
    band: object | None = None  # a chart's band that a performer steers (composer.accompany.control)
    warned: set = field(default_factory=set)  # the one-time warnings given (composer.runtime.notices)
    length: Fraction | None = None  # beats to its end, when known before it runs (a chart: once through)


def located(error: BaseException, path: Path, namespace: dict | None = None) -> PieceError:
    """A one-line PieceError naming the piece's line where `error` happened."""
    if isinstance(error, PieceError):
        return error
    if isinstance(error, SyntaxError) and error.filename == str(path):
        column = f", column {error.offset}" if error.offset else ""
        return PieceError(f"{path}:{error.lineno}{column}: syntax error: {error.msg}")
    line = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == str(path):
            line = lineno
    where = f"{path}:{line}" if line else f"{path}"
    if isinstance(error, ComposerError):
        return PieceError(f"{where}: {error}")
    if isinstance(error, SystemExit):  # exit() or sys.exit() in a piece
        return PieceError(f"{where}: a piece cannot end composer (SystemExit); stop a loop with stop(), "
                          "or end a render with --bars")
    text = _text(error)
    message = f"{type(error).__name__}: {text}" if text else type(error).__name__
    if isinstance(error, NameError) and namespace is not None and getattr(error, "name", None):
        hint = did_you_mean(error.name, [k for k in namespace if not k.startswith("_")])
        if hint:
            message += f"; did you mean {hint}?"
    return PieceError(f"{where}: {message}")


def _text(error: BaseException) -> str:
    """An exception's message on one line (its lines joined by "; "), even when its own __str__ fails."""
    try:
        text = str(error)
    except Exception:  # noqa: BLE001 - a piece's exception class may be broken in any way
        return "(its message could not be shown)"
    return "; ".join(line.strip() for line in text.splitlines() if line.strip())


def read_source(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # a BOM, as some editors write, is not code
    except FileNotFoundError:
        raise PieceError(f"{path}: no such piece") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PieceError(f"{path}: cannot read: {error}") from None


def top_level(path: Path, namespace: dict) -> Callable[[], None]:
    """The piece's top level as a function to run in `namespace`: a Python file compiled (a
    syntax error comes out as a PieceError now), a Sonic Pi buffer (.rb) through the Ruby front end."""
    source = read_source(path)
    if path.suffix.lower() == ".rb":
        from composer.ruby import run_buffer

        return lambda: run_buffer(source, path, namespace)
    try:
        code = compile(source, str(path), "exec")
    except SyntaxError as error:
        raise located(error, path) from None
    return types.FunctionType(code, namespace, "<top level>")

"""Loading a piece: run its top level once, in a fresh namespace, and collect its live_loops.

Loading never touches a running runtime: it returns a `PieceDefinition`, which the runtime
adopts whole. A broken edit therefore changes nothing that plays.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Callable

from composer.errors import ComposerError, did_you_mean
from composer.randomness.state import RandomState


class PieceError(ComposerError):
    """An error in a piece, located at its file and line."""


@dataclass
class LoopDefinition:
    name: str
    body: Callable[[], None]
    line: int
    sync: str | None = None
    delay: Fraction = Fraction(0)
    paused: bool = False  # waits for a launch (a pad in `composer perform`) instead of starting
    random: RandomState | None = None  # its thread's random stream, as the top level started it


@dataclass
class PieceDefinition:
    path: Path
    loops: dict[str, LoopDefinition] = field(default_factory=dict)
    bpm: Fraction | None = None
    time_signature: tuple[int, int] | None = None
    kit: str | None = None
    settings: dict = field(default_factory=dict)  # the top level's use_* settings, which loops start with
    key: tuple[int, bool] | None = None  # (sharps, minor) for scores: use_key, else the first scale used


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
    message = f"{type(error).__name__}: {_text(error)}"
    if isinstance(error, NameError) and namespace is not None and getattr(error, "name", None):
        hint = did_you_mean(error.name, [k for k in namespace if not k.startswith("_")])
        if hint:
            message += f"; did you mean {hint}?"
    return PieceError(f"{where}: {message}")


def _text(error: BaseException) -> str:
    """An exception's message, even when its own __str__ fails."""
    try:
        return str(error)
    except Exception:  # noqa: BLE001 - a piece's exception class may be broken in any way
        return "(its message could not be shown)"


def read_source(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # a BOM, as some editors write, is not code
    except FileNotFoundError:
        raise PieceError(f"{path}: no such piece") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PieceError(f"{path}: cannot read: {error}") from None


def load_piece(path: str | Path, make_namespace: Callable[[PieceDefinition], dict]) -> PieceDefinition:
    """Run the piece's top level and return what it defined; errors come out as PieceError."""
    path = Path(path)
    definition = PieceDefinition(path=path)
    source = read_source(path)
    namespace = make_namespace(definition)
    namespace.update(__name__="__piece__", __file__=str(path))
    try:
        if path.suffix.lower() == ".rb":  # a Sonic Pi buffer: the Ruby front end, same namespace
            from composer.ruby import run_buffer

            run_buffer(source, path, namespace)
        else:
            code = compile(source, str(path), "exec")
            exec(code, namespace)
    except BaseException as error:  # noqa: BLE001 - a piece may raise anything; we report it
        if not isinstance(error, (Exception, SystemExit)):
            raise  # Ctrl-C, a stop signal, an abandoned load: not the piece's error
        raise located(error, path, namespace) from None
    if not definition.loops:
        raise PieceError(f"{path}: the piece defines no live_loop")
    return definition

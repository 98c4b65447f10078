"""What composer may write, checked before any work: known suffixes, never over an input.

A render or a recording refuses an empty name, a suffix it does not write, a folder it cannot
write in and a path that is one of its inputs (the piece, a patch): a typo in `-o` must never
turn a piece into MIDI. A device or a FIFO (`/dev/null`, a pipe) is written directly, whatever
its name (see `composer.atomic`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from composer.atomic import is_special
from composer.errors import ComposerError

#: Output suffix -> the kind of file written for it. Writers of new kinds (audio, pictures)
#: add their suffixes here; every command that writes checks its output against this table.
OUTPUT_KINDS: dict[str, str] = {
    ".mid": "midi",
    ".midi": "midi",
    ".musicxml": "score",
    ".xml": "score",
    ".mxl": "score",
    ".png": "picture",
    ".svg": "picture",
    ".wav": "audio",
    ".flac": "audio",
    ".ogg": "audio",
}


def output_kind(path: str | os.PathLike) -> str:
    """The kind of file `path` names by its suffix; a device or FIFO gets MIDI."""
    kind = OUTPUT_KINDS.get(Path(path).suffix.lower())
    if kind is None:
        if is_special(path):
            return "midi"
        raise ComposerError(f"{path}: composer writes {suffixes()}; not {Path(path).suffix or 'a name without one'}")
    return kind


def suffixes(kinds: Iterable[str] | None = None) -> str:
    wanted = None if kinds is None else set(kinds)
    return ", ".join(s for s, kind in OUTPUT_KINDS.items() if wanted is None or kind in wanted)


def check_output(out, inputs: Iterable = (), kinds: Iterable[str] | None = None,
                 option: str = "-o", create: bool = True) -> Path:
    """`out` as a Path once it is safe to write: a one-line ComposerError otherwise.

    With `create`, a missing folder is fine where it can be created (`make_folder` creates it
    just before writing); without, the folder must exist.
    """
    if out is None or str(out).strip() == "":
        raise ComposerError(f"{option} needs a file name, got an empty one")
    out = Path(out)
    if out.is_dir():
        raise ComposerError(f"{out}: is a folder; give a file name ({option} FOLDER/NAME.mid)")
    for source in inputs:
        if source is not None and _same_file(out, Path(source)):
            raise ComposerError(f"{out}: that is an input ({source}); refusing to write over it")
    kind = output_kind(out)
    if kinds is not None and kind not in set(kinds):
        raise ComposerError(f"{out}: {option} writes {suffixes(kinds)}; not {out.suffix or 'a name without one'}")
    if is_special(out):
        return out
    folder = _nearest_existing(out.parent)
    if not create and folder != out.parent:
        raise ComposerError(f"{out}: folder {out.parent} does not exist")
    if not folder.is_dir():
        raise ComposerError(f"{out}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ComposerError(f"{out}: cannot write in folder {folder} (permission denied)")
    return out


def make_folder(out: Path) -> None:
    """Create the output's folder (and its parents) if missing; an error is one line."""
    if out.parent.is_dir():
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ComposerError(f"{out}: cannot create folder {out.parent}: {error.strerror or error}") from None


def _same_file(out: Path, source: Path) -> bool:
    try:
        if out.exists() and source.exists():
            return os.path.samefile(out, source)
        return out.resolve() == source.resolve()
    except OSError:
        return False


def _nearest_existing(folder: Path) -> Path:
    folder = folder if str(folder) else Path(".")
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def rescue(write, name: str, error: ComposerError) -> ComposerError:
    """After a failed save, save again where it can go (home, else the temporary folder) with
    `write(path)`; returns the error to report, saying where the work is now."""
    import tempfile
    import time

    stamp = time.strftime("%Y%m%d-%H%M%S")
    for folder in (Path.home(), Path(tempfile.gettempdir())):
        place = folder / f"composer-{name}-{stamp}.mid"
        try:
            write(place)
        except (ComposerError, OSError):
            continue
        return ComposerError(f"{error}; saved it as {place} instead")
    return ComposerError(f"{error}; could not save it anywhere else either")

"""Where kits and patches are found: beside a piece, in the user's folder, then the shipped ones.

The shipped kits and patches are package data (composer/data/), so an installed composer finds
them from any folder. A user adds their own in `$XDG_CONFIG_HOME/composer/kits` and `.../patches`
(default `~/.config/composer/`), or in a `kits/` or `patches/` folder beside a piece or beside
its folder. The first place that holds a name wins, so a user's `gm.toml` replaces the shipped one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from composer.errors import UnknownNameError
from composer.filekinds import check_kind

SHIPPED = Path(__file__).resolve().parent / "data"
KINDS = {"kits": "kit", "patches": "patch"}  # folder -> what one file is called


def user_dir(kind: str) -> Path:
    """The user's own folder of `kind`; XDG says a relative $XDG_CONFIG_HOME is ignored."""
    base = os.environ.get("XDG_CONFIG_HOME", "")
    config = Path(base) if os.path.isabs(base) else Path.home() / ".config"
    return config / "composer" / kind


def search_dirs(kind: str, piece_path: str | Path | None = None) -> list[Path]:
    """Where `kind` ("kits" or "patches") is looked up, first match first."""
    dirs = []
    if piece_path is not None:
        here = Path(piece_path).resolve().parent
        dirs += [here / kind, here.parent / kind]
    dirs += [user_dir(kind), SHIPPED / kind]
    return dirs


def toml_files(kind: str, piece_path: str | Path | None = None) -> Iterator[Path]:
    """Every `*.toml` of `kind`, folder by folder in the order they are looked in, each folder's
    by name; a folder that is missing or cannot be read has none."""
    for directory in search_dirs(kind, piece_path):
        try:
            files = sorted(directory.glob("*.toml"))
        except OSError:
            continue
        yield from files


def available(kind: str, piece_path: str | Path | None = None) -> dict[str, Path]:
    """name -> file for every `NAME.toml` of `kind`, sorted by name; earlier folders win."""
    found: dict[str, Path] = {}
    for file in toml_files(kind, piece_path):
        found.setdefault(file.stem.lower(), file)
    return dict(sorted(found.items()))


def find(kind: str, name: str, piece_path: str | Path | None = None) -> Path:
    """The file of `name` (case-insensitive, `.toml` optional), or UnknownNameError with hints."""
    files = available(kind, piece_path)
    key = name.lower().lstrip(":").removesuffix(".toml")
    if key not in files:
        raise UnknownNameError(KINDS[kind], name, files)
    return files[key]


def find_patch(spec: str | Path, piece_path: str | Path | None = None) -> Path:
    """A patch given as a file path (as typed) or as a name that `composer patch list` prints."""
    path = Path(spec)
    if path.is_file() or len(path.parts) > 1 or path.suffix == ".toml":
        return check_kind(path, "patch")
    return find("patches", str(spec), piece_path)


def writable_patch(spec: str | Path) -> Path:
    """The patch file to write (calibration) for a path or a name: a shipped patch is first copied
    to the user's folder, and the copy is written; the package's own data is never changed."""
    path = find_patch(spec)
    if SHIPPED in path.resolve().parents:
        own = user_dir("patches") / path.name
        if not own.exists():
            own.parent.mkdir(parents=True, exist_ok=True)
            own.write_bytes(path.read_bytes())
        return own
    return path

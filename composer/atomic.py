"""Write files atomically: a temporary file beside the target, fsync, then rename.

A failed or interrupted write leaves the old file (or none), never a half-written one. The new
file keeps the old one's permissions (or gets the usual ones for a new file), and the rename is
made durable by syncing the directory.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, suffix: str = ".tmp"):
    """A temporary path beside `path` to write to; on clean exit it replaces `path`, else it is removed.

    For writers that open the file themselves and care about its suffix (music21); others use
    `atomic_open`.
    """
    target = Path(path)
    directory = target.parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=directory)
    os.close(fd)
    try:
        yield temp_name
        _fsync_path(temp_name)
        os.chmod(temp_name, _mode_for(target))
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_directory(directory)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "wb", encoding: str | None = None):
    """Open a temporary file for writing; on clean exit it replaces `path`, else it is removed."""
    with atomic_path(path) as temp_name:
        with open(temp_name, mode, encoding=encoding) as handle:
            yield handle


def write_atomic(path: str | os.PathLike, data: bytes | str) -> None:
    if isinstance(data, str):
        with atomic_open(path, "w", encoding="utf-8") as handle:
            handle.write(data)
    else:
        with atomic_open(path, "wb") as handle:
            handle.write(data)


def _mode_for(target: Path) -> int:
    """The old file's permissions, or those a plain open() would give a new file (mkstemp's are 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_path(name: str) -> None:
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; some filesystems cannot sync a directory, which is fine."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

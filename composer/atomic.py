"""Write files atomically: a temporary file beside the target, fsync, then rename.

A failed or interrupted write leaves the old file (or none), never a half-written one. The new
file keeps the old one's permissions (or gets the usual ones for a new file), and the rename is
made durable by syncing the directory.

Temporary files are named `.NAME.composer-PID-XXXX.tmp` (the score writer keeps its suffix), so
a reader sees whose they are; one left by a killed process (its PID gone) is removed by the next
write of the same NAME. A target that is not a regular file (a device such as /dev/null, a FIFO)
is written directly: renaming over it would replace the device with a file. Failures of the
system (no space, no permission) come out as a one-line ComposerError.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from composer.errors import ComposerError

TEMP_MARK = ".composer-"


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, suffix: str = ".tmp"):
    """A temporary path beside `path` to write to; on clean exit it replaces `path`, else it is removed.

    For writers that open the file themselves and care about its suffix (music21); others use
    `atomic_open`. A device or FIFO is yielded itself, to be written directly.
    """
    target = Path(path)
    if is_special(target):
        with _reported(target):
            yield str(target)
        return
    directory = target.parent
    remove_stale_temps(target)
    with _reported(target):
        temp_name = _new_temporary(directory, f".{target.name}{TEMP_MARK}{os.getpid()}-", suffix)
    try:
        with _reported(target):
            yield temp_name
            _fsync_path(temp_name)
            os.chmod(temp_name, _mode_for(target))
            os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_directory(directory)


def _new_temporary(directory: Path, prefix: str, suffix: str) -> str:
    """Create an empty file PREFIX-random-SUFFIX in `directory` that no one else has (as
    tempfile.mkstemp, whose import costs every render's start-up 5 ms), and return its path."""
    while True:
        name = os.path.join(directory, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            os.close(os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600))
            return name
        except FileExistsError:
            continue


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "wb", encoding: str | None = None):
    """Open a temporary file for writing; on clean exit it replaces `path`, else it is removed."""
    with atomic_path(path) as temp_name:
        with _reported(Path(path)):
            handle = open(temp_name, mode, encoding=encoding)
        with handle:
            yield handle


def write_atomic(path: str | os.PathLike, data: bytes | str) -> None:
    if isinstance(data, str):
        with atomic_open(path, "w", encoding="utf-8") as handle:
            handle.write(data)
    else:
        with atomic_open(path, "wb") as handle:
            handle.write(data)


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove temporary files for `target` left by processes that no longer run; returns them."""
    removed = []
    prefix = f".{target.name}{TEMP_MARK}"
    try:
        candidates = [p for p in target.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return removed
    for candidate in candidates:
        pid = candidate.name[len(prefix):].split("-", 1)[0]
        if pid.isdecimal() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process: not ours to judge
    return True


def is_special(target: str | os.PathLike) -> bool:
    """True for an existing path that is neither a regular file nor a folder (a device, a FIFO)."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def _reported(target: Path):
    """An OSError (disk full, permission denied, folder gone) as one line naming the file."""
    try:
        yield
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        raise ComposerError(f"{target}: cannot write: {error.strerror or error}") from None


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

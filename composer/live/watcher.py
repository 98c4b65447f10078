"""Notice when a piece file is saved, by polling its mtime, size and inode (no dependency).

Polling a stat every ~0.2 s costs nothing and works on every OS and filesystem. A change is
reported once the file has stayed the same for one more poll, so a half-written save is not
read; while an editor swaps the file (briefly missing), nothing is reported.
"""

from __future__ import annotations

import os
from pathlib import Path

POLL_SECONDS = 0.2


def signature(path: Path) -> tuple | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


class FileWatcher:
    """`changed()` is True once per settled save of `path`."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._seen = signature(self.path)
        self._candidate: tuple | None = None

    def changed(self) -> bool:
        current = signature(self.path)
        if current is None or current == self._seen:
            self._candidate = None
            return False
        if current != self._candidate:  # still being written, or first sight: look again
            self._candidate = current
            return False
        self._seen, self._candidate = current, None
        return True

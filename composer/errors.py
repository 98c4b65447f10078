"""Errors a musician can fix. The CLI prints them as one line and exits non-zero."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class ComposerError(Exception):
    """An error caused by input (a piece, a name, an argument), not by a bug.

    Its message is one line that names what is wrong and where.
    """

    exit_code = 1


class UnknownNameError(ComposerError, ValueError):
    """A scale, chord, mode, drum or other name that does not exist."""

    def __init__(self, kind: str, name: object, choices: Iterable[str]):
        self.kind = kind
        self.name = name
        self.choices = sorted(choices)
        hint = did_you_mean(str(name), self.choices)
        super().__init__(f"unknown {kind} {name!r}" + (f"; did you mean {hint}?" if hint else ""))


def did_you_mean(name: str, choices: Iterable[str], n: int = 3) -> str:
    """The closest valid names, quoted and joined with 'or', or '' when none is close."""
    close = difflib.get_close_matches(name.lower(), list(choices), n=n, cutoff=0.6)
    return " or ".join(repr(c) for c in close)

"""Ableton Link, when the optional `aalink` package is installed (`composer[link]`).

Link shares a beat timeline and tempo over the network. We read Link's beat and tempo a few
times a second and re-anchor the tempo map, so the scheduler's deadlines follow the session;
the piece's beat 0 is put on the next Link bar, so peers stay in phase.
"""

from __future__ import annotations

import math
import time

from composer.errors import ComposerError

INSTALL_HINT = "pip install 'composer[link]'"
QUANTUM = 4  # beats per Link bar: where our beat 0 lands
JOIN_WAIT = 1.5  # seconds to wait for peers before starting, so beat 0 lands on the session's bar
START_LEAD = 0.5  # seconds: beat 0 is never closer than this, so its first notes are not late


class LinkUnavailable(ComposerError):
    """--link without the aalink package."""

    exit_code = 2


def load_aalink():
    try:
        import aalink
    except ImportError:
        raise LinkUnavailable(f"--link needs Ableton Link support: {INSTALL_HINT}") from None
    return aalink


class LinkFollower:
    """Keeps a tempo map on a Link session's timeline; `update()` is a scheduler hook."""

    def __init__(self, tempo_map, bpm: float, clock=time.monotonic, join_wait: float = JOIN_WAIT):
        import asyncio
        import warnings

        aalink = load_aalink()
        self._loop = asyncio.new_event_loop()  # aalink wants one; reading beat/tempo needs no running loop
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # newer aalink deprecates the loop
            self.link = aalink.Link(float(bpm), self._loop)
        self.link.quantum = QUANTUM
        self.link.enabled = True
        self.tempo_map = tempo_map
        self.clock = clock
        self._wait_for_peers(join_wait)
        # our beat 0 goes on the first Link bar far enough ahead for the look-ahead to reach it
        lead_beats = START_LEAD * self.bpm / 60
        self.offset = float(math.ceil((self.link.beat + lead_beats) / QUANTUM) * QUANTUM)

    def _wait_for_peers(self, seconds: float) -> None:
        """Joining re-times Link's beat timeline; let that happen before our beat 0 is placed."""
        deadline = time.monotonic() + seconds
        while self.link.num_peers == 0 and time.monotonic() < deadline:
            time.sleep(0.05)

    @property
    def peers(self) -> int:
        return int(self.link.num_peers)

    @property
    def bpm(self) -> float:
        return float(self.link.tempo)

    def update(self) -> None:
        now = self.clock()
        bpm = self.bpm
        beat = float(self.link.beat) - self.offset
        if beat >= 0:
            self.tempo_map.anchor(beat, now, bpm)
        else:  # before our first beat: put beat 0 where Link's bar starts
            self.tempo_map.anchor(0, now - beat * 60.0 / bpm, bpm)

    def close(self) -> None:
        """Leave the session, then free Link (its threads) before the event loop it was given."""
        self.link.enabled = False
        link, self.link = self.link, None
        del link
        self._loop.close()

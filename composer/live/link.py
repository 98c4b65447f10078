"""Ableton Link, when the optional `aalink` package is installed (`composer[link]`).

Link shares a beat timeline and tempo over the network. We read Link's beat and tempo a few
times a second and re-anchor the tempo map, so the scheduler's deadlines follow the session;
the piece's beat 0 is put on the next Link bar, so peers stay in phase.

What peers agree on is the phase within a bar, not the beat count: when sessions merge (a peer
found late, on a busy machine or network), Link's beat can jump by many bars. Once playing, we
follow such a jump by whole bars, so the piece keeps its place and only its phase moves, by at
most half a bar, instead of waiting out or skipping the bars Link jumped.
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


def bars_jumped(link_beat: float, our_beat: float, quantum: int = QUANTUM) -> int:
    """Whole bars (in beats) by which Link's count has jumped past ours: what to add to the
    offset so that the two differ by at most half a bar, i.e. by phase only."""
    return round((link_beat - our_beat) / quantum) * quantum


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
        self.playing = False  # until beat 0: before it, the tempo map only waits for Link's bar

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
        if self.playing:  # a jump of Link's beat count moves us by whole bars, keeping our place
            jump = bars_jumped(beat, self.tempo_map.beat(now))
            self.offset += jump
            beat -= jump
        if beat >= 0:
            self.tempo_map.anchor(beat, now, bpm)
            self.playing = True
        else:  # before our first beat: put beat 0 where Link's bar starts
            self.tempo_map.anchor(0, now - beat * 60.0 / bpm, bpm)

    def close(self) -> None:
        """Leave the session, then free Link (its threads) before the event loop it was given."""
        self.link.enabled = False
        link, self.link = self.link, None
        del link
        self._loop.close()

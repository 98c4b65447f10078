"""The arpeggiator: the notes held on the keys, played one step at a time on the beat grid.

Pure state, no I/O and no clock: the perform session runs it as a loop in the piece's runtime,
which calls `step(beat)` once every `rate` beats, so the arpeggio shares the piece's tempo.

Modes are Tidal's thirteen (`composer.theory.arp`, same names) plus four from Ableton's Arpeggiator:
"random" (a random held note each step), "random_once" (a random order, chosen once per chord),
"chord" (every held note on every step) and "played" (the order the keys went down).
Latch keeps the notes after the keys are let go, until a new chord starts (a key pressed when no
key is down); the sustain pedal latches while it is down. Randomness comes from a seeded RNG, so
the same gestures give the same arpeggio.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction

from composer.errors import UnknownNameError
from composer.beats import to_beats
from composer.theory.arp import ARP_MODES as TIDAL_MODES
from composer.theory.arp import arp as tidal_arp

EXTRA_MODES = ("random", "random_once", "chord", "played")
MODES = tuple(TIDAL_MODES) + EXTRA_MODES


@dataclass(frozen=True)
class ArpNote:
    beat: Fraction
    note: int
    velocity: int
    duration: Fraction


def resolve_mode(mode: str) -> str:
    key = str(mode).strip().removeprefix(":").lower()
    if key not in MODES:
        raise UnknownNameError("arpeggiator mode", mode, MODES)
    return key


class Arpeggiator:
    """Held notes in, one step of notes out per `step(beat)`."""

    def __init__(self, mode: str = "up", rate=Fraction(1, 4), octaves: int = 1, gate: float = 0.5,
                 latch: bool = False, seed: int = 0):
        self.mode = resolve_mode(mode)
        self.rate = to_beats(rate)
        if self.rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        if not 0 < gate <= 1:
            raise ValueError(f"gate must be above 0 and at most 1, got {gate}")
        if octaves < 1:
            raise ValueError(f"octaves must be at least 1, got {octaves}")
        self.octaves = int(octaves)
        self.duration = to_beats(gate) * self.rate
        self.patch_latch = bool(latch)
        self.pedal = False
        self._random = random.Random(seed)
        self.pressed: dict[int, int] = {}  # keys physically down: note -> velocity, in play order
        self.held: dict[int, int] = {}  # what the arpeggio plays: note -> velocity, in play order
        self.position = 0
        self._sequence: list[tuple[int, ...]] | None = None  # cached steps for the held notes

    @classmethod
    def from_settings(cls, settings, seed: int = 0) -> "Arpeggiator":
        """From a patch's ArpeggiatorSettings."""
        return cls(settings.mode, settings.rate, settings.octaves, settings.gate, settings.latch, seed)

    # ----- keys -------------------------------------------------------------------------------

    @property
    def latched(self) -> bool:
        return self.patch_latch or self.pedal

    def press(self, note: int, velocity: int) -> None:
        if not self.pressed and self.latched:
            self._set_held({})  # a new chord replaces the latched one
        if not self.held:
            self.position = 0  # a chord from nothing starts at the top of the pattern
        self.pressed[note] = velocity
        held = {n: v for n, v in self.held.items() if n != note}
        held[note] = velocity
        self._set_held(held)

    def release(self, note: int) -> None:
        self.pressed.pop(note, None)
        if not self.latched and note in self.held:
            self._set_held({n: v for n, v in self.held.items() if n != note})

    def set_latch(self, on: bool) -> None:
        """The patch's latch, switched from a button."""
        self.patch_latch = bool(on)
        self._unlatch_if_off()

    def set_pedal(self, down: bool) -> None:
        """The sustain pedal latches while it is down."""
        self.pedal = bool(down)
        self._unlatch_if_off()

    def clear(self) -> None:
        """Forget every note (the controller went away, or a panic)."""
        self.pressed.clear()
        self._set_held({})

    def _unlatch_if_off(self) -> None:
        if not self.latched:
            self._set_held({n: v for n, v in self.held.items() if n in self.pressed})

    def _set_held(self, held: dict[int, int]) -> None:
        if list(held) != list(self.held):
            self._sequence = None
        self.held = held

    # ----- steps ------------------------------------------------------------------------------

    def step(self, beat) -> list[ArpNote]:
        """The notes of the next step, starting at `beat`; an empty list when nothing is held."""
        if not self.held:
            return []
        beat = to_beats(beat)
        if self.mode == "random":
            extended = self._extended(sorted(self.held))
            notes: tuple[int, ...] = (self._random.choice(extended),)
        else:
            sequence = self.sequence()
            notes = sequence[self.position % len(sequence)]
        self.position += 1
        return [ArpNote(beat, n, self._velocity(n), self.duration) for n in notes]

    def sequence(self) -> list[tuple[int, ...]]:
        """One cycle of the pattern for the held notes: the notes of each step."""
        if self._sequence is None:
            self._sequence = self._build()
        return self._sequence

    def _build(self) -> list[tuple[int, ...]]:
        held = list(self.held)
        if self.mode == "chord":
            chord = sorted(held)
            steps = [tuple(n + 12 * octave for n in chord if n + 12 * octave <= 127) for octave in range(self.octaves)]
            return [s for s in steps if s]
        if self.mode == "played":
            return [(n,) for n in self._extended(held)]
        if self.mode in ("random_once", "random"):
            order = self._extended(sorted(held))
            self._random.shuffle(order)
            return [(n,) for n in order]
        notes = [n for n in tidal_arp(held, self.mode, self.octaves) if n <= 127]
        if not notes:  # Tidal's init-based modes give nothing for one note; a player hears it
            notes = self._extended(sorted(held))
        return [(n,) for n in notes]

    def _extended(self, notes: list[int]) -> list[int]:
        """The notes, then a copy an octave up for each extra octave (notes above 127 dropped)."""
        return [n + 12 * octave for octave in range(self.octaves) for n in notes if n + 12 * octave <= 127]

    def _velocity(self, note: int) -> int:
        for octave in range(self.octaves):
            velocity = self.held.get(note - 12 * octave)
            if velocity is not None:
                return velocity
        return 100


def run(arpeggiator: Arpeggiator, start, steps: int) -> list[ArpNote]:
    """`steps` steps from beat `start`, one every `rate` beats (for tests and previews)."""
    start = to_beats(start)
    out: list[ArpNote] = []
    for index in range(steps):
        out.extend(arpeggiator.step(start + index * arpeggiator.rate))
    return out

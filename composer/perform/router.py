"""From one controller message to what it should do, as the patch says: the performer's map.

Pure: `Router.route(message)` returns a list of actions and touches no port, clock or runtime.
The session sends `Send` actions at once (played keys and pads must not wait for the scheduler)
and hands the rest to the scheduler's thread, which owns the runtime.

Keys: the split (on the incoming note), the patch's octave and transpose plus the zone's own,
then the zone's velocity curve; a zone with role "arpeggiator" feeds the arpeggiator instead of
the output, and one with role "chords" tells a chart's band the chord it holds (it sounds
only through the band). Pads: calibration first, then the pad's own curve; note and drum pads
play at once, loop pads ask for a launch or stop on the next bar, band pads for a chart's next
section (or a named one) or a fill. Knobs set the tempo, a piece param or a CC.
What the patch does not map is dropped, or passed through unchanged where its `[thru]` table
says so: unmapped channel messages (other channels, unassigned knobs and buttons), sysex, clock.
Malformed messages (bytes over 127, wrong lengths, running status) are always dropped; routing
never raises.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.controller.curves import apply
from composer.controller.v49 import (
    ButtonEvent,
    KeyEvent,
    KnobEvent,
    ModWheel,
    PadEvent,
    PitchBend,
    Sustain,
    decode,
)
from composer.midi.bytes import (
    CONTROL_CHANGE,
    MOD_WHEEL,
    NOTE_OFF,
    NOTE_ON,
    PITCH_BEND,
    PITCH_BEND_CENTRE,
    SUSTAIN,
    is_channel_status,
    is_valid,
    pitch_bend,
    system_kind,
)

KEYS_TRACK, PADS_TRACK, CONTROLS_TRACK, THRU_TRACK = "keys", "pads", "controls", "thru"
TAP_RESET_SECONDS = 2.0
TAP_COUNT = 4
MIN_BPM, MAX_BPM = 20.0, 300.0


# ----- actions ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Send:
    """MIDI out now; `track` names it in a recording."""

    data: tuple[int, ...]
    track: str


@dataclass(frozen=True)
class ArpPress:
    note: int
    velocity: int


@dataclass(frozen=True)
class ArpRelease:
    note: int


@dataclass(frozen=True)
class ArpPedal:
    down: bool


@dataclass(frozen=True)
class ArpLatch:
    on: bool


@dataclass(frozen=True)
class LoopAction:
    """launch, stop, toggle or fill a loop of the piece, quantised to the next bar."""

    kind: str
    loop: str


@dataclass(frozen=True)
class BandChord:
    """The notes now held in the chord zone (a chart's band plays the chord they make);
    `pressed` when a key went down, so letting go of part of a chord does not change it."""

    notes: tuple[int, ...]
    pressed: bool


@dataclass(frozen=True)
class BandSection:
    """A chart's band goes to a section ("next", or a label) at the next bar."""

    section: str


@dataclass(frozen=True)
class BandFill:
    """A chart's drums fill the next bar."""


@dataclass(frozen=True)
class SetTempo:
    bpm: float


@dataclass(frozen=True)
class SetParam:
    name: str
    value: float


@dataclass(frozen=True)
class TapTempo:
    pass


@dataclass(frozen=True)
class Panic:
    pass


Action = (Send | ArpPress | ArpRelease | ArpPedal | ArpLatch | LoopAction | BandChord | BandSection | BandFill
          | SetTempo | SetParam | TapTempo | Panic)


class Router:
    """Routes one patch's controller; remembers held keys and pads so their note-offs match."""

    def __init__(self, patch, thru_other: bool = False):
        """`thru_other` passes unmapped channel messages through whatever the patch says."""
        self.patch = patch
        self.layout = patch.controller.layout
        self.thru_unmapped = thru_other or patch.thru.unmapped
        self.thru_system = {kind for kind in ("sysex", "clock") if getattr(patch.thru, kind)}
        keys = patch.keys
        self.arp_everywhere = keys.split is None and patch.arpeggiator is not None
        zones = [keys.zone_for(0)] if keys.split is None else [keys.lower, keys.upper]
        self.play_channels = sorted({z.channel - 1 for z in zones if z.role == "play" and not self.arp_everywhere})
        self._held_keys: dict[int, tuple[str, int, int]] = {}  # key note -> (role, channel, note out)
        self._held_pads: dict[int, tuple[int, int]] = {}  # pad -> (channel, note out)
        self._chord_keys: dict[int, int] = {}  # chord-zone key -> note out, in the order pressed

    def route(self, message) -> list[Action]:
        try:
            data = tuple(message)
        except TypeError:
            return []
        if not data or not all(type(b) is int for b in data):
            return []
        if not is_channel_status(data[0]):
            return [Send(data, THRU_TRACK)] if system_kind(data) in self.thru_system else []
        if not is_valid(data):
            return []
        event = decode(data, self.layout)
        kind = type(event)
        if kind is KeyEvent:
            return self._key(event)
        if kind is PadEvent:
            return self._pad(event)
        if kind is KnobEvent and event.knob in self.patch.knobs:
            return self._knob(event)
        if kind is ButtonEvent and event.button in self.patch.buttons:
            return self._button(event)
        if kind is Sustain:
            return self._to_play_channels(CONTROL_CHANGE, SUSTAIN, event.value) + [ArpPedal(event.down)]
        if kind is ModWheel:
            return self._to_play_channels(CONTROL_CHANGE, MOD_WHEEL, event.value)
        if kind is PitchBend:
            bend = pitch_bend(0, event.value + PITCH_BEND_CENTRE)
            return self._to_play_channels(PITCH_BEND, bend[1], bend[2])
        return [Send(data, THRU_TRACK)] if self.thru_unmapped else []  # unmapped: other channels too

    # ----- keys -------------------------------------------------------------------------------

    def key_target(self, note: int) -> tuple[str, int, int] | None:
        """(role, 0-based channel, note out) for an incoming key note; None when out of range."""
        keys = self.patch.keys
        zone = keys.zone_for(note)
        transpose = zone.transpose if keys.split is None else keys.transpose + zone.transpose
        out = note + 12 * keys.octave + transpose
        if not 0 <= out <= 127:
            return None
        role = "arpeggiator" if self.arp_everywhere else zone.role
        return role, zone.channel - 1, out

    def key_velocity(self, note: int, raw: int) -> int:
        return apply(self.patch.keys.zone_for(note).curve, raw)

    def _key(self, event: KeyEvent) -> list[Action]:
        if event.on:
            target = self.key_target(event.note)
            if target is None:
                return []
            out = self.release_key(event.note)  # a repeated note-on ends the first
            self._held_keys[event.note] = target
            role, channel, note = target
            velocity = self.key_velocity(event.note, event.velocity)
            if role == "chords":
                self._chord_keys[event.note] = note
                return out + [BandChord(self._chord_notes(), pressed=True)]
            if role == "arpeggiator":
                return out + [ArpPress(note, velocity)]
            return out + [Send((NOTE_ON | channel, note, velocity), KEYS_TRACK)]
        return self.release_key(event.note)

    def release_key(self, key: int) -> list[Action]:
        target = self._held_keys.pop(key, None)
        if target is None:
            return []
        role, channel, note = target
        if role == "chords":
            self._chord_keys.pop(key, None)
            return [BandChord(self._chord_notes(), pressed=False)]
        if role == "arpeggiator":
            return [ArpRelease(note)]
        return [Send((NOTE_OFF | channel, note, 0), KEYS_TRACK)]

    def _chord_notes(self) -> tuple[int, ...]:
        return tuple(sorted(self._chord_keys.values()))

    # ----- pads -------------------------------------------------------------------------------

    def _pad(self, event: PadEvent) -> list[Action]:
        pad = self.patch.pad(event.pad)
        if pad.action in ("note", "drum"):
            if not event.on:
                held = self._held_pads.pop(event.pad, None)
                return [Send((NOTE_OFF | held[0], held[1], 0), PADS_TRACK)] if held else []
            note = pad.note if pad.action == "note" else pad.drum_note
            channel = pad.channel - 1
            out = []
            if event.pad in self._held_pads:  # struck again before its note-off came
                old = self._held_pads.pop(event.pad)
                out.append(Send((NOTE_OFF | old[0], old[1], 0), PADS_TRACK))
            self._held_pads[event.pad] = (channel, note)
            velocity = self.patch.pad_velocity(event.pad, event.velocity)
            return out + [Send((NOTE_ON | channel, note, velocity), PADS_TRACK)]
        if not event.on:
            return []
        if pad.action == "section":
            return [BandSection(pad.section)]
        if pad.action == "band_fill":
            return [BandFill()]
        return [LoopAction(pad.action, pad.loop)]

    # ----- knobs and buttons ------------------------------------------------------------------

    def _knob(self, event: KnobEvent) -> list[Action]:
        knob = self.patch.knobs[event.knob]
        value = knob.scale(event.value)
        if knob.target == "bpm":
            return [SetTempo(float(value))]
        if knob.target == "param":
            return [SetParam(knob.name, float(value))]
        return [Send((CONTROL_CHANGE | (knob.channel - 1), knob.number, int(value)), CONTROLS_TRACK)]

    def _button(self, event: ButtonEvent) -> list[Action]:
        button = self.patch.buttons[event.button]
        action = button.action
        if action in ("launch", "stop", "fill"):
            return [LoopAction(action, button.loop)]
        if action == "toggle":
            return [LoopAction("launch" if event.on else "stop", button.loop)]
        if action == "cc":
            return [Send((CONTROL_CHANGE | (button.channel - 1), button.number, event.value), CONTROLS_TRACK)]
        if action == "arp_latch":
            return [ArpLatch(event.on)]
        if action == "tap_tempo":
            return [TapTempo()]
        return [Panic()]

    # ----- helpers ----------------------------------------------------------------------------

    def _to_play_channels(self, kind: int, first: int, second: int) -> list[Action]:
        return [Send((kind | channel, first, second), KEYS_TRACK) for channel in self.play_channels]

    def release_all(self) -> list[Action]:
        """Note-offs for every key and pad held: the controller went away mid-note."""
        out: list[Action] = []
        for key in list(self._held_keys):
            out.extend(self.release_key(key))
        for channel, note in self._held_pads.values():
            out.append(Send((NOTE_OFF | channel, note, 0), PADS_TRACK))
        self._held_pads.clear()
        return out


class TapTempoMeter:
    """Tempo from the last few taps; a pause of more than 2 s starts counting again."""

    def __init__(self):
        self.taps: list[float] = []

    def tap(self, seconds: float) -> float | None:
        """The bpm after a tap at `seconds`, or None until there are two taps."""
        if self.taps and seconds - self.taps[-1] > TAP_RESET_SECONDS:
            self.taps.clear()
        self.taps = (self.taps + [seconds])[-TAP_COUNT:]
        if len(self.taps) < 2:
            return None
        interval = (self.taps[-1] - self.taps[0]) / (len(self.taps) - 1)
        if interval <= 0:
            return None
        return max(MIN_BPM, min(MAX_BPM, 60.0 / interval))

"""What a patch says, as frozen dataclasses: keys and zones, pads, knobs, buttons, the
arpeggiator, a chart's band, pad calibration and what passes through. composer.patch.schema builds them from TOML."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from composer.controller.curves import LINEAR, Curve, apply
from composer.controller.v49 import DEFAULT_LAYOUT, V49Layout


@dataclass(frozen=True)
class ControllerSettings:
    model: str = "v49"
    port: str = DEFAULT_LAYOUT.port_match
    layout: V49Layout = DEFAULT_LAYOUT


@dataclass(frozen=True)
class Zone:
    """Half of a split keyboard: where its notes go and what plays them."""

    channel: int = 1
    curve: Curve = LINEAR
    transpose: int = 0
    role: str = "play"
    output: str | None = None


@dataclass(frozen=True)
class KeysSettings:
    channel: int = 1
    output: str | None = None
    curve: Curve = LINEAR
    octave: int = 0
    transpose: int = 0
    split: int | None = None  # first note of the upper zone
    lower: Zone | None = None
    upper: Zone | None = None

    def zone_for(self, note: int) -> Zone:
        """The zone a note belongs to; without a split, the whole keyboard as one zone."""
        if self.split is None:
            return Zone(self.channel, self.curve, self.transpose, "play", self.output)
        return self.lower if note < self.split else self.upper


@dataclass(frozen=True)
class PadSettings:
    pad: int
    action: str = "note"
    note: int | None = None
    channel: int = 10
    drum: str | None = None
    loop: str | None = None
    curve: Curve = LINEAR
    drum_note: int | None = None  # the drum's note in the patch's kit, resolved when loading
    section: str | None = None  # a "section" pad: "next", or a chart section's label or kind


@dataclass(frozen=True)
class KnobSettings:
    knob: int
    target: str
    name: str | None = None  # the param's name, for target "param"
    number: int | None = None  # the CC number, for target "cc"
    channel: int = 1
    min: float = 0.0
    max: float = 127.0

    def scale(self, value: int) -> float:
        """The target's value for a knob position 0..127 (ints for CCs)."""
        scaled = self.min + (self.max - self.min) * value / 127
        return round(scaled) if self.target == "cc" else scaled


@dataclass(frozen=True)
class ButtonSettings:
    button: int
    action: str
    loop: str | None = None
    number: int | None = None
    channel: int = 1


@dataclass(frozen=True)
class ArpeggiatorSettings:
    mode: str = "up"
    rate: float = 0.25  # beats between notes, in the piece's tempo
    octaves: int = 1
    gate: float = 0.5  # fraction of `rate` a note sounds
    latch: bool = False


@dataclass(frozen=True)
class BandSettings:
    """How a chart's band follows the chord zone (composer.accompany.control)."""

    latch: bool = True  # the band keeps the last chord played until another (or a section pad)


@dataclass(frozen=True)
class ThruSettings:
    """What the patch does not map, passed to the output instead of ignored. Malformed bytes never are."""

    unmapped: bool = False  # channel messages nothing maps: other channels, unassigned knobs and buttons
    sysex: bool = False  # system exclusive, whole messages only
    clock: bool = False  # MIDI clock, start, continue, stop and song position


@dataclass(frozen=True)
class Calibration:
    """Per-pad curves that even out the pads, applied before each pad's own curve."""

    pads: Mapping[int, Curve] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Patch:
    name: str
    description: str = ""
    piece: str | None = None
    bpm: float | None = None
    controller: ControllerSettings = ControllerSettings()
    keys: KeysSettings = KeysSettings()
    pads: tuple[PadSettings, ...] = ()
    knobs: Mapping[int, KnobSettings] = field(default_factory=lambda: MappingProxyType({}))
    buttons: Mapping[int, ButtonSettings] = field(default_factory=lambda: MappingProxyType({}))
    arpeggiator: ArpeggiatorSettings | None = None
    band: BandSettings = BandSettings()
    calibration: Calibration = Calibration()
    thru: ThruSettings = ThruSettings()
    path: str | None = None

    def pad(self, number: int) -> PadSettings:
        return self.pads[number - 1]

    def pad_velocity(self, number: int, raw: int) -> int:
        """Raw pad velocity through the pad's calibration, then the pad's own curve."""
        calibrated = self.calibration.pads.get(number)
        evened = apply(calibrated, raw) if calibrated is not None else raw
        return apply(self.pad(number).curve, evened)

    def key_velocity(self, note: int, raw: int) -> int:
        return apply(self.keys.zone_for(note).curve, raw)

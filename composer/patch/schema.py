"""The checks that turn a patch's TOML tables into its frozen dataclasses (composer.patch.model).

It reads no patch file (the loader does; drum names are checked against the kit the patch
names). A bad field raises FieldError with the field's path; the loader adds the file and line.
"""

from __future__ import annotations

from types import MappingProxyType

from composer.controller.curves import LINEAR, Curve, parse_curve
from composer.controller.v49 import DEFAULT_LAYOUT, MAX_OCTAVE_SHIFT, MAX_TRANSPOSE, V49Layout, parse_note
from composer.errors import ComposerError, UnknownNameError, did_you_mean
from composer.patch.model import (
    ArpeggiatorSettings,
    BandSettings,
    ButtonSettings,
    Calibration,
    ControllerSettings,
    KeysSettings,
    KnobSettings,
    PadSettings,
    Patch,
    ThruSettings,
    Zone,
)
from composer.perform.arpeggiator import MODES as ARPEGGIATOR_MODES
from composer.runtime.kits import DEFAULT_KIT, Kit, load_kit

PAD_COUNT = 8
KNOB_COUNT = 4
BUTTON_COUNT = 4

MODELS = ("v49",)
ZONE_ROLES = ("play", "arpeggiator", "chords")
PAD_ACTIONS = ("note", "drum", "launch", "stop", "toggle", "fill", "section", "band_fill")
LOOP_ACTIONS = ("launch", "stop", "toggle", "fill")
KNOB_TARGETS = ("bpm", "param", "cc")
BUTTON_ACTIONS = ("launch", "stop", "toggle", "fill", "cc", "arp_latch", "tap_tempo", "panic")

class FieldError(ComposerError):
    """A field with a bad value; `path` is the tuple of keys (ints index arrays of tables)."""

    def __init__(self, path: tuple, message: str):
        self.path = tuple(path)
        self.message = message
        super().__init__(f"{format_path(self.path)}: {message}")


def format_path(path: tuple) -> str:
    """knobs.2.target; arrays of tables count from 1: pads[3].action."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + str(part)
    return text


# -- checking tables -------------------------------------------------------------------------
def _check_keys(table: dict, allowed, path: tuple) -> None:
    for key in table:
        if key not in allowed:
            hint = did_you_mean(str(key), allowed)
            raise FieldError(path + (key,), "unknown key" + (f"; did you mean {hint}?" if hint else ""))


def _table(value, path: tuple) -> dict:
    if not isinstance(value, dict):
        raise FieldError(path, f"must be a table, not {_kind(value)}")
    return value


def _kind(value) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _int(table: dict, key: str, path: tuple, default, lo: int, hi: int):
    value = table.get(key, default)
    if value is default:
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(path + (key,), f"must be a whole number, not {_kind(value)}")
    if not lo <= value <= hi:
        raise FieldError(path + (key,), f"{value} is outside {lo}..{hi}")
    return value


def _number(table: dict, key: str, path: tuple, default, lo: float, hi: float, low_open: bool = False):
    value = table.get(key, default)
    if value is default:
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FieldError(path + (key,), f"must be a number, not {_kind(value)}")
    if low_open and not lo < value <= hi:
        raise FieldError(path + (key,), f"{value} must be above {lo:g} and at most {hi:g}")
    if not low_open and not lo <= value <= hi:
        raise FieldError(path + (key,), f"{value} is outside {lo:g}..{hi:g}")
    return float(value)


def _str(table: dict, key: str, path: tuple, default):
    value = table.get(key, default)
    if value is default:
        return value
    if not isinstance(value, str) or not value.strip():
        raise FieldError(path + (key,), f"must be a non-empty string, not {_kind(value)}")
    return value


def _bool(table: dict, key: str, path: tuple, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise FieldError(path + (key,), f"must be true or false, not {_kind(value)}")
    return value


def _choice(table: dict, key: str, path: tuple, choices, kind: str, default=None) -> str:
    value = table.get(key, default)
    if value is None:
        raise FieldError(path + (key,), f"missing; choose one of {', '.join(choices)}")
    if value not in choices:
        hint = did_you_mean(str(value), choices)
        raise FieldError(path + (key,), f"unknown {kind} {value!r}" + (f"; did you mean {hint}?" if hint else
                                                                         f"; choose one of {', '.join(choices)}"))
    return value


def _curve(table: dict, key: str, path: tuple, default: Curve) -> Curve:
    if key not in table:
        return default
    try:
        return parse_curve(table[key])
    except ComposerError as error:
        raise FieldError(path + (key,), str(error)) from None


def _note(table: dict, key: str, path: tuple, default):
    if key not in table:
        return default
    try:
        return parse_note(table[key])
    except ComposerError as error:
        raise FieldError(path + (key,), str(error)) from None


def _numbered(table: dict, path: tuple, count: int, what: str) -> dict[int, tuple[tuple, dict]]:
    """[knobs.N]-style tables: N -> (its path, its table), with N checked against 1..count."""
    found = {}
    for key, value in _table(table, path).items():
        if not str(key).isdecimal() or not 1 <= int(key) <= count:
            raise FieldError(path + (key,), f"the V49 has {what}s 1..{count}")
        found[int(key)] = (path + (key,), _table(value, path + (key,)))
    return found


# -- each section ----------------------------------------------------------------------------
CONTROLLER_KEYS = ("model", "port", "keys_channel", "pads_channel", "pad_notes", "knob_ccs", "button_ccs",
                   "mod_cc", "sustain_cc", "lowest_key")


def _controller(table: dict) -> ControllerSettings:
    path = ("controller",)
    _check_keys(table, CONTROLLER_KEYS, path)
    model = _choice(table, "model", path, MODELS, "controller model", "v49")
    port = _str(table, "port", path, DEFAULT_LAYOUT.port_match)
    changes = {}
    for key in ("keys_channel", "pads_channel"):
        if key in table:
            changes[key] = _int(table, key, path, None, 1, 16)
    for key in ("mod_cc", "sustain_cc"):
        if key in table:
            changes[key] = _int(table, key, path, None, 0, 127)
    if "lowest_key" in table:
        changes["lowest_key"] = _note(table, "lowest_key", path, None)
    for key, count in (("pad_notes", PAD_COUNT), ("knob_ccs", KNOB_COUNT), ("button_ccs", BUTTON_COUNT)):
        if key in table:
            values = table[key]
            if (not isinstance(values, list) or len(values) != count
                    or not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 127 for v in values)):
                raise FieldError(path + (key,), f"must be a list of {count} numbers 0..127")
            changes[key] = tuple(values)
    layout = DEFAULT_LAYOUT.with_overrides(port_match=port, **changes)
    return ControllerSettings(model, port, layout)


ZONE_KEYS = ("channel", "curve", "transpose", "role", "output")
KEYS_KEYS = ("channel", "output", "curve", "octave", "transpose", "split", "lower", "upper")


def _zone(table: dict, path: tuple, keys: KeysSettings) -> Zone:
    _check_keys(table, ZONE_KEYS, path)
    return Zone(
        channel=_int(table, "channel", path, keys.channel, 1, 16),
        curve=_curve(table, "curve", path, keys.curve),
        transpose=_int(table, "transpose", path, 0, -48, 48),
        role=_choice(table, "role", path, ZONE_ROLES, "role", "play"),
        output=_str(table, "output", path, keys.output),
    )


def _keys(table: dict) -> KeysSettings:
    path = ("keys",)
    _check_keys(table, KEYS_KEYS, path)
    keys = KeysSettings(
        channel=_int(table, "channel", path, 1, 1, 16),
        output=_str(table, "output", path, None),
        curve=_curve(table, "curve", path, LINEAR),
        octave=_int(table, "octave", path, 0, -MAX_OCTAVE_SHIFT, MAX_OCTAVE_SHIFT),
        transpose=_int(table, "transpose", path, 0, -MAX_TRANSPOSE, MAX_TRANSPOSE),
        split=_note(table, "split", path, None),
    )
    zones = {}
    for name in ("lower", "upper"):
        if name in table:
            if keys.split is None:
                raise FieldError(path + (name,), "a zone needs keys.split, the first note of the upper zone")
            zones[name] = _zone(_table(table[name], path + (name,)), path + (name,), keys)
        elif keys.split is not None:
            zones[name] = Zone(keys.channel, keys.curve, 0, "play", keys.output)
    return KeysSettings(**{**keys.__dict__, **zones})


PAD_KEYS = ("pad", "action", "note", "channel", "drum", "loop", "curve", "section")


def _pad(table: dict, path: tuple, number: int, layout: V49Layout, kit: Kit) -> PadSettings:
    _check_keys(table, PAD_KEYS, path)
    action = _choice(table, "action", path, PAD_ACTIONS, "pad action", "note")
    note = _note(table, "note", path, None)
    drum = _str(table, "drum", path, None)
    loop = _str(table, "loop", path, None)
    section = _str(table, "section", path, "next") if action == "section" else None
    if action == "note" and note is None:
        note = layout.pad_notes[number - 1]
    if action == "drum":
        if drum is None:
            raise FieldError(path + ("drum",), "missing; a drum pad names a kit drum, e.g. drum = \"snare\"")
        if drum.lower() not in kit.drums:
            hint = did_you_mean(drum, kit.drums)
            raise FieldError(
                path + ("drum",),
                f"unknown drum {drum!r} in kit {kit.name!r}" + (f"; did you mean {hint}?" if hint else ""),
            )
    if action in LOOP_ACTIONS and loop is None:
        raise FieldError(path + ("loop",), f"missing; a {action} pad names a loop, e.g. loop = \"drums\"")
    for key, needed_by in (("note", ("note",)), ("drum", ("drum",)), ("loop", LOOP_ACTIONS), ("section", ("section",))):
        if key in table and action not in needed_by:
            raise FieldError(path + (key,), f"not used by action {action!r}")
    return PadSettings(
        pad=number, action=action, note=note, drum=drum, loop=loop,
        channel=_int(table, "channel", path, layout.pads_channel, 1, 16),
        curve=_curve(table, "curve", path, LINEAR),
        drum_note=kit.note(drum) if action == "drum" else None, section=section,
    )


def _pads(value, layout: V49Layout, kit: Kit) -> tuple[PadSettings, ...]:
    """[[pads]] (each with `pad = N`, or in order) or [pads.N] tables; unlisted pads play their note."""
    tables: dict[int, tuple[tuple, dict]] = {}
    if isinstance(value, list):
        for index, entry in enumerate(value):
            path = ("pads", index)
            entry = _table(entry, path)
            number = _int(entry, "pad", path, index + 1, 1, PAD_COUNT)
            if number in tables:
                raise FieldError(path + ("pad",), f"pad {number} is set twice")
            tables[number] = (path, entry)
    else:
        tables = _numbered(value, ("pads",), PAD_COUNT, "pad")
        for number, (path, entry) in tables.items():
            if "pad" in entry and entry["pad"] != number:
                raise FieldError(path + ("pad",), f"does not match the table's pad number {number}")
    pads = []
    for number in range(1, PAD_COUNT + 1):
        if number in tables:
            path, entry = tables[number]
            pads.append(_pad(entry, path, number, layout, kit))
        else:
            pads.append(PadSettings(number, "note", layout.pad_notes[number - 1], layout.pads_channel))
    return tuple(pads)


KNOB_KEYS = ("target", "name", "number", "channel", "min", "max")
KNOB_RANGES = {"bpm": (20.0, 300.0, 60.0, 180.0), "param": (-1e9, 1e9, 0.0, 1.0), "cc": (0, 127, 0, 127)}


def _knob(table: dict, path: tuple, number: int) -> KnobSettings:
    _check_keys(table, KNOB_KEYS, path)
    target = _choice(table, "target", path, KNOB_TARGETS, "target")
    lo, hi, default_min, default_max = KNOB_RANGES[target]
    if target == "cc":
        low = _int(table, "min", path, default_min, 0, 127)
        high = _int(table, "max", path, default_max, 0, 127)
    else:
        low = _number(table, "min", path, default_min, lo, hi)
        high = _number(table, "max", path, default_max, lo, hi)
    name = _str(table, "name", path, None)
    cc_number = _int(table, "number", path, None, 0, 127)
    if target == "param" and name is None:
        raise FieldError(path + ("name",), "missing; a param knob names its param, e.g. name = \"cutoff\"")
    if target == "cc" and cc_number is None:
        raise FieldError(path + ("number",), "missing; a cc knob names its CC number, e.g. number = 74")
    for key, needed_by in (("name", "param"), ("number", "cc"), ("channel", "cc")):
        if key in table and target != needed_by:
            raise FieldError(path + (key,), f"not used by target {target!r}")
    if low == high:
        raise FieldError(path + ("max",), "must differ from min")
    return KnobSettings(number, target, name, cc_number, _int(table, "channel", path, 1, 1, 16), low, high)


BUTTON_KEYS = ("action", "loop", "number", "channel")


def _button(table: dict, path: tuple, number: int) -> ButtonSettings:
    _check_keys(table, BUTTON_KEYS, path)
    action = _choice(table, "action", path, BUTTON_ACTIONS, "button action")
    loop = _str(table, "loop", path, None)
    cc_number = _int(table, "number", path, None, 0, 127)
    if action in LOOP_ACTIONS and loop is None:
        raise FieldError(path + ("loop",), f"missing; a {action} button names a loop")
    if action == "cc" and cc_number is None:
        raise FieldError(path + ("number",), "missing; a cc button names its CC number")
    return ButtonSettings(number, action, loop, cc_number, _int(table, "channel", path, 1, 1, 16))


ARP_KEYS = ("mode", "rate", "octaves", "gate", "latch")


def _arpeggiator(table: dict) -> ArpeggiatorSettings:
    path = ("arpeggiator",)
    _check_keys(table, ARP_KEYS, path)
    return ArpeggiatorSettings(
        mode=_choice(table, "mode", path, ARPEGGIATOR_MODES, "arpeggiator mode", "up"),
        rate=_number(table, "rate", path, 0.25, 0.0, 16.0, low_open=True),
        octaves=_int(table, "octaves", path, 1, 1, 4),
        gate=_number(table, "gate", path, 0.5, 0.0, 1.0, low_open=True),
        latch=_bool(table, "latch", path, False),
    )


def _band(table: dict) -> BandSettings:
    path = ("band",)
    _check_keys(table, ("latch",), path)
    return BandSettings(latch=_bool(table, "latch", path, True))


def _calibration(table: dict) -> Calibration:
    path = ("calibration",)
    _check_keys(table, ("pads",), path)
    curves = {}
    for key, value in _table(table.get("pads", {}), path + ("pads",)).items():
        pad_path = path + ("pads", key)
        if not str(key).isdecimal() or not 1 <= int(key) <= PAD_COUNT:
            raise FieldError(pad_path, f"the V49 has pads 1..{PAD_COUNT}")
        try:
            curves[int(key)] = parse_curve(value)
        except ComposerError as error:
            raise FieldError(pad_path, str(error)) from None
    return Calibration(MappingProxyType(dict(sorted(curves.items()))))


def _thru(table: dict) -> ThruSettings:
    path = ("thru",)
    _check_keys(table, ("unmapped", "sysex", "clock"), path)
    return ThruSettings(*(_bool(table, key, path, False) for key in ("unmapped", "sysex", "clock")))


TOP_KEYS = ("name", "description", "piece", "bpm", "kit", "controller", "keys", "pads", "knobs", "buttons",
            "arpeggiator", "band", "calibration", "thru")


def _kit(data: dict) -> Kit:
    """The drum kit pads name their drums in (a kit name, see composer.library; General MIDI by default)."""
    name = _str(data, "kit", (), DEFAULT_KIT)
    try:
        return load_kit(name)
    except UnknownNameError as error:
        raise FieldError(("kit",), str(error)) from None


def build_patch(data: dict, name: str, path: str | None = None) -> Patch:
    """A Patch from parsed TOML; `name` is used when the patch does not name itself."""
    _check_keys(data, TOP_KEYS, ())
    controller = _controller(_table(data.get("controller", {}), ("controller",)))
    layout = controller.layout
    keys = _keys(_table(data.get("keys", {}), ("keys",)))
    kit = _kit(data)
    pads = _pads(data.get("pads", {}), layout, kit)
    knobs = {n: _knob(t, p, n) for n, (p, t) in _numbered(data.get("knobs", {}), ("knobs",), KNOB_COUNT, "knob").items()}
    buttons = {n: _button(t, p, n)
               for n, (p, t) in _numbered(data.get("buttons", {}), ("buttons",), BUTTON_COUNT, "button").items()}
    arpeggiator = _arpeggiator(_table(data["arpeggiator"], ("arpeggiator",))) if "arpeggiator" in data else None
    uses_arp = any(zone is not None and zone.role == "arpeggiator" for zone in (keys.lower, keys.upper))
    if uses_arp and arpeggiator is None:
        arpeggiator = ArpeggiatorSettings()
    band = _band(_table(data.get("band", {}), ("band",)))
    calibration = _calibration(_table(data.get("calibration", {}), ("calibration",)))
    thru = _thru(_table(data.get("thru", {}), ("thru",)))
    return Patch(
        name=_str(data, "name", (), name),
        description=_str(data, "description", (), ""),
        piece=_str(data, "piece", (), None),
        bpm=_number(data, "bpm", (), None, 20.0, 300.0),
        controller=controller, keys=keys, pads=pads,
        knobs=MappingProxyType(dict(sorted(knobs.items()))),
        buttons=MappingProxyType(dict(sorted(buttons.items()))),
        arpeggiator=arpeggiator, band=band, calibration=calibration, thru=thru, path=path,
    )

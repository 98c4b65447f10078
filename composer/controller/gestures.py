"""Gesture scripts for the software V49: TOML `[[gesture]]` tables turned into timed calls.

    [[gesture]]
    at = 0.0          # seconds from the start (default: when the gesture before it ended)
    key = "c4"
    force = 0.8
    length = 0.5
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from composer.controller.simulator import DEFAULT_FORCE, V49Simulator
from composer.controller.v49 import parse_note
from composer.errors import ComposerError, did_you_mean
from composer.filekinds import check_kind

#: Seconds a scripted key or pad is held when the script gives no `length`.
DEFAULT_KEY_LENGTH = 0.25
DEFAULT_PAD_LENGTH = 0.05

#: What each gesture in a script may say, by the field that names its action.
GESTURE_FIELDS = {
    "key": {"force", "velocity", "length"},
    "pad": {"force", "velocity", "length"},
    "knob": {"value"},
    "button": {"on"},
    "mod": set(),
    "bend": set(),
    "sustain": set(),
    "octave": set(),
    "transpose": set(),
    "sleep": set(),
}
COMMON_FIELDS = {"at", "repeat", "every"}


@dataclass(frozen=True)
class Step:
    """One simulator call at `time` seconds after the script starts."""

    time: float
    method: str
    args: tuple = ()
    kwargs: tuple = ()  # (name, value) pairs, so a Step stays hashable

    def run(self, sim: V49Simulator) -> None:
        getattr(sim, self.method)(*self.args, **dict(self.kwargs))


def load_script(path: str) -> list[Step]:
    """Read a TOML gesture script (a list of `[[gesture]]` tables) into timed steps."""
    import tomllib

    check_kind(path, "gesture script")
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ComposerError(f"{path}: cannot read script: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ComposerError(f"{path}: {error}") from None
    unknown = set(data) - {"gesture"}
    if unknown:
        raise ComposerError(f"{path}: unknown table {sorted(unknown)[0]!r}; a script is a list of [[gesture]]")
    gestures = data.get("gesture", [])
    if not isinstance(gestures, list):
        raise ComposerError(f"{path}: gesture must be an array of tables ([[gesture]])")
    try:
        return schedule(gestures)
    except ComposerError as error:
        raise ComposerError(f"{path}: {error}") from None


def schedule(gestures: list[dict]) -> list[Step]:
    """Timed steps for gestures. A gesture with no `at` starts when the one before it has ended
    (its last key or pad released, or its sleep over); `repeat`/`every` repeat it."""
    steps: list[tuple[float, int, Step]] = []
    cursor = 0.0

    def add(time_: float, method: str, *args, **kwargs) -> None:
        steps.append((time_, len(steps), Step(round(time_, 6), method, args, tuple(kwargs.items()))))

    for number, gesture in enumerate(gestures, start=1):
        where = f"gesture {number}"
        if not isinstance(gesture, dict):
            raise ComposerError(f"{where}: must be a table")
        actions = [name for name in GESTURE_FIELDS if name in gesture]
        if len(actions) != 1:
            raise ComposerError(f"{where}: needs exactly one of {', '.join(GESTURE_FIELDS)}")
        action = actions[0]
        allowed = GESTURE_FIELDS[action] | COMMON_FIELDS | {action}
        for field_name in gesture:
            if field_name not in allowed:
                hint = did_you_mean(field_name, allowed)
                raise ComposerError(
                    f"{where}: unknown field {field_name!r} for a {action} gesture"
                    + (f"; did you mean {hint}?" if hint else "")
                )
        start = float(gesture.get("at", cursor))
        repeat = int(gesture.get("repeat", 1))
        every = float(gesture.get("every", 0.0))
        if start < 0 or repeat < 1 or every < 0:
            raise ComposerError(f"{where}: at and every must be >= 0 and repeat >= 1")
        end = start
        for index in range(repeat):
            t = start + index * every
            value = gesture[action]
            if action in ("key", "pad"):
                strength = {"velocity": gesture["velocity"]} if "velocity" in gesture else {
                    "force": float(gesture.get("force", DEFAULT_FORCE))}
                default_length = DEFAULT_KEY_LENGTH if action == "key" else DEFAULT_PAD_LENGTH
                length = float(gesture.get("length", default_length))
                if action == "key":
                    parse_note(value)
                    add(t, "key_down", value, **strength)
                    add(t + length, "key_up", value)
                else:
                    add(t, "pad_down", value, **strength)
                    add(t + length, "pad_up", value)
                end = max(end, t + length)
            elif action == "knob":
                add(t, "knob", value, gesture.get("value", 0))
            elif action == "button":
                add(t, "button", value, *([gesture["on"]] if "on" in gesture else []))
            elif action == "mod":
                add(t, "mod_wheel", value)
            elif action == "bend":
                add(t, "pitch_bend", value)
            elif action == "sustain":
                add(t, "sustain", _down(value, where))
            elif action == "octave":
                add(t, "octave_up" if _steps(value, where) > 0 else "octave_down")
            elif action == "transpose":
                add(t, "transpose", int(value))
            elif action == "sleep":
                end = max(end, t + float(value))
            end = max(end, t)
        cursor = end
    return [step for _, _, step in sorted(steps, key=lambda item: (item[0], item[1]))]


def _down(value, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("down", "up"):
        return str(value).lower() == "down"
    raise ComposerError(f"{where}: sustain is true/false or \"down\"/\"up\", not {value!r}")


def _steps(value, where: str) -> int:
    text = str(value).lower()
    if text in ("up", "+1", "1"):
        return 1
    if text in ("down", "-1"):
        return -1
    raise ComposerError(f"{where}: octave is \"up\" or \"down\", not {value!r}")


def play(steps: list[Step], sim: V49Simulator, clock=time.monotonic, sleep=time.sleep) -> None:
    """Run steps at absolute deadlines from one start time, so delays never accumulate."""
    start = clock()
    for step in steps:
        wait = start + step.time - clock()
        if wait > 0:
            sleep(wait)
        step.run(sim)

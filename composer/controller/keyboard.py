"""The computer keyboard as a V49, in a terminal in raw mode (`composer controller simulate`)."""

from __future__ import annotations

import time
from collections.abc import Callable

from composer.controller.simulator import V49Simulator

#: The computer keyboard as a piano: a w s e d f t g y h u j k play C4 up to C5.
PIANO_ROW = "awsedftgyhujk"
PIANO_BASE_KEY = 60
#: Two keys per knob: turn it down / up by KNOB_STEP.
KNOB_KEYS = {"c": (1, -1), "v": (1, +1), "b": (2, -1), "n": (2, +1), "m": (3, -1), ",": (3, +1),
             ".": (4, -1), "/": (4, +1)}
KNOB_STEP = 8
BUTTON_KEYS = {"r": 1, "i": 2, "o": 3, "p": 4}
#: A terminal reports key presses, not releases: a note sounds this long after its last repeat.
HOLD_SECONDS = 0.6
BEND_SECONDS = 0.25

INTERACTIVE_HELP = (
    "V49 simulator: a w s e d f t g y h u j k = keys C4..C5, z/x = octave down/up, "
    "1-8 = pads, c/v b/n m/, ./ = knobs 1-4 down/up, r i o p = buttons 1-4, "
    "-/= = mod wheel, [/] = pitch bend, space = sustain, Esc or Ctrl-C = quit"
)


def run_interactive(sim: V49Simulator, fd: int, say: Callable[[str], None]) -> None:
    """Play the simulator from the terminal in raw mode until Esc or Ctrl-C; always restores the
    terminal and releases every held key."""
    import os
    import select
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    knobs = [64] * len(sim.layout.knob_ccs)
    mod = 0
    release_at: dict[int, float] = {}
    bend_until = 0.0
    try:
        tty.setraw(fd)
        say(INTERACTIVE_HELP)
        while True:
            now = time.monotonic()
            for key, deadline in list(release_at.items()):
                if deadline <= now:
                    sim.key_up(key)
                    del release_at[key]
            if bend_until and bend_until <= now:
                sim.pitch_bend(0)
                bend_until = 0.0
            deadlines = list(release_at.values()) + ([bend_until] if bend_until else [])
            timeout = max(0.0, min(deadlines) - now) if deadlines else 0.5
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                continue
            char = os.read(fd, 1).decode("latin-1")
            if char == "\x03":
                return
            if char == "\x1b":
                more, _, _ = select.select([fd], [], [], 0.05)
                if not more:
                    return
                os.read(fd, 16)  # an arrow or function key's escape sequence: ignore it
                continue
            if char in PIANO_ROW:
                key = PIANO_BASE_KEY + PIANO_ROW.index(char)
                if key not in release_at:
                    note = sim.key_down(key)
                    say(f"key {key} -> note {note}")
                release_at[key] = time.monotonic() + HOLD_SECONDS
            elif char in "12345678":
                say(f"pad {char} velocity {sim.pad_hit(int(char))}")
            elif char in "zx":
                say(f"octave {sim.octave_down() if char == 'z' else sim.octave_up():+d}")
            elif char in KNOB_KEYS:
                knob, direction = KNOB_KEYS[char]
                knobs[knob - 1] = max(0, min(127, knobs[knob - 1] + direction * KNOB_STEP))
                sim.knob(knob, knobs[knob - 1])
                say(f"knob {knob} = {knobs[knob - 1]}")
            elif char in BUTTON_KEYS:
                say(f"button {BUTTON_KEYS[char]} {'on' if sim.button(BUTTON_KEYS[char]) else 'off'}")
            elif char in "-=":
                mod = max(0, min(127, mod + (KNOB_STEP if char == "=" else -KNOB_STEP)))
                sim.mod_wheel(mod)
                say(f"mod wheel = {mod}")
            elif char in "[]":
                sim.pitch_bend(4096 if char == "]" else -4096)
                bend_until = time.monotonic() + BEND_SECONDS
            elif char == " ":
                sim.sustain(not sim.sustain_down)
                say(f"sustain {'down' if sim.sustain_down else 'up'}")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        sim.release_all()

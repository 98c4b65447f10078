"""`composer controller`: simulate a V49, monitor what a controller sends, calibrate its pads."""

from __future__ import annotations

import click

MIDI_APIS = ("auto", "jack", "alsa", "macos", "windows")
POLL_SECONDS = 0.002


def _api(name: str | None):
    from composer.midi.ports import resolve_api

    return resolve_api(name)


def _say(text: str) -> None:
    click.echo(text)


def _midi_api_option(function):
    return click.option("--midi-api", type=click.Choice(MIDI_APIS), default=None,
                        help="MIDI system to use (default: $COMPOSER_MIDI_API, else the first that works).")(function)


@click.group()
def controller() -> None:
    """The Alesis V49: a software stand-in, a message monitor and pad calibration.

    \b
    Example:
      composer controller simulate --script gestures.toml
      composer controller monitor --patch live-set
    """


@controller.command()
@click.option("--virtual", "virtual", default="V49 Simulator", show_default=True,
              help="Name of the virtual port the simulator sends on (readers find it by 'V49').")
@click.option("--to", "to", default=None,
              help="Send into this existing input instead (name fragment or index); waits for it to appear.")
@click.option("--script", "script", type=click.Path(exists=True, dir_okay=False),
              help="Play a TOML gesture script ([[gesture]] tables) instead of the keyboard.")
@click.option("--wait", type=float, default=0.0, show_default=True,
              help="Seconds to wait after opening the port before the script starts, so readers can connect.")
@click.option("--jitter", type=click.IntRange(0, 20), default=0, show_default=True,
              help="Random spread, in velocity steps, added to each pad hit.")
@click.option("--seed", type=int, default=49, show_default=True, help="Seed for the jitter.")
@_midi_api_option
def simulate(virtual: str, to: str | None, script: str | None, wait: float, jitter: int, seed: int,
             midi_api: str | None) -> None:
    """Act as a V49 on a virtual MIDI port: play a script, or play from the computer keyboard.

    Interactive keys: a w s e d f t g y h u j k play C4..C5, z/x shift octaves, 1-8 hit pads,
    c/v b/n m/, ./ turn knobs 1-4, r i o p press buttons 1-4, Esc or Ctrl-C quits.
    Every held key is released on exit, whatever ends the simulator.

    \b
    Example script (gestures.toml):
      [[gesture]]
      at = 0.0
      key = "c4"
      force = 0.8
      length = 0.5
      [[gesture]]
      pad = 3
      force = 0.5
    \b
    Example:
      composer controller simulate --script gestures.toml --wait 1
      composer controller simulate --script gestures.toml --to "Monitor In"
      composer controller simulate            # interactive, in a terminal
    """
    import signal
    import sys
    import time

    from composer.controller.gestures import load_script, play
    from composer.controller.keyboard import run_interactive
    from composer.controller.simulator import V49Simulator
    from composer.errors import ComposerError

    steps = load_script(script) if script else None
    if steps is None and not sys.stdin.isatty():
        raise ComposerError("interactive mode needs a terminal; give --script FILE to play a script")

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    stopping = (signal.SIGTERM, signal.SIGHUP)  # a kill or a closed terminal still releases held keys
    previous = {signum: signal.signal(signum, stop) for signum in stopping}
    try:
        sim = V49Simulator.open(virtual=virtual, to=to, api=_api(midi_api), jitter=jitter, seed=seed,
                                on_wait=lambda text: click.echo(text, err=True))
        try:
            where = f"into {to!r}" if to else f"on virtual port {virtual!r}"
            click.echo(f"simulating a V49 {where}", err=True)
            if steps is not None:
                time.sleep(max(0.0, wait))
                play(steps, sim)
            else:
                run_interactive(sim, sys.stdin.fileno(), lambda text: click.echo(text + "\r", err=True))
        finally:
            sim.close()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _velocity_map(curve: str | None, patch_file: str | None):
    """The layout and velocity mapping that --curve or --patch ask for."""
    from composer.controller.curves import parse_curve
    from composer.controller.monitor import VelocityMap
    from composer.controller.v49 import DEFAULT_LAYOUT

    if patch_file:
        from composer.library import find_patch
        from composer.patch.loader import load_patch

        loaded = load_patch(str(find_patch(patch_file)))
        return loaded, loaded.controller.layout, VelocityMap(
            loaded.keys.curve, lambda pad: (lambda raw: loaded.pad_velocity(pad, raw)))
    return None, DEFAULT_LAYOUT, VelocityMap(parse_curve(curve or "linear"))


def _open_controller(port: str | None, match: str, virtual: str | None, midi_api: str | None):
    """The controller's input: the port matching --in `port`, a new virtual input named `virtual`,
    or the first input named like `match`, waited for until it is plugged in (as perform does)."""
    from composer.midi.ports import open_input, when_present

    api = _api(midi_api)
    if virtual or port:
        return open_input(port, virtual=virtual, api=api)

    def open_matching():
        from composer.midi.ports import PortError, list_ports

        names = [p.name for p in list_ports(api) if p.direction == "input"]
        if not any(match.lower() in name.lower() for name in names):
            raise PortError(f"no MIDI input named like {match!r} (plug the controller in, or use --in)")
        return open_input(match, api=api)

    return when_present(open_matching, on_wait=lambda text: click.echo(text, err=True))


def _virtual_in_option(function):
    return click.option("--virtual", "virtual", default=None,
                        help="Open a virtual input with this name for a controller or program to send into.")(function)


@controller.command()
@click.option("--in", "port", default=None, help="Input port: name fragment or index (default: the patch's, else 'V49').")
@click.option("--curve", default=None, help="Show velocities mapped through this curve (see `composer curve list`).")
@click.option("--patch", "patch_file", default=None,
              help="Map velocities, and read the layout, from this patch (a file or a name; calibration included).")
@click.option("--count", type=click.IntRange(1), default=None, help="Stop after this many messages.")
@click.option("--timeout", type=float, default=None, help="Stop after this many seconds without a message.")
@_virtual_in_option
@_midi_api_option
def monitor(port: str | None, curve: str | None, patch_file: str | None, count: int | None, timeout: float | None,
            virtual: str | None, midi_api: str | None) -> None:
    """Print one line per message from the controller: key, pad, knob bar, raw and mapped velocity.

    Without --in or --virtual, a controller that is not plugged in yet is waited for.

    \b
    Example:
      composer controller monitor --curve soft
      composer controller monitor --in "V49" --patch live-set
    """
    from composer.controller.monitor import run
    from composer.errors import ComposerError

    if curve and patch_file:
        raise ComposerError("give --curve or --patch, not both")
    if port and virtual:
        raise ComposerError("give --in or --virtual, not both")
    loaded, layout, mapping = _velocity_map(curve, patch_file)
    inp = _open_controller(port, layout.port_match, virtual, midi_api)
    try:
        where = f"virtual input {virtual!r}" if virtual else repr(port or layout.port_match)
        click.echo(f"listening on {where}; Ctrl-C stops", err=True)
        run(inp, _say, layout, mapping, count=count, timeout=timeout)
    finally:
        inp.close_port()
        inp.delete()


def _collect_hits(inp, layout, pad: int, hits: int, timeout: float | None) -> list[int]:
    """Raw velocities of the next `hits` strikes of `pad`; other pads and controls are ignored."""
    import time

    from composer.controller.v49 import PadEvent, decode
    from composer.errors import ComposerError

    found: list[int] = []
    last = time.monotonic()
    while len(found) < hits:
        message = inp.get_message()
        if message is None:
            if timeout is not None and time.monotonic() - last > timeout:
                raise ComposerError(f"no hit on pad {pad} for {timeout:g} s; calibration stopped, patch unchanged")
            time.sleep(POLL_SECONDS)
            continue
        event = decode(message[0], layout)
        if isinstance(event, PadEvent) and event.on:
            if event.pad == pad:
                found.append(event.velocity)
                last = time.monotonic()
                click.echo(f"  hit {len(found)}/{hits}: velocity {event.velocity}")
            else:
                click.echo(f"  (that was pad {event.pad}; hit pad {pad})")
    return found


@controller.command()
@click.option("--pads", "pads", is_flag=True, required=True, help="Calibrate the pads (the only calibration so far).")
@click.option("--in", "port", default=None, help="Input port: name fragment or index (default: the patch's, else 'V49').")
@click.option("--patch", "patch_file", default=None,
              help="Write the [calibration] table into this patch, a file or a name (atomically); "
                   "without it, print the table.")
@click.option("--hits", type=click.IntRange(1, 32), default=4, show_default=True,
              help="Soft hits, then firm hits, per pad.")
@click.option("--timeout", type=float, default=None, help="Give up after this many seconds without a hit.")
@_virtual_in_option
@_midi_api_option
def calibrate(pads: bool, port: str | None, patch_file: str | None, hits: int, timeout: float | None,
              virtual: str | None, midi_api: str | None) -> None:
    """Even out the pads: hit each pad softly, then firmly, HITS times; fit a curve per pad so the
    same force plays the same velocity on every pad.

    \b
    A shipped patch named by its name (`--patch live-set`) is copied to your own patches
    folder (~/.config/composer/patches) and the copy gets the calibration.

    \b
    Example:
      composer controller calibrate --pads --patch live-set
      composer controller calibrate --pads --hits 6        # print the table only
    """
    import os

    from composer.controller.calibration import FIRM_TARGET, SOFT_TARGET, fit_pads
    from composer.controller.v49 import DEFAULT_LAYOUT
    from composer.errors import ComposerError
    from composer.library import writable_patch
    from composer.patch.loader import calibration_toml, load_patch, write_calibration

    if port and virtual:
        raise ComposerError("give --in or --virtual, not both")
    if patch_file is not None:
        patch_file = str(writable_patch(patch_file))
    layout = load_patch(patch_file).controller.layout if patch_file and os.path.exists(patch_file) else DEFAULT_LAYOUT
    inp = _open_controller(port, layout.port_match, virtual, midi_api)
    recorded = {}
    try:
        for pad in range(1, len(layout.pad_notes) + 1):
            strokes = []
            for manner in ("softly", "firmly"):
                click.echo(f"Hit pad {pad} {manner}, {hits} times")
                strokes.append(_collect_hits(inp, layout, pad, hits, timeout))
            recorded[pad] = tuple(strokes)
    finally:
        inp.close_port()
        inp.delete()
    curves = fit_pads(recorded, SOFT_TARGET, FIRM_TARGET)
    for pad, (soft, firm) in recorded.items():
        click.echo(f"pad {pad}: soft {sorted(soft)} firm {sorted(firm)} -> {curves[pad].spec}")
    if patch_file:
        write_calibration(patch_file, curves)
        click.echo(f"wrote [calibration] to {patch_file}")
    else:
        click.echo(calibration_toml(curves), nl=False)

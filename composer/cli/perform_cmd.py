"""`composer perform`: play a piece live from the controller, as a patch maps it."""

from __future__ import annotations

import click

from composer.cli.options import MILLISECONDS, PORT_NAME, one_output, parse_ports

API_CHOICES = ("auto", "jack", "alsa", "macos", "windows")


@click.command()
@click.argument("piece", required=False, type=click.Path(dir_okay=False))
@click.option("--patch", "patch", required=True,
              help="The patch (TOML) mapping keys, pads, knobs and buttons: a file, or a name from "
                   "`composer patch list`, e.g. live-set.")
@click.option("--in", "port_in", type=PORT_NAME, metavar="PORT",
              help="Controller input: an index or part of a name (default: the patch's controller port, "
                   "a name containing 'V49').")
@click.option("--out", "port_out", type=PORT_NAME, metavar="PORT",
              help="Output port: an index or part of a name (default: the first that is not the controller).")
@click.option("--virtual", type=PORT_NAME, metavar="NAME", help="Open a virtual output port named NAME instead of --out.")
@click.option("--port", "ports", type=PORT_NAME, multiple=True, metavar="NAME=PORT",
              help="Send what the piece sends to port=NAME to output PORT (repeatable; without it, the "
                   "output whose name contains NAME).")
@click.option("--synth", is_flag=True, help="Play through a built-in FluidSynth to the sound card (no MIDI gear).")
@click.option("--soundfont", type=click.Path(dir_okay=False), help="GM SoundFont for --synth (default: the system's).")
@click.option("--midi-api", type=click.Choice(API_CHOICES), help="MIDI API (default: $COMPOSER_MIDI_API, else auto).")
@click.option("--record", type=click.Path(dir_okay=False), metavar="OUT.mid",
              help="Write the whole performance (piece, played notes, controller input) here on exit.")
@click.option("--bpm", type=float, help="Tempo, overriding the piece's and the patch's.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed for the piece's randomness and the arpeggiator's random modes.")
@click.option("--thru-other", is_flag=True,
              help="Pass channel messages the patch does not map (other channels, unassigned knobs) to the output, "
                   "as the patch's [thru] unmapped = true does.")
@click.option("--latency", type=MILLISECONDS, default=100, show_default=True, metavar="MS",
              help="How far ahead the piece and arpeggiator are computed; played keys do not wait for it.")
def perform(piece, patch, port_in, port_out, virtual, ports, synth, soundfont, midi_api, record, bpm, seed,
            thru_other, latency):
    """Perform PIECE (optional) from the controller, mapped by --patch, until Ctrl-C.

    Keys and note pads play straight to the output; loop pads launch, stop or fill the piece's
    loops on the next bar; knobs steer the tempo, the piece's params or CCs; a keyboard zone
    with role "arpeggiator" arpeggiates held chords in the piece's tempo. Without PIECE, the
    patch's `piece` is played, or none (keys, pads and the arpeggiator still play). If the
    controller is unplugged, its notes are released and it is picked up again when it returns.
    Ctrl-C or SIGTERM end every sounding note and write --record.

    \b
    Examples:
      composer perform samples/pieces/live_set.py --patch live-set --virtual composer
      composer perform --patch default --out synth --record take1.mid
      composer controller simulate &   # no V49 at hand: a software one
    """
    from pathlib import Path

    from composer.library import find_patch
    from composer.live.synth import synth_if
    from composer.perform.session import PerformOptions
    from composer.perform.session import perform as run

    one_output(out=port_out, virtual=virtual, synth=synth)
    main, port_map = parse_ports(ports)
    if main is not None:
        raise click.UsageError(f"--port {main!r}: perform's output is --out; --port maps a piece's port, NAME=PORT")
    patch_file = find_patch(patch, piece)  # a wrong name fails before a synth starts
    with synth_if(synth, midi_api, soundfont) as synth_port:
        run(PerformOptions(
            patch=patch_file, piece=Path(piece) if piece else None, port_in=port_in, port_out=synth_port or port_out,
            virtual=virtual, midi_api=midi_api, record=Path(record) if record else None, bpm=bpm, seed=seed,
            thru_other=thru_other, latency_ms=latency, port_map=port_map,
        ))

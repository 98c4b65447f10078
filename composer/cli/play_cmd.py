"""`composer play` and `composer live`: a piece to a MIDI port in real time."""

from __future__ import annotations

import click

from composer.cli.options import MILLISECONDS, PORT_NAME
from composer.live.link import JOIN_WAIT

API_CHOICES = ("auto", "jack", "alsa", "macos", "windows")


def _playback_options(command):
    """The options play and live share, in the order --help shows them."""
    options = [
        click.argument("piece", type=click.Path(dir_okay=False)),
        click.option("--port", "ports", type=PORT_NAME, multiple=True,
                     help="Output port: an index or part of a name (see `composer ports`); NAME=PORT sends "
                          "what the piece sends to port=NAME there (repeatable)."),
        click.option("--virtual", type=PORT_NAME, metavar="NAME", help="Open a virtual output port named NAME instead."),
        click.option("--synth", is_flag=True, help="Play through a built-in FluidSynth to the sound card (no MIDI gear)."),
        click.option("--soundfont", type=click.Path(dir_okay=False), help="GM SoundFont for --synth (default: the system's)."),
        click.option("--midi-api", type=click.Choice(API_CHOICES), help="MIDI API (default: $COMPOSER_MIDI_API, else auto)."),
        click.option("--bars", type=float,
                     help="Stop after N bars, through the piece's time signatures (default: play until Ctrl-C)."),
        click.option("--bpm", type=float, help="Tempo, overriding the piece's use_bpm."),
        click.option("--seed", type=int, default=0, show_default=True, help="Seed for the piece's randomness."),
        click.option("--latency", "latency", type=MILLISECONDS, default=100, show_default=True, metavar="MS",
                     help="How far ahead events are computed; raise it if a heavy piece stutters."),
        click.option("--clock-out", is_flag=True, help="Send MIDI clock (24 ppq), Start/Stop and Song Position."),
        click.option("--clock-in", type=PORT_NAME, metavar="PORT", help="Follow the MIDI clock (tempo, Start/Stop) arriving on PORT."),
        click.option("--in", "midi_in", type=PORT_NAME, metavar="PORT",
                     help="Hear PORT's messages in the piece as Sonic Pi's cues: sync(\"/midi:*/note_on\")."),
        click.option("--link", is_flag=True, help="Follow an Ableton Link session (needs composer[link])."),
        click.option("--link-wait", type=click.FloatRange(0), default=JOIN_WAIT, show_default=True, metavar="SECONDS",
                     help="How long --link looks for peers before starting alone (a busy network may need more)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _run(watch: bool, piece, ports, virtual, synth, soundfont, midi_api, bars, bpm, seed, latency, clock_out,
         clock_in, link, link_wait, midi_in=None) -> None:
    from pathlib import Path

    from composer.live.session import PlayOptions, play
    from composer.cli.options import one_output, parse_ports
    from composer.live.synth import synth_if

    port, port_map = parse_ports(ports)
    one_output(port=port, virtual=virtual, synth=synth)
    with synth_if(synth, midi_api, soundfont) as synth_port:
        options = PlayOptions(
            piece=Path(piece), port=synth_port or port, virtual=virtual, midi_api=midi_api, bars=bars, bpm=bpm, seed=seed,
            latency_ms=latency, clock_out=clock_out, clock_in=clock_in, link=link, link_wait=link_wait, watch=watch,
            port_map=port_map, midi_in=midi_in,
        )
        play(options)


@click.command()
@_playback_options
def play(**options):
    """Play PIECE to a MIDI port in real time, until Ctrl-C or for --bars N.

    The port hears exactly the messages `composer render` writes for the same piece, bars and
    seed. Ctrl-C or SIGTERM ends every sounding note before exiting (exit codes: 0 done,
    1 error in the piece, 2 port or usage error, 130 Ctrl-C, 143 SIGTERM).

    \b
    Example:
      composer play mypiece.py --port synth --bars 8
    """
    _run(False, **options)


@click.command()
@_playback_options
def live(**options):
    """Play PIECE and reload it each time it is saved: live coding.

    A loop you edit keeps its place and plays its new body from its next iteration; a new
    loop starts on the next beat; a deleted loop finishes its iteration. A broken edit keeps
    the last good version playing and prints the file and line of the error.

    \b
    Example:
      composer live mypiece.py --virtual composer
    """
    _run(True, **options)

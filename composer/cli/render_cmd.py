"""`composer render`: a piece to a MIDI file, a score, a picture or audio, deterministically."""

from __future__ import annotations

import sys

import click


@click.command()
@click.argument("piece", type=click.Path(dir_okay=False))
@click.option("-o", "--out", "out", required=True, type=click.Path(dir_okay=False),
              help="Output file: .mid; .musicxml/.mxl (a score); .png/.svg (a piano roll); "
                   ".wav/.flac/.ogg (audio through a SoundFont).")
@click.option("--bars", type=float, help="Length in bars, through the piece's time signatures (default: the piece's own end; 16 if it plays on).")
@click.option("--beats", type=float, help="Length in beats (quarter notes), instead of --bars.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the piece's randomness.")
@click.option("--bpm", type=float, help="Tempo, overriding the piece's use_bpm.")
@click.option("--soundfont", type=click.Path(dir_okay=False),
              help="GM SoundFont for audio (default: $COMPOSER_SOUNDFONT, else the system's).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
def render(piece, out, bars, beats, seed, bpm, soundfont, quiet):
    """Render PIECE to a standard MIDI file (a track per live_loop), a MusicXML score, a
    piano-roll picture or an audio file, chosen by the output's extension.

    The same piece, length and seed always give the same bytes; the file is written
    atomically, so a failed render leaves no file behind.

    \b
    Examples:
      composer render samples/pieces/tabla_pentatonic.py -o out/tabla.mid --bars 32
      composer render samples/pieces/tabla_pentatonic.py -o out/tabla.wav
      composer render samples/pieces/seven_four.py -o out/seven.png --bars 8
      composer render samples/pieces/tabla_pentatonic.rb -o out/tabla.mid   (a Sonic Pi buffer)
    """
    from composer.render import render_file

    progress, done = _progress_bar(quiet)
    try:
        summary = render_file(piece, out, bars=bars, beats=beats, seed=seed, bpm=bpm, progress=progress,
                              soundfont=soundfont)
    finally:
        done()
    if not quiet:
        click.echo(summary.line())


#: A render longer than this (about 40 minutes at 120 bpm) says so before it starts.
LONG_RENDER_BEATS = 5000


def _progress_bar(quiet: bool):
    """Progress on stderr for a long render: a bar on a terminal, else a line every 10 %."""
    if quiet:
        return None, lambda: None
    import time

    started = time.monotonic()
    terminal = sys.stderr.isatty()
    state = {"bar": None, "shown": 0, "tenth": 0, "announced": False}

    def progress(beat, length):
        if beat == 0:  # a start, or a restart when a time signature moved the end
            state["tenth"] = 0
            if length > LONG_RENDER_BEATS and not state["announced"]:
                state["announced"] = True
                click.echo(f"composer: rendering {float(length):,.0f} beats; this may take a while "
                           "(Ctrl-C stops it and leaves no file)", err=True)
            return
        if not terminal:
            tenth = int(10 * beat / length)
            if length > LONG_RENDER_BEATS and tenth > state["tenth"] and beat < length:
                state["tenth"] = tenth
                left = (time.monotonic() - started) * float((length - beat) / beat)
                click.echo(f"composer: {tenth * 10} % ({float(beat):,.0f} of {float(length):,.0f} beats), "
                           f"about {_duration(left)} left", err=True)
            return
        if state["bar"] is None:
            if time.monotonic() - started < 0.5:
                return
            state["bar"] = click.progressbar(length=int(length), label="rendering", file=sys.stderr)
            state["bar"].__enter__()
        state["bar"].update(int(beat) - state["shown"])
        state["shown"] = int(beat)

    def done():
        if state["bar"] is not None:
            state["bar"].__exit__(None, None, None)

    return progress, done


def _duration(seconds: float) -> str:
    """A rough wall-clock duration: 45 s, 12 min, 3.5 h."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"

"""`composer show`: a compact piano roll of a piece in the terminal."""

from __future__ import annotations

import shutil

import click


@click.command()
@click.argument("piece", type=click.Path(dir_okay=False))
@click.option("--bars", type=float, help="Length in bars, through the piece's time signatures (default 4).")
@click.option("--beats", type=float, help="Length in beats (quarter notes), instead of --bars.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the piece's randomness.")
@click.option("--steps", type=click.IntRange(1, 12), default=4, show_default=True,
              help="Columns per beat (4: one per 16th note).")
@click.option("--width", type=click.IntRange(40, 1000), help="Columns to fit (default: the terminal's).")
def show(piece, bars, beats, seed, steps, width):
    """Print a piano roll of PIECE: a row per pitch or drum in use, bar lines, velocity as shade.

    \b
    Example:
      composer show samples/pieces/seven_four.py --bars 2
    """
    from composer.render import render_timeline
    from composer.sinks.text_roll import text_roll

    if bars is None and beats is None:
        bars = 4
    timeline = render_timeline(piece, bars=bars, beats=beats, seed=seed)
    width = width or shutil.get_terminal_size((120, 40)).columns
    for line in text_roll(timeline, width=width, steps_per_beat=steps):
        click.echo(line)

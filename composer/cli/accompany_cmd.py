"""`composer accompany CHART -o OUT.mid`: a chord chart played by a band, a track per part."""

from __future__ import annotations

import click


@click.command(short_help="Turn a chord chart into a band: guitar, bass, keys and drums.")
@click.argument("chart", required=False)
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False),
              help="Output file: .mid; .musicxml for a lead sheet with chord symbols; .wav, .flac or .ogg "
                   "for audio through FluidSynth.")
@click.option("--style", "-s", help="Style for sections that name none (see --list).")
@click.option("--bpm", type=float, help="Opening tempo; the chart's tempo changes keep their proportions.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for fills and humanising.")
@click.option("--key", "-k", help="Key for roman numerals when the chart has no {key}.")
@click.option("--tuning", default="standard", show_default=True, help="Guitar tuning: standard, drop_d, dadgad, open_g.")
@click.option("--capo", type=click.IntRange(0, 9), default=0, show_default=True, help="Guitar capo fret.")
@click.option("--soundfont", type=click.Path(dir_okay=False), help="SoundFont for audio output (default: the system's GM one).")
@click.option("--list", "list_styles", is_flag=True, help="List the styles and exit.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
def accompany(chart, out, style, bpm, seed, key, tuning, capo, soundfont, list_styles, quiet):
    """Play CHART (a ChordPro file, or a grid such as "| Em . . . | C . . . |") with a band.

    Sections keep their own meter and tempo ({time: 7/4}, {tempo: 162}) and style
    ({x_style: odd}); drums fill where the chart writes `fill`, at section ends and
    every few bars as the style says. The same chart, style and seed give the same bytes.

    \b
    Example:
      composer accompany samples/charts/night_drive.cho -o out/night.mid --seed 3
      composer accompany "| Em . . . | C . . . | G . . . | D . . . |" -o out/em.mid --style strum
    """
    if list_styles:
        from pathlib import Path

        from composer.accompany.styles import load_styles

        for name, settings in load_styles(chart if chart and Path(chart).is_file() else None).items():
            described = settings.get("description", "") if isinstance(settings, dict) else ""
            click.echo(f"{name:14} {described}")
        return
    if chart is None or out is None:
        raise click.UsageError("give a CHART and -o OUT (or --list to see the styles)")
    from composer.accompany.render import accompany_file

    summary = accompany_file(chart, out, style=style, seed=seed, bpm=bpm, tuning=tuning, capo=capo, key=key,
                             soundfont=soundfont)
    if not quiet:
        click.echo(summary.line())

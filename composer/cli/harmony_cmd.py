"""`composer chord SYMBOL` and `composer progression CHART`: chord symbols and numerals.

`composer chord` keeps Sonic Pi's two-argument form (TONIC NAME, in theory_cmd) and adds the
one-argument form, a lead-sheet symbol. Output: the symbol's spelling, then note names over
MIDI numbers; with --json, an object per chord (symbol, numeral, root, bass, tones, notes).
"""

from __future__ import annotations

import json

import click

from composer.cli import theory_cmd


def _chord_info(chord) -> dict:
    return {
        "symbol": chord.symbol,
        "numeral": chord.numeral,
        "root": chord.root.name if chord.root else None,
        "bass": chord.bass.name if chord.bass else None,
        "tones": list(chord.names),
        "notes": list(chord),
    }


def _echo_chords(chords, as_json: bool) -> None:
    if as_json:
        infos = [_chord_info(c) for c in chords]
        click.echo(json.dumps(infos if len(infos) != 1 else infos[0]))
        return
    for chord in chords:
        label = f"{chord.numeral} = {chord.symbol}" if chord.numeral else chord.symbol
        click.echo(f"{label}: {' '.join(chord.names) or '(no chord)'}")
        if len(chord):
            theory_cmd._echo_notes(chord, False)


def _chord(**options):
    """One argument with a capital root (or N.C.) is a symbol; the rest is Sonic Pi's form."""
    tonic = options["tonic"]
    if tonic and tonic[0] in "ABCDEFGN" and options["name"] is None and not options["list_names"]:
        from composer.harmony import chord

        symbol = chord(tonic, octaves=options["octaves"], invert=options["invert"])
        _echo_chords([symbol], options["as_json"])
        return
    theory_cmd.chord.callback(**options)


chord = click.Command(
    "chord",
    callback=_chord,
    params=theory_cmd.chord.params,
    short_help="Print the notes of a chord symbol (Em7, C/G) or a named chord.",
    help="""Print the notes of a chord: a lead-sheet SYMBOL, or Sonic Pi's TONIC NAME.

    A symbol is a root with quality, extensions, alterations, sus/add and a slash bass:
    Em7, C/G, F#m7b5, Bbmaj9, D7sus4, Cadd9, N.C. (a capital root); the root sits in
    octave 3.
    TONIC NAME is as Sonic Pi's `chord`: e3 minor, c4 M7 (see --list).

    \b
    Example:
      $ composer chord F#m7b5
      F#m7b5: F# A C E
      Fs3 A3 C4 E4
      54  57 60 64
      $ composer chord e3 minor --json
      [52, 55, 59]
    """,
)


@click.command(short_help="Print the chords of a progression of symbols or roman numerals.")
@click.argument("chart")
@click.option("--key", "-k", help="Key for roman numerals: e:minor, 'E minor', C, Bb major.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of chords.")
def progression(chart, key, as_json):
    """Print each chord of CHART: symbols (Em C G D) or numerals in --key (i VI III VII).

    \b
    Example:
      $ composer progression "i VI III VII" --key e:minor
      i = Em: E G B
      ...
    """
    from composer.harmony import progression as parse_progression

    chords = parse_progression(chart, key=key)
    if as_json:
        click.echo(json.dumps([_chord_info(c) for c in chords]))
    else:
        _echo_chords(chords, False)

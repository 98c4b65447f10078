"""`composer scale`, `composer chord` and `composer arp`: look up notes from the terminal.

By default each prints two aligned lines, note names over MIDI numbers; with --json, only a
JSON list of MIDI numbers, for scripts. Bad names and notes raise ComposerError, which the
CLI runner prints as one line.
"""

from __future__ import annotations

import json
import re

import click

_NUMBER_RE = re.compile(r"[0-9]+(\.[0-9]+)?")
#: MIDI's 128 notes span under eleven octaves: more could only print notes no synth plays.
MAX_OCTAVES = 11
MAX_INVERSIONS = 127


def _tonic(text: str):
    """A MIDI number typed as digits, else a note name (checked by the theory layer)."""
    from composer.theory.notes import note

    if _NUMBER_RE.fullmatch(text):
        return float(text) if "." in text else int(text)
    value = note(text)
    if value is None:
        from composer.errors import ComposerError

        raise ComposerError(f"the tonic must be a note, not a rest: {text!r}")
    return value


def _require(list_names: bool, **arguments) -> None:
    missing = [name.upper() for name, value in arguments.items() if value is None]
    if missing and not list_names:
        raise click.UsageError(f"missing {' and '.join(missing)} (or use --list to see the names)")


def _echo_names(names, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(list(names)))
    else:
        for name in names:
            click.echo(name)


def _echo_notes(notes, as_json: bool) -> None:
    """Names over numbers, each column as wide as its wider cell; or a JSON list. The names are
    spelt in the key the notes themselves make (G#3 in an E major chord, Ab3 in F minor)."""
    from composer.theory.spelling import key_of_scale, spelled_name

    notes = list(notes)
    outside = [n for n in notes if not 0 <= n <= 127]
    if outside:
        from composer.errors import ComposerError

        raise ComposerError(f"note {outside[0]} is outside MIDI's 0-127: choose a lower tonic, "
                            "fewer octaves or fewer inversions")
    if as_json:
        click.echo(json.dumps(notes))
        return
    if not notes:
        click.echo("(no notes)")
        return
    sharps, minor = key_of_scale(notes)
    names = [spelled_name(int(n), sharps, minor) for n in notes]
    numbers = [str(n) for n in notes]
    widths = [max(len(a), len(b)) for a, b in zip(names, numbers)]
    click.echo(" ".join(a.ljust(w) for a, w in zip(names, widths)).rstrip())
    click.echo(" ".join(b.ljust(w) for b, w in zip(numbers, widths)).rstrip())


_json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print only a JSON list of MIDI note numbers."
)


@click.command(short_help="Print the notes of a scale.")
@click.argument("tonic", required=False)
@click.argument("name", required=False)
@click.option(
    "--octaves", "-o", type=click.IntRange(1, MAX_OCTAVES), default=1, show_default=True,
    help="Octaves to climb; the top tonic is included once.",
)
@_json_option
@click.option("--list", "list_names", is_flag=True, help="List every scale name and exit.")
def scale(tonic, name, octaves, as_json, list_names):
    """Print the notes of the scale NAME starting on TONIC, as Sonic Pi's `scale` does.

    TONIC is a note such as e3, Fs2, Bb or eb3 (octave 4 if left out) or a MIDI number.
    NAME is one of Sonic Pi's scale names: major, minor, dorian, minor_pentatonic,
    blues_minor, ... (see --list).

    \b
    Example:
      $ composer scale e3 minor_pentatonic
      E3 G3 A3 B3 D4 E4
      52 55 57 59 62 64
      $ composer scale c4 major --octaves 2 --json
      [60, 62, 64, 65, 67, 69, 71, 72, 74, 76, 77, 79, 81, 83, 84]
    """
    from composer import theory

    if list_names:
        _echo_names(theory.scale_names(), as_json)
        return
    _require(list_names, tonic=tonic, name=name)
    _echo_notes(theory.scale(_tonic(tonic), name, octaves=octaves), as_json)


@click.command(short_help="Print the notes of a chord.")
@click.argument("tonic", required=False)
@click.argument("name", required=False)
@click.option(
    "--octaves", "-o", type=click.IntRange(1, MAX_OCTAVES), default=1, show_default=True,
    help="Repeat the chord this many octaves up.",
)
@click.option(
    "--invert", "-i", type=click.IntRange(-MAX_INVERSIONS, MAX_INVERSIONS), default=0, show_default=True,
    help="Inversions: 1 moves the lowest note up an octave; negative numbers go down.",
)
@_json_option
@click.option("--list", "list_names", is_flag=True, help="List every chord name and exit.")
def chord(tonic, name, octaves, invert, as_json, list_names):
    """Print the notes of the chord NAME on TONIC, as Sonic Pi's `chord` does.

    TONIC is a note such as e3, Fs2, Bb or eb3 (octave 4 if left out) or a MIDI number.
    NAME is one of Sonic Pi's chord names: major, minor, m7, M7, dim7, sus4, '7-9', ...
    (see --list). Case matters only where it means something: M is major, m is minor.

    \b
    Example:
      $ composer chord e3 minor
      E3 G3 B3
      52 55 59
      $ composer chord c4 major --invert 1 --json
      [64, 67, 72]
    """
    from composer import theory

    if list_names:
        _echo_names(theory.chord_names(), as_json)
        return
    _require(list_names, tonic=tonic, name=name)
    notes = theory.chord(_tonic(tonic), name, octaves=octaves, invert=invert)
    _echo_notes(notes, as_json)


@click.command(short_help="Print one cycle of an arpeggio of a chord.")
@click.argument("tonic", required=False)
@click.argument("chord_name", metavar="[CHORD]", required=False)
@click.option(
    "--mode", "-m", default="up", show_default=True,
    help="A TidalCycles arp mode: up, down, updown, downup, up&down, down&up, converge, "
    "diverge, disconverge, pinkyup, pinkyupdown, thumbup, thumbupdown "
    "(up_and_down and down_and_up need no shell quotes).",
)
@click.option(
    "--octaves", "-o", type=click.IntRange(1, MAX_OCTAVES), default=1, show_default=True,
    help="Extend the chord with copies this many octaves up before arpeggiating.",
)
@_json_option
@click.option("--list", "list_names", is_flag=True, help="List every arp mode and exit.")
def arp(tonic, chord_name, mode, octaves, as_json, list_names):
    """Print one cycle of an arpeggio of the chord CHORD on TONIC, in a TidalCycles arp mode.

    TONIC is a note such as e3, Fs2, Bb or eb3 (octave 4 if left out) or a MIDI number.
    CHORD is a chord name as for `composer chord` (see `composer chord --list`).

    \b
    Example:
      $ composer arp c4 M7 --mode converge
      C4 B4 E4 G4
      60 71 64 67
      $ composer arp e3 minor --mode updown --octaves 2 --json
      [52, 55, 59, 64, 67, 71, 67, 64, 59, 55]
    """
    from composer import theory

    if list_names:
        _echo_names(list(theory.ARP_MODES), as_json)
        return
    _require(list_names, tonic=tonic, chord=chord_name)
    notes = theory.chord(_tonic(tonic), chord_name)
    _echo_notes(theory.arp(notes, mode=mode, octaves=octaves), as_json)

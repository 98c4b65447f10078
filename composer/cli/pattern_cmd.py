"""`composer pattern`: show the events a pattern makes, cycle by cycle.

The pattern is mini-notation (`composer pattern "bd*2 [~ sn]"`) or, with --expr, a Python
expression over Strudel's functions (`--expr 'note("c3 e3").fast(2)'`). Events are printed
as they are found, a cycle at a time, so a long listing needs no more memory than a short one.
"""

from __future__ import annotations

import json

import click

EXAMPLES = """
\b
Examples:
  composer pattern "bd*2 [~ sn]"
  composer pattern "c e g <b d>" --cycles 2
  composer pattern "bd(3,8,2), hh*4"
  composer pattern "a? b? c? d?" --seed 3 --json
  composer pattern --expr 'note("c3 e3 g3").off(1/8, lambda p: p.add(12))'
  composer pattern --expr 'n("0 2 4").scale("e:minor").velocity(sine.segment(3))' --json
  composer pattern -- "-1 0 1"     (use -- before a pattern starting with -)
"""
#: How many cycles one listing may cover.
MAX_CYCLES = 1_000_000


@click.command("pattern", epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("notation", metavar="MINI", required=False)
@click.option("-e", "--expr", metavar="EXPRESSION",
              help="A Python expression of Strudel's functions (note, s, n, stack, cat, sine, ...) instead of MINI.")
@click.option("-c", "--cycles", type=click.IntRange(0, MAX_CYCLES), default=1, show_default=True, metavar="N",
              help=f"List events starting in cycles 0 to N-1 (at most {MAX_CYCLES:,}).")
@click.option("-s", "--seed", type=int, default=0, show_default=True,
              help="Random seed for '?' and '|' (the same seed always gives the same events).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of {begin, end, value} objects.")
def pattern(notation: str | None, expr: str | None, cycles: int, seed: int, as_json: bool) -> None:
    """Print the events of the mini-notation pattern MINI (or of --expr EXPRESSION).

    MINI uses Tidal/Strudel mini-notation: steps share a cycle ("a b c"),
    [ ] groups, < > alternates per cycle, "," stacks, { } makes polymeters,
    *2 /2 @3 _ !3 ? | (3,8) .. and : work as in Strudel.

    Each line shows an event's begin and end, in cycles, and its value.
    """
    from composer.pattern import mini

    if (notation is None) == (expr is None):
        raise click.UsageError("give a mini-notation pattern or --expr EXPRESSION (one of them)")
    if expr is not None:
        from composer.pattern.strudel import evaluate

        source = evaluate(expr, seed=seed)
    else:
        source = mini(notation, seed=seed)
    rows = _events(source, cycles)
    if as_json:
        _print_json(rows)
        return
    shown = 0
    for begin, end, value in rows:
        click.echo(f"{begin:<5}  {end:<5}  {_show_value(value)}")
        shown += 1
    if not shown:
        click.echo(f"no events in {_cycle_range(cycles)}", err=True)


def _events(source, cycles: int):
    """(begin, end, value) of each event starting in cycles 0..cycles-1, a cycle at a time."""
    from composer.pattern import show_time

    for cycle in range(cycles):
        for hap in source.onsets_in(cycle, cycle + 1):
            yield show_time(hap.whole.begin), show_time(hap.whole.end), hap.value


def _print_json(rows) -> None:
    """A JSON list written as it is found (a million cycles stream in constant memory)."""
    click.echo("[", nl=False)
    for index, (begin, end, value) in enumerate(rows):
        item = json.dumps({"begin": begin, "end": end, "value": _plain(value)})
        click.echo(("" if index == 0 else ", ") + item, nl=False)
    click.echo("]")


def _plain(value):
    """A value JSON can hold: Fractions and other numbers as numbers, the rest as text."""
    from fractions import Fraction

    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else float(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _cycle_range(cycles: int) -> str:
    if cycles == 0:
        return "zero cycles"
    return "cycle 0" if cycles == 1 else f"cycles 0 to {cycles - 1}"


def _show_value(value: object) -> str:
    """Values as they are written in mini-notation: `bd`, `3`, `1.5`, `bd:3`; controls as
    `note:60 velocity:0.5`."""
    if isinstance(value, list):
        return ":".join(_show_value(v) for v in value)
    if isinstance(value, dict):
        return " ".join(f"{key}:{_show_value(item)}" for key, item in value.items())
    return str(value)

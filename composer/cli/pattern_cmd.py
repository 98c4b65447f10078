"""`composer pattern`: show the events a mini-notation string makes, cycle by cycle."""

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
  composer pattern -- "-1 0 1"     (use -- before a pattern starting with -)
"""


@click.command(
    "pattern",
    epilog=EXAMPLES,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.argument("notation", metavar="MINI")
@click.option(
    "-c",
    "--cycles",
    type=int,
    default=1,
    show_default=True,
    metavar="N",
    help="List events starting in cycles 0 to N-1.",
)
@click.option(
    "-s",
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Random seed for '?' and '|' (the same seed always gives the same events).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of {begin, end, value} objects.")
def pattern(notation: str, cycles: int, seed: int, as_json: bool) -> None:
    """Print the events of the mini-notation pattern MINI.

    MINI uses Tidal/Strudel mini-notation: steps share a cycle ("a b c"),
    [ ] groups, < > alternates per cycle, "," stacks, { } makes polymeters,
    *2 /2 @3 _ !3 ? | (3,8) .. and : work as in Strudel.

    Each line shows an event's begin and end, in cycles, and its value.
    """
    from composer.pattern import mini, show_time

    if cycles < 0:
        raise click.BadParameter("must be 0 or more", param_hint="--cycles")
    events = mini(notation, seed=seed).onsets_in(0, cycles)
    rows = [(hap.whole.begin, hap.whole.end, hap.value) for hap in events]
    if as_json:
        click.echo(json.dumps([{"begin": show_time(b), "end": show_time(e), "value": v} for b, e, v in rows]))
        return
    if not rows:
        click.echo(f"no events in {_cycle_range(cycles)}", err=True)
        return
    table = [(show_time(b), show_time(e), _show_value(v)) for b, e, v in rows]
    begin_width = max(len(row[0]) for row in table)
    end_width = max(len(row[1]) for row in table)
    for begin, end, value in table:
        click.echo(f"{begin:<{begin_width}}  {end:<{end_width}}  {value}")


def _cycle_range(cycles: int) -> str:
    if cycles == 0:
        return "zero cycles"
    return "cycle 0" if cycles == 1 else f"cycles 0 to {cycles - 1}"


def _show_value(value: object) -> str:
    """Values as they are written in mini-notation: `bd`, `3`, `1.5`, `bd:3`."""
    if isinstance(value, list):
        return ":".join(_show_value(v) for v in value)
    return str(value)

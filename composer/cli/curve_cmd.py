"""`composer curve`: list the velocity curves and show one as numbers or a plot."""

from __future__ import annotations

import click

PLOT_ROWS = 12
PLOT_COLUMNS = 64


def plot(table: list[int], rows: int = PLOT_ROWS, columns: int = PLOT_COLUMNS) -> str:
    """A filled terminal plot of output (up) against input (across)."""
    lines = []
    for row in range(rows, 0, -1):
        level = (row - 0.5) * 127 / rows
        cells = "".join("█" if table[round(c * 127 / (columns - 1))] >= level else " " for c in range(columns))
        label = f"{round(row * 127 / rows):3d}" if row in (rows, rows // 2) else "   "
        lines.append(f"{label} │{cells}")
    lines.append("    └" + "─" * columns)
    lines.append("     0" + " " * (columns // 2 - 3) + "64" + " " * (columns // 2 - 4) + "127  input")
    return "\n".join(lines)


@click.group()
def curve() -> None:
    """Velocity curves for keys and pads.

    \b
    Example:
      composer curve list
      composer curve show soft
      composer curve show exp:2.5 --json
    """


@curve.command("list")
def list_curves() -> None:
    """List the curve names and what each does.

    \b
    Example:
      composer curve list
    """
    from composer.controller.curves import CURVE_NAMES, DESCRIPTIONS

    for name in CURVE_NAMES:
        click.echo(f"{name:<9} {DESCRIPTIONS[name]}")
    click.echo("points    a user curve: points:IN/OUT,... or [[in, out], ...] in a patch")


@curve.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the 128 outputs as a JSON list.")
def show(name: str, as_json: bool) -> None:
    """Show curve NAME: its outputs for inputs 0..127.

    NAME is a curve name, NAME:AMOUNT for exp/log, or points:IN/OUT,...

    \b
    Example:
      composer curve show log:4
      composer curve show points:0/0,40/70,127/127 --json
    """
    import json

    from composer.controller.curves import curve_table, parse_curve

    parsed = parse_curve(name)
    table = curve_table(parsed)
    if as_json:
        click.echo(json.dumps(table))
        return
    click.echo(f"curve {parsed.spec}")
    click.echo(plot(table))
    click.echo("in : " + " ".join(f"{v:3d}" for v in range(0, 128, 16)) + " 127")
    click.echo("out: " + " ".join(f"{table[v]:3d}" for v in range(0, 128, 16)) + f" {table[127]:3d}")

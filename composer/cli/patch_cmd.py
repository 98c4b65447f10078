"""`composer patch`: list, show and check controller patches (TOML files in patches/)."""

from __future__ import annotations

import click


@click.group()
def patch() -> None:
    """Controller patches: what each key, pad, knob and button does.

    \b
    Example:
      composer patch list
      composer patch check patches/live-set.toml
    """


@patch.command("list")
@click.argument("directory", default="patches", required=False)
def list_cmd(directory: str) -> None:
    """List the patches in DIRECTORY (default patches/), marking any that do not load.

    \b
    Example:
      composer patch list
      composer patch list ~/my-patches
    """
    from composer.patch.loader import PatchError, list_patches

    found = list_patches(directory)
    if not found:
        click.echo(f"no patches in {directory}")
    for path, loaded in found:
        if isinstance(loaded, PatchError):
            click.echo(f"{path:<40} ERROR {loaded}")
        else:
            click.echo(f"{path:<40} {loaded.description or loaded.name}")


@patch.command("show")
@click.argument("file", type=click.Path(dir_okay=False))
def show(file: str) -> None:
    """Show what patch FILE does, control by control.

    \b
    Example:
      composer patch show patches/guitar-accompaniment.toml
    """
    from composer.patch.loader import load_patch

    for line in describe(load_patch(file)):
        click.echo(line)


@patch.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--piece", type=click.Path(dir_okay=False),
              help="Check the pads and buttons against this piece's loops (default: the patch's piece).")
def check(file: str, piece: str | None) -> None:
    """Check patch FILE: exit 0 if it loads, else print one line naming file:line and field, exit 1.

    With a piece (--piece, or the patch's `piece`), every loop a pad or button launches, stops
    or fills must be one of the piece's live_loops.

    \b
    Example:
      composer patch check patches/live-set.toml
      composer patch check patches/default.toml --piece samples/pieces/live_set.py
    """
    from composer.patch.loader import check_against_piece, load_patch

    loaded = load_patch(file)
    against = check_against_piece(loaded, piece)
    click.echo(f"{file}: ok ({loaded.name}" + (f", loops of {against})" if against else ")"))


def describe(p) -> list[str]:
    """Human-readable lines for a Patch."""
    from composer.controller.v49 import note_name

    lines = [f"patch {p.name}" + (f": {p.description}" if p.description else "")]
    if p.piece or p.bpm:
        lines.append(f"  piece {p.piece or '-'}  bpm {format(p.bpm, 'g') if p.bpm is not None else 'from the piece'}")
    lines.append(f"  controller {p.controller.model} on the input matching {p.controller.port!r}")
    k = p.keys
    lines.append(f"  keys  channel {k.channel}  curve {k.curve.spec}  octave {k.octave:+d}  transpose {k.transpose:+d}"
                 + (f"  output {k.output}" if k.output else ""))
    if k.split is not None:
        lines.append(f"  split at {note_name(k.split)}")
        for label, zone in (("lower", k.lower), ("upper", k.upper)):
            lines.append(f"    {label}  {zone.role:<11} channel {zone.channel}  curve {zone.curve.spec}"
                         f"  transpose {zone.transpose:+d}")
    for pad in p.pads:
        if pad.action == "note":
            what = f"note {note_name(pad.note)} ({pad.note}) on channel {pad.channel}"
        elif pad.action == "drum":
            what = f"drum {pad.drum}"
        else:
            what = f"{pad.action} loop {pad.loop!r}"
        calibrated = "  calibrated" if pad.pad in p.calibration.pads else ""
        lines.append(f"  pad {pad.pad}  {what}  curve {pad.curve.spec}{calibrated}")
    for knob in p.knobs.values():
        target = {"bpm": "bpm", "param": f"param {knob.name}", "cc": f"CC {knob.number} channel {knob.channel}"}
        lines.append(f"  knob {knob.knob}  {target[knob.target]}  {knob.min:g}..{knob.max:g}")
    for button in p.buttons.values():
        extra = f" loop {button.loop!r}" if button.loop else (f" CC {button.number}" if button.number is not None else "")
        lines.append(f"  button {button.button}  {button.action}{extra}")
    if p.arpeggiator:
        a = p.arpeggiator
        lines.append(f"  arpeggiator {a.mode}  rate {a.rate:g} beats  octaves {a.octaves}  gate {a.gate:g}"
                     f"  latch {'on' if a.latch else 'off'}")
    passed = [kind for kind in ("unmapped", "sysex", "clock") if getattr(p.thru, kind)]
    lines.append(f"  thru  {', '.join(passed) if passed else 'nothing unmapped (ignored)'}")
    return lines

"""`composer patch`: list, show and check controller patches (TOML files; see composer.library)."""

from __future__ import annotations

import os

import click


@click.group()
def patch() -> None:
    """Controller patches: what each key, pad, knob and button does.

    \b
    Example:
      composer patch list
      composer patch check live-set
    """


@patch.command("list")
@click.argument("directory", required=False)
def list_cmd(directory: str | None) -> None:
    """List patches by name, marking any that do not load.

    Without DIRECTORY: your own (in $XDG_CONFIG_HOME/composer/patches, default
    ~/.config/composer/patches), then the shipped ones; a name of yours hides a shipped one.

    \b
    Example:
      composer patch list
      composer patch list ~/my-patches
    """
    from composer import library
    from composer.patch.loader import PatchError, list_patches, load_patch

    if directory is not None:
        found = list_patches(directory)
    else:
        found = []
        for path in library.available("patches").values():
            try:
                found.append((str(path), load_patch(str(path))))
            except PatchError as error:
                found.append((str(path), error))
    if not found:
        click.echo(f"no patches in {directory or library.user_dir('patches')}")
    for path, loaded in found:
        name = os.path.splitext(os.path.basename(path))[0]
        what = f"ERROR {loaded}" if isinstance(loaded, PatchError) else (loaded.description or loaded.name)
        click.echo(f"{name:<24} {what}")
        click.echo(f"{'':<24} {path}")


@patch.command("show")
@click.argument("file")
def show(file: str) -> None:
    """Show what patch FILE (a path, or a name from `composer patch list`) does, control by control.

    \b
    Example:
      composer patch show guitar-accompaniment
      composer patch show my-patches/drums.toml
    """
    from composer.library import find_patch
    from composer.patch.loader import load_patch

    for line in describe(load_patch(str(find_patch(file)))):
        click.echo(line)


@patch.command("check")
@click.argument("file")
@click.option("--piece", type=click.Path(dir_okay=False),
              help="Check the pads and buttons against this piece's loops (default: the patch's piece).")
def check(file: str, piece: str | None) -> None:
    """Check patch FILE (a path or a name): exit 0 if it loads, else print one line naming file:line and field, exit 1.

    With a piece (--piece, or the patch's `piece`), every loop a pad or button launches, stops
    or fills must be one of the piece's live_loops.

    \b
    Example:
      composer patch check live-set
      composer patch check default --piece samples/pieces/live_set.py
    """
    from composer.library import find_patch
    from composer.patch.loader import check_against_piece, load_patch

    loaded = load_patch(str(find_patch(file, piece)))
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
        elif pad.action == "section":
            what = f"section {pad.section!r} (a chart's band, next bar)"
        elif pad.action == "band_fill":
            what = "band fill (a chart's drums, next bar)"
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
    if any(zone is not None and zone.role == "chords" for zone in (k.lower, k.upper)):
        lines.append(f"  band  the chords zone picks a chart's chord  latch {'on' if p.band.latch else 'off'}")
    passed = [kind for kind in ("unmapped", "sysex", "clock") if getattr(p.thru, kind)]
    lines.append(f"  thru  {', '.join(passed) if passed else 'nothing unmapped (ignored)'}")
    return lines

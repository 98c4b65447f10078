"""`composer ports`, `composer panic` and `composer doctor`: seeing and fixing MIDI set-up."""

from __future__ import annotations

import click

API_CHOICES = ("auto", "jack", "alsa", "macos", "windows")
_api_option = click.option("--midi-api", type=click.Choice(API_CHOICES),
                           help="MIDI API (default: $COMPOSER_MIDI_API, else auto).")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_api_option
def ports(as_json, midi_api):
    """List the MIDI input and output ports, with the index --port accepts."""
    from composer.midi.ports import api_name, list_ports, resolve_api

    api = resolve_api(midi_api)
    found = list_ports(api)
    if as_json:
        import json

        listing = {"api": api_name(api)}
        for direction in ("input", "output"):
            listing[direction + "s"] = [{"index": p.index, "name": p.name} for p in found if p.direction == direction]
        click.echo(json.dumps(listing, indent=2))
        return
    click.echo(f"MIDI API: {api_name(api)}")
    for direction in ("output", "input"):
        click.echo(f"{direction}s:")
        names = [p for p in found if p.direction == direction]
        for p in names:
            click.echo(f"  {p.index:>3}  {p.name}")
        if not names:
            click.echo("  (none)")


@click.command()
@click.option("--port", help="Output port (index or part of a name); default: every output.")
@_api_option
def panic(port, midi_api):
    """Silence stuck notes: note-off for every note, All Sound Off and All Notes Off, all channels."""
    from composer.live.safety import panic as silence
    from composer.midi.ports import list_ports, open_output, resolve_api

    api = resolve_api(midi_api)
    if port is not None:
        targets = [port]
    else:
        targets = [str(p.index) for p in list_ports(api) if p.direction == "output"]
        if not targets:
            click.echo("no MIDI outputs to silence")
            return
    names = {str(p.index): p.name for p in list_ports(api) if p.direction == "output"}
    for target in targets:
        out = open_output(port=target, api=api)
        try:
            silence(out.send_message)
        finally:
            import time

            time.sleep(0.05)  # let the last messages leave before the port closes
            out.close_port()
            out.delete()
        click.echo(f"silenced {names.get(target, target)}")


@click.command()
@_api_option
def doctor(midi_api):
    """Check MIDI set-up: which APIs this build has, which work, the one composer would use
    (--midi-api, else $COMPOSER_MIDI_API, else the first that works), and what to fix."""
    import os
    import shutil

    from composer.midi.ports import (
        PortError, api_name, compiled_api_names, list_ports, quiet_stderr, resolve_api, rtmidi_version,
    )

    try:
        click.echo(f"python-rtmidi {rtmidi_version()}")
    except ImportError:
        click.echo("python-rtmidi: NOT INSTALLED -> pip install python-rtmidi")
        raise SystemExit(2)
    compiled = compiled_api_names()
    click.echo(f"APIs compiled in: {', '.join(compiled) or 'none'}")
    working = []
    for name in compiled:
        if name not in API_CHOICES:
            continue
        try:
            with quiet_stderr():
                resolve_api(name)
            working.append(name)
            click.echo(f"  {name}: works")
        except PortError:
            why = {"alsa": "no /dev/snd/seq", "jack": "no JACK server running"}.get(name, "cannot open a client")
            click.echo(f"  {name}: not usable ({why})")
    jackd = shutil.which("jackd")
    click.echo(f"jackd: {jackd or 'not installed'}")
    seq = os.path.exists("/dev/snd/seq")
    click.echo(f"/dev/snd/seq (ALSA sequencer): {'present' if seq else 'missing'}")
    env = os.environ.get("COMPOSER_MIDI_API")
    if env:
        click.echo(f"COMPOSER_MIDI_API={env}")
    _report_audio()
    for name in working:
        found = list_ports(resolve_api(name))
        outs = [p.name for p in found if p.direction == "output"]
        ins = [p.name for p in found if p.direction == "input"]
        click.echo(f"{name} outputs: {', '.join(outs) or 'none'}")
        click.echo(f"{name} inputs: {', '.join(ins) or 'none'}")
    if working:
        try:
            with quiet_stderr():
                chosen = api_name(resolve_api(midi_api))  # what every other command will use
        except PortError as error:
            from_env = env and not midi_api
            click.echo(f"not ok: {error}" + (" (from COMPOSER_MIDI_API; unset it or fix it)" if from_env else ""))
            raise SystemExit(2) from None
        if not [p for p in list_ports(resolve_api(chosen)) if p.direction == "output"]:
            click.echo(f"hint: no {chosen} output to play to; start a synth or a DAW (e.g. fluidsynth or "
                       "qsynth), or give play/live/perform --virtual NAME and connect one to that port")
        click.echo(f"ok: MIDI works through {chosen}")
        return
    click.echo("no working MIDI API. Fixes to try:")
    if "alsa" in compiled and not seq:
        click.echo("  - load the ALSA sequencer: sudo modprobe snd-seq")
    if "jack" in compiled:
        if jackd is None:
            click.echo("  - install JACK (Debian/Ubuntu: apt-get install jackd2)")
        click.echo("  - start a JACK server, e.g.: jackd --no-realtime -d dummy -r 48000 -p 256 &")
    click.echo("  - then run `composer doctor` again")
    raise SystemExit(2)


def _report_audio() -> None:
    """Which synth and SoundFont audio renders and --synth use, or how to get them."""
    from composer.errors import ComposerError
    from composer.sinks.audio import find_soundfont, fluidsynth_program

    try:
        click.echo(f"FluidSynth (audio, --synth): {fluidsynth_program()}")
    except ComposerError:
        click.echo("FluidSynth (audio, --synth): not installed -> apt-get install fluidsynth")
        return
    try:
        click.echo(f"SoundFont: {find_soundfont()}")
    except ComposerError as error:
        click.echo(f"SoundFont: {error}")

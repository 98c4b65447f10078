"""Open rtmidi ports by name fragment or index, on a chosen or detected MIDI API.

Linux machines without an ALSA sequencer still have MIDI when a JACK server runs, so the
"auto" API tries ALSA, then JACK, and says how to fix things when neither works.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from composer.errors import ComposerError

API_NAMES = ("auto", "jack", "alsa", "macos", "windows")
CLIENT_NAME = "composer"
INPUT_QUEUE_LIMIT = 16384


class PortError(ComposerError):
    """No such port, or no working MIDI API. Exit code 2, as for bad usage."""

    exit_code = 2


@dataclass(frozen=True)
class PortInfo:
    index: int
    name: str
    direction: str  # "input" or "output"
    api: str


def _rtmidi():
    import rtmidi  # imported here: only commands that touch ports pay for it

    os.environ.setdefault("JACK_NO_START_SERVER", "1")  # probing must not spawn a server
    return rtmidi


@contextlib.contextmanager
def quiet_stderr():
    """Silence libjack's C-level chatter ("Cannot connect to server socket") while probing."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, ValueError, OSError):
        yield
        return
    sys.stderr.flush()
    saved = os.dup(fd)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
        os.close(devnull)


def _api_constants() -> dict[str, int]:
    rtmidi = _rtmidi()
    return {
        "jack": rtmidi.API_UNIX_JACK,
        "alsa": rtmidi.API_LINUX_ALSA,
        "macos": rtmidi.API_MACOSX_CORE,
        "windows": rtmidi.API_WINDOWS_MM,
    }


def api_name(constant: int) -> str:
    """The --midi-api name of an rtmidi API constant ("jack", "alsa", ...)."""
    return {v: k for k, v in _api_constants().items()}.get(constant, str(constant))


def compiled_api_names() -> list[str]:
    """The MIDI APIs this python-rtmidi build has, by --midi-api name."""
    return [api_name(api) for api in _rtmidi().get_compiled_api()]


def rtmidi_version() -> str:
    return getattr(_rtmidi(), "__version__", "?")


def resolve_api(name: str | None = None) -> int:
    """The rtmidi API constant to use: explicit name, else $COMPOSER_MIDI_API, else the first that works."""
    name = (name or os.environ.get("COMPOSER_MIDI_API") or "auto").lower()
    if name not in API_NAMES:
        raise PortError(f"unknown MIDI API {name!r}; choose one of {', '.join(API_NAMES)}")
    rtmidi = _rtmidi()
    constants = _api_constants()
    compiled = set(rtmidi.get_compiled_api())
    if name != "auto":
        api = constants[name]
        if api not in compiled:
            raise PortError(f"this python-rtmidi was built without the {name} MIDI API")
        if not _api_works(api):
            raise PortError(_no_api_message([name]))
        return api
    order = ["alsa", "jack", "macos", "windows"]
    tried = []
    for candidate in order:
        api = constants[candidate]
        if api in compiled:
            tried.append(candidate)
            if _api_works(api):
                return api
    raise PortError(_no_api_message(tried))


def _api_works(api: int) -> bool:
    """True when a client can be opened on the API (ALSA needs /dev/snd/seq, JACK a server)."""
    rtmidi = _rtmidi()
    if api == rtmidi.API_LINUX_ALSA and not os.path.exists("/dev/snd/seq"):
        return False
    with quiet_stderr():
        try:
            probe = rtmidi.MidiOut(api, name=f"{CLIENT_NAME}-probe")
        except Exception:
            return False
    try:
        if api == rtmidi.API_UNIX_JACK:
            # With no server, rtmidi's JACK client cannot list ports; get_ports() is then empty and
            # opening a virtual port raises. Opening one is the reliable check.
            probe.open_virtual_port("probe")
            probe.close_port()
        return True
    except Exception:
        return False
    finally:
        probe.delete()


def _no_api_message(tried: list[str]) -> str:
    return (
        f"no working MIDI API (tried {', '.join(tried) or 'none'}): load the ALSA sequencer "
        "(modprobe snd-seq) or start a JACK server (e.g. `jackd -d dummy`), "
        "then try again; `composer doctor` shows what is missing"
    )


def port_names(client) -> list[str]:
    """The names of the ports an rtmidi client sees, surviving ports that come and go meanwhile.

    rtmidi counts the ports, then names them one by one; a port that leaves in between makes the
    naming raise (or give nothing). Then the listing is taken again, a few times, and at worst the
    ports that could be named are returned.
    """
    names: list[str] = []
    for _ in range(5):
        names, settled = [], True
        try:
            count = client.get_port_count()
        except Exception:  # rtmidi's errors (InvalidPortError, SystemError): try again
            continue
        for index in range(count):
            try:
                name = client.get_port_name(index)
            except Exception:  # that port left after the count
                name = None
            if name:
                names.append(name)
            else:
                settled = False
        if settled and client.get_port_count() == count:
            break
    return names


def list_ports(api: int | None = None) -> list[PortInfo]:
    """Every input and output port the API sees, with its index."""
    rtmidi = _rtmidi()
    api = resolve_api() if api is None else api
    api_label = api_name(api)
    found = []
    for direction, cls in (("input", rtmidi.MidiIn), ("output", rtmidi.MidiOut)):
        client = cls(api, name=f"{CLIENT_NAME}-list")
        try:
            for index, name in enumerate(port_names(client)):
                found.append(PortInfo(index, name, direction, api_label))
        finally:
            client.delete()
    return found


_own_ports = itertools.count(1)


def own_port_name(direction: str) -> str:
    """A name for the port composer opens to reach another, unique on the machine, so that the
    port watcher can tell whether it is still connected (composer.midi.presence)."""
    return f"{direction} {os.getpid()}.{next(_own_ports)}"


#: The names of the output ports this process opened; JACK and ALSA list them as inputs too.
_OUTPUTS_OPENED_HERE: set[str] = set()


def _opened_here(name: str) -> bool:
    """A port this process opened for output: never offered as an input (it would hear itself)."""
    client, _, port = name.partition(":")
    client = client.strip().lower()
    if client != CLIENT_NAME and not (client.startswith(f"{CLIENT_NAME}-") and client[len(CLIENT_NAME) + 1:].isdecimal()):
        return False
    return any(port.startswith(opened) for opened in _OUTPUTS_OPENED_HERE)


def find_port(names: list[str], wanted: str | int, direction: str) -> int:
    """Index of the port matching `wanted`: an index, or a case-insensitive name fragment.

    An exact (case-insensitive) name wins over fragments; several fragment matches take the first.
    """
    text = str(wanted).strip()
    if text.isdecimal():
        index = int(text)
        if index < len(names):
            return index
    lowered = [n.lower() for n in names]
    if text.lower() in lowered:
        return lowered.index(text.lower())
    for index, name in enumerate(lowered):
        if text.lower() in name:
            return index
    offered = [(i, n) for i, n in enumerate(names) if not (direction == "input" and _opened_here(n))]
    available = ", ".join(f"{i}: {n}" for i, n in offered) or "none"
    raise PortError(f"no MIDI {direction} matches {text!r}; available: {available}")


def open_output(port: str | int | None = None, virtual: str | None = None, api: int | None = None,
                own_name: str | None = None, called: str = "output"):
    """An open rtmidi.MidiOut: a virtual port named `virtual`, the port matching `port`, or the first;
    `own_name` names our port that connects to it (default: a fresh own_port_name). `called` is
    what errors call the port: "input" when the user thinks of it as another program's input."""
    rtmidi = _rtmidi()
    api = resolve_api() if api is None else api
    out = rtmidi.MidiOut(api, name=CLIENT_NAME)
    try:
        if virtual:
            out.open_virtual_port(virtual)
            _OUTPUTS_OPENED_HERE.add(virtual)
        else:
            own = own_name or own_port_name("out")
            _OUTPUTS_OPENED_HERE.add(own)
            names = port_names(out)
            if port is None:
                if not names:
                    raise PortError("no MIDI outputs found; use --virtual NAME to open one")
                index = 0
            else:
                index = find_port(names, port, called)
            out.open_port(index, own)
    except BaseException:
        out.delete()
        raise
    return out


def when_present(open_port: Callable[[], object], on_wait: Callable[[str], None] | None = None,
                 poll_seconds: float = 0.2):
    """`open_port()`, again and again while it raises PortError (the port is not there yet).

    A program started at the same time (a synth, a reader's virtual input, a controller being
    plugged in) may open its port a moment later. `on_wait` hears once why we wait.
    """
    while True:
        try:
            return open_port()
        except PortError as missing:
            if on_wait is not None:
                on_wait(f"waiting for the port: {missing}")
                on_wait = None
            time.sleep(poll_seconds)


def open_output_when_present(port: str | int, api: int | None = None,
                             on_wait: Callable[[str], None] | None = None, called: str = "output"):
    """`open_output(port)`, waiting for the port to appear if it is not there yet."""
    return when_present(lambda: open_output(port, api=api, called=called), on_wait)


def open_input(port: str | int | None = None, virtual: str | None = None, api: int | None = None,
               own_name: str | None = None):
    """An open rtmidi.MidiIn that keeps sysex and clock (the router filters) and drops active sensing;
    `own_name` names our port that the other connects to (default: a fresh own_port_name).

    Its queue holds a second of a dense stream, should the reading thread be held up.
    """
    rtmidi = _rtmidi()
    api = resolve_api() if api is None else api
    inp = rtmidi.MidiIn(api, name=CLIENT_NAME, queue_size_limit=INPUT_QUEUE_LIMIT)
    try:
        inp.ignore_types(sysex=False, timing=False, active_sense=True)
        if virtual:
            inp.open_virtual_port(virtual)
        else:
            names = port_names(inp)
            if port is None:
                if not names:
                    raise PortError("no MIDI inputs found; use --in PORT to choose one")
                index = 0
            else:
                index = find_port(names, port, "input")
            inp.open_port(index, own_name or own_port_name("in"))
    except BaseException:
        inp.delete()
        raise
    return inp

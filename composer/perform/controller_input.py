"""The controller's MIDI input, followed through an unplug and a replug.

A USB controller pulled mid-song removes its port. A watcher thread lists the inputs a few times
a second: when the port is gone it says so once and calls `on_lost` (the session releases what
the keys were holding); when a port matching the same name returns, it reopens it and says so.
A controller not plugged in yet at the start is waited for in the same way (unless --in named
a port, which must then exist).
Messages arrive in a listener thread of ours (never JACK's: see composer.midi.listener) through
`on_message(data)`, stamped on arrival by the caller.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from composer.midi.listener import InputListener
from composer.midi.ports import PortError, find_port, list_ports, open_input

CHECK_SECONDS = 0.2


def choose_input(names: list[str], wanted: str | None, match: str, exclude: tuple[str, ...] = ()) -> int:
    """Index of the controller's port: `wanted` (index or name fragment) if given, else the first
    whose name contains `match` (the patch's controller port, "V49" by default)."""
    if wanted is not None:
        return find_port(names, wanted, "input")
    for index, name in enumerate(names):
        if match.lower() in name.lower() and name not in exclude:
            return index
    available = ", ".join(f"{i}: {n}" for i, n in enumerate(names)) or "none"
    raise PortError(f"no MIDI input looks like the controller (a name containing {match!r}); "
                    f"plug it in or choose one with --in; available: {available}")


class ControllerInput:
    """An open input on the controller's port; `watch()` follows it through unplug and replug."""

    def __init__(self, api: int, wanted: str | None, match: str, on_message: Callable[[list], None],
                 warn: Callable[[str], None], on_lost: Callable[[], None] | None = None,
                 exclude: tuple[str, ...] = (), names: list[str] | None = None):
        self.api = api
        self.wanted = wanted
        self.match = match
        self.exclude = exclude
        self.on_message = on_message
        self.warn = warn
        self.on_lost = on_lost
        self.lost = False
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        if names is None:
            names = [p.name for p in list_ports(api) if p.direction == "input"]
        self.listener: InputListener | None = None
        self.port_name: str | None = None
        try:
            index = choose_input(names, wanted, match, exclude)
        except PortError:
            if wanted is not None:
                raise
            self.lost = True  # not plugged in yet: the watcher opens it when it appears
            warn(f"waiting for the controller (an input named like {match!r}); plug it in, or use --in")
            return
        self.listener = self._listen(open_input(port=str(index), api=api))
        self.port_name = names[index]

    @property
    def description(self) -> str:
        return repr(self.port_name) if self.port_name else "no controller yet"

    def _listen(self, midi_in) -> InputListener:
        return InputListener(midi_in, lambda data, arrival: self.on_message(data), name="composer-controller-in")

    def watch(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._watch, name="composer-controller-watch", daemon=True)
            self._thread.start()

    def _watch(self) -> None:
        import rtmidi

        lister = rtmidi.MidiIn(self.api, name="composer-watch")
        try:
            while not self._done.wait(CHECK_SECONDS):
                names = lister.get_ports()
                if not self.lost and self.port_name not in names:
                    self.lost = True
                    self.warn(f"controller {self.port_name!r} went away; all its notes released, "
                              "will reconnect when it returns")
                    if self.on_lost is not None:
                        self.on_lost()
                elif self.lost:
                    self._reopen(names)
        finally:
            lister.delete()

    def _reopen(self, names: list[str]) -> None:
        wanted = self.port_name if self.port_name in names else None
        try:
            index = names.index(wanted) if wanted else choose_input(names, self.wanted, self.match, self.exclude)
        except PortError:
            return  # not back yet
        with self._lock:
            try:  # a fresh client: rtmidi's JACK backend cannot reopen a closed one
                fresh = open_input(port=str(index), api=self.api)
            except Exception:
                return  # gone again between the listing and the open: try on the next check
            old, self.listener = self.listener, self._listen(fresh)
            first = self.port_name is None
            self.port_name = names[index]
            self.lost = False
            if old is not None:
                old.close()
        self.warn(f"controller {self.port_name!r} " + ("connected" if first else "is back"))

    def close(self) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        with self._lock:
            if self.listener is not None:
                self.listener.close()
                self.listener = None

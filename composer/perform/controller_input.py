"""The controller's MIDI input, followed through an unplug and a replug.

A USB controller pulled mid-song removes its port. A watcher thread lists the inputs a few times
a second: when the port is gone it says so once and calls `on_lost` (the session releases what
the keys were holding); when a port matching the same name returns, it reopens it and says so.
A controller not plugged in yet at the start is waited for in the same way (unless --in named
a port, which must then exist).
The watching itself is composer.midi.presence's, shared with output ports.
Messages arrive in a listener thread of ours (never JACK's: see composer.midi.listener) through
`on_message(data, arrival)`, `arrival` on time.monotonic() from the MIDI system's own stamps.
"""

from __future__ import annotations

from collections.abc import Callable

from composer.midi.listener import InputListener, SysexProbe
from composer.midi.ports import PortError, find_port, list_ports, open_input, own_port_name
from composer.midi.presence import FollowedPort

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


class ControllerInput(FollowedPort):
    """An open input on the controller's port; `watch()` follows it through unplug and replug."""

    direction = "input"
    check_seconds = CHECK_SECONDS

    def __init__(self, api: int, wanted: str | None, match: str, on_message: Callable[[list, float], None],
                 warn: Callable[[str], None], on_lost: Callable[[], None] | None = None,
                 exclude: tuple[str, ...] = (), names: list[str] | None = None):
        super().__init__(api, warn)
        self.wanted = wanted
        self.match = match
        self.exclude = exclude
        self.on_message = on_message
        self.on_lost = on_lost
        if names is None:
            names = [p.name for p in list_ports(api) if p.direction == "input"]
        self.listener: InputListener | None = None
        try:
            index = choose_input(names, wanted, match, exclude)
        except PortError:
            if wanted is not None:
                raise
            self.lost = True  # not plugged in yet: the watcher opens it when it appears
            warn(f"waiting for the controller (an input named like {match!r}); plug it in, or use --in")
            return
        own = own_port_name("in")
        self.listener = self._listen(open_input(port=names[index], api=api, own_name=own), own)
        self.port_name, self.own_port = names[index], own

    @property
    def description(self) -> str:
        return repr(self.port_name) if self.port_name else "no controller yet"

    def _listen(self, midi_in, own: str) -> InputListener:
        """Read the controller, ending any sysex it leaves open (composer.midi.listener)."""
        try:
            probe = SysexProbe(self.api, own)
        except Exception:  # rtmidi's errors, or our port not listed: read without the probe
            probe = None
        return InputListener(midi_in, self.on_message, name="composer-controller-in", probe=probe,
                             on_broken=self._broken_sysex)

    def _broken_sysex(self, fragment: list) -> None:
        shown = " ".join(f"{byte:02X}" for byte in fragment[:8]) + (" ..." if len(fragment) > 8 else "")
        self.warn(f"controller {self.port_name!r} sent a sysex it never ended ({shown}); dropped it, "
                  "and passed on what came after")

    def _lost_message(self, replaced: bool) -> str:
        how = "went away and came back as a new port" if replaced else "went away"
        return f"controller {self.port_name!r} {how}; all its notes released, will reconnect when it returns"

    def _reconnect(self, names: list[str]) -> str | None:
        wanted = self.port_name if self.port_name in names else None
        try:
            index = names.index(wanted) if wanted else choose_input(names, self.wanted, self.match, self.exclude)
        except PortError:
            return None  # not back yet
        own = own_port_name("in")
        try:  # a fresh client: rtmidi's JACK backend cannot reopen a closed one
            fresh = open_input(port=names[index], api=self.api, own_name=own)
        except Exception:  # rtmidi's errors or PortError: gone again since the listing
            return None
        old, self.listener = self.listener, self._listen(fresh, own)
        first = self.port_name is None
        self.port_name, self.own_port = names[index], own
        if old is not None:
            old.close()
        return f"controller {self.port_name!r} " + ("connected" if first else "is back")

    def _close(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None

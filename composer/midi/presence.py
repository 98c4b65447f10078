"""Follow one MIDI port through going away and coming back: an output, or the controller's input.

One thread per followed port looks at the ports a few times a second. The port is lost when its
name is gone, or when it is no longer connected to ours (on JACK: it left and came back between two
looks, under the same name). While lost, the subclass's `_reconnect` is tried on every look.
Listing survives ports that come and go meanwhile (composer.midi.ports.port_names).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from composer.midi.ports import _rtmidi, port_names


class FollowedPort:
    """The watcher shared by outputs and inputs. Subclasses give `direction`, `_reconnect(names)`
    (open the port again; a message for the user, or None when it is not back yet) and `_close()`."""

    direction = "output"  # which ports to list: "output" (ours sends to them) or "input"
    check_seconds = 0.5

    def __init__(self, api: int, warn: Callable[[str], None]):
        self.api = api
        self.warn = warn
        self.port_name: str | None = None  # the port followed; None while none was found
        self.own_port: str | None = None  # the name of our port connected to it
        self.lost = False
        self.on_lost: Callable[[], None] | None = None
        self.on_return: Callable[[], None] | None = None
        self._lock = threading.Lock()  # held while the port is used, swapped or marked lost
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def watch(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._watch, name=f"composer-{self.direction}-watch", daemon=True)
            self._thread.start()

    def _watch(self) -> None:
        rtmidi = _rtmidi()
        lister = (rtmidi.MidiOut if self.direction == "output" else rtmidi.MidiIn)(self.api, name="composer-watch")
        links = None
        if self.api == rtmidi.API_UNIX_JACK:
            from composer.midi.jack_links import JackLinks

            links = JackLinks()
        try:
            while not self._done.wait(self.check_seconds):
                self.check(port_names(lister), links)
        finally:
            lister.delete()
            if links is not None:
                links.close()

    def check(self, names: list[str], links=None) -> None:
        """One look at the ports: notice a loss (or a replaced port), then try to reconnect."""
        if not self.lost and self.port_name is not None:
            replaced = (self.port_name in names and links is not None and self.own_port is not None
                        and links.linked(self.port_name, self.own_port) is False)
            if self.port_name not in names or replaced:
                self._lose(self._lost_message(replaced))
        if self.lost:
            with self._lock:
                message = self._reconnect(names) if not self._done.is_set() else None
                if message is not None:
                    self.lost = False
            if message is not None:
                self.warn(message)
                if self.on_return is not None:
                    self.on_return()

    def _lose(self, message: str) -> None:
        with self._lock:
            first = self._set_lost()
        if first:
            self._announce_lost(message)

    def _set_lost(self) -> bool:
        """Mark the port lost (the caller holds the lock); True the first time."""
        if self.lost:
            return False
        self.lost = True
        return True

    def _announce_lost(self, message: str) -> None:
        self.warn(message)
        if self.on_lost is not None:
            self.on_lost()

    def _lost_message(self, replaced: bool) -> str:
        raise NotImplementedError

    def _reconnect(self, names: list[str]) -> str | None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Stop watching, then close the port (safe to call twice)."""
        self._done.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)
        with self._lock:
            self._close()

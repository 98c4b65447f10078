"""The other ports a piece sends to (`port="drums"` on play or any midi_* call), live.

A render keeps such messages on tracks named "LOOP @ PORT"; a live session sends them to the
output whose name contains PORT (or the one `--port PORT=OUTPUT` maps it to), among the outputs
present when the session starts. Mapped outputs are opened before the music starts (a wrong one
is an error then); any other the first time the piece names it, when its messages are computed,
a look-ahead before they are due.
A name that finds the session's main output sends there; each other output sits behind its own
note guard, so every stop ends its notes too, and is followed like the main one (reopened if it
comes back). A name no output
matches is reported once and its messages are dropped: the rest of the piece plays on.
"""

from __future__ import annotations

from collections.abc import Callable

from composer.errors import ComposerError
from composer.live import safety
from composer.live.output import PortOutput, open_followed_output


def parse_port_map(entries) -> tuple[str | None, dict[str, str]]:
    """`--port` values: at most one plain PORT (the main output) and any NAME=PORT mappings."""
    main, mapping = None, {}
    for entry in entries or ():
        name, sep, target = str(entry).partition("=")
        if sep:
            if not name.strip() or not target.strip():
                raise ComposerError(f"--port {entry!r}: write NAME=PORT (the piece's port name, then an output)")
            mapping[name.strip()] = target.strip()
        elif main is not None:
            raise ComposerError(f"--port given twice ({main!r}, {entry!r}); map a piece's port with NAME=PORT")
        else:
            main = entry
    return main, mapping


class NamedOutputs:
    """Outputs opened by the name a piece gives them; `route(name)` is the scheduler's send."""

    def __init__(self, api: int, mapping: dict[str, str], warn: Callable[[str], None],
                 main: tuple[str, Callable[[tuple], None]] | None = None):
        """`main` is the session's own output (its name and guarded send), shared, not reopened."""
        self.api = api
        self.mapping = mapping
        self.warn = warn
        self.main = main
        self.routes: dict[str, Callable[[tuple], None]] = {}  # the piece's name -> send
        self.outputs: dict[str, tuple[PortOutput, safety.NoteGuard]] = {}  # output name -> opened
        self.names: list[str] = []  # the outputs there were at the start (listing takes too long later)

    def open(self, names: list[str] | None = None) -> None:
        """Take the outputs there are (`names`, else a fresh listing), and open those
        `--port NAME=OUTPUT` names; a PortError if one is missing."""
        from composer.midi.ports import find_port, list_ports

        if not names:
            names = [p.name for p in list_ports(self.api) if p.direction == "output"]
        self.names = names
        for name, wanted in self.mapping.items():
            self.routes[name] = self._send_for(names[find_port(names, wanted, "output")])

    def route(self, name: str) -> Callable[[tuple], None]:
        """The send function for the piece's port `name` (a no-op when no output matches).
        Names that find the same output share it, so its messages keep their order."""
        send = self.routes.get(name)
        if send is None:
            send = self.routes[name] = self._resolve(name)
        return send

    def _resolve(self, name: str) -> Callable[[tuple], None]:
        from composer.midi.ports import find_port

        names = self.names
        try:
            return self._send_for(names[find_port(names, self.mapping.get(name, name), "output")])
        except Exception as error:  # noqa: BLE001 - a port that fails must not stop the others
            self.warn(f"the piece sends to port {name!r}: {error}; those messages are dropped")
            return _drop

    def _send_for(self, output: str) -> Callable[[tuple], None]:
        if self.main is not None and output == self.main[0]:
            return self.main[1]
        if output not in self.outputs:
            self.outputs[output] = self._open(output)
        return self.outputs[output][1].send

    def _open(self, output: str) -> tuple[PortOutput, safety.NoteGuard]:
        port = open_followed_output(output, self.api, self.warn)
        guard = safety.NoteGuard(port.send)
        port.on_lost = guard.forget
        port.watch()
        return port, guard

    def _guards(self):
        return [guard for _, guard in self.outputs.values()]

    def release(self) -> None:
        """A stop: every note these ports sound ends, their channels reset."""
        for guard in self._guards():
            guard.release()

    def settle(self) -> None:
        for guard in self._guards():
            guard.settle()

    def close(self) -> None:
        for port, _ in self.outputs.values():
            port.close()
        self.outputs.clear()
        self.routes.clear()


def _drop(data: tuple) -> None:
    """Where messages for a port that could not be opened go."""

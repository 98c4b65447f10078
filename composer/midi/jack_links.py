"""Ask JACK whether a port is still connected to one of ours.

A port that vanishes and comes back between two looks of a watcher keeps its name, and rtmidi
can only list names; JACK dropped our connection with the old port, though, so "is it connected
to our port?" tells a returned port from one that never left. libjack is reached through ctypes:
it is there whenever JACK runs, and this needs three of its calls.
"""

from __future__ import annotations

import ctypes
import ctypes.util

JACK_NO_START_SERVER = 0x01


def _libjack():
    name = ctypes.util.find_library("jack")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.jack_client_open.restype = ctypes.c_void_p
    lib.jack_client_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
    lib.jack_client_close.argtypes = [ctypes.c_void_p]
    lib.jack_port_by_name.restype = ctypes.c_void_p
    lib.jack_port_by_name.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.jack_port_get_all_connections.restype = ctypes.POINTER(ctypes.c_char_p)
    lib.jack_port_get_all_connections.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    lib.jack_free.argtypes = [ctypes.c_void_p]
    return lib


class JackLinks:
    """A JACK client that only looks at connections; `linked()` is None when JACK cannot be asked."""

    def __init__(self, client_name: str = "composer-links"):
        self._lib = _libjack()
        self._client = None
        if self._lib is not None:
            status = ctypes.c_int()
            self._client = self._lib.jack_client_open(client_name.encode(), JACK_NO_START_SERVER,
                                                      ctypes.byref(status)) or None

    def linked(self, port_name: str, own_port: str) -> bool | None:
        """Whether `port_name` is connected to a port of ours named `own_port` (None: cannot tell)."""
        if self._client is None:
            return None
        lib = self._lib
        port = lib.jack_port_by_name(self._client, port_name.encode())
        if not port:
            return False
        connections = lib.jack_port_get_all_connections(self._client, port)
        if not connections:
            return False
        try:
            suffix = b":" + own_port.encode()
            index = 0
            while connections[index] is not None:
                if connections[index].endswith(suffix):
                    return True
                index += 1
            return False
        finally:
            lib.jack_free(ctypes.cast(connections, ctypes.c_void_p))

    def close(self) -> None:
        if self._client is not None:
            self._lib.jack_client_close(self._client)
            self._client = None

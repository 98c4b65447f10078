"""Shared fixtures. `jack` starts a JACK dummy server once per session for port tests;
`receiver`, `open_receiver` and `controller` give a test ports on it, closed after the test."""

from __future__ import annotations

import itertools
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from jack import start_jack, stop_jack  # noqa: E402
from ports import Receiver  # noqa: E402

_controllers = itertools.count()


@pytest.fixture(autouse=True, scope="session")
def no_user_config(tmp_path_factory):
    """Kits and patches of whoever runs the tests must not change what the tests see."""
    old = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    yield
    if old is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = old


@pytest.fixture(scope="session")
def jack():
    """A running JACK server (dummy driver); COMPOSER_MIDI_API=jack for the code under test."""
    process = start_jack()
    old = os.environ.get("COMPOSER_MIDI_API")
    os.environ["COMPOSER_MIDI_API"] = "jack"
    yield
    if old is None:
        os.environ.pop("COMPOSER_MIDI_API", None)
    else:
        os.environ["COMPOSER_MIDI_API"] = old
    stop_jack(process)


@pytest.fixture
def open_receiver(jack):
    """Opens receiving ports (ports.Receiver: prefix, timing) on the JACK server; each is closed
    after the test, however it ends."""
    opened: list[Receiver] = []

    def open_one(prefix: str = "recv", timing: bool = False) -> Receiver:
        opened.append(Receiver(prefix, timing=timing))
        return opened[-1]

    yield open_one
    for receiver in opened:
        receiver.close()


@pytest.fixture
def receiver(open_receiver, request):
    """A receiving port. A test or module marked `receiver(prefix=..., timing=True)` opens it
    so; with timing it keeps MIDI clock too, so clock sent by mistake would show."""
    marker = request.node.get_closest_marker("receiver")
    return open_receiver(**(marker.kwargs if marker else {}))


@pytest.fixture
def controller(jack):
    """A software V49 on a virtual port no other test uses; `controller.port_name` is for --in."""
    from composer.controller.simulator import V49Simulator

    name = f"V49 test{os.getpid()}x{next(_controllers)}"
    sim = V49Simulator.open(virtual=name)
    sim.port_name = name
    yield sim
    sim.close()

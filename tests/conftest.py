"""Shared fixtures. `jack` starts a JACK dummy server once per session for port tests."""

from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from jack import start_jack, stop_jack  # noqa: E402


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

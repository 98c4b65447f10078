"""Shared fixtures. `jack` starts a JACK dummy server once per session for port tests."""

from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from jack import start_jack, stop_jack  # noqa: E402


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

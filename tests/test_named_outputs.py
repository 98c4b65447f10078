"""`--port`: one main output, and NAME=PORT for the ports a piece names."""

import pytest

from composer.errors import ComposerError
from composer.live.named_outputs import parse_port_map


def test_port_values_split_into_the_main_output_and_a_map():
    assert parse_port_map(()) == (None, {})
    assert parse_port_map(["synth", "drums=Scarlett 2", "bass = 3"]) == ("synth", {"drums": "Scarlett 2", "bass": "3"})
    with pytest.raises(ComposerError, match="given twice"):
        parse_port_map(["a", "b"])
    with pytest.raises(ComposerError, match="NAME=PORT"):
        parse_port_map(["=x"])

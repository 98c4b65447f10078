"""Option types several commands share: a port name that is not empty, a latency that is a number.

click's FloatRange lets nan through (nan compares false with every bound), so a latency is checked
here as a finite number of milliseconds.
"""

from __future__ import annotations

import math

import click

#: Look-ahead bounds in milliseconds: under 1 ms nothing is ahead; over 10 s nothing is live.
LATENCY_MS = (1.0, 10_000.0)


class PortName(click.ParamType):
    """A port's name, index or part of a name: never empty (an empty one would match every port)."""

    name = "NAME"

    def convert(self, value, param, ctx):
        text = str(value)
        if not text.strip():
            self.fail("needs a name, got an empty one", param, ctx)
        return text


class Milliseconds(click.ParamType):
    """A finite number of milliseconds within `LATENCY_MS`."""

    name = "MS"

    def convert(self, value, param, ctx):
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of milliseconds", param, ctx)
        low, high = LATENCY_MS
        if not math.isfinite(number) or not low <= number <= high:
            self.fail(f"{value} is not between {low:g} and {high:g} ms", param, ctx)
        return number


PORT_NAME = PortName()
MILLISECONDS = Milliseconds()


def parse_ports(ports) -> tuple[str | None, dict[str, str]]:
    """The main output and the NAME=PORT map of repeated --port options; a bad one is a usage error."""
    from composer.errors import ComposerError
    from composer.live.named_outputs import parse_port_map

    try:
        return parse_port_map(ports)
    except ComposerError as error:
        raise click.UsageError(str(error)) from None


def one_output(**chosen) -> None:
    """A usage error unless at most one way to output is given (`port=`, `virtual=`, `synth=`)."""
    given = [f"--{name}" for name, value in chosen.items() if value]
    if len(given) > 1:
        names = [f"--{name}" for name in chosen]
        raise click.UsageError(f"give one of {', '.join(names[:-1])} and {names[-1]}, not {' and '.join(given)}")

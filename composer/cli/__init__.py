"""The `composer` command line: a click group whose commands live one module each.

Command modules import only click at load time, and their heavy work inside the command,
so that `composer --help` stays as quick as importing click.
"""

from __future__ import annotations

import importlib
import sys

import click

from composer import __version__

#: command name -> "module:attribute" (relative to composer.cli), in the order --help lists them.
COMMANDS = {
    "render": "render_cmd:render",
    "show": "show_cmd:show",
    "play": "play_cmd:play",
    "live": "play_cmd:live",
    "ports": "ports_cmd:ports",
    "panic": "ports_cmd:panic",
    "doctor": "ports_cmd:doctor",
    "perform": "perform_cmd:perform",
    "controller": "controller_cmd:controller",
    "curve": "curve_cmd:curve",
    "patch": "patch_cmd:patch",
    "pattern": "pattern_cmd:pattern",
    "scale": "theory_cmd:scale",
    "chord": "harmony_cmd:chord",
    "progression": "harmony_cmd:progression",
    "accompany": "accompany_cmd:accompany",
    "arp": "theory_cmd:arp",
}


class ComposerGroup(click.Group):
    """Loads each command's module when the command is asked for."""

    def list_commands(self, ctx):
        return [name for name in COMMANDS if self._load(name) is not None]

    def get_command(self, ctx, name):
        return self._load(name)

    @staticmethod
    def _load(name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        module = importlib.import_module(f"composer.cli.{module_name}")
        return getattr(module, attribute)


@click.group(cls=ComposerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="composer")
@click.option("--debug", is_flag=True, help="Show a full traceback on errors.")
def cli(debug: bool) -> None:
    """composer: algorithmic music in the terminal, Sonic Pi style, for real MIDI gear."""
    # --debug is read from the command line by composer.cli.errors.run_cli, before click parses it


def main(argv=None) -> None:
    """Entry point: runs the group and turns user errors into one line and an exit code."""
    from composer.cli.errors import run_cli

    sys.exit(run_cli(cli, argv))

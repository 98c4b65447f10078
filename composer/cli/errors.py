"""How the CLI reports failures: one line on stderr and an exit code that means something.

Exit codes: 0 success, 1 a user error in a piece or file (ComposerError), 2 bad usage
(click's convention; also "no such port"), 130 interrupted by Ctrl-C.
"""

from __future__ import annotations

import sys

import click

from composer.errors import ComposerError

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def run_cli(group: click.Group, argv=None) -> int:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        group.main(args=argv, prog_name="composer", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Abort:
        click.echo("composer: interrupted", err=True)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        click.echo("composer: interrupted", err=True)
        return EXIT_INTERRUPTED
    except ComposerError as error:
        if debug:
            raise
        click.echo(f"composer: {one_line(str(error))}", err=True)
        return error.exit_code
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_OK


def one_line(message: str) -> str:
    """A message that holds several lines (an exception's own text, say) as one: "; " between them."""
    return "; ".join(line.strip() for line in message.splitlines() if line.strip())

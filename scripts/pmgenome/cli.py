"""The `pmgenome` command: a thin argparse layer over the library."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Sequence
from typing import NoReturn

from pmgenome import __version__
from pmgenome.commands.common import Exit
from pmgenome.commands.output import silence_stdout, tell
from pmgenome.text.hints import did_you_mean

# Each name is a module pmgenome.commands.<name> with HELP, add_arguments() and run().
COMMANDS = ("validate", "gaps", "schema", "path", "inspect", "enrich", "new", "links", "survey")


class _Parser(argparse.ArgumentParser):
    """argparse, plus a did-you-mean for a mistyped command."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("argument COMMAND: invalid choice: "):
            typed = message.split("'")[1] if message.count("'") >= 2 else ""
            hint = did_you_mean(typed, COMMANDS)
            message = f"unknown command '{typed}'{hint}; the commands are {', '.join(COMMANDS)}"
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pmgenome",
        description="Validate, link-check, enrich and explore the PM Genome catalog.",
    )
    parser.add_argument("--version", action="version", version=f"pmgenome {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"pmgenome.commands.{name.replace('-', '_')}")
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)  # exits 2 with a usage message on bad arguments
    except Exception as error:  # noqa: BLE001 - an option's own parser that raised: still a usage error
        tell(f"pmgenome: error: {type(error).__name__}: {error}")
        return Exit.USAGE
    run: Callable[[argparse.Namespace], int] = args.run  # set by build_parser for every command
    try:
        return run(args)
    except KeyboardInterrupt:
        tell("pmgenome: interrupted")
        return Exit.INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and closed early. The command could not finish saying what it
        # found, so this is not success; commands that know their verdict return it themselves.
        silence_stdout()
        return Exit.PROBLEMS
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        tell(f"pmgenome: internal error: {type(error).__name__}: {error} "
             "(this is a bug; please report it with the command you ran)")
        return Exit.INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())

"""The `pmgenome` command: a thin argparse layer over the library."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from pmgenome import __version__
from pmgenome.commands.common import Exit

# Each name is a module pmgenome.commands.<name> with HELP, add_arguments() and run().
COMMANDS = ("validate", "schema", "path", "inspect", "enrich", "new", "links")



def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    args = parser.parse_args(argv)  # exits 2 with a usage message on bad arguments
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("pmgenome: interrupted", file=sys.stderr)
        return Exit.INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a message.
        sys.stderr.close()
        return Exit.OK
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        print(
            f"pmgenome: internal error: {type(error).__name__}: {error} "
            "(this is a bug; please report it with the command you ran)",
            file=sys.stderr,
        )
        return Exit.INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())

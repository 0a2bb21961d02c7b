"""``python -m tests.toy_kind.run kb|mkdocs ARGS…``: the generator's commands with the toy
kind registered, in one process (``kb build`` would start MkDocs in another)."""

from __future__ import annotations

import sys

import tests.toy_kind.notice  # noqa: F401 - registers the kind before the generator loads

if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "kb":
        from generator.cli.main import main

        sys.exit(main(args))
    from mkdocs.__main__ import cli

    cli(args)

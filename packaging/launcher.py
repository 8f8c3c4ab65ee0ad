"""Entry point of the desktop bundle: the command line, with the self-test answered first.

`--self-test` is handled before the command line is even imported, so a bundle that lost part of
the application still reports which check fails instead of dying on an import.
"""

from __future__ import annotations

import multiprocessing
import sys


def main() -> int:
    # spaCy may analyse in worker processes; a frozen program must route them here first.
    multiprocessing.freeze_support()
    if sys.argv[1:] == ["--self-test"]:
        from summitreader.selftest import run_self_test

        return run_self_test()
    from summitreader.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())

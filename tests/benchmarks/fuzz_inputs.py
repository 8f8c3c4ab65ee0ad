"""A long fuzzing run over every importer and the query parser; prints how many inputs were tried.

Usage: python tests/benchmarks/fuzz_inputs.py [EXAMPLES_PER_TARGET]   (default 2000)
Runs tests/robustness/test_fuzz_inputs.py with more examples: every input must give a result or
one clean error within the time limit.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    os.environ["SUMMITREADER_FUZZ_EXAMPLES"] = str(examples)
    module = Path(__file__).resolve().parents[1] / "robustness" / "test_fuzz_inputs.py"
    started = time.perf_counter()
    status = pytest.main(["-q", "-p", "no:cacheprovider", str(module)])
    tried = examples * 4 + examples * 2
    print(
        f"{tried} generated inputs ({examples} per importer, {examples * 2} queries) "
        f"in {time.perf_counter() - started:.0f} s: {'no failure' if status == 0 else 'FAILED'}"
    )
    return int(status)


if __name__ == "__main__":
    sys.exit(main())

"""One analyser (and one model load) for the whole nlp test session."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from summitreader.nlp import Analyser


@pytest.fixture(scope="session")
def analyser() -> Analyser:
    return Analyser()


@pytest.fixture(scope="session")
def rules_only() -> Analyser:
    return Analyser(use_model=False)


@pytest.fixture(scope="session")
def evaluation() -> ModuleType:
    """tests/benchmarks/eval_quotes.py, loaded by path (the tests folders are not packages)."""
    path = Path(__file__).parents[2] / "benchmarks" / "eval_quotes.py"
    spec = importlib.util.spec_from_file_location("eval_quotes", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module

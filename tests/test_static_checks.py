"""ruff (lint and format), mypy and sqlfluff (sql/, DuckDB dialect, .sqlfluff) are part of the
suite, so the one test command runs them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT

CHECKS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "."],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check", "."],
    "mypy": [sys.executable, "-m", "mypy", "dashboard", "data_pipeline"],
    "sqlfluff": [sys.executable, "-m", "sqlfluff", "lint", "sql", "--processes", "2"],
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_static_check_passes(name):
    result = subprocess.run(CHECKS[name], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

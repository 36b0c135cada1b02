"""Boundaries of the code base as tests (like datasette's documentation tests).

The app and the pipeline meet only at the release file; only the store module opens DuckDB;
every SK_* setting is documented; no module imports itself round a cycle; dashboard/ shows its
places as packages. Each rule is read from the source with `ast`, not from a list kept by hand.
"""

from __future__ import annotations

import ast
import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

PACKAGES = ("dashboard", "data_pipeline")


def modules(package: str) -> dict[str, Path]:
    """Dotted module name -> file, for every module of a package."""
    found = {}
    for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
        parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """Modules a file imports (`from a import b` counts as a.b when a.b is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


ALL = {**modules("dashboard"), **modules("data_pipeline")}


def test_the_app_never_imports_the_pipeline() -> None:
    offenders = {
        name: sorted(i for i in imports(path) if i.split(".")[0] == "data_pipeline")
        for name, path in modules("dashboard").items()
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_only_the_store_module_opens_duckdb() -> None:
    opening = sorted(
        name
        for name, path in modules("dashboard").items()
        if any(i.split(".")[0] == "duckdb" for i in imports(path))
    )
    assert opening == ["dashboard.store.db"]


def test_no_module_imports_itself_round_a_cycle() -> None:
    graph = {
        name: {i for i in imports(path, top_level_only=True) if i in ALL and i != name}
        for name, path in ALL.items()
    }
    # a package's __init__ imported for a submodule is not an edge back to the submodule
    graph = {
        name: {i for i in deps if not name.startswith(i + ".")} for name, deps in graph.items()
    }
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as cycle:
        pytest.fail(f"import cycle: {' -> '.join(cycle.args[1])}")


def test_dashboard_shows_its_places_as_packages() -> None:
    top = sorted(p.name for p in (PROJECT_ROOT / "dashboard").glob("*.py"))
    assert len(top) <= 8, top
    for package in ("api", "cases", "components", "figures", "indicators", "pages", "serving"):
        assert (PROJECT_ROOT / "dashboard" / package / "__init__.py").exists()
    for package in ("store", "text"):
        assert (PROJECT_ROOT / "dashboard" / package / "__init__.py").exists()


SETTING = re.compile(r"\bSK_[A-Z][A-Z0-9_]*\b")


def test_every_sk_setting_the_code_reads_is_documented() -> None:
    code = [*ALL.values(), PROJECT_ROOT / "gunicorn.conf.py"]
    read = {name for path in code for name in SETTING.findall(path.read_text(encoding="utf-8"))}
    documented = {
        name
        for doc in ("README.md", "docs/operations.md")
        for name in SETTING.findall((PROJECT_ROOT / doc).read_text(encoding="utf-8"))
    }
    assert len(read) > 5
    assert sorted(read - documented) == []

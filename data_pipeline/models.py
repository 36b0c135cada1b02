"""The SQL models and the steps between them, ordered by what each one reads (dbt's ref()).

Each `sql/<layer>/<name>.sql` file is one model: a select that creates the table
`<layer>.<name>`. Its inputs are the tables its SQL names (parsed with sqlglot, so a CTE is
not mistaken for a table). The build runs the models in an order taken from those references,
never from file names, and refuses before running anything when a model reads a table nobody
makes, reads a layer it may not read, or closes a cycle.

Python steps are nodes of the same graph, declared with what they read and write:
`core.fct_observation` (small counts suppressed across releases) is one.

Layers, and what each may read (a model may also read its own layer):
    raw      the loaded inputs (written by Python before any model runs)
    staging  reads raw          one cleaned table per input
    core     reads staging      dimensions, facts and intermediate tables
    marts    reads core         what the app and downloads read; a release holds only these
    queries  reads marts        sql/queries: the app's read-side queries (not run at build)
    (raw.previous_cells, raw.previous_history and raw.earlier_cells come from the releases
    already kept: Python writes them beside the inputs.)
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import sqlglot
from sqlglot import exp

from data_pipeline.errors import ModelFailed

LAYERS = ("staging", "core", "marts")
MAY_READ = {
    "staging": {"raw", "staging"},
    "core": {"staging", "core"},
    "marts": {"core", "marts"},
    "queries": {"marts", "information_schema"},  # the catalogue, filtered to marts
}


@dataclass(frozen=True)
class Model:
    """One node of the build: a SQL file, or a Python step that writes one table."""

    table: str  # "<layer>.<name>"
    reads: frozenset[str]
    path: Path | None = None  # the SQL file; None for a Python step
    run: Callable[..., None] | None = field(default=None, compare=False)

    @property
    def layer(self) -> str:
        return self.table.split(".", 1)[0]


def tables_read(sql: str, *, where: str) -> frozenset[str]:
    """'<schema>.<table>' of every table a statement names (CTEs and table functions aside).

    An unqualified name that is not a CTE is an error: a model says which layer it reads.
    """
    try:
        statement = sqlglot.parse_one(sql, dialect="duckdb")
    except sqlglot.errors.ParseError as error:
        raise ModelFailed(f"{where}: cannot be parsed: {error}") from error
    ctes = {cte.alias_or_name for cte in statement.find_all(exp.CTE)}
    found = set()
    for table in statement.find_all(exp.Table):
        if not table.name or isinstance(table.this, exp.Func):  # range(), unnest(), …
            continue
        if table.db:
            found.add(f"{table.db}.{table.name}")
        elif table.name not in ctes:
            raise ModelFailed(f"{where}: table '{table.name}' has no layer (write staging.…)")
    return frozenset(found)


def sql_models(sql_dir: Path, layers: Iterable[str] = LAYERS) -> list[Model]:
    """Every SQL model of the given layers, with the tables it reads."""
    return [
        Model(f"{layer}.{path.stem}", tables_read(path.read_text("utf-8"), where=_name(path)), path)
        for layer in layers
        for path in sorted((sql_dir / layer).glob("*.sql"))
    ]


def _name(path: Path) -> str:
    return f"sql/{path.parent.name}/{path.name}"


def layer_violations(models: Iterable[Model]) -> list[str]:
    """'<model> reads <table>' for every read outside the layers a model may read."""
    return [
        f"{model.table} reads {table}"
        for model in models
        for table in sorted(model.reads)
        if table.split(".", 1)[0] not in MAY_READ[model.layer]
    ]


def build_order(
    models: list[Model], raw_tables: Iterable[str], *, shuffle: random.Random | None = None
) -> list[Model]:
    """The models in an order where each runs after every table it reads is made.

    Among models that are ready at the same time the order is by name, or random when
    `shuffle` is given (a test proves the result does not depend on it).
    """
    made = {model.table: model for model in models}
    known = set(made) | {f"raw.{name}" for name in raw_tables}
    problems = layer_violations(models) + [
        f"{model.table} reads {table}, which no input or model makes"
        for model in models
        for table in sorted(model.reads - known)
    ]
    if problems:
        raise ModelFailed("; ".join(problems))
    graph = {model.table: {t for t in model.reads if t in made} for model in models}
    return [made[table] for table in _sorted(graph, shuffle)]


def _sorted(graph: dict[str, set[str]], shuffle: random.Random | None) -> Iterator[str]:
    sorter = TopologicalSorter(graph)
    try:
        sorter.prepare()
    except CycleError as error:
        cycle = " -> ".join(error.args[1])
        raise ModelFailed(f"models read each other in a cycle: {cycle}") from error
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        if shuffle is not None:
            shuffle.shuffle(ready)
        yield from ready
        sorter.done(*ready)

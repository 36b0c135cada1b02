"""Build a new store file: load inputs into raw.*, then run sql/staging -> core -> marts."""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import duckdb
import pandas as pd

from data_pipeline.errors import ModelFailed
from data_pipeline.history import kept_release_files, read_history
from data_pipeline.models import LAYERS, Model, build_order, sql_models
from data_pipeline.observations import GAP_COLUMNS, ObservationBatch, empty_frame
from data_pipeline.settings import PipelineSettings
from data_pipeline.sources import documented, reference, regions, sample
from data_pipeline.suppression import Earlier, suppress_small_cells

log = logging.getLogger(__name__)

PIPELINE_VERSION = version("sociaal-kompas")  # written once, in pyproject.toml

# A loader reads one kind of input and returns raw tables by name ("observations" and "sources"
# are stacked with the others'; any other name becomes raw.<name>). It gets the settings and the
# municipality reference list, and raises InputError for bad input.
InputLoader = Callable[[PipelineSettings, pd.DataFrame], dict[str, pd.DataFrame]]


def standard_loaders() -> tuple[InputLoader, ...]:
    """Loaders every build runs after the defaults, in order (later sources stack on top)."""
    from data_pipeline.sources import open_data
    from data_pipeline.sources.cases import loader as case_studies
    from data_pipeline.sources.cbs import statline as cbs_statline
    from data_pipeline.sources.imports import registrations

    return (
        case_studies.load_cases,
        open_data.load_open_data,
        cbs_statline.load_fetched,
        registrations.load_imports,
    )


def load_default_inputs(settings: PipelineSettings) -> dict[str, pd.DataFrame]:
    """Regions, the catalogue, documented figures (and, in a demo build, the sample)."""
    municipalities = regions.read_municipalities(settings.data_dir)
    catalogue = reference.read_catalogue(settings.data_dir)
    figures = documented.read_documented_figures(
        settings.data_dir / "documented" / "figures.csv",
        regions=set(municipalities["municipality_code"]),
        indicators=set(catalogue["indicators"]["indicator"]),
        documents=set(catalogue["documents"]["document"]),
    )
    generated = (
        sample.generate_sample(
            sample.regions_from_reference(municipalities),
            range(settings.first_year, settings.last_year + 1),
        )
        if settings.demo
        else ObservationBatch()
    )
    sources = pd.concat(
        [generated.sources, documented.document_sources(figures, catalogue["documents"])],
        ignore_index=True,
    )
    return {
        **catalogue,
        **regions.region_tables(settings.data_dir),
        "municipalities": municipalities,
        "provinces": reference.read_reference(settings.data_dir, "provinces"),
        "documented_figures": figures,
        "observations": generated.observations,
        "sources": sources,
        "coverage_gaps": empty_frame(GAP_COLUMNS),
    }


def load_all_inputs(
    settings: PipelineSettings, extra_loaders: tuple[InputLoader, ...] = ()
) -> dict[str, pd.DataFrame]:
    """Defaults plus every standard and extra loader: all raw tables of one build."""
    inputs = load_default_inputs(settings)
    for loader in (*standard_loaders(), *extra_loaders):
        merge_inputs(inputs, loader(settings, inputs["municipalities"]))
    return inputs


STACKED = ("observations", "sources", "coverage_gaps")  # every loader adds to these


def merge_inputs(base: dict[str, pd.DataFrame], extra: dict[str, pd.DataFrame]) -> None:
    """Add an extra loader's tables; observations and sources are stacked, others added."""
    if not extra:
        return
    for name, frame in extra.items():
        if name in STACKED and name in base:
            base[name] = pd.concat([base[name], frame], ignore_index=True)
        else:
            base[name] = frame
    base["sources"] = base["sources"].drop_duplicates("source_id", keep="last")


def build_store(
    settings: PipelineSettings,
    target: Path,
    *,
    release_id: str = "",
    previous: Path | None = None,
    extra_loaders: tuple[InputLoader, ...] = (),
    inputs: dict[str, pd.DataFrame] | None = None,
    order: random.Random | None = None,
) -> Path:
    """Write a complete store to `target` (replaced if present) and return its path.

    `release_id` names the release being built; `previous` is the current release, which the
    build compares itself with (what changed) without modifying it. The models run in the
    order their references give (`order` shuffles models that are ready together: tests).
    """
    if inputs is None:
        inputs = load_all_inputs(settings, extra_loaders)
    target.unlink(missing_ok=True)
    with duckdb.connect(str(target)) as connection:
        for schema in ("raw", *LAYERS):
            connection.execute(f"create schema {schema}")
        inputs["build_info"] = _build_info(settings, release_id)
        for name, frame in inputs.items():
            _write_table(connection, f"raw.{name}", frame)
        earlier = _earlier_releases(connection, previous)
        _copy_previous_release(connection, previous)
        steps = [*sql_models(settings.sql_dir), _suppression_step(settings, earlier)]
        raw_tables = [row[0] for row in connection.execute(RAW_TABLES).fetchall()]
        for model in build_order(steps, raw_tables, shuffle=order):
            _run_model(connection, model)
        connection.execute("checkpoint")
    return target


RAW_TABLES = "select table_name from information_schema.tables where table_schema = 'raw'"


def _suppression_step(settings: PipelineSettings, earlier: Earlier) -> Model:
    """core.fct_observation is written by Python (the suppression needs a solver's care, not a
    select): a named step of the model graph, run once the tables it reads are made."""
    return Model(
        "core.fct_observation",
        reads=frozenset(
            {"core.int_observation_resolved", "core.dim_category", "core.int_region_hierarchy"}
        ),
        run=lambda connection: _write_suppressed_facts(
            connection, settings.suppression_threshold, earlier
        ),
    )


def _run_model(connection: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Create one model's table (from its SQL file or its Python step) and log its size."""
    started = time.perf_counter()
    where = f"sql/{model.layer}/{model.path.name}" if model.path else model.table
    try:
        if model.run is not None:
            model.run(connection)
        else:
            assert model.path is not None
            connection.execute(f"create table {model.table} as {model.path.read_text('utf-8')}")
    except duckdb.Error as error:
        raise ModelFailed(f"{where}: {error}") from error
    rows = connection.execute(f"select count(*) from {model.table}").fetchall()[0]
    log.info("%s: %s rows, %.2fs", model.table, rows[0], time.perf_counter() - started)


PREVIOUS_CELLS = (  # what the previous release published (its public mart, as published)
    "select indicator, municipality_code, year, category, value, is_suppressed "
    "from previous.marts.mart_indicator_measure where measure = 'as_published'"
)
PREVIOUS_HISTORY = (
    "select release_id, built_at, cells_added, cells_revised, cells_removed, indicators "
    "from previous.marts.mart_release_history"
)


def _copy_previous_release(connection: duckdb.DuckDBPyConnection, previous: Path | None) -> None:
    """raw.previous_cells and raw.previous_history: what the current release holds, so the new
    one can say what changed. A missing or older-format release just gives empty tables."""
    connection.execute(
        "create table raw.previous_cells (indicator varchar, municipality_code varchar, "
        "year integer, category varchar, value double, is_suppressed boolean)"
    )
    connection.execute(
        "create table raw.previous_history (release_id varchar, built_at varchar, "
        "cells_added bigint, cells_revised bigint, cells_removed bigint, indicators varchar)"
    )
    if previous is None or not previous.exists():
        return
    connection.execute("attach $path as previous (read_only)", {"path": str(previous)})
    try:
        for table, sql in (
            ("previous_cells", PREVIOUS_CELLS),
            ("previous_history", PREVIOUS_HISTORY),
        ):
            try:
                connection.execute(f"insert into raw.{table} by name {sql}")
            except duckdb.Error as missing:  # an older release without that table
                log.info("previous release has no %s: %s", table, missing)
    finally:
        connection.execute("detach previous")


def _build_info(settings: PipelineSettings, release_id: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "release_id": release_id,
                "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "pipeline_version": PIPELINE_VERSION,
                # random per build: a cache shared by several servers must never take one
                # store's release '2026-11-25.1' for another's
                "build_id": uuid.uuid4().hex,
                "suppression_threshold": settings.suppression_threshold,
                "is_demo_build": settings.demo,
            }
        ]
    )


def _write_table(connection: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    connection.register("incoming_frame", frame)
    connection.execute(f"create table {name} as select * from incoming_frame")
    connection.unregister("incoming_frame")


def _earlier_releases(connection: duckdb.DuckDBPyConnection, previous: Path | None) -> Earlier:
    """The cells every kept release hides or publishes; kept in raw.earlier_cells so the audit
    can check this release together with them."""
    history = read_history(kept_release_files(previous))
    rows = [(*cell, True) for cell in history.hidden] + [
        (*cell, False) for cell in history.published
    ]
    frame = pd.DataFrame(
        rows, columns=["indicator", "municipality_code", "year", "category", "is_hidden"]
    ).astype({"year": "int64", "is_hidden": "bool"})
    _write_table(connection, "raw.earlier_cells", frame)
    return Earlier(frozenset(history.hidden), frozenset(history.published))


def _write_suppressed_facts(
    connection: duckdb.DuckDBPyConnection, threshold: int, earlier: Earlier
) -> None:
    """core.fct_observation: resolved observations with small people counts suppressed, in
    this release together with every release a pinned link can still open."""
    resolved = connection.execute("select * from core.int_observation_resolved").df()
    facts = suppress_small_cells(
        resolved,
        threshold=threshold,
        categories=_people_count_categories(connection),
        hierarchy=_region_hierarchy(connection),
        earlier=earlier,
    )
    _write_table(connection, "core.fct_observation", facts)


def _people_count_categories(connection: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Indicators whose breakdowns count people (declared in the catalogue), with their parts."""
    rows = connection.execute(
        "select indicator, list(category order by sort_order) filter (where not is_total) "
        "from core.dim_category where is_people_count group by indicator"
    ).fetchall()
    return {indicator: list(parts or []) for indicator, parts in rows}


def _region_hierarchy(
    connection: duckdb.DuckDBPyConnection,
) -> list[tuple[str, int | None, list[str]]]:
    """Each parent region, the year (None: every year) and the regions that add up to it."""
    rows = connection.execute(
        "select parent, year, children from core.int_region_hierarchy"
    ).fetchall()
    return [(parent, year, list(children)) for parent, year, children in rows]

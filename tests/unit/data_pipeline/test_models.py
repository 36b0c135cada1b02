"""The model graph: order from references, never from file names; layers read only below."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_pipeline.errors import ModelFailed
from data_pipeline.models import Model, build_order, layer_violations, sql_models, tables_read

SQL_DIR = Path(__file__).parents[3] / "sql"


def model(table: str, *reads: str) -> Model:
    return Model(table, frozenset(reads))


def test_a_model_reads_the_tables_it_names_not_its_ctes() -> None:
    sql = """
        with cases as (select * from staging.stg_cases),
        themes as (select case_id from core.fct_case_theme)
        select * from cases join themes using (case_id), range(3)
    """
    assert tables_read(sql, where="x") == {"staging.stg_cases", "core.fct_case_theme"}


def test_a_table_without_a_layer_is_refused() -> None:
    with pytest.raises(ModelFailed, match="'stg_cases' has no layer"):
        tables_read("select * from stg_cases", where="sql/core/dim_case.sql")


def test_the_order_follows_references_not_names() -> None:
    models = [
        model("marts.a_headline", "marts.z_measure"),
        model("marts.z_measure", "core.fct"),
        model("core.fct", "staging.stg"),
        model("staging.stg", "raw.input"),
    ]
    order = [m.table for m in build_order(models, ["input"])]
    assert order == ["staging.stg", "core.fct", "marts.z_measure", "marts.a_headline"]


def test_a_cycle_an_unknown_table_and_a_skipped_layer_are_refused_before_anything_runs() -> None:
    with pytest.raises(ModelFailed, match="cycle"):
        build_order([model("core.a", "core.b"), model("core.b", "core.a")], [])
    with pytest.raises(ModelFailed, match="core.a reads staging.gone, which no input"):
        build_order([model("core.a", "staging.gone")], [])
    with pytest.raises(ModelFailed, match="marts.m reads raw.input"):
        build_order([model("marts.m", "raw.input")], ["input"])


def test_every_model_and_query_of_the_project_reads_only_the_layer_below() -> None:
    models = sql_models(SQL_DIR)
    queries = sql_models(SQL_DIR, ["queries"])
    assert layer_violations(models) == []
    assert layer_violations(queries) == []
    assert len(models) > 50 and len(queries) > 20
    assert layer_violations([model("queries.q", "core.dim_case")]) == [
        "queries.q reads core.dim_case"
    ]

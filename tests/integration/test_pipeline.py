"""The pipeline on fixture inputs: values, suppression, provenance, and write-audit-publish."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from data_pipeline.build import build_store
from data_pipeline.checks import Check, run_checks
from data_pipeline.cli import cli
from data_pipeline.errors import CheckFailed, InputError, ModelFailed
from data_pipeline.publish import build_audit_publish
from tests.conftest import fixture_observations_loader, fixture_settings, work_file


def query(store: Path, sql: str, **params: object) -> list[tuple]:
    with duckdb.connect(str(work_file(store)), read_only=True) as connection:
        return connection.execute(sql, params).fetchall()


def kpi(store: Path, code: str, year: int, name: str) -> tuple:
    return query(
        store,
        "select value, rate, is_demo from marts.mart_kpi_headline "
        "where municipality_code = $c and year = $y and kpi = $k",
        c=code,
        y=year,
        k=name,
    )[0]


def test_headline_kpis_are_computed_from_the_inputs(store, fixture_value):
    clients = fixture_value("youth_care_clients", "GM0351", 2022, "total")
    share = fixture_value("youth_care_share_pct", "GM0351", 2022, "total")
    # the rate is CBS's own share of young people (under 23), never a count over 0-17s
    assert kpi(store, "GM0351", 2022, "youth_care_clients")[:2] == (clients, share)
    gp = fixture_value("youth_care_trajectories", "GM0351", 2022, "gp")
    total = fixture_value("youth_care_trajectories", "GM0351", 2022, "total")
    assert kpi(store, "GM0351", 2022, "gp_referral_share")[0] == round(100 * gp / total, 1)
    spend = sum(
        fixture_value("youth_spend_eur", "GM0351", 2022, c)
        for c in ("without_accommodation", "with_accommodation", "protection_probation")
    )
    inhabitants = fixture_value("population", "GM0351", 2022, "total")
    assert kpi(store, "GM0351", 2022, "youth_spend")[:2] == (spend, round(spend / inhabitants, 2))
    budget = query(
        store,
        "select reference_value from marts.mart_kpi_headline where municipality_code = 'GM0351' "
        "and year = 2022 and kpi = 'youth_spend'",
    )[0][0]
    assert budget is None  # the inputs have no budget for Woudenberg: none is made up


def test_fixture_values_are_not_sample_but_generated_ones_are(store):
    assert kpi(store, "GM0351", 2022, "youth_care_clients")[2] is False
    assert kpi(store, "GM0327", 2022, "youth_care_clients")[2] is True  # Leusden: sample only


def test_changes_against_previous_year_and_2018(store, fixture_value):
    rows = query(
        store,
        "select value_previous_year, value_baseline from marts.mart_kpi_headline "
        "where municipality_code = 'GM0351' and year = 2022 "
        "and kpi = 'youth_care_clients'",
    )
    assert rows == [
        (
            fixture_value("youth_care_clients", "GM0351", 2021, "total"),
            fixture_value("youth_care_clients", "GM0351", 2018, "total"),
        )
    ]


def test_small_cells_are_suppressed_in_the_store_with_secondary_suppression(store, fixture_value):
    probation = fixture_value("youth_care_clients", "GM0351", 2022, "juvenile_probation")
    assert 0 < probation < 10  # the fixture has a small cell here
    rows = dict(
        query(
            store,
            "select category, value from core.fct_observation "
            "where indicator = 'youth_care_clients' and municipality_code = 'GM0351' "
            "and year = 2022",
        )
    )
    assert rows["juvenile_probation"] is None
    hidden = [category for category, value in rows.items() if value is None]
    assert len(hidden) == 2  # one primary plus one secondary
    assert query(
        store,
        "select count(*) from marts.mart_indicator_measure where value > 0 "
        "and value < 10 and measure = 'as_published' "
        "and indicator in ('youth_care_clients', 'youth_care_trajectories')",
    ) == [(0,)]


def test_every_value_has_a_source_record(store):
    assert query(
        store,
        "select count(*) from core.fct_observation anti join core.dim_source using (source_id)",
    ) == [(0,)]
    assert query(
        store, "select count(*) from core.dim_source where publisher is null or title is null"
    ) == [(0,)]


def test_all_checks_pass_on_the_fixture_store(store):
    assert run_checks(work_file(store)) == []


def publish(settings, *loaders):
    """Build, check and publish a release from `settings` (plus extra loaders)."""
    return build_audit_publish(
        settings.db_path,
        lambda target, release_id, previous: build_store(
            settings, target, release_id=release_id, previous=previous, extra_loaders=loaders
        ),
    )


def published_bytes(settings) -> bytes:
    """The bytes of the current release (what the app serves)."""
    return settings.db_path.resolve().read_bytes()


@pytest.fixture()
def live_store(tmp_path):
    settings = fixture_settings(tmp_path)
    publish(settings, fixture_observations_loader)
    return settings


def test_malformed_input_names_file_row_field_and_leaves_live_store(live_store):
    before, current = published_bytes(live_store), live_store.db_path.resolve()
    figures = live_store.data_dir / "documented" / "figures.csv"
    lines = figures.read_text().splitlines()
    lines[1] = lines[1].replace("GM0351", "GM9999", 1)
    figures.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError) as raised:
        publish(live_store)
    assert "figures.csv, regel 2, veld 'municipality_code': onbekende gemeentecode 'GM9999'" in str(
        raised.value
    )
    assert live_store.db_path.resolve() == current and published_bytes(live_store) == before
    assert not list(live_store.db_path.parent.rglob("*.building*"))


def test_failing_check_leaves_live_store(live_store, monkeypatch):
    before, current = published_bytes(live_store), live_store.db_path.resolve()
    failing = [Check("core.fct_observation", "always fails", "select 1")]
    monkeypatch.setattr("data_pipeline.publish.run_checks", lambda p: run_checks(p, failing))
    with pytest.raises(CheckFailed, match="always fails"):
        publish(live_store)
    assert live_store.db_path.resolve() == current and published_bytes(live_store) == before


def test_cli_run_publishes_and_reports_bad_input_with_exit_1(tmp_path):
    settings = fixture_settings(tmp_path)
    runner = CliRunner()
    args = ["run", "--db", str(settings.db_path), "--data-dir", str(settings.data_dir)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert settings.db_path.exists()
    before = published_bytes(settings)
    categories = settings.data_dir / "reference" / "categories.csv"
    categories.write_text(categories.read_text().replace("label_nl", "label", 1))
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert "categories.csv, regel 1, veld 'label_nl': kolom ontbreekt" in result.output
    assert published_bytes(settings) == before


def test_cli_usage_error_exits_2():
    assert CliRunner().invoke(cli, ["run", "--no-such-option"]).exit_code == 2


def test_store_is_rebuilt_identically_apart_from_build_time(tmp_path):
    settings = fixture_settings(tmp_path)
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    build_store(settings, first)
    build_store(settings, second)
    sql = "select * from core.fct_observation order by all"
    assert query(first, sql) == query(second, sql)
    shutil.rmtree(settings.data_dir)


def test_models_run_in_any_order_their_references_allow_and_build_the_same_store(tmp_path):
    """The build order comes from what each model reads: shuffling the models that are ready
    together (and so the file-name order) gives the same marts, cell for cell."""
    import random

    settings = fixture_settings(tmp_path)
    stores = [tmp_path / f"{seed}.duckdb" for seed in ("names", 1, 2)]
    build_store(settings, stores[0])
    for seed, target in zip((1, 2), stores[1:], strict=True):
        build_store(settings, target, order=random.Random(seed))
    marts = [row[0] for row in query(stores[0], PUBLIC_MARTS)]
    assert len(marts) > 20
    for mart in marts:
        varying = ", ".join(c for c in ("built_at", "build_id") if c in columns(stores[0], mart))
        sql = f"select * {f'exclude ({varying})' if varying else ''} from marts.{mart} order by all"
        contents = [query(store, sql) for store in stores]
        assert contents[0] == contents[1] == contents[2], mart


PUBLIC_MARTS = (
    "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
)


def columns(store: Path, table: str) -> set[str]:
    sql = f"select column_name from information_schema.columns where table_name = '{table}'"
    return {row[0] for row in query(store, sql)}


def test_broken_sql_model_names_the_file_and_publishes_nothing(live_store, tmp_path):
    before = published_bytes(live_store)
    sql_dir = tmp_path / "sql"
    shutil.copytree(live_store.sql_dir, sql_dir)
    (sql_dir / "marts" / "mart_zz_broken.sql").write_text(
        "select missing_column from core.dim_case"
    )
    broken = replace(live_store, sql_dir=sql_dir)
    with pytest.raises(ModelFailed, match="sql/marts/mart_zz_broken.sql"):
        publish(broken)
    assert published_bytes(live_store) == before


def test_checks_catch_a_hidden_cell_that_could_be_subtracted_out(store, tmp_path):
    broken = tmp_path / "broken.duckdb"
    shutil.copy(work_file(store), broken)
    with duckdb.connect(str(broken)) as connection:
        # Un-hide one of the two hidden cells of a breakdown: the other becomes recoverable.
        connection.execute(
            "update core.fct_observation set value = 20, is_suppressed = false, cell_symbol = null "
            "where indicator = 'youth_care_clients' and municipality_code = 'GM0351' "
            "and year = 2018 and category = 'foster_care' and is_suppressed"
        )
    failures = run_checks(broken)
    assert any("can be recovered" in failure for failure in failures), failures


def test_a_release_file_holds_only_what_pages_and_downloads_read(store):
    """The published file has the marts (small counts already hidden) and nothing else: no raw
    observations, no staging, no core tables where a hidden 5 would still be a 5."""
    with duckdb.connect(str(store), read_only=True) as connection:
        schemas = {
            row[0]
            for row in connection.execute("select schema_name from duckdb_tables()").fetchall()
        }
        hidden = connection.execute(
            "select count(*) from marts.mart_indicator_measure where is_suppressed "
            "and value is not null"
        ).fetchall()[0][0]
    assert schemas == {"marts"} and hidden == 0
    assert work_file(store).exists() and "releases" not in work_file(store).parts

"""The import command: a valid file is kept and published; a bad one changes nothing."""

from __future__ import annotations

import duckdb
from click.testing import CliRunner

from data_pipeline.cli import cli
from tests.conftest import fixture_settings, work_file


def invoke(settings, *args: str):
    env = {"SK_RAW_DIR": str(settings.raw_dir), "SK_IMPORTS_DIR": str(settings.imports_dir)}
    common = ["--db", str(settings.db_path), "--data-dir", str(settings.data_dir)]
    return CliRunner().invoke(cli, [*args, *common], env=env)


def test_valid_import_is_published_with_its_own_source(tmp_path):
    settings = fixture_settings(tmp_path)
    assert invoke(settings, "run").exit_code == 0
    file = tmp_path / "vrijwilligers.csv"
    file.write_text(
        "gemeentecode;jaar;soort;werkveld;aantal\nGM0327;2021;vrijwilliger;totaal;333\n",
        encoding="utf-8",
    )
    result = invoke(settings, "import", "vrijwilligers", str(file), "--leverancier", "Gemeente")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(work_file(settings.db_path)), read_only=True) as connection:
        value, is_demo, publisher, reference = connection.execute(
            "select f.value, f.is_demo, s.publisher, s.reference from core.fct_observation f "
            "join core.dim_source s using (source_id) where f.indicator = 'volunteers_registered'"
            " and f.municipality_code = 'GM0327' and f.year = 2021 and f.category = 'total'"
        ).fetchone()
    assert (value, is_demo, publisher, reference) == (333, False, "Gemeente", "vrijwilligers.csv")


def test_invalid_import_lists_problems_and_changes_nothing(tmp_path):
    settings = fixture_settings(tmp_path)
    assert invoke(settings, "run").exit_code == 0
    before = settings.db_path.resolve().read_bytes()
    file = tmp_path / "uitgaven.csv"
    file.write_text(
        "gemeentecode;jaar;categorie;begroot_eur;gerealiseerd_eur\n"
        "GM9999;2021;jeugdhulp_met_verblijf;10;10\n"
        "GM0351;2021;onbekend;10;10\n",
        encoding="utf-8",
    )
    result = invoke(settings, "import", "uitgaven", str(file), "--leverancier", "Gemeente")
    assert result.exit_code == 1
    assert "uitgaven.csv, regel 2, veld 'gemeentecode'" in result.output
    assert "uitgaven.csv, regel 3, veld 'categorie'" in result.output
    assert settings.db_path.resolve().read_bytes() == before
    assert not settings.imports_dir.exists() or not list(settings.imports_dir.rglob("*.csv"))

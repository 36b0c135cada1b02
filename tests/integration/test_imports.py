"""The import command: a valid file is kept and published; a bad one changes nothing."""

from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner

from data_pipeline.cli import cli
from data_pipeline.settings import PROJECT_ROOT, PipelineSettings
from tests.conftest import fixture_settings, work_file

TEMPLATES = PROJECT_ROOT / "data" / "templates"


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


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.csv")))
def test_every_shipped_template_imports_into_the_default_data(tmp_path, template):
    """The templates the Gegevens page hands out import as they are, onto the real data."""
    settings = PipelineSettings(
        db_path=tmp_path / "store.duckdb",
        raw_dir=tmp_path / "raw",
        imports_dir=tmp_path / "imports",
    )
    env = {"SK_RAW_DIR": str(settings.raw_dir), "SK_IMPORTS_DIR": str(settings.imports_dir)}
    common = ["--db", str(settings.db_path)]
    assert CliRunner().invoke(cli, ["run", *common], env=env).exit_code == 0
    kind = template.removesuffix(".csv")
    result = CliRunner().invoke(
        cli, ["import", kind, str(TEMPLATES / template), "--leverancier", "Test", *common], env=env
    )
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(settings.db_path), read_only=True) as connection:
        rows = connection.execute(
            "select indicator, value, status from marts.mart_indicator_measure "
            "where municipality_code = 'GM0351' and year = 2024 and category = 'total' "
            "and measure = 'as_published' and status = 'imported'"
        ).fetchall()
    assert rows and all(value is not None for _, value, _ in rows), rows


def test_a_small_buddy_count_is_hidden_like_any_count_of_people(tmp_path):
    """A buddy supports one resident: 6 buddies are 6 supported people, hidden as 'x'."""
    settings = fixture_settings(tmp_path)
    assert invoke(settings, "run").exit_code == 0
    file = tmp_path / "vrijwilligers.csv"
    file.write_text(
        "gemeentecode;jaar;soort;werkveld;aantal\nGM0351;2021;maatje;totaal;6\n", encoding="utf-8"
    )
    assert (
        invoke(settings, "import", "vrijwilligers", str(file), "--leverancier", "X").exit_code == 0
    )
    with duckdb.connect(str(settings.db_path), read_only=True) as connection:
        value, symbol = connection.execute(
            "select value, cell_symbol from marts.mart_indicator_measure "
            "where indicator = 'buddies_registered' and municipality_code = 'GM0351' "
            "and year = 2021 and measure = 'as_published'"
        ).fetchone()
    assert value is None and symbol == "x"


def test_an_xlsx_import_works_end_to_end(tmp_path):
    """A plain workbook as openpyxl (or Excel) writes it: kept under another name, read by its
    content, numeric cells taken as numbers."""
    from openpyxl import Workbook

    settings = fixture_settings(tmp_path)
    assert invoke(settings, "run").exit_code == 0
    book = Workbook()
    sheet = book.active
    sheet.append(["gemeentecode", "jaar", "categorie", "begroot_eur", "gerealiseerd_eur"])
    for category, amount in (
        ("jeugdhulp_zonder_verblijf", 1234567.5),
        ("jeugdhulp_met_verblijf", 100000),
        ("jeugdbescherming_reclassering", 0.125),
    ):
        sheet.append(["GM0327", 2023, category, None, amount])
    path = tmp_path / "grootboek.xlsx"
    book.save(path)
    result = invoke(settings, "import", "uitgaven", str(path), "--leverancier", "Gemeente")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(settings.db_path), read_only=True) as connection:
        value = connection.execute(
            "select value from marts.mart_indicator_measure where indicator = 'youth_spend_eur' "
            "and municipality_code = 'GM0327' and year = 2023 and category = 'total' "
            "and measure = 'as_published'"
        ).fetchall()[0][0]
    assert value == 1234567.5 + 100000 + 0.125

"""Local registration files: messy-but-valid files load, bad ones report every problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from data_pipeline.errors import InputError
from data_pipeline.sources.local_files import parse_amount, read_spend, read_volunteers

KNOWN = {"GM0351", "GM0345"}
OPTIONS = {
    "known_municipalities": KNOWN,
    "first_year": 2015,
    "last_year": 2026,
    "supplier": "Coöperatie De Kleine Schans",
    "imported_at": "2026-11-24T10:00:00+00:00",
}


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def values(batch, indicator: str) -> dict[tuple, float]:
    obs = batch.observations[batch.observations["indicator"] == indicator]
    return {(r.municipality_code, r.year, r.category): r.value for r in obs.itertuples()}


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.234.567,89", 1234567.89),
        ("1234567.89", 1234567.89),
        ("€ 1.234", 1234.0),
        ("1 234", 1234.0),
        ("12,5", 12.5),
        ("1,234.50", 1234.5),
    ],
)
def test_amounts_as_people_write_them(raw, value):
    assert parse_amount(raw) == value


def test_semicolon_cp1252_decimal_comma_spend_file(tmp_path):
    path = write(
        tmp_path,
        "uitgaven.csv",
        "Gemeentecode;Jaar;Categorie;Begroot_EUR;Gerealiseerd_EUR\r\n"
        "GM0351;2023;jeugdhulp_zonder_verblijf;€ 2.300.000;2.215.400,50\r\n"
        "GM0351;2023;wmo_begeleiding;1.400.000;\r\n\r\n",
        encoding="cp1252",
    )
    batch = read_spend(path, **OPTIONS)
    assert values(batch, "youth_spend_eur") == {
        ("GM0351", 2023, "without_accommodation"): 2215400.5,
        ("GM0351", 2023, "total"): 2215400.5,
    }
    assert values(batch, "youth_budget_eur")[("GM0351", 2023, "total")] == 2300000
    assert values(batch, "wmo_budget_eur")[("GM0351", 2023, "total")] == 1400000
    source = batch.sources.iloc[0]
    assert source["kind"] == "import" and source["publisher"] == OPTIONS["supplier"]
    assert (
        source["reference"] == "uitgaven.csv" and source["retrieved_at"] == OPTIONS["imported_at"]
    )


def test_comma_separated_utf8_bom_volunteers_with_derived_total(tmp_path):
    path = write(
        tmp_path,
        "vrijwilligers.csv",
        "\ufeffgemeentecode,jaar,soort,werkveld,aantal\n"
        "GM0351,2024,vrijwilliger,jeugd,25\nGM0351,2024,vrijwilliger,wmo,60\n"
        "GM0351,2024,maatje,,18\n",
    )
    batch = read_volunteers(path, **OPTIONS)
    assert values(batch, "volunteers_registered") == {
        ("GM0351", 2024, "youth"): 25,
        ("GM0351", 2024, "wmo"): 60,
        ("GM0351", 2024, "total"): 25 + 60,
    }
    assert values(batch, "buddies_registered") == {("GM0351", 2024, "total"): 18}


def test_xlsx_file(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["gemeentecode", "jaar", "soort", "werkveld", "aantal"])
    sheet.append(["GM0345", 2022, "vrijwilliger", "totaal", 540])
    workbook.save(tmp_path / "vrijwilligers.xlsx")
    batch = read_volunteers(tmp_path / "vrijwilligers.xlsx", **OPTIONS)
    assert values(batch, "volunteers_registered") == {("GM0345", 2022, "total"): 540}


def test_every_problem_is_reported_with_row_and_field(tmp_path):
    path = write(
        tmp_path,
        "vrijwilligers.csv",
        "gemeentecode;jaar;soort;werkveld;aantal\n"
        "GM9999;2024;vrijwilliger;jeugd;25\n"  # row 2: unknown code
        "GM0351;2031;vrijwilliger;jeugd;25\n"  # row 3: year out of range
        "GM0351;2024;vrijwilliger;sport;5\n"  # row 4: unknown field
        "GM0351;2024;vrijwilliger;wmo;-3\n"  # row 5: negative
        "GM0351;2024;maatje;jeugd;4\n"  # row 6: buddies by field
        "GM0351;2023;vrijwilliger;jeugd;twaalf\n"  # row 7: not a number
        "GM0351;2022;vrijwilliger;jeugd;10\n"
        "GM0351;2022;vrijwilliger;jeugd;11\n"  # row 9: duplicate of row 8
        ";2022;vrijwilliger;jeugd;1\n",
    )  # row 10: missing code
    with pytest.raises(InputError) as raised:
        read_volunteers(path, **OPTIONS)
    messages = str(raised.value).splitlines()
    expected = [
        "vrijwilligers.csv, row 2, field 'gemeentecode': unknown municipality code 'GM9999'",
        "vrijwilligers.csv, row 3, field 'jaar': year 2031 outside 2015-2026",
        "vrijwilligers.csv, row 4, field 'werkveld': unknown value 'sport'",
        "vrijwilligers.csv, row 5, field 'aantal': negative value -3",
        "vrijwilligers.csv, row 6, field 'werkveld': buddies (maatje) are counted in total only",
        "vrijwilligers.csv, row 7, field 'aantal': not a number: 'twaalf'",
        "vrijwilligers.csv, row 9, field 'gemeentecode, jaar, soort, werkveld': duplicate of row 8",
        "vrijwilligers.csv, row 10, field 'gemeentecode': missing value",
    ]
    for line in expected:
        assert any(message.startswith(line) for message in messages), line
    assert len(messages) == len(expected)


def test_wrong_template_is_reported_once_per_column(tmp_path):
    path = write(tmp_path, "uitgaven.csv", "gemeente;jaar;categorie;bedrag\nGM0351;2022;x;1\n")
    with pytest.raises(InputError) as raised:
        read_spend(path, **OPTIONS)
    text = str(raised.value)
    assert "row 1, field 'gemeentecode': missing column" in text
    assert "row 1, field 'bedrag': unknown column" in text


def test_fields_exceeding_the_total_are_rejected(tmp_path):
    path = write(
        tmp_path,
        "v.csv",
        "gemeentecode;jaar;soort;werkveld;aantal\n"
        "GM0351;2024;vrijwilliger;totaal;50\nGM0351;2024;vrijwilliger;jeugd;60\n",
    )
    with pytest.raises(InputError, match="row 2, field 'aantal': fields add up to 60"):
        read_volunteers(path, **OPTIONS)


def test_empty_file_is_a_problem(tmp_path):
    path = write(tmp_path, "v.csv", "gemeentecode;jaar;soort;werkveld;aantal\n")
    with pytest.raises(InputError, match="no data rows"):
        read_volunteers(path, **OPTIONS)

"""Local registration files: messy-but-valid files load, bad ones report every problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from data_pipeline.errors import InputError
from data_pipeline.sources.imports import file_rows
from data_pipeline.sources.imports.checks import MAX_PER_FIELD, parse_amount
from data_pipeline.sources.imports.local_files import read_spend, read_volunteers

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
    # one part of three is no total: the part is kept, the total is missing and says why
    assert values(batch, "youth_spend_eur") == {
        ("GM0351", 2023, "without_accommodation"): 2215400.5,
    }
    assert values(batch, "youth_budget_eur") == {("GM0351", 2023, "without_accommodation"): 2300000}
    gaps = batch.gaps.set_index("indicator")
    assert gaps.loc["youth_spend_eur", "reason"] == "incomplete"
    assert gaps.loc["youth_spend_eur", "detail"] == (
        "jeugdhulp met verblijf, jeugdbescherming reclassering"
    )
    assert "wmo begeleiding" not in gaps.loc["wmo_budget_eur", "detail"]
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
        "vrijwilligers.csv, regel 2, veld 'gemeentecode': onbekende gemeentecode 'GM9999'",
        "vrijwilligers.csv, regel 3, veld 'jaar': jaar 2031 ligt buiten 2015-2026",
        "vrijwilligers.csv, regel 4, veld 'werkveld': onbekende waarde 'sport'",
        "vrijwilligers.csv, regel 5, veld 'aantal': negatief getal -3",
        "vrijwilligers.csv, regel 6, veld 'werkveld': maatjes tellen alleen als totaal",
        "vrijwilligers.csv, regel 7, veld 'aantal': geen getal: 'twaalf'",
        "vrijwilligers.csv, regel 9, veld 'gemeentecode, jaar, soort, werkveld': "
        "dubbel: staat ook op regel 8",
        "vrijwilligers.csv, regel 10, veld 'gemeentecode': waarde ontbreekt",
    ]
    for line in expected:
        assert any(message.startswith(line) for message in messages), line
    assert len(messages) == len(expected)


def test_wrong_template_is_reported_once_per_column(tmp_path):
    path = write(tmp_path, "uitgaven.csv", "gemeente;jaar;categorie;bedrag\nGM0351;2022;x;1\n")
    with pytest.raises(InputError) as raised:
        read_spend(path, **OPTIONS)
    text = str(raised.value)
    assert "regel 1, veld 'gemeentecode': kolom ontbreekt" in text
    assert "regel 1, veld 'bedrag': onbekende kolom" in text


def test_fields_exceeding_the_total_are_rejected(tmp_path):
    path = write(
        tmp_path,
        "v.csv",
        "gemeentecode;jaar;soort;werkveld;aantal\n"
        "GM0351;2024;vrijwilliger;totaal;50\nGM0351;2024;vrijwilliger;jeugd;60\n",
    )
    with pytest.raises(InputError, match="regel 2, veld 'aantal': de werkvelden tellen op tot 60"):
        read_volunteers(path, **OPTIONS)


def test_empty_file_is_a_problem(tmp_path):
    path = write(tmp_path, "v.csv", "gemeentecode;jaar;soort;werkveld;aantal\n")
    with pytest.raises(InputError, match="geen gegevensregels"):
        read_volunteers(path, **OPTIONS)


HEADER = "gemeentecode;jaar;soort;werkveld;aantal\n"


@pytest.mark.parametrize(
    "raw", ["nan", "inf", "-inf", "1e309", "1_000", "1e3", "0x10", "12,5,3.1", "--1"]
)
def test_non_numbers_are_not_amounts(raw):
    with pytest.raises(ValueError):
        parse_amount(raw)


@pytest.mark.parametrize("raw", ["nan", "inf", "1e309", "1_000"])
def test_non_finite_or_malformed_amounts_are_named_with_row_and_field(tmp_path, raw):
    path = write(
        tmp_path,
        "uitgaven.csv",
        f"gemeentecode;jaar;categorie;begroot_eur;gerealiseerd_eur\nGM0351;2022;wmo_begeleiding;{raw};10\n",
    )
    with pytest.raises(
        InputError, match=f"uitgaven.csv, regel 2, veld 'begroot_eur': geen getal: '{raw}'"
    ):
        read_spend(path, **OPTIONS)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 4, "regel"),  # random bytes: an undecodable byte, located
        (b"PK\x03\x04not really a zip", "geen geldig Excel-bestand"),
    ],
)
def test_hostile_bytes_get_a_located_message_not_a_traceback(tmp_path, content, message):
    name = "vrijwilligers.xlsx" if content.startswith(b"PK") else "vrijwilligers.csv"
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_volunteers(path, **OPTIONS)


def test_the_format_is_read_from_the_content_not_the_name(tmp_path):
    """A CSV someone named .xlsx is read as the CSV it is (and a kept copy's name is no clue)."""
    path = write(tmp_path, "vrijwilligers.xlsx", HEADER + "GM0351;2024;vrijwilliger;jeugd;25\n")
    assert (
        values(read_volunteers(path, **OPTIONS), "volunteers_registered")[("GM0351", 2024, "youth")]
        == 25
    )


def workbook(path, rows: list[list]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


SPEND_HEADER = ["gemeentecode", "jaar", "categorie", "begroot_eur", "gerealiseerd_eur"]


def test_numeric_workbook_cells_are_taken_as_numbers(tmp_path):
    """Excel stores 123456.5 and 0.125 as numbers: never re-read as Dutch text (123.456 ->
    123456, 0.125 -> 125)."""
    path = tmp_path / "uitgaven.pending"  # a kept copy has no .xlsx name
    workbook(
        path,
        [
            SPEND_HEADER,
            ["GM0351", 2024, "jeugdhulp_zonder_verblijf", 123.456, 0.125],
            ["GM0351", 2024, "jeugdhulp_met_verblijf", 1000, 2000],
            ["GM0351", 2024, "jeugdbescherming_reclassering", 10, 20],
        ],
    )
    batch = read_spend(path, **OPTIONS)
    assert values(batch, "youth_budget_eur")[("GM0351", 2024, "without_accommodation")] == 123.456
    assert values(batch, "youth_spend_eur")[("GM0351", 2024, "without_accommodation")] == 0.125


@pytest.mark.parametrize(
    "amount", ["١٢٣", "１２３", "1" + "0" * 300, "1,234", "1.234,5678", "€ 1,234"]
)
def test_amounts_follow_one_grammar_and_a_plausible_maximum(tmp_path, amount):
    path = write(
        tmp_path,
        "uitgaven.csv",
        "gemeentecode;jaar;categorie;begroot_eur;gerealiseerd_eur\n"
        f"GM0351;2024;jeugdhulp_met_verblijf;{amount};\n",
    )
    with pytest.raises(InputError, match="uitgaven.csv, regel 2, veld 'begroot_eur'"):
        read_spend(path, **OPTIONS)


def test_a_huge_number_in_a_workbook_is_refused_with_its_place(tmp_path):
    path = tmp_path / "uitgaven.xlsx"
    workbook(path, [SPEND_HEADER, ["GM0351", 2024, "jeugdhulp_met_verblijf", 1e300, None]])
    with pytest.raises(InputError, match="regel 2, veld 'begroot_eur': onwaarschijnlijk groot"):
        read_spend(path, **OPTIONS)


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_before_reading(tmp_path):
    import zipfile

    path = tmp_path / "vrijwilligers.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 60_000_000)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(InputError, match="pakt uit tot 60 MB; het maximum is 50 MB"):
        read_volunteers(path, **OPTIONS)


def test_damaged_xml_inside_a_workbook_is_named_not_a_traceback(tmp_path):
    import zipfile

    good, bad = tmp_path / "good.xlsx", tmp_path / "vrijwilligers.xlsx"
    workbook(good, [["gemeentecode", "jaar", "soort", "werkveld", "aantal"], ["GM0351", 2024]])
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data[: len(data) // 2]  # cut off mid-XML
            target.writestr(item, data)
    with pytest.raises(InputError, match="vrijwilligers.xlsx.*(beschadigd|geen geldig Excel)"):
        read_volunteers(bad, **OPTIONS)


def test_a_huge_cell_is_named_with_its_row(tmp_path):
    path = write(
        tmp_path, "v.csv", HEADER + "GM0351;2024;vrijwilliger;jeugd;" + "9" * 200_000 + "\n"
    )
    with pytest.raises(InputError, match="v.csv, regel 2"):
        read_volunteers(path, **OPTIONS)


def test_a_superscript_year_is_not_a_year(tmp_path):
    path = write(tmp_path, "v.csv", HEADER + "GM0351;²;vrijwilliger;jeugd;25\n")
    with pytest.raises(InputError, match="regel 2, veld 'jaar': geen jaartal: '²'"):
        read_volunteers(path, **OPTIONS)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_files_from_excel_are_read(tmp_path, encoding):
    text = HEADER + "GM0351;2024;vrijwilliger;totaal;25\n"
    path = tmp_path / "v.csv"
    data = text.encode(encoding)
    path.write_bytes(data if encoding == "utf-16" else b"\xff\xfe" + data)
    assert values(read_volunteers(path, **OPTIONS), "volunteers_registered") == {
        ("GM0351", 2024, "total"): 25
    }


def test_an_undecodable_byte_is_reported_at_its_line_and_column(tmp_path):
    path = tmp_path / "v.csv"
    path.write_bytes(
        (HEADER + "GM0351;2024;vrijwilliger;jeugd;25\n").encode() + b"GM03\x81;2024;x;y;1\n"
    )
    with pytest.raises(InputError, match="regel 3, kolom 5"):
        read_volunteers(path, **OPTIONS)


def test_a_big_broken_file_gives_a_short_report(tmp_path):
    path = write(tmp_path, "v.csv", HEADER + "GM9999;2024;vrijwilliger;jeugd;25\n" * 5_000)
    with pytest.raises(InputError) as raised:
        read_volunteers(path, **OPTIONS)
    lines = str(raised.value).splitlines()
    assert len(lines) <= 3 * (MAX_PER_FIELD + 1)
    assert any("en nog 4980 problemen zoals hierboven" in line for line in lines)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(file_rows, "MAX_FILE_BYTES", 100)
    path = write(tmp_path, "v.csv", HEADER + "GM0351;2024;vrijwilliger;jeugd;25\n" * 10)
    with pytest.raises(InputError, match="v.csv: het bestand is .* MB; het maximum is"):
        read_volunteers(path, **OPTIONS)


def test_a_complete_spend_file_gives_totals(tmp_path):
    rows = "".join(
        f"GM0351;2023;{category};1.000;900\n"
        for category in (
            "jeugdhulp_zonder_verblijf",
            "jeugdhulp_met_verblijf",
            "jeugdbescherming_reclassering",
        )
    )
    path = write(
        tmp_path,
        "uitgaven.csv",
        "gemeentecode;jaar;categorie;begroot_eur;gerealiseerd_eur\n" + rows,
    )
    batch = read_spend(path, **OPTIONS)
    assert values(batch, "youth_spend_eur")[("GM0351", 2023, "total")] == 2700
    assert batch.gaps.empty

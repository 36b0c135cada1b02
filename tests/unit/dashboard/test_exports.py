"""Downloads: CSV that Dutch Excel opens correctly, xlsx with sources, link and legend, and no
cell a spreadsheet would run as a formula."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.text.exports import safe_text, to_dutch_csv, to_xlsx

TABLE = pd.DataFrame(
    {
        "Jaar": [2021, 2022],
        "Categorie": ["Pleegzorg", "Jeugdreclassering"],
        "Waarde": [12.5, float("nan")],
        "Teken": ["", "x"],
        "Bron": ["CBS, Jeugdzorg (85099NED), 1 juni 2024", '=HYPERLINK("http://evil")'],
    }
)
SOURCES = pd.DataFrame(
    [
        {
            "publisher": "=cmd|' /C calc'!A0",
            "title": "Jeugdzorg",
            "reference": "85099NED",
            "date": "2024-06-01",
            "is_demo": False,
        }
    ]
)
LINK = "http://127.0.0.1:8050/jeugdhulp?gemeente=GM0351&versie=2026-11-25.1"


def test_csv_has_bom_semicolons_and_decimal_comma():
    data = to_dutch_csv(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Jaar;Categorie;Waarde;Teken;Bron"
    assert lines[1] == "2021;Pleegzorg;12,5;;CBS, Jeugdzorg (85099NED), 1 juni 2024"
    assert lines[2].startswith("2022;Jeugdreclassering;;x;\"'=HYPERLINK")  # quoted by csv


def test_csv_round_trips_with_dutch_settings():
    back = pd.read_csv(
        io.BytesIO(to_dutch_csv(TABLE.iloc[:1])), sep=";", decimal=",", encoding="utf-8-sig"
    )
    assert back.loc[0, "Waarde"] == 12.5 and back.loc[0, "Categorie"] == "Pleegzorg"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_a_spreadsheet_would_run_is_neutralised(start):
    assert safe_text(f"{start}SUM(A1)") == f"'{start}SUM(A1)"
    assert safe_text("Coöperatie") == "Coöperatie" and safe_text(-3) == -3


def test_xlsx_has_data_sources_link_and_legend_and_no_formulas():
    workbook = load_workbook(io.BytesIO(to_xlsx(TABLE, SOURCES, LINK)))
    assert workbook.sheetnames == ["Gegevens", "Bronnen", "Toelichting"]
    rows = list(workbook["Gegevens"].values)
    assert rows[0] == ("Jaar", "Categorie", "Waarde", "Teken", "Bron")
    assert rows[1][:3] == (2021, "Pleegzorg", 12.5)
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)  # nothing runs as a formula
    sources = list(workbook["Bronnen"].values)
    assert sources[1][:3] == ("'=cmd|' /C calc'!A0", "Jeugdzorg", "85099NED")
    assert ("Weergave", LINK) in [row[:2] for row in sources]
    assert "x" in [row[0] for row in workbook["Toelichting"].values]

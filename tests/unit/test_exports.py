"""Downloads: CSV that Dutch Excel opens correctly, xlsx with a sources sheet and the view URL."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from dashboard.exports import to_dutch_csv, to_xlsx

TABLE = pd.DataFrame(
    {
        "Jaar": [2021, 2022],
        "Categorie": ["Pleegzorg", "Jeugdreclassering"],
        "Waarde": [12.5, "<10"],
        "Voorbeeldgegevens": [True, False],
    }
)
SOURCES = pd.DataFrame(
    [
        {
            "publisher": "CBS",
            "title": "Jeugdhulp",
            "reference": "85099NED",
            "published_on": "2024-06-01",
            "retrieved_at": None,
            "licence": "CC BY 4.0",
            "kind": "official",
            "is_demo": False,
        }
    ]
)


def test_csv_has_bom_semicolons_and_decimal_comma():
    data = to_dutch_csv(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Jaar;Categorie;Waarde;Voorbeeldgegevens"
    assert lines[1] == "2021;Pleegzorg;12,5;ja"
    assert lines[2] == "2022;Jeugdreclassering;<10;nee"


def test_csv_round_trips_with_dutch_settings():
    numbers_only = TABLE.iloc[:1]
    back = pd.read_csv(
        io.BytesIO(to_dutch_csv(numbers_only)), sep=";", decimal=",", encoding="utf-8-sig"
    )
    assert back.loc[0, "Waarde"] == 12.5 and back.loc[0, "Categorie"] == "Pleegzorg"


def test_xlsx_has_data_and_sources_with_view_url():
    workbook = load_workbook(io.BytesIO(to_xlsx(TABLE, SOURCES, "/jeugdhulp?gemeente=GM0351")))
    assert workbook.sheetnames == ["Gegevens", "Bronnen"]
    rows = list(workbook["Gegevens"].values)
    assert rows[0] == ("Jaar", "Categorie", "Waarde", "Voorbeeldgegevens")
    assert rows[1] == (2021, "Pleegzorg", 12.5, "ja")
    sources = list(workbook["Bronnen"].values)
    assert sources[1][:3] == ("CBS", "Jeugdhulp", "85099NED")
    assert ("Weergave", "/jeugdhulp?gemeente=GM0351") in [row[:2] for row in sources]

"""Downloads of exactly the plotted data: CSV for Dutch Excel and .xlsx with sources and notes.

Every text cell is neutralised as spreadsheet programs expect: a cell that starts with '=', '+',
'-', '@', a tab or a carriage return gets a leading apostrophe, so a supplier name or file name
can never become a live formula.
"""

from __future__ import annotations

import io
import math
from datetime import UTC, datetime

import pandas as pd

from dashboard.text.labels import format_date

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LEGEND = [
    (
        "x",
        "Geheim: niet getoond omdat het om kleine aantallen personen gaat, of omdat een kleine "
        "cel anders terug te rekenen zou zijn. Het teken zegt niets over de grootte.",
    ),
    (".", "Niet gepubliceerd: de bron heeft voor deze cel geen cijfer gepubliceerd."),
    (
        "Status",
        "Gegenereerd (voorbeeldgegevens, geen officieel cijfer), Uit brondocument, "
        "Officieel, Voorlopig of Eigen registratie.",
    ),
]


def safe_text(value: object) -> object:
    """A text cell that no spreadsheet will run as a formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _dutch_cell(value: object) -> str:
    """Numbers with a decimal comma and no thousands separator (Excel NL reads them as numbers)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(safe_text(str(value)))


def to_dutch_csv(frame: pd.DataFrame) -> bytes:
    """';'-separated, decimal comma, UTF-8 with BOM: opens correctly in Dutch Excel."""
    text = frame.map(_dutch_cell).to_csv(sep=";", index=False, lineterminator="\r\n")
    return "\ufeff".encode() + text.encode("utf-8")


def sources_sheet(sources: pd.DataFrame, view_url: str) -> pd.DataFrame:
    """The 'Bronnen' sheet: one row per source, then the link of the view and the time."""
    rows = [
        {
            "Uitgever": source.get("publisher") or "",
            "Titel": source.get("title") or "",
            "Tabel of document": source.get("reference") or "",
            "Datum": format_date(source.get("date")),
            "Gegenereerd": "ja" if source.get("is_demo") else "nee",
        }
        for source in sources.to_dict("records")
    ]
    rows += [
        {"Uitgever": ""},
        {"Uitgever": "Weergave", "Titel": view_url},
        {"Uitgever": "Gedownload", "Titel": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")},
    ]
    return pd.DataFrame(rows).fillna("")


def to_xlsx(frame: pd.DataFrame, sources: pd.DataFrame, view_url: str) -> bytes:
    """A workbook: the plotted rows ('Gegevens'), their sources and link ('Bronnen'), a legend."""
    sheets = {
        "Gegevens": frame,
        "Bronnen": sources_sheet(sources, view_url),
        "Toelichting": pd.DataFrame(LEGEND, columns=["Teken of kolom", "Betekenis"]),
    }
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, sheet in sheets.items():
            sheet.map(safe_text).to_excel(writer, sheet_name=name, index=False)
            for column in writer.sheets[name].columns:
                writer.sheets[name].column_dimensions[column[0].column_letter].width = 24
    return buffer.getvalue()

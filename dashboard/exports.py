"""Downloads of exactly the plotted data: CSV for Dutch Excel and .xlsx with a sources sheet."""

from __future__ import annotations

import io
import math
from datetime import UTC, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from dashboard.labels import format_date


def _dutch_cell(value: object) -> str:
    """Numbers with a decimal comma and no thousands separator (Excel NL reads them as numbers)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return str(value)


def to_dutch_csv(frame: pd.DataFrame) -> bytes:
    """';'-separated, decimal comma, UTF-8 with BOM: opens correctly in Dutch Excel."""
    text = frame.map(_dutch_cell).to_csv(sep=";", index=False, lineterminator="\r\n")
    return "\ufeff".encode() + text.encode("utf-8")


def sources_sheet_rows(sources: pd.DataFrame, view_url: str) -> list[list[str]]:
    """Rows for the 'Bronnen' sheet: one per source, then the URL of the view."""
    rows = [["Uitgever", "Titel", "Tabel of document", "Datum", "Licentie", "Soort"]]
    for source in sources.to_dict("records"):
        rows.append(
            [
                str(source.get("publisher") or ""),
                str(source.get("title") or ""),
                str(source.get("reference") or ""),
                format_date(source.get("published_on") or source.get("retrieved_at")),
                str(source.get("licence") or ""),
                "Voorbeeldgegevens (gegenereerd)"
                if source.get("is_demo")
                else str(source.get("kind")),
            ]
        )
    rows += [
        [],
        ["Weergave", view_url],
        ["Gedownload", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")],
    ]
    return rows


def to_xlsx(frame: pd.DataFrame, sources: pd.DataFrame, view_url: str) -> bytes:
    """A workbook: the plotted data ('Gegevens') and its sources plus the view URL ('Bronnen')."""
    workbook = Workbook()
    data_sheet = workbook.active
    data_sheet.title = "Gegevens"
    data_sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        data_sheet.append([_excel_value(value) for value in row])
    sources_sheet = workbook.create_sheet("Bronnen")
    for row in sources_sheet_rows(sources, view_url):
        sources_sheet.append(row)
    for sheet in (data_sheet, sources_sheet):
        for index in range(1, sheet.max_column + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 22
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _excel_value(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if hasattr(value, "item"):  # numpy scalars
        return value.item()  # type: ignore[union-attr]
    return value

"""The rows behind each chart, as the table alternative and the downloads show them.

Every row names its place, its source (publisher, table or document, date) and its status, so a
downloaded file can be quoted without the page beside it. Hidden cells carry one symbol that
says nothing about their size; the column header explains it.
"""

from __future__ import annotations

import pandas as pd

from dashboard.indicators.catalogue import Measure
from dashboard.text.source_lines import band_source_labels, row_source_labels, source_label

SYMBOL_COLUMN = "Teken (x = geheim, . = niet gepubliceerd)"
COLUMNS = [
    *("Plaats", "Reeks", "Jaar", "Categorie", "Maat", "Waarde", SYMBOL_COLUMN),
    *("Status", "Bron", "Bron noemer"),
]


def series_rows(
    frame: pd.DataFrame, *, series: str, measure: Measure, status_labels: dict[str, str]
) -> pd.DataFrame:
    """Rows of a region's series (one row per year and category)."""
    return pd.DataFrame(
        {
            "Plaats": frame["municipality_name"].tolist(),
            "Reeks": series,
            "Jaar": frame["year"].astype(int).tolist(),
            "Categorie": frame["category_label"].tolist(),
            "Maat": measure.label,
            "Waarde": frame["value"].tolist(),
            SYMBOL_COLUMN: frame["cell_symbol"].fillna("").tolist(),
            "Status": [status_labels.get(s, s) for s in frame["status"]],
            "Bron": row_source_labels(frame),
            "Bron noemer": row_source_labels(frame, "denominator"),
        },
        columns=COLUMNS,
    )


def band_rows(
    band: pd.DataFrame,
    *,
    column: str,
    series: str,
    place: str,
    category_label: str,
    measure: Measure,
    status_labels: dict[str, str],
) -> pd.DataFrame:
    """Rows of one statistic of a comparison band (p25, median or p75) per year."""
    return pd.DataFrame(
        {
            "Plaats": [f"{place} ({int(n)} gemeenten)" for n in band["municipalities"]],
            "Reeks": series,
            "Jaar": band["year"].astype(int).tolist(),
            "Categorie": category_label,
            "Maat": measure.label,
            "Waarde": band[column].tolist(),
            SYMBOL_COLUMN: "",
            "Status": [status_labels.get(s, s) for s in band["status"]],
            "Bron": band_source_labels(band),
            "Bron noemer": "",
        },
        columns=COLUMNS,
    )


def documented_rows(
    documented: pd.DataFrame, *, place: str, status_labels: dict[str, str]
) -> pd.DataFrame:
    """Figures a document states, each with the document's own definition as its category."""
    return pd.DataFrame(
        {
            "Plaats": place,
            "Reeks": "Genoemd in brondocument",
            "Jaar": documented["year"].astype(int).tolist(),
            "Categorie": documented["definition_nl"].tolist(),
            "Maat": documented["unit"].tolist(),
            "Waarde": documented["value"].tolist(),
            SYMBOL_COLUMN: "",
            "Status": status_labels.get("documented", "documented"),
            "Bron": [
                source_label(row.publisher, row.title, row.reference, row.published_on)
                for row in documented.itertuples(index=False)
            ],
            "Bron noemer": "",
        },
        columns=COLUMNS,
    )


def stack(*parts: pd.DataFrame) -> pd.DataFrame:
    """Rows of several series in one table (empty parts are skipped)."""
    kept = [part for part in parts if len(part)]
    return pd.concat(kept, ignore_index=True) if kept else pd.DataFrame(columns=COLUMNS)


BAND_SERIES = (
    ("p25", "Vergelijkingsgroep: 25%"),
    ("median", "Vergelijkingsgroep: mediaan"),
    ("p75", "Vergelijkingsgroep: 75%"),
)


def trend_rows(
    own: pd.DataFrame,
    national: pd.DataFrame,
    band: pd.DataFrame,
    *,
    name: str,
    group: str,
    label: str,
    measure: Measure,
    status_labels: dict[str, str],
) -> pd.DataFrame:
    """The rows of a trend chart: the region, the country and the group's band."""
    return stack(
        series_rows(own, series=name, measure=measure, status_labels=status_labels),
        series_rows(national, series="Nederland", measure=measure, status_labels=status_labels),
        *[
            band_rows(
                band,
                column=column,
                series=series,
                place=group,
                category_label=label,
                measure=measure,
                status_labels=status_labels,
            )
            for column, series in BAND_SERIES
        ],
    )

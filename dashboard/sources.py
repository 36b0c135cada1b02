"""Where numbers come from, as plain data: one normalised frame of sources for any panel.

Every mart row names its numerator's source (and a rate's denominator's); a comparison band
names the sources of all its members. These helpers turn those columns into one frame with
`publisher, title, reference, date, is_demo`, and into the one-line label a download row carries.
"""

from __future__ import annotations

import pandas as pd

from dashboard.labels import format_date

SOURCE_FIELDS = ["publisher", "title", "reference", "date", "is_demo"]


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=SOURCE_FIELDS)


def series_sources(frame: pd.DataFrame) -> pd.DataFrame:
    """Distinct sources of a series: its numerators and, for rates, its denominators."""
    if frame.empty:
        return _empty()
    records = []
    for prefix in ("source", "denominator"):
        columns = [f"{prefix}_{name}" for name in ("publisher", "title", "reference", "date")]
        # Plain tuples: a series has a few rows and pandas' per-call overhead dominates.
        lists = [frame[column].tolist() for column in [*columns, f"{prefix}_is_demo"]]
        values = zip(*lists, strict=True)
        for row in dict.fromkeys(values):
            if isinstance(row[0], str):
                records.append(dict(zip(SOURCE_FIELDS, row, strict=True)))
    return _distinct(pd.DataFrame(records, columns=SOURCE_FIELDS))


def band_sources(band: pd.DataFrame) -> pd.DataFrame:
    """Distinct sources behind a comparison band (every member's numerator and denominator)."""
    rows = [source for sources in band.get("sources", []) for source in sources]
    return _distinct(pd.DataFrame(rows, columns=SOURCE_FIELDS)) if rows else _empty()


def document_sources(documented: pd.DataFrame) -> pd.DataFrame:
    """The documents behind documented figures (never generated)."""
    if documented.empty:
        return _empty()
    frame = documented.rename(columns={"published_on": "date"}).assign(is_demo=False)
    return _distinct(frame)


def combine(*frames: pd.DataFrame) -> pd.DataFrame:
    """Distinct sources of several panels' parts."""
    frames = tuple(frame for frame in frames if len(frame))
    return _distinct(pd.concat(frames, ignore_index=True)) if frames else _empty()


def _distinct(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (publisher, title, reference), real sources first.

    Plain Python: a panel has a handful of sources, and pandas' per-call overhead is larger
    than the work.
    """
    seen: dict[tuple, dict] = {}
    for record in frame[SOURCE_FIELDS].to_dict("records"):
        for field in ("reference", "date"):
            if not isinstance(record[field], str):
                record[field] = ""
        record["is_demo"] = bool(record["is_demo"])
        seen.setdefault((record["publisher"], record["title"], record["reference"]), record)
    rows = sorted(seen.values(), key=lambda r: (r["is_demo"], str(r["publisher"]), str(r["title"])))
    return pd.DataFrame(rows, columns=SOURCE_FIELDS)


def source_label(publisher: object, title: object, reference: object, date: object) -> str:
    """'CBS, Jeugdzorg; regio (85099NED), 13 oktober 2023' in one line."""
    if not isinstance(publisher, str) or not publisher:
        return ""
    text = f"{publisher}, {title}"
    if isinstance(reference, str) and reference and reference not in str(title):
        text += f" ({reference})"
    when = format_date(date)
    return f"{text}, {when}"


def row_source_labels(frame: pd.DataFrame, prefix: str = "source") -> list[str]:
    """The source label of every row of a series (numerator, or `denominator`)."""
    return [
        source_label(publisher, title, reference, date)
        for publisher, title, reference, date in zip(
            frame[f"{prefix}_publisher"],
            frame[f"{prefix}_title"],
            frame[f"{prefix}_reference"],
            frame[f"{prefix}_date"],
            strict=True,
        )
    ]


def band_source_labels(band: pd.DataFrame) -> list[str]:
    """Per band row: the distinct publishers and titles of its members, joined."""
    return [
        "; ".join(
            sorted(
                {
                    source_label(s["publisher"], s["title"], s["reference"], s["date"])
                    for s in sources
                }
            )
        )
        for sources in band["sources"]
    ]

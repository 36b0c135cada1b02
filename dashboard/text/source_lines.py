"""Where numbers come from, as plain data: one normalised frame of sources for any panel.

Every mart row names its numerator's source (and a rate's denominator's); a comparison band
names the sources of all its members. These helpers turn those columns into one frame with
`publisher, title, reference, date, is_demo`, and into the one-line label a download row carries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from dashboard.text.labels import format_date

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


# What a reader cannot use, however exact: file names, hashes, line numbers and the project's
# internal document numbers ('004:2411'). They stay in the case downloads and the workbook's
# 'Bronnen' sheet, where a checker needs them.
_NOT_FOR_READERS = [
    re.compile(r"\b[\w./-]+\.(txt|pdf|csv|py|json|toml|xlsx)\b"),
    re.compile(r"\b[0-9a-f]{12,}\b"),
    re.compile(r"\bregels?\s+\d+([–-]\d+)?(\s*(en|,)\s*\d+([–-]\d+)?)*"),
    re.compile(r"\b\d{3}:\s*(r\.\s*)?\d+([–-]\d+)?(,\s*\d+([–-]\d+)?)*"),
]
TABLE_ID = re.compile(r"^\d{5}[A-Z]{3}$")  # a CBS StatLine table: 85099NED


def plain_reference(reference: object) -> str:
    """A reference as a reader can follow it: 'Paragraaf 'Lobbyen'', not the file and line."""
    text = reference if isinstance(reference, str) else ""
    for pattern in _NOT_FOR_READERS:
        text = pattern.sub("", text)
    text = re.sub(r"\(\s*[,;]?\s*\)", "", text)
    return re.sub(r"\s*([,;])(\s*[,;])+", r"\1", text).strip(" ,;")


def title_with_reference(title: object, reference: object) -> str:
    """'Jeugdzorg; regio (85099NED)': the title, with the reference a reader can follow."""
    reference = plain_reference(reference)
    if reference and reference not in str(title):
        return f"{title} ({reference})"
    return str(title)


def source_label(publisher: object, title: object, reference: object, date: object) -> str:
    """'CBS, Jeugdzorg; regio (85099NED), 13 oktober 2023' in one line."""
    if not isinstance(publisher, str) or not publisher:
        return ""
    text = f"{publisher}, {title_with_reference(title, reference)}"
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


def _year(value: object) -> str:
    found = re.search(r"(19|20)\d{2}", str(value or ""))
    return found.group(0) if found else ""


def grouped_titles(titles: Iterable[str]) -> list[str]:
    """Titles that differ only by a closing year, once: 'Gebieden in Nederland 2015–2025'."""
    by_stem: dict[str, list[str]] = {}
    for title in titles:
        found = re.fullmatch(r"(.*?)((19|20)\d{2})", title)
        stem, year = (found.group(1), found.group(2)) if found else (title, "")
        by_stem.setdefault(stem, []).append(year)
    grouped = []
    for stem, years in by_stem.items():
        dated = sorted(y for y in years if y)
        if len(dated) > 1:
            grouped.append(f"{stem}{dated[0]}–{dated[-1]}")
        else:
            grouped.append(f"{stem}{dated[0] if dated else ''}")
    return grouped


def short_source_line(sources: pd.DataFrame) -> str:
    """One short line for a chart: 'CBS (85099NED, 84134NED; 2025) · VNG Magazine (2023)'.

    Per publisher its tables (or, for documents, the titles; more than three are counted)
    and the years of publication or retrieval.
    """
    parts = []
    for publisher, rows in sources.groupby("publisher", sort=False):
        references = [plain_reference(r) for r in rows["reference"]]
        if all(TABLE_ID.match(r) for r in references):
            items = list(dict.fromkeys(references))
        else:
            items = grouped_titles(dict.fromkeys(str(t).split(" (")[0] for t in rows["title"]))
        kind = "tabellen" if items and all(TABLE_ID.match(i) for i in items) else "documenten"
        shown = ", ".join(items) if len(items) <= 3 else f"{len(items)} {kind}"
        years = sorted({_year(d) for d in rows["date"]} - {""})
        when = ("; " + "–".join(dict.fromkeys([years[0], years[-1]]))) if years else ""
        parts.append(f"{publisher} ({shown}{when})")
    return " · ".join(parts)

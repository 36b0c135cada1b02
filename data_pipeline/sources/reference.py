"""Reference data shipped in data/reference: regions, the indicator catalogue and vocabularies.

The indicator catalogue is declared here once, as data: `indicators.csv` (what an indicator
counts, its direction, whether its breakdowns are people counts that need small-cell
suppression), `measures.csv` (how it can be expressed: as published, per 1,000 youth, ...),
`categories.csv` (its breakdown) and `kpis.csv` (the landing page's headline cards).
`vocabularies.csv` holds every closed list of codes (case themes, ladder steps, statuses, ...).
Each file is read as strings, typed, and checked against the others; a problem names the file,
row and field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from data_pipeline.errors import InputError, Problem


@dataclass(frozen=True)
class Schema:
    """Columns of one reference file: all required; some typed as booleans or integers."""

    file: str
    columns: tuple[str, ...]
    booleans: tuple[str, ...] = ()
    integers: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    optional_booleans: tuple[str, ...] = ()  # '' allowed (e.g. no direction for a budget)


SCHEMAS = {
    "municipalities": Schema(
        "municipalities.csv",
        ("municipality_code", "name", "province_code", "region_kind", "approx_inhabitants"),
        numbers=("approx_inhabitants",),
    ),
    "provinces": Schema("provinces.csv", ("province_code", "name")),
    "indicators": Schema(
        "indicators.csv",
        (
            *("indicator", "label_nl", "breakdown_label_nl", "unit_nl", "value_kind"),
            *("headline_category", "higher_is_better", "is_people_count"),
            *("suppression_note_nl", "parts_add_up", "parts_note_nl", "shown_on_pages"),
            *("series_kind", "definition_nl", "has_public_source", "import_template"),
            "publisher_rounding",
        ),
        booleans=("is_people_count", "parts_add_up", "shown_on_pages", "has_public_source"),
        numbers=("publisher_rounding",),
        optional_booleans=("higher_is_better",),
    ),
    "measures": Schema(
        "measures.csv",
        (
            *("indicator", "measure", "url_key", "label_nl", "axis_nl", "unit_nl", "scale"),
            *("denominator_indicator", "denominator_category", "decimals", "in_points"),
            *("comparable", "sort_order", "sentence_nl", "value_indicator"),
        ),
        booleans=("in_points", "comparable"),
        integers=("decimals", "sort_order"),
        numbers=("scale",),
    ),
    "categories": Schema(
        "categories.csv",
        ("indicator", "category", "label_nl", "sort_order", "is_total"),
        booleans=("is_total",),
        integers=("sort_order",),
    ),
    "kpis": Schema(
        "kpis.csv",
        (
            *("kpi", "title_nl", "short_title_nl", "indicators", "category"),
            *("value_measure", "rate_measure"),
            *("unit_nl", "definition_nl", "sort_order", "reference_indicator"),
        ),
        integers=("sort_order",),
    ),
    "vocabularies": Schema(
        "vocabularies.csv",
        ("vocabulary", "code", "label_nl", "sort_order", "description_nl"),
        integers=("sort_order",),
    ),
    "documents": Schema(
        "documents.csv",
        ("document", "file", "title", "publisher", "published_on", "url"),
    ),
}
BOOLEAN_TEXT = {"true": True, "false": False}


def read_reference(data_dir: Path, name: str) -> pd.DataFrame:
    """One reference file, typed by its schema; InputError names file, row and field."""
    schema = SCHEMAS[name]
    path = data_dir / "reference" / schema.file
    if not path.exists():
        raise InputError([Problem(schema.file, None, None, "bestand niet gevonden")])
    frame = pd.read_csv(path, dtype="string", keep_default_na=False)
    missing = [column for column in schema.columns if column not in frame.columns]
    if missing:
        raise InputError([Problem(schema.file, 1, column, "kolom ontbreekt") for column in missing])
    problems = _type_problems(frame, schema)
    if problems:
        raise InputError(problems)
    return _typed(frame, schema)


def _type_problems(frame: pd.DataFrame, schema: Schema) -> list[Problem]:
    problems = []
    for row_number, row in enumerate(frame.to_dict("records"), start=2):
        for column in (*schema.booleans, *schema.optional_booleans):
            text = row[column].strip().lower()
            if text not in BOOLEAN_TEXT and not (text == "" and column in schema.optional_booleans):
                problems.append(Problem(schema.file, row_number, column, "niet true of false"))
        for column in (*schema.integers, *schema.numbers):
            text = row[column].strip()
            if text == "" and column in schema.numbers:
                continue
            number = pd.to_numeric(text, errors="coerce")
            if pd.isna(number) or (column in schema.integers and float(number) % 1):
                problems.append(Problem(schema.file, row_number, column, f"geen getal: {text!r}"))
    return problems


def _typed(frame: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    frame = frame.copy()
    for column in schema.booleans:
        frame[column] = frame[column].str.strip().str.lower().map(BOOLEAN_TEXT).astype("bool")
    for column in schema.optional_booleans:
        frame[column] = frame[column].str.strip().str.lower().map(BOOLEAN_TEXT).astype("boolean")
    for column in schema.integers:
        frame[column] = frame[column].astype("int64")
    for column in schema.numbers:
        frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("float64")
    return frame


def read_catalogue(data_dir: Path) -> dict[str, pd.DataFrame]:
    """The indicator catalogue and vocabularies, checked against each other."""
    catalogue = {
        name: read_reference(data_dir, name)
        for name in ("indicators", "measures", "categories", "kpis", "vocabularies", "documents")
    }
    problems = catalogue_problems(catalogue)
    if problems:
        raise InputError(problems)
    return catalogue


def _pairs(frame: pd.DataFrame, first: str, second: str) -> set[tuple[str, str]]:
    return set(zip(frame[first], frame[second], strict=True))


def catalogue_problems(catalogue: dict[str, pd.DataFrame]) -> list[Problem]:
    """Cross-file checks: every indicator, category and measure a row names is declared."""
    indicators = set(catalogue["indicators"]["indicator"])
    categories = _pairs(catalogue["categories"], "indicator", "category")
    measures = _pairs(catalogue["measures"], "indicator", "measure")
    checks = []  # (file, row, field, value, is it declared)
    for row, item in enumerate(catalogue["categories"].to_dict("records"), start=2):
        checks.append(
            ("categories.csv", row, "indicator", item["indicator"], item["indicator"] in indicators)
        )
    for row, item in enumerate(catalogue["indicators"].to_dict("records"), start=2):
        headline = (item["indicator"], item["headline_category"])
        checks.append(
            ("indicators.csv", row, "headline_category", headline[1], headline in categories)
        )
    for row, item in enumerate(catalogue["measures"].to_dict("records"), start=2):
        checks.append(
            ("measures.csv", row, "indicator", item["indicator"], item["indicator"] in indicators)
        )
        if item["value_indicator"]:
            known = item["value_indicator"] in indicators
            checks.append(("measures.csv", row, "value_indicator", item["value_indicator"], known))
        denominator = (item["denominator_indicator"], item["denominator_category"])
        if denominator[0]:
            checks.append(
                (
                    "measures.csv",
                    row,
                    "denominator_category",
                    str(denominator),
                    denominator in categories,
                )
            )
    for row, item in enumerate(catalogue["kpis"].to_dict("records"), start=2):
        if item["reference_indicator"]:
            known = item["reference_indicator"] in indicators
            checks.append(
                ("kpis.csv", row, "reference_indicator", item["reference_indicator"], known)
            )
        for indicator in item["indicators"].split("+"):
            declared = (indicator, item["category"]) in categories
            checks.append(("kpis.csv", row, "indicators", indicator, declared))
            for field in ("value_measure", "rate_measure"):
                if item[field]:
                    declared = (indicator, item[field]) in measures
                    checks.append(("kpis.csv", row, field, item[field], declared))
    return [
        Problem(file, row, field, f"onbekende waarde {value!r} (niet gedeclareerd)")
        for file, row, field, value, declared in checks
        if not declared
    ]

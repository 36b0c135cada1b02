"""The indicator catalogue as the pages see it: typed measures read from the store.

The catalogue is declared once, in data/reference (indicators.csv, measures.csv); the pipeline
loads it into core.dim_indicator and core.dim_measure, and this module only turns those rows
into small typed objects.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Measure:
    """One way to express an indicator (URL value `key`), e.g. 'per1000' -> per_1000_youth."""

    indicator: str
    key: str  # the URL value (?maat=per1000)
    measure: str  # the catalogue's name (per_1000_youth)
    label: str
    axis: str
    unit: str  # after a number: '311 jongeren', '12,4 per 1.000 jongeren'
    sentence: str  # level sentence with {year}, {value}, {name}
    decimals: int
    in_points: bool  # a percentage: changes are in percentage points
    comparable: bool  # counts and euros differ by size: no band or national line
    is_as_published: bool


@dataclass(frozen=True)
class Indicator:
    """What an indicator counts and how to read it, with its measures in order."""

    indicator: str
    label: str
    breakdown_label: str | None
    headline_category: str
    higher_is_better: bool | None
    parts_add_up: bool
    parts_note: str | None
    definition: str
    measures: tuple[Measure, ...]
    has_public_source: bool = True
    import_template: str | None = None  # the template to import a registration with
    series_kind: str = "annual"

    def measure(self, key: str) -> Measure:
        """The measure with URL value `key`."""
        return next(m for m in self.measures if m.key == key)


def _optional_bool(value: object) -> bool | None:
    return None if value is None or pd.isna(value) else bool(value)  # type: ignore[arg-type]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def indicator_from_catalogue(catalogue: pd.DataFrame, indicator: str) -> Indicator:
    """The indicator and its measures from the measure_catalogue query's rows."""
    rows = catalogue[catalogue["indicator"] == indicator].sort_values("sort_order")
    if rows.empty:
        raise KeyError(f"indicator {indicator!r} is not in the catalogue")
    first = rows.iloc[0]
    measures = tuple(
        Measure(
            indicator=indicator,
            key=row.url_key,
            measure=row.measure,
            label=row.label_nl,
            axis=row.axis_nl,
            unit=row.unit_nl,
            sentence=row.sentence_nl,
            decimals=int(row.decimals),
            in_points=bool(row.in_points),
            comparable=bool(row.is_comparable),
            is_as_published=bool(row.is_as_published),
        )
        for row in rows.itertuples(index=False)
    )
    return Indicator(
        indicator=indicator,
        label=first["indicator_label"],
        breakdown_label=_text(first["breakdown_label_nl"]),
        headline_category=first["headline_category"],
        higher_is_better=_optional_bool(first["higher_is_better"]),
        parts_add_up=bool(first["parts_add_up"]),
        parts_note=_text(first["parts_note_nl"]),
        definition=first["definition_nl"],
        measures=measures,
        has_public_source=bool(first["has_public_source"]),
        import_template=_text(first["import_template"]),
        series_kind=str(first["series_kind"]),
    )


def coverage_definition(indicator: Indicator) -> dict[str, object]:
    """What `components.kpi_year.missing_note` needs to know about an indicator."""
    return {
        "indicator": indicator.indicator,
        "has_public_source": indicator.has_public_source,
        "import_template": indicator.import_template,
        "series_kind": indicator.series_kind,
    }

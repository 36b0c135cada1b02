"""A headline KPI card: value, rate, changes with their meaning, trend, and provenance.

A change is judged ('gunstig' / 'ongunstig') only between two real values of the same source.
With a generated value on either side it carries the sample marker and no verdict; across a
change of source it is a break in the series, not a change.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.components.aria import aria
from dashboard.components.provenance import demo_badge, provisional_badge, source_note
from dashboard.figures.sparkline import sparkline_figure
from dashboard.labels import NO_DATA, SAMPLE_BADGE, format_euro, format_number, signed
from dashboard.narrative import SMALL_BASE


@dataclass(frozen=True)
class KpiDefinition:
    """What a headline indicator means and how to read its direction (from data/reference)."""

    kpi: str
    title: str
    unit: str
    definition: str
    higher_is_better: bool
    decimals: int = 0
    rate_unit: str | None = None
    rate_decimals: int = 1
    reference_label: str | None = None  # e.g. the budget, shown beside the value

    @classmethod
    def from_row(cls, row: dict) -> KpiDefinition:
        """Built from a kpi_definitions row."""
        rate_unit, reference = row.get("rate_unit"), row.get("reference_label")
        return cls(
            kpi=row["kpi"],
            title=row["title_nl"],
            unit=row["unit_nl"],
            definition=row["definition_nl"],
            higher_is_better=bool(row["higher_is_better"]),
            decimals=int(row.get("value_decimals") or 0),
            rate_unit=rate_unit if isinstance(rate_unit, str) else None,
            rate_decimals=int(_number(row.get("rate_decimals")) or 0),
            reference_label=reference if isinstance(reference, str) else None,
        )


@dataclass(frozen=True)
class Change:
    """A change against an earlier year, with its direction spelled out."""

    label: str  # 't.o.v. 2021'
    text: str | None  # '−7,2%' or None when not computable
    verdict: str | None  # 'gunstig' | 'ongunstig' | 'gelijk' | None (no judgement)
    note: str | None = None  # why there is no verdict


def _number(value: object) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)  # type: ignore[arg-type]


def format_kpi_value(definition: KpiDefinition, value: float | None) -> str:
    """The card's main number with its unit."""
    if value is None:
        return NO_DATA
    if definition.unit == "euro":
        return format_euro(value)
    if definition.unit == "%":
        return f"{format_number(value, definition.decimals)}%"
    return f"{format_number(value, definition.decimals)} {definition.unit}"


def _change_text(definition: KpiDefinition, current: float, earlier: float) -> str:
    difference = current - earlier
    if definition.unit == "%":
        return signed(difference, f"{format_number(abs(difference), 1)} procentpunt")
    if abs(earlier) < SMALL_BASE or earlier == 0:
        return signed(difference, format_number(abs(difference), definition.decimals))
    change = 100.0 * difference / earlier
    return signed(change, f"{format_number(abs(change), 1)}%")


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a value, whether it is generated, and its sources."""

    value: float | None
    is_demo: bool
    sources: tuple[str, ...]


def change_against(definition: KpiDefinition, current: Side, earlier: Side, label: str) -> Change:
    """Change as text, judged only when both sides are real and from the same source."""
    if current.value is None or earlier.value is None:
        return Change(label, None, None)
    text = _change_text(definition, current.value, earlier.value)
    if set(current.sources) != set(earlier.sources):
        return Change(label, None, None, "breuk in de reeks: de bron telt anders")
    if current.is_demo or earlier.is_demo:
        return Change(label, text, None, f"{SAMPLE_BADGE.lower()}: geen oordeel")
    if current.value == earlier.value:
        return Change(label, text, "gelijk")
    better = (current.value > earlier.value) == definition.higher_is_better
    return Change(label, text, "gunstig" if better else "ongunstig")


def _change_item(change: Change) -> html.Li:
    if change.text is None:
        reason = change.note or "niet te berekenen"
        return html.Li(f"{change.label}: {reason}", className="sk-muted")
    arrow = "▲" if change.text.startswith("+") else "▼" if change.text.startswith("−") else "="
    judgement = change.verdict or change.note
    return html.Li(
        [
            html.Span(f"{change.label}: "),
            html.Strong(f"{arrow} {change.text}"),
            html.Span(
                f" ({judgement})", className=f"sk-verdict sk-verdict-{change.verdict or 'geen'}"
            ),
        ],
    )


def _short_source(sources: pd.DataFrame) -> str:
    """One visible line naming who published the numbers; details sit under 'Over dit cijfer'."""
    if sources.empty:
        return "Bron: geen gegevens"
    names = [
        f"{row.publisher} ({str(row.date)[:4]})" if row.date else str(row.publisher)
        for row in sources.itertuples(index=False)
    ]
    return "Bron: " + "; ".join(dict.fromkeys(names))


def _ids(value: object) -> tuple[str, ...]:
    """Source ids from a list column (a list or array; missing -> none)."""
    if not isinstance(value, Iterable) or isinstance(value, str):
        return ()
    return tuple(str(v) for v in value)


def _sides(row: dict, prefix: str, value_column: str) -> Side:
    """One side of a comparison; its 'sources' are the series it belongs to (a change of
    series is a break, a new table of the same series is not)."""
    return Side(
        _number(row.get(value_column)),
        bool(row.get(f"{prefix}is_demo") is True),
        _ids(row.get(f"{prefix}series_keys")),
    )


def kpi_changes(definition: KpiDefinition, row: dict, year: int) -> list[Change]:
    """The change against the previous known year and against the baseline (a case's start)."""
    current = _sides(row, "", "value")
    previous = _number(row.get("previous_year"))
    changes = []
    if previous is not None:
        earlier = _sides(row, "previous_", "value_previous_year")
        changes.append(change_against(definition, current, earlier, f"t.o.v. {int(previous)}"))
    baseline = _number(row.get("baseline_year"))
    if baseline is not None and baseline < year:
        label = f"t.o.v. {int(row['baseline_year'])} ({row.get('baseline_label')})"
        changes.append(
            change_against(definition, current, _sides(row, "baseline_", "value_baseline"), label)
        )
    return changes


def _rate_line(definition: KpiDefinition, row: dict) -> html.P:
    rate = _number(row.get("rate"))
    text = "\u00a0"
    if definition.rate_unit and rate is not None:
        text = f"{format_number(rate, definition.rate_decimals)} {definition.rate_unit}"
        if row.get("rate_is_demo") and not row.get("is_demo"):
            text += " (noemer: voorbeeldgegevens)"
    return html.P(text, className="sk-kpi-rate sk-muted mb-1")


def _reference_line(definition: KpiDefinition, row: dict) -> html.P | None:
    """The reference value (the budget) beside the value, and how far the value is from it."""
    reference, value = _number(row.get("reference_value")), _number(row.get("value"))
    if not definition.reference_label or reference is None:
        return None
    text = f"{definition.reference_label}: {format_kpi_value(definition, reference)}"
    if bool(row.get("reference_is_demo")) != bool(row.get("is_demo")):
        text += f" ({SAMPLE_BADGE.lower()} aan één kant: geen vergelijking)"
    elif value is not None and reference:
        difference = 100.0 * (value - reference) / reference
        side = "boven" if difference > 0 else "onder"
        text += f"; gerealiseerd {format_number(abs(difference), 1)}% {side} de begroting"
    return html.P(text, className="small mb-1 sk-kpi-reference")


def documented_line(documented: pd.DataFrame) -> html.Div | None:
    """Counts a document states with its own definition: beside the CBS number, never in it."""
    levels = documented[documented["figure_kind"] == "level"] if len(documented) else documented
    if levels.empty:
        return None
    first = levels.iloc[0]
    numbers = " en ".join(
        f"{format_number(row.value)} ({int(row.year)})" for row in levels.itertuples(index=False)
    )
    return html.Div(
        [
            html.P(
                f"Volgens {first['publisher']} ({str(first['published_on'])[:4]}): {numbers}.",
                className="small mb-0 fw-semibold",
            ),
            html.P(
                f"Eigen afbakening, niet te vergelijken met het cijfer hierboven: "
                f"{first['definition_nl']}.",
                className="small sk-muted mb-1",
            ),
        ],
        className="sk-kpi-documented",
    )


def _year_line(shown: int | None, note: str | None) -> list:
    """Which year the number is about, and why not the selected year (if so)."""
    lines = [html.P(f"Cijfer over {shown}", className="small fw-semibold mb-1 sk-kpi-year")]
    if shown is None:
        lines = []
    if note:
        lines.append(html.P(note, className="small mb-1 sk-kpi-missing"))
    return lines


def kpi_card(
    definition: KpiDefinition,
    trend: pd.DataFrame,
    *,
    year: int | None,
    sources: pd.DataFrame,
    card_id: str,
    note: str | None = None,
    documented: pd.DataFrame | None = None,
) -> html.Section:
    """The card for one KPI: the number of `year` (None: no number at all) and `note`, why the
    selected year has none; `trend` holds every year of that KPI for the region."""
    current = trend[trend["year"] == year]
    row = current.iloc[0].to_dict() if len(current) else {}
    is_demo = bool(row.get("is_demo") or row.get("rate_is_demo") or row.get("reference_is_demo"))
    header = [html.H2(definition.title, className="h6 mb-0 d-inline")]
    if is_demo:
        header.append(demo_badge())
    if row.get("is_provisional"):
        header.append(provisional_badge())
    value = format_kpi_value(definition, _number(row.get("value"))) if row else "geen cijfer"
    body = [
        html.P(value, className="sk-kpi-value mb-0"),
        _rate_line(definition, row),
        *_year_line(year, note),
        _reference_line(definition, row),
        documented_line(documented) if documented is not None else None,
        html.Ul(
            [_change_item(c) for c in kpi_changes(definition, row, year)] if year else [],
            className="list-unstyled small mb-1",
        ),
        html.P(
            "Lager is beter." if not definition.higher_is_better else "Hoger is beter.",
            className="small sk-muted mb-1",
        ),
        html.P(_short_source(sources), className="small sk-muted mb-1 sk-kpi-source"),
        html.Div(  # decorative: the numbers are in the card's text
            dcc.Graph(
                figure=sparkline_figure(
                    trend, selected_year=year or 0, value_label=definition.unit
                ),
                config={"displayModeBar": False, "staticPlot": True},
                className="sk-sparkline",
                style={"height": "70px"},
            ),
            **aria(hidden="true"),
        ),
        html.Details(
            [
                html.Summary("Over dit cijfer"),
                html.P(definition.definition, className="small"),
                source_note(sources, is_demo=is_demo),
            ],
            className="sk-about",
        ),
    ]
    card = dbc.Card([dbc.CardHeader(header), dbc.CardBody(body)], className="h-100 sk-kpi-card")
    return html.Section(card, id=card_id, className="h-100", **aria(label=definition.title))

"""A headline KPI card: value, rate, changes with their meaning, trend, and provenance."""

from __future__ import annotations

import math
from dataclasses import dataclass

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.components.provenance import demo_badge, provisional_badge, source_note
from dashboard.figures.sparkline import sparkline_figure
from dashboard.labels import (
    NO_DATA,
    KpiDefinition,
    format_euro,
    format_number,
    format_percent_change,
    format_point_change,
)


@dataclass(frozen=True)
class Change:
    """A change against an earlier year, with its direction spelled out."""

    label: str  # 't.o.v. 2021'
    text: str | None  # '−7,2%' or None when not computable
    verdict: str | None  # 'gunstig' | 'ongunstig' | 'gelijk'


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


def change_against(
    definition: KpiDefinition, current: float | None, earlier: float | None, label: str
) -> Change:
    """Change as text plus whether it is good news, by the KPI's direction."""
    if definition.unit == "%":
        text = format_point_change(current, earlier)
    else:
        text = format_percent_change(current, earlier)
    if text is None or current is None or earlier is None:
        return Change(label, None, None)
    if current == earlier:
        return Change(label, text, "gelijk")
    better = (current > earlier) == definition.higher_is_better
    return Change(label, text, "gunstig" if better else "ongunstig")


def _change_item(change: Change) -> html.Li:
    if change.text is None:
        return html.Li(f"{change.label}: niet te berekenen", className="text-body-secondary")
    arrow = "▲" if change.text.startswith("+") else "▼" if change.text.startswith("−") else "="
    return html.Li(
        [
            html.Span(f"{change.label}: "),
            html.Strong(f"{arrow} {change.text}"),
            html.Span(f" ({change.verdict})", className=f"sk-verdict sk-verdict-{change.verdict}"),
        ],
    )


def _short_source(sources: pd.DataFrame) -> str:
    """One visible line naming who published the numbers; details sit under 'Over dit cijfer'."""
    if sources.empty:
        return "Bron: geen gegevens"
    names = []
    for row in sources.itertuples(index=False):
        date = next(
            (d for d in (row.published_on, row.retrieved_at) if isinstance(d, str) and d), ""
        )
        names.append(f"{row.publisher} ({date[:4]})" if date else str(row.publisher))
    return "Bron: " + "; ".join(dict.fromkeys(names))


def _documented_line(sources: pd.DataFrame) -> html.P | None:
    """Say so when the main number is one a source document states (e.g. 311 in VNG Magazine)."""
    documents = sources[sources["kind"] == "document"] if len(sources) else sources
    if documents.empty:
        return None
    names = ", ".join(dict.fromkeys(documents["publisher"]))
    return html.P(f"★ Dit aantal staat in een brondocument: {names}.", className="small mb-1")


def kpi_card(
    definition: KpiDefinition,
    trend: pd.DataFrame,
    *,
    year: int,
    sources: pd.DataFrame,
    card_id: str,
) -> html.Section:
    """The card for one KPI in one year; `trend` holds every year of that KPI for the region."""
    current = trend[trend["year"] == year]
    row = current.iloc[0].to_dict() if len(current) else {}
    value = _number(row.get("value"))
    changes = [
        change_against(
            definition, value, _number(row.get("value_previous_year")), f"t.o.v. {year - 1}"
        ),
        change_against(
            definition,
            value,
            _number(row.get("value_baseline")),
            f"t.o.v. {row.get('baseline_year', 2018)} "
            f"({row.get('baseline_label') or 'referentiejaar'})",
        ),
    ]
    is_demo = bool(row.get("is_demo", False))
    header = [html.H2(definition.title, className="h6 mb-0 d-inline")]
    if is_demo:
        header.append(demo_badge())
    if row.get("is_provisional"):
        header.append(provisional_badge())
    rate = _number(row.get("rate"))
    body = [
        html.P(format_kpi_value(definition, value), className="sk-kpi-value mb-0"),
        html.P(
            f"{format_number(rate, definition.rate_decimals)} {definition.rate_label}"
            if definition.rate_label and rate is not None
            else "\u00a0",
            className="sk-kpi-rate text-body-secondary mb-1",
        ),
        html.Ul([_change_item(change) for change in changes], className="list-unstyled small mb-1"),
        html.P(
            "Lager is beter." if not definition.higher_is_better else "Hoger is beter.",
            className="small text-body-secondary mb-1",
        ),
        html.P(_short_source(sources), className="small text-body-secondary mb-1 sk-kpi-source"),
        _documented_line(sources),
        dcc.Graph(
            figure=sparkline_figure(trend, selected_year=year, value_label=definition.unit),
            config={"displayModeBar": False, "staticPlot": True},
            className="sk-sparkline",
            style={"height": "70px"},
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
    return html.Section(card, id=card_id, className="h-100", **{"aria-label": definition.title})

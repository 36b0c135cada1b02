"""A headline KPI card: value, rate, the year it is about, changes with their meaning (see
kpi_changes.py), the budget beside the spend, a document's own figure, trend and provenance.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.components.aria import aria
from dashboard.components.kpi_changes import (
    Change,
    KpiDefinition,
    format_kpi_value,
    kpi_changes,
    number,
)
from dashboard.components.provenance import demo_badge, provisional_badge, source_note
from dashboard.figures.sparkline import sparkline_figure
from dashboard.text.labels import RETRIEVED, SAMPLE_BADGE, format_number
from dashboard.text.narrative import status_clause


def _change_item(change: Change) -> html.Li:
    if change.text is None:
        reason = change.note or "niet te berekenen"
        return html.Li(f"{change.label}: {reason}", className="sk-muted")
    arrow = "▲" if change.text.startswith("+") else "▼" if change.text.startswith("−") else "="
    judgement = "; ".join(part for part in (change.verdict, change.note) if part)
    return html.Li(
        [
            html.Span(f"{change.label}: "),
            html.Strong(f"{arrow} {change.text}"),
            html.Span(
                f" ({judgement})", className=f"sk-verdict sk-verdict-{change.verdict or 'geen'}"
            ),
        ],
    )


def _short_name(row: Any) -> str:  # a row of itertuples
    """'CBS 85099NED (opgehaald 2025)', 'VNG Magazine (2023)': who, which table, which year."""
    publisher, reference = str(row.publisher), getattr(row, "reference", "")
    name = f"{publisher} {reference}" if isinstance(reference, str) and reference else publisher
    date = str(getattr(row, "date", "") or "")
    if not date:
        return name
    retrieved = date.startswith(RETRIEVED)
    year = date.removeprefix(RETRIEVED)[:4]
    return f"{name} ({'opgehaald ' if retrieved else ''}{year})"


def _short_source(sources: pd.DataFrame) -> str:
    """One visible line naming who published the numbers; details sit under 'Over dit cijfer'."""
    if sources.empty:
        return "Bron: geen gegevens"
    names = [_short_name(row) for row in sources.itertuples(index=False)]
    return "Bron: " + "; ".join(dict.fromkeys(names))


def _rate_line(definition: KpiDefinition, row: dict) -> html.P:
    rate = number(row.get("rate"))
    text = "\u00a0"
    if definition.rate_unit and rate is not None:
        text = f"{format_number(rate, definition.rate_decimals)} {definition.rate_unit}"
        if definition.rate_unit.startswith("euro "):  # one euro style on the card: € 341,26
            text = f"€ {format_number(rate, definition.rate_decimals)} {definition.rate_unit[5:]}"
        if row.get("rate_is_demo") and not row.get("is_demo"):
            text += " (noemer: voorbeeldgegevens)"
    return html.P(text, className="sk-kpi-rate sk-muted mb-1")


def _reference_line(definition: KpiDefinition, row: dict, labels: dict[str, str]) -> html.P | None:
    """The reference value (the budget) beside the value, and how far the value is from it."""
    reference, value = number(row.get("reference_value")), number(row.get("value"))
    if not definition.reference_label or reference is None:
        return None
    text = f"{definition.reference_label}: {format_kpi_value(definition, reference)}"
    if bool(row.get("reference_is_demo")) != bool(row.get("is_demo")):
        text += f" ({SAMPLE_BADGE.lower()} aan één kant: geen vergelijking)"
    elif value is not None and reference:
        difference = 100.0 * (value - reference) / reference
        side = "boven" if difference > 0 else "onder"
        text += f"; gerealiseerd {format_number(abs(difference), 1)}% {side} de begroting"
        text += status_clause((row.get("status"), row.get("reference_status")), labels)
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
    status_labels: dict[str, str] | None = None,
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
    value = format_kpi_value(definition, number(row.get("value"))) if row else "geen cijfer"
    body = [
        html.P(value, className="sk-kpi-value mb-0"),
        _rate_line(definition, row),
        *_year_line(year, note),
        _reference_line(definition, row, status_labels or {}),
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

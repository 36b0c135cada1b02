"""Where a number comes from: source lines, the sample-data badge and the provisional badge."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.components.aria import aria
from dashboard.text.labels import PROVISIONAL_BADGE, RETRIEVED, SAMPLE_BADGE, SAMPLE_EXPLANATION
from dashboard.text.source_lines import short_source_line, source_label


def demo_badge() -> dbc.Badge:
    """The visible 'Voorbeeldgegevens' marker, with its explanation as a tooltip text."""
    return dbc.Badge(
        [html.Span("⚠ ", **aria(hidden="true")), SAMPLE_BADGE],
        color="warning",
        text_color="dark",
        className="ms-1 sk-demo-badge",
        title=SAMPLE_EXPLANATION,
    )


def provisional_badge() -> dbc.Badge:
    """Marks figures the publisher calls provisional."""
    return dbc.Badge(
        PROVISIONAL_BADGE,
        color="info",
        text_color="dark",
        className="ms-1",
        title="De bron noemt dit cijfer voorlopig; het kan nog wijzigen.",
    )


def source_note(sources: pd.DataFrame, *, is_demo: bool) -> html.Div:
    """One short 'Bron' line for a number or chart, with every source in full one click away;
    plus the sample marker when any value is generated.

    `sources` has the columns dashboard.text.source_lines reads (publisher, title, reference,
    date, is_demo).
    """
    children: list = []
    if is_demo:
        children.append(html.P([demo_badge(), " ", SAMPLE_EXPLANATION], className="small mb-1"))
    if len(sources):
        children.append(
            html.P(
                "Bron: " + short_source_line(sources),
                className="small sk-muted mb-0 sk-source-line",
            )
        )
        full = [
            html.Li(source_label(row.publisher, row.title, row.reference, row.date))
            for row in sources.itertuples(index=False)
        ]
        children.append(
            html.Details(
                [
                    html.Summary("Bronnen in detail", className="small sk-muted"),
                    html.Ul(full, className="small sk-muted mb-0"),
                ],
                className="sk-source-details",
            )
        )
    return html.Div(children, className="sk-source-note")


def source_line(source: pd.Series | dict) -> str:
    """'Bron: VNG Magazine, Artikel (Paragraaf 'Lobbyen'), 13 oktober 2023' for a source record."""
    retrieved = source.get("retrieved_at")
    date = source.get("published_on") or (
        RETRIEVED + retrieved if retrieved else source.get("date")
    )
    return "Bron: " + source_label(
        source.get("publisher"), source.get("title"), source.get("reference"), date
    )

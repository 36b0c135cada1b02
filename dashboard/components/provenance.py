"""Where a number comes from: source lines and the sample-data badge."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.labels import (
    PROVISIONAL_BADGE,
    SAMPLE_BADGE,
    SAMPLE_EXPLANATION,
    format_date,
)


def demo_badge() -> dbc.Badge:
    """The visible 'Voorbeeldgegevens' marker, with its explanation as a tooltip text."""
    return dbc.Badge(
        [html.Span("⚠ ", **{"aria-hidden": "true"}), SAMPLE_BADGE],
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
        className="ms-1",
        title="De bron noemt dit cijfer voorlopig; het kan nog wijzigen.",
    )


def source_line(source: pd.Series | dict) -> str:
    """'Bron: CBS, Jeugdhulp 2022 (85099NED), 13 oktober 2023' in one line."""
    published, retrieved = _text(source.get("published_on")), _text(source.get("retrieved_at"))
    parts = [str(source["publisher"]), str(source["title"])]
    if _text(source.get("reference")):
        parts.append(str(source["reference"]))
    when = (
        f"gepubliceerd {format_date(published)}"
        if published
        else f"opgehaald {format_date(retrieved)}"
        if retrieved
        else "datum onbekend"
    )
    return f"Bron: {', '.join(parts)}; {when}"


def _text(value: object) -> str | None:
    """A non-empty string, or None for missing values (None, NaN, '')."""
    return value if isinstance(value, str) and value else None


def source_note(sources: pd.DataFrame, *, is_demo: bool) -> html.Div:
    """One line per source behind a number, plus the sample marker when any value is generated."""
    lines = [html.Li(source_line(row), className="sk-source-line") for _, row in sources.iterrows()]
    children: list = [html.Ul(lines, className="list-unstyled mb-0 small text-body-secondary")]
    if is_demo:
        children.insert(0, html.P([demo_badge(), " ", SAMPLE_EXPLANATION], className="small mb-1"))
    return html.Div(children, className="sk-source-note")

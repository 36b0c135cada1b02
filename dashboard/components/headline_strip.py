"""The four headline numbers at a glance, for phones: above the fold, each linking to its card.

On a 390 px screen the full cards stack to several screens; an alderman glancing at a phone in
a debate sees the four numbers first (with their year and any sample or provisional marker)
and scrolls to the card for the rest. Hidden on wider screens and on paper, where the cards
themselves fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from dash import html

from dashboard.components.aria import aria
from dashboard.components.chart_panel import download_buttons
from dashboard.components.kpi_changes import KpiDefinition, format_kpi_value, number
from dashboard.text.labels import PROVISIONAL_BADGE, SAMPLE_BADGE
from dashboard.text.source_lines import combine, short_source_line


@dataclass(frozen=True)
class Headline:
    """One card's number as the strip shows it."""

    definition: KpiDefinition
    row: dict
    year: int | None
    card_id: str
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)


def _tile(headline: Headline) -> html.Li:
    row = headline.row
    value = (
        format_kpi_value(headline.definition, number(row.get("value"))) if row else "geen cijfer"
    )
    marks = []
    if row.get("is_demo") or row.get("rate_is_demo"):
        marks.append(html.Span(SAMPLE_BADGE, className="badge text-bg-warning ms-1"))
    if row.get("is_provisional"):
        marks.append(html.Span(PROVISIONAL_BADGE, className="badge text-bg-info ms-1"))
    year = f" ({headline.year})" if headline.year else ""
    return html.Li(
        html.A(
            [
                html.Span(
                    headline.definition.short_title or headline.definition.title,
                    className="sk-headline-label",
                ),
                html.Strong(value, className="sk-headline-value"),
                html.Span([year.strip(), *marks], className="sk-headline-year"),
            ],
            href=f"#{headline.card_id}",
        )
    )


def headline_strip(headlines: list[Headline]) -> html.Section:
    """The tiles, two by two (phones only)."""
    return html.Section(
        html.Ul([_tile(h) for h in headlines], className="sk-headlines list-unstyled mb-0"),
        className="d-md-none d-print-none mb-2",
        **aria(label="In één oogopslag"),
    )


def headline_download(
    headlines: list[Headline], *, place: str, link: str, status_labels: dict[str, str]
) -> html.Div:
    """The four cards as rows (CSV or Excel, with their sources), like every chart's download."""
    rows = []
    for headline in headlines:
        row, definition = headline.row, headline.definition
        rows.append(
            {
                "Plaats": place,
                "Kerncijfer": definition.title,
                "Jaar": headline.year,
                "Waarde": number(row.get("value")),
                "Eenheid": definition.unit,
                "Per inwoners of jongeren": number(row.get("rate")),
                "Eenheid (per)": definition.rate_unit or "",
                "Status": status_labels.get(str(row.get("status")), "") if row else "",
                "Bron": short_source_line(headline.sources) if len(headline.sources) else "",
            }
        )
    table = pd.DataFrame(rows)
    stored = {
        "rows": table.astype(object).where(table.notna(), None).to_dict("records"),
        "columns": list(table.columns),
        "sources": combine(*[h.sources for h in headlines]).to_dict("records"),
        "link": link,
        "name": f"kerncijfers-{place}",
    }
    return html.Div(
        [
            html.P("Deze kerncijfers downloaden:", className="small mb-0"),
            download_buttons("kerncijfers-kaarten", stored),
        ],
        className="d-print-none mb-3",
    )

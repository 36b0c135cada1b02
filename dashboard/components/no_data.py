"""A panel that has nothing to draw says so in plain Dutch, and how to get the numbers."""

from __future__ import annotations

from dash import dcc, html

from dashboard.components.aria import aria


def graph_placeholder(graph_id: str) -> dcc.Graph:
    """A hidden, empty graph under the id a page callback listens to (clicks never come)."""
    return dcc.Graph(id=graph_id, style={"display": "none"}, config={"staticPlot": True})


def no_data_panel(
    panel_id: str,
    title: str,
    text: str,
    template: str | None = None,
    *,
    graph_id: str | None = None,
) -> html.Section:
    """The panel's title, why there is nothing to show, and the import template if any.

    `graph_id`: the panel's chart is an input of the page's callback, so a hidden placeholder
    keeps that id in the page.
    """
    children: list = [html.H2(title, className="h5"), html.P(text, className="mb-1")]
    if template:
        children.append(
            html.P(
                [
                    "Sjabloon: ",
                    html.A(template, href=f"/sjablonen/{template}", download=template),
                    " · ",
                    html.A("uitleg op de pagina Gegevens", href="/gegevens"),
                ],
                className="small mb-0",
            )
        )
    if graph_id:
        children.append(graph_placeholder(graph_id))
    return html.Section(
        children,
        id=panel_id,
        className="sk-panel sk-no-data border rounded p-3 mb-4",
        **aria(label=title),
    )

"""The peer floor: a minimal Dash app with one plotly line chart, served like Sociaal Kompas.

Same plotly.js bundle (the partial build, async in the head), same compression, same gunicorn
settings; one page whose chart is drawn by one callback from the link. What Sociaal Kompas
costs above this is what its pages, data and honesty cost.
Serve it alone with `gunicorn benchmarks.minimal_app:server`.
"""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, dcc, html

from dashboard.serving.frontend import head_tags, register_plotly_bundle
from dashboard.serving.http_policy import install_http_policy

app = dash.Dash(__name__, assets_folder="/nonexistent", serve_locally=True)
app.index_string = app.index_string.replace("{%metas%}", "{%metas%}\n        " + head_tags())
register_plotly_bundle(app)
install_http_policy(app)  # the same headers, caching and compression
app.layout = html.Div([dcc.Location(id="url"), dcc.Graph(id="chart")])
server = app.server


@server.route("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.callback(Output("chart", "figure"), Input("url", "search"))
def chart(search: str | None) -> dict[str, Any]:
    """A ten-year line chart as a plain figure dict (no data store behind it)."""
    start = 2015 + len(search or "") % 3
    years = list(range(start, start + 10))
    return {
        "data": [{"type": "scatter", "mode": "lines+markers", "x": years, "y": years}],
        "layout": {"height": 300, "margin": {"l": 40, "r": 10, "t": 10, "b": 30}},
    }


def callback_request(search: str) -> dict[str, Any]:
    """The body dash-renderer posts for the chart."""
    return {
        "output": "chart.figure",
        "outputs": {"id": "chart", "property": "figure"},
        "inputs": [{"id": "url", "property": "search", "value": search}],
        "changedPropIds": ["url.search"],
        "state": [],
    }

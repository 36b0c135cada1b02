"""The map of a comparison group: municipalities coloured by one measure, the chosen one outlined.

Pure: a DataFrame in, a plotly Figure out. The outlines come from a GeoJSON the app serves
itself (no tile server, no CDN), so the map works on a closed network.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import build_figure, choropleth, is_generated
from dashboard.text.labels import SAMPLE_BADGE, format_number

# Colour-blind-safe sequential scale (cividis); light = low, dark = high.
COLORSCALE = "Cividis"


def _hover(frame: pd.DataFrame, unit: str, decimals: int) -> list[str]:
    return [
        f"<b>{name}</b><br>{int(year)}: {format_number(value, decimals)} {unit}"
        + (f"<br><i>{SAMPLE_BADGE.lower()}</i>" if hollow else f"<br>{status}")
        for name, year, value, status, hollow in zip(
            frame["municipality_name"],
            frame["year"],
            frame["value"],
            frame["status_label"],
            is_generated(frame),
            strict=True,
        )
    ]


def _colorbar(title: str, decimals: int, *, generated: bool) -> dict:
    """The scale under the map, across: on a phone the map keeps the whole width."""
    return {
        # the title above the scale (beside it, a phone clipped it) and no trailing zeros
        "title": {
            "text": title + (f"<br>({SAMPLE_BADGE.lower()})" if generated else ""),
            "side": "top",
        },
        "tickformat": f",.{decimals}~f",
        "orientation": "h",
        "x": 0.5,
        "xanchor": "center",
        "y": 0,
        "yanchor": "top",
        "len": 0.9,
        "thickness": 12,
    }


def _context_trace(codes: list[str], geojson_url: str) -> dict:
    """Municipalities around the group, in light grey: they show where the group lies."""
    return choropleth(
        geojson=geojson_url,
        featureidkey="properties.statcode",
        locations=codes,
        z=[0] * len(codes),
        colorscale=[[0, "#eeeeee"], [1, "#eeeeee"]],
        showscale=False,
        marker={"line": {"color": "white", "width": 0.6}},
        hoverinfo="skip",
    )


def _value_trace(
    frame: pd.DataFrame,
    geojson_url: str,
    unit: str,
    decimals: int,
    title: str,
    span: tuple[float, float],
    is_sample: bool,
) -> dict:
    """Real values in the colour scale; generated ones in greys with a scale of their own, so
    the status shows in the colour itself, not only in the hover text."""
    bar = _colorbar(title, decimals, generated=is_sample)
    if is_sample:
        bar.update(y=-0.34)  # under the first scale, its title included
    return choropleth(
        geojson=geojson_url,
        featureidkey="properties.statcode",
        locations=frame["municipality_code"],
        z=frame["value"],
        zmin=span[0],
        zmax=span[1],
        colorscale="Greys" if is_sample else COLORSCALE,
        reversescale=not is_sample,
        marker={"line": {"color": "#333333", "width": 0.8}},
        text=_hover(frame, unit, decimals),
        hovertemplate="%{text}<extra></extra>",
        colorbar=bar,
    )


def map_figure(
    values: pd.DataFrame,
    *,
    geojson_url: str,
    selected: str,
    unit: str,
    decimals: int,
    colorbar_title: str,
    context: list[str] | None = None,
) -> go.Figure:
    """One municipality per shape, coloured by `value` and outlined dark (the group); `context`
    in light grey around it; `selected` drawn with a thick outline."""
    traces: list[dict] = []
    shown = values.dropna(subset=["value"])
    hollow = is_generated(shown)
    real, generated = shown[[not h for h in hollow]], shown[hollow]
    if context:
        traces.append(_context_trace(context, geojson_url))
    span = (shown["value"].min(), shown["value"].max()) if len(shown) else (0, 1)
    for part, is_sample in ((real, False), (generated, True)):
        if len(part):
            traces.append(
                _value_trace(part, geojson_url, unit, decimals, colorbar_title, span, is_sample)
            )
    outline = values[values["municipality_code"] == selected]
    if len(outline):
        traces.append(
            choropleth(
                geojson=geojson_url,
                featureidkey="properties.statcode",
                locations=outline["municipality_code"],
                z=[0],
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                marker={"line": {"color": "#d55e00", "width": 3}},
                hoverinfo="skip",
            )
        )
    # The base layer is hidden, but plotly.js still loads it: 'europe' is the smallest scope
    # that holds the Netherlands, served from assets/vendor/topojson (see the chart config).
    bottom = 170 if len(generated) else 80  # room for the scales and their titles above them
    layout = {
        "geo": {
            "scope": "europe",
            "fitbounds": "locations",
            "visible": False,
            "projection": {"type": "mercator"},
        },
        "margin": {"l": 0, "r": 0, "t": 10, "b": bottom},
        "clickmode": "event",
    }
    return build_figure(traces, layout, height=460)

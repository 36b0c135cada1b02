"""Figures for the case pages: shared timeline, participation ladder, one case's milestones."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import PALETTE, new_figure

LADDER_STEPS = ("loslaten", "faciliteren", "stimuleren", "regisseren", "reguleren")
LADDER_LABELS = ("Loslaten", "Faciliteren", "Stimuleren", "Regisseren", "Reguleren")


def _wrap(text: str, width: int = 60) -> str:
    return "<br>".join(textwrap.wrap(text, width))


def timeline_figure(timeline: pd.DataFrame, *, height: int | None = None) -> go.Figure:
    """Milestones of several cases on one time axis; year-only dates are hollow, mid-year."""
    names = list(dict.fromkeys(timeline.sort_values("year_fraction")["case_name"]))
    figure = new_figure(height=height or max(260, 40 * len(names) + 120))
    for index, name in enumerate(names):
        rows = timeline[timeline["case_name"] == name]
        figure.add_trace(
            go.Scatter(
                x=rows["year_fraction"],
                y=[name] * len(rows),
                mode="lines+markers",
                name=name,
                showlegend=False,
                line={"color": PALETTE[index % len(PALETTE)], "width": 1},
                marker={
                    "size": 11,
                    "color": PALETTE[index % len(PALETTE)],
                    "symbol": ["circle-open" if y else "diamond" for y in rows["is_year_only"]],
                    "line": {"width": 2},
                },
                text=[
                    f"<b>{d}</b><br>{_wrap(t)}"
                    for d, t in zip(rows["date_text"], rows["description"], strict=True)
                ],
                hovertemplate="%{text}<extra>" + name + "</extra>",
            )
        )
    figure.update_layout(
        xaxis={
            "title": "Jaar (open rondje: alleen het jaar is bekend)",
            "dtick": 1,
            "tickformat": "d",
        },
        yaxis={"autorange": "reversed", "title": None},
        margin={"l": 10, "r": 10, "t": 20, "b": 40},
    )
    return figure


def ladder_figure(ladder: pd.DataFrame) -> go.Figure:
    """Every case on the five-step ladder: overall position filled, dated positions hollow
    and labelled with their period, connected in time order where the role shifted."""
    names = sorted(ladder["case_name"].unique())
    figure = new_figure(height=max(300, 36 * len(names) + 140))
    overall = ladder[ladder["is_overall"]]
    figure.add_trace(
        go.Scatter(
            x=overall["step_rank"],
            y=overall["case_name"],
            mode="markers",
            name="Positie (geheel)",
            marker={"symbol": "square", "size": 13, "color": PALETTE[0]},
            hovertemplate="%{y}: %{customdata}<extra></extra>",
            customdata=[LADDER_LABELS[r - 1] for r in overall["step_rank"]],
        )
    )
    shifts = ladder[~ladder["is_overall"]].sort_values(["case_name", "from_year", "step_rank"])
    for name, rows in shifts.groupby("case_name", sort=False):
        periods = [
            f"{int(a)}–{'' if pd.isna(b) else int(b)}"
            for a, b in zip(rows["from_year"], rows["to_year"], strict=True)
        ]
        figure.add_trace(
            go.Scatter(
                x=rows["step_rank"] + 0.12,
                y=[name] * len(rows),
                mode="lines+markers+text",
                name="Verschuiving in de tijd",
                showlegend=bool(name == shifts["case_name"].iloc[0]),
                line={"color": PALETTE[1], "dash": "dot"},
                marker={
                    "symbol": "circle-open",
                    "size": 11,
                    "color": PALETTE[1],
                    "line": {"width": 2},
                },
                text=periods,
                textposition="top center",
                textfont={"size": 10},
                hovertemplate="%{y}, %{text}<extra></extra>",
            )
        )
    figure.update_layout(
        xaxis={
            "tickvals": list(range(1, 6)),
            "ticktext": list(LADDER_LABELS),
            "range": [0.5, 5.6],
            "title": "Overheidsparticipatietrap (van loslaten naar reguleren)",
        },
        yaxis={"autorange": "reversed", "title": None},
        legend={"orientation": "h", "y": -0.25},
        margin={"l": 10, "r": 10, "t": 20, "b": 40},
    )
    return figure

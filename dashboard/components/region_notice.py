"""A notice for a municipality that no longer exists: until when, and who took over."""

from __future__ import annotations

from collections.abc import Iterable

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html


def _successors(value: object) -> list[dict]:
    if value is None or isinstance(value, str | float) or not isinstance(value, Iterable):
        return []
    return [dict(item) for item in value]


def _names(links: list) -> list:
    """'A', 'A en B', 'A, B en C' with each name a link."""
    if len(links) <= 1:
        return links
    return [part for link in links[:-2] for part in (link, ", ")] + [links[-2], " en ", links[-1]]


def region_notice(regions: pd.DataFrame, code: str, year: int | None) -> dbc.Alert | None:
    """'Haaren bestaat sinds 2021 niet meer: ...' with links to its successors (else None)."""
    rows = regions[regions["municipality_code"] == code]
    if rows.empty or pd.isna(rows["valid_to_year"].iloc[0]):
        return None
    row = rows.iloc[0]
    last = int(row["valid_to_year"])
    successors = _successors(row["successors"])
    links = [html.A(s["name"], href=f"?gemeente={s['code']}") for s in successors]
    text: list = [f"{row['municipality_name']} bestaat sinds {last + 1} niet meer"]
    if links:
        verb = "is opgedeeld tussen" if len(links) > 1 else "is opgegaan in"
        text += [f"; de gemeente {verb} ", *_names(links)]
    text.append(f". Cijfers zijn er tot en met {last}.")
    if isinstance(row.get("successor_note_nl"), str) and row["successor_note_nl"]:
        text.append(f" {row['successor_note_nl']}")
    if year and year > last:
        text.append(f" Over {year} bestaan dus geen cijfers van deze gemeente.")
    return dbc.Alert(text, color="info", className="sk-region-notice")

"""URL state of the indicator pages: what a link asks for, validated, with defaults left out.

A page declares an `IndicatorPage`; `parse_view` turns the link's query into a `ViewState`,
naming every parameter it could not use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pandas as pd
from dash import html

from dashboard import queries
from dashboard.settings import get_settings
from dashboard.url_state import (
    UrlProblem,
    non_default,
    parse_choice,
    parse_codes,
    parse_municipality,
    parse_period,
    parse_year,
    unknown_parameters,
)

COMPARISONS = {
    "provincie": "Gemeenten in dezelfde provincie",
    "grootte": "Gemeenten van vergelijkbare grootte",
    "selectie": "Eigen selectie",
}


PARAMETERS = ("gemeente", "vergelijking", "selectie", "van", "tot", "maat", "jaar", "categorie")


NATIONAL = "NL01"


@dataclass(frozen=True)
class Measure:
    """A way to express the indicator (URL value `key`), e.g. 'per1000' -> per_1000_youth."""

    key: str
    measure: str
    label: str
    axis: str
    sentence: str  # level sentence with {year}, {value}, {name}
    unit: str  # after a number: '311 jongeren', '12,4 per 1.000 jongeren'
    decimals: int = 0
    in_points: bool = False
    comparable: bool = True  # counts and euros differ by size: no band or national line


@dataclass(frozen=True)
class IndicatorPage:
    """Declarative description of one indicator page."""

    page: str
    title: str
    question: str
    indicator: str
    headline_category: str
    headline_title: str
    breakdown_title: str
    measures: tuple[Measure, ...]
    extra_panels: tuple[Callable[[ViewState, str], html.Section], ...] = ()

    def measure(self, key: str) -> Measure:
        """The measure with URL value `key`."""
        return next(m for m in self.measures if m.key == key)


@dataclass
class ViewState:
    """Everything the link says, validated."""

    code: str
    name: str
    comparison: str
    selection: list[str]
    group: list[str]
    period: tuple[int, int]
    measure: Measure
    detail_year: int
    detail_category: str | None
    query: dict[str, str]
    defaults: dict[str, str]
    problems: list[UrlProblem] = field(default_factory=list)

    def search(self) -> str:
        """The link's query string, defaults left out."""
        return "?" + urlencode(self.query, safe=",") if self.query else ""


def comparison_group(
    regions: pd.DataFrame, code: str, kind: str, selection: list[str]
) -> list[str]:
    """Codes of the peer municipalities (never the municipality itself)."""
    municipalities = regions[regions["region_kind"] == "municipality"]
    own = regions[regions["municipality_code"] == code]
    if kind == "selectie":
        peers = selection
    elif kind == "grootte" and len(own):
        peers = municipalities.loc[
            municipalities["size_class"] == own["size_class"].iloc[0], "municipality_code"
        ].tolist()
    else:
        province = own["province_code"].iloc[0] if len(own) else None
        peers = municipalities.loc[
            municipalities["province_code"] == province, "municipality_code"
        ].tolist()
    return [peer for peer in peers if peer != code]


def parse_view(config: IndicatorPage, query: dict[str, str], regions: pd.DataFrame) -> ViewState:
    """Validate every URL parameter; bad ones fall back to defaults and are reported."""
    known = regions["municipality_code"].tolist()
    code, problem = parse_municipality(
        query.get("gemeente"), known, get_settings().default_municipality
    )
    problems = [p for p in [problem] if p]
    comparison, problem = parse_choice(
        "vergelijking", query.get("vergelijking"), COMPARISONS, "provincie"
    )
    selection, selection_problem = parse_codes("selectie", query.get("selectie"), known)
    measures = {m.key: m.label for m in config.measures}
    measure_key, measure_problem = parse_choice(
        "maat", query.get("maat"), measures, config.measures[0].key
    )
    years = queries.available_years(code)
    period, period_problems = parse_period(query.get("van"), query.get("tot"), years)
    in_period = [y for y in years if period[0] <= y <= period[1]]
    detail_year, year_problem = parse_year(query.get("jaar"), in_period)
    problems += [p for p in (problem, selection_problem, measure_problem, year_problem) if p]
    problems += period_problems + unknown_parameters(query, PARAMETERS)
    name = regions.loc[regions["municipality_code"] == code, "municipality_name"].iloc[0]
    state_query = {
        "gemeente": code,
        "vergelijking": comparison,
        "selectie": ",".join(selection),
        "van": period[0],
        "tot": period[1],
        "maat": measure_key,
        "jaar": detail_year,
        "categorie": query.get("categorie"),
    }
    defaults = {
        "gemeente": get_settings().default_municipality,
        "vergelijking": "provincie",
        "van": years[0] if years else "",
        "tot": years[-1] if years else "",
        "maat": config.measures[0].key,
        "jaar": in_period[-1] if in_period else "",
    }
    return ViewState(
        code=code,
        name=name,
        comparison=comparison,
        selection=selection,
        group=comparison_group(regions, code, comparison, selection),
        period=period,
        measure=config.measure(measure_key),
        detail_year=detail_year or period[1],
        detail_category=query.get("categorie") or None,
        query=non_default(state_query, defaults),
        defaults={key: str(value) for key, value in defaults.items()},
        problems=problems,
    )


def component_ids(page: str) -> dict[str, str]:
    """Ids of a page's components, prefixed by the page so pages never collide."""
    names = ("url", "state", "gemeente", "vergelijking", "selectie", "periode", "maat")
    # The breakdown panel itself is '<page>-breakdown'; its graph needs an id of its own.
    return {**{name: f"{page}-{name}" for name in names}, "breakdown": f"{page}-breakdown-graph"}

"""URL state of the indicator pages: what a link asks for, validated, with defaults left out.

`parse_view` is pure: it gets the link's parameters and the regions, years and categories it
checks them against, and returns a `ViewState` naming every parameter it could not use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from dashboard.indicators.catalogue import Indicator, Measure
from dashboard.indicators.groups import (
    COMPARISONS,
    DEFAULT_COMPARISON,
    Group,
    GroupIndex,
    find_group,
)
from dashboard.serving.url_state import (
    UrlProblem,
    non_default,
    parse_choice,
    parse_codes,
    parse_municipality,
    parse_period,
    parse_year,
)


@dataclass(frozen=True)
class Control:
    """A control of the indicator pages, declared once: its link parameter is also its
    component id (`<page>-<name>`), its callback input and its key in the link's query.
    `in_link` turns the control's value into the link's text."""

    name: str
    in_link: Callable[[Any], str] = lambda value: "" if value in (None, "") else str(value)


CONTROLS = (
    Control("gemeente"),
    Control("vergelijking"),
    Control("selectie", in_link=lambda codes: ",".join(codes or [])),
    Control("van"),
    Control("tot"),
    Control("maat"),
)
CLICKED = ("jaar", "categorie")  # set by a click on the breakdown chart, not by a control
PARAMETERS = (*(control.name for control in CONTROLS), *CLICKED)
NATIONAL = "NL01"


@dataclass
class ViewState:
    """Everything the link says, validated."""

    code: str
    name: str
    comparison: str
    selection: list[str]
    group: Group  # the comparison group in the year shown (the municipality included)
    period: tuple[int, int]
    years: list[int]  # years with data for the region
    measure: Measure
    detail_year: int
    detail_category: str | None
    query: dict[str, str]  # the non-default parameters, in link order
    defaults: dict[str, str]
    problems: list[UrlProblem] = field(default_factory=list)

    def search(self) -> str:
        """The link's query string, defaults left out."""
        return "?" + urlencode(self.query, safe=",") if self.query else ""


@dataclass(frozen=True)
class LinkContext:
    """What a link is checked against: regions, their years, the indicator's categories."""

    regions: pd.DataFrame
    years_by_region: Mapping[str, list[int]]
    categories: list[str]
    default_code: str
    memberships: GroupIndex  # the groups of every municipality per year (groups.py)


def parse_view(indicator: Indicator, query: Mapping[str, str], context: LinkContext) -> ViewState:
    """Validate every URL parameter; bad ones fall back to defaults and are reported."""
    regions = context.regions
    names = dict(zip(regions["municipality_code"], regions["municipality_name"], strict=True))
    code, problem = parse_municipality(query.get("gemeente"), names, context.default_code)
    problems = [problem]
    comparison, problem = parse_choice(
        "vergelijking",
        query.get("vergelijking"),
        {key: label for key, (_, label) in COMPARISONS.items()},
        DEFAULT_COMPARISON,
    )
    selection, selection_problem = parse_codes("selectie", query.get("selectie"), names)
    measure_key, measure_problem = parse_choice(
        "maat",
        query.get("maat"),
        {m.key: m.label for m in indicator.measures},
        indicator.measures[0].key,
    )
    years = list(context.years_by_region.get(code, []))
    period, period_problems = parse_period(query.get("van"), query.get("tot"), years)
    in_period = [y for y in years if period[0] <= y <= period[1]]
    detail_year, year_problem = parse_year(query.get("jaar"), in_period)
    category, category_problem = _parse_category(query.get("categorie"), context.categories)
    problems += [problem, selection_problem, measure_problem, year_problem, category_problem]
    state_query = {
        "gemeente": code,
        "vergelijking": comparison,
        "selectie": ",".join(selection),
        "van": period[0],
        "tot": period[1],
        "maat": measure_key,
        "jaar": detail_year,
        "categorie": category,
    }
    defaults = {
        "gemeente": context.default_code,
        "vergelijking": DEFAULT_COMPARISON,
        "van": years[0] if years else "",
        "tot": years[-1] if years else "",
        "maat": indicator.measures[0].key,
        "jaar": in_period[-1] if in_period else "",
    }
    return ViewState(
        code=code,
        name=names[code],
        comparison=comparison,
        selection=selection,
        group=find_group(
            context.memberships, comparison, code, detail_year or period[1], selection
        ),
        period=period,
        years=years,
        measure=indicator.measure(measure_key),
        detail_year=detail_year or period[1],
        detail_category=category,
        query=non_default(state_query, defaults),
        defaults={key: str(value) for key, value in defaults.items()},
        problems=[p for p in problems if p] + period_problems,
    )


def _parse_category(raw: str | None, categories: list[str]) -> tuple[str | None, UrlProblem | None]:
    if not raw:
        return None, None
    if raw in categories:
        return raw, None
    return None, UrlProblem("categorie", raw, "onbekende categorie; die is genegeerd.")


def component_ids(page: str) -> dict[str, str]:
    """Ids of a page's components, prefixed by the page so pages never collide."""
    names = ("url", "state", *(control.name for control in CONTROLS))
    # The breakdown and map panels are '<page>-breakdown' and '<page>-kaart'; their graphs need
    # ids of their own.
    return {
        **{name: f"{page}-{name}" for name in names},
        "breakdown": f"{page}-breakdown-graph",
        "kaart": f"{page}-kaart-graph",
    }

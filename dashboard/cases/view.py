"""Filters of the case collection: parsed from the link, applied to the case overview."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from dashboard.serving.url_state import UrlProblem, parse_choice, parse_year

Labels = dict[str, dict[str, str]]  # vocabulary -> code -> Dutch label (from the store)
LADDER_NOTE = (
    "Elke casus staat op de trede(n) waarop de overheid werkte; een grijze balk verbindt treden "
    "die tegelijk golden. Open rondje: eerdere positie, dicht rondje: huidige of laatst "
    "beschreven positie; de pijl wijst van eerder naar later. Boven elke positie staan de jaren."
)
PARAMETERS = ("thema", "trede", "provincie", "van", "tot", "zoek")
MAX_SEARCH = 80


@dataclass
class CaseFilters:
    """What the collection link asks for; empty means 'all'."""

    theme: str = ""
    step: str = ""
    province: str = ""
    first_year: int | None = None
    last_year: int | None = None
    search: str = ""
    problems: list[UrlProblem] = field(default_factory=list)

    def query(self) -> dict[str, str]:
        """The filters as link parameters (empty ones left out)."""
        values = {
            "thema": self.theme,
            "trede": self.step,
            "provincie": self.province,
            "van": self.first_year,
            "tot": self.last_year,
            "zoek": self.search,
        }
        return {key: str(value) for key, value in values.items() if value not in (None, "")}


def case_years(overview: pd.DataFrame) -> list[int]:
    """Every year from the first case's start to the last year any case describes."""
    if overview.empty:
        return []
    years = pd.concat([overview["period_start_year"], overview["period_end_year"]]).dropna()
    return list(range(int(years.min()), int(years.max()) + 1))


def parse_filters(query: dict[str, str], overview: pd.DataFrame, labels: Labels) -> CaseFilters:
    """Validate the link's filters against what the store holds."""
    provinces = {name: name for name in sorted(overview["province_name"].unique())}
    filters, problems = CaseFilters(), []
    for attribute, name, choices in (
        ("theme", "thema", labels.get("case_theme", {})),
        ("step", "trede", labels.get("ladder_step", {})),
        ("province", "provincie", provinces),
    ):
        value, problem = _optional_choice(name, query.get(name), choices)
        setattr(filters, attribute, value)
        problems += [problem] if problem else []
    years = case_years(overview)
    filters.first_year, problem = _optional_year("van", query.get("van"), years)
    problems += [problem] if problem else []
    filters.last_year, problem = _optional_year("tot", query.get("tot"), years)
    problems += [problem] if problem else []
    if filters.first_year and filters.last_year and filters.first_year > filters.last_year:
        problems.append(
            UrlProblem(
                "van",
                str(filters.first_year),
                f"het beginjaar ligt na het eindjaar {filters.last_year} (parameter 'tot'); "
                "we tonen alle jaren.",
            )
        )
        filters.first_year = filters.last_year = None
    filters.search = (query.get("zoek") or "").strip()[:MAX_SEARCH]
    filters.problems = problems
    return filters


def _optional_year(
    name: str, raw: str | None, years: list[int]
) -> tuple[int | None, UrlProblem | None]:
    if not raw:
        return None, None
    year, problem = parse_year(raw, years)
    if problem is None:
        return year, None
    span = f"{years[0]}–{years[-1]}" if years else "geen jaren"
    message = f"dit jaar ligt niet in {span}; genegeerd."
    return None, UrlProblem(name, raw, message)


def _optional_choice(
    name: str, raw: str | None, choices: dict[str, str]
) -> tuple[str, UrlProblem | None]:
    value, problem = parse_choice(name, raw, choices, "")
    if problem:
        problem = UrlProblem(
            name,
            problem.value,
            problem.message_nl.replace("we tonen ''.", "we tonen alle casussen."),
        )
    return value, problem


def filter_cases(overview: pd.DataFrame, filters: CaseFilters) -> pd.DataFrame:
    """The cases that match every filter (search: name, summary, place, case-insensitive)."""
    keep = pd.Series(True, index=overview.index)
    if filters.theme:
        keep &= overview["themes"].map(lambda themes: filters.theme in list(themes))
    if filters.step:
        keep &= overview["ladder_steps"].map(lambda steps: filters.step in list(steps))
    if filters.province:
        keep &= overview["province_name"] == filters.province
    if filters.first_year is not None:
        keep &= overview["period_end_year"].fillna(9999) >= filters.first_year
    if filters.last_year is not None:
        keep &= overview["period_start_year"] <= filters.last_year
    if filters.search:
        columns = ("case_name", "summary", "municipality_name", "neighbourhood")
        haystack = overview[list(columns)].fillna("").astype(str).agg(" ".join, axis=1)
        keep &= haystack.map(_folded).str.contains(_folded(filters.search), regex=False)
    return overview[keep]


def _folded(text: str) -> str:
    """Lower case without accents, so 'cooperatie' finds 'Coöperatie'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def home_cases_first(cases: pd.DataFrame, municipality_code: str) -> pd.DataFrame:
    """The configured municipality's own cases lead the collection, the rest keep their order.

    The reference customer opens /casussen to see its own cooperative beside the others; a
    stable sort keeps the chronological order within both groups.
    """
    is_home = cases["municipality_code"] == municipality_code
    return cases.sort_values(by="municipality_code", key=lambda _: ~is_home, kind="stable")

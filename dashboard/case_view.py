"""Filters of the case collection: parsed from the link, applied to the case overview."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.url_state import UrlProblem, parse_choice, parse_year, unknown_parameters

THEME_LABELS = {
    "jeugd": "Jeugd",
    "wmo": "Wmo",
    "participatie": "Participatie",
    "onderwijs": "Onderwijs",
    "leefbaarheid": "Leefbaarheid",
    "voorzieningen": "Voorzieningen",
    "werk_en_inkomen": "Werk en inkomen",
    "taal": "Taal",
    "veiligheid": "Veiligheid",
    "zorg_en_welzijn": "Zorg en welzijn",
    "professionalisering": "Professionalisering",
}
LADDER_LABELS = {
    "loslaten": "Loslaten",
    "faciliteren": "Faciliteren",
    "stimuleren": "Stimuleren",
    "regisseren": "Regisseren",
    "reguleren": "Reguleren",
}
FACTOR_THEME_LABELS = {
    "burgerkracht": "Burgerkracht en ondernemerszin",
    "organiserend_vermogen": "Organiserend vermogen van instanties",
    "gedeelde_urgentie": "Gedeeld gevoel van urgentie",
    "rolduidelijkheid": "Duidelijkheid over rollen",
    "open_communicatie": "Open en eerlijke communicatie",
    "persoonlijke_betrokkenheid": "Persoonlijke betrokkenheid",
    "politieke_steun": "Politieke gedragenheid",
    "overig": "Overig",
}
ACTOR_TYPE_LABELS = {
    "bewonersinitiatief": "Bewonersinitiatieven",
    "vrijwilligersorganisatie": "Vrijwilligersorganisaties",
    "welzijnsorganisatie": "Welzijnsorganisaties",
    "zorgaanbieder": "Zorgaanbieders",
    "gemeente": "Gemeente",
    "overheid_overig": "Overige overheid",
    "school": "Onderwijs",
    "woningcorporatie": "Woningcorporaties",
    "bedrijf": "Bedrijven en ondernemers",
    "kennisinstelling": "Kennisinstellingen",
    "fonds": "Fondsen",
    "cooperatie": "Coöperaties",
    "overig": "Overig",
}
ROLE_LABELS = {
    "initiatiefnemer": "initiatiefnemer",
    "partner": "partner",
    "financier": "financier",
    "opdrachtgever": "opdrachtgever",
    "ondersteuner": "ondersteuner",
}
PHASE_LABELS = {
    "pionier": "Pionier",
    "groei": "Groei",
    "verankerd": "Verankerd",
    "beeindigd": "Beëindigd",
}
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


def parse_filters(query: dict[str, str], overview: pd.DataFrame) -> CaseFilters:
    """Validate the link's filters against what the store holds."""
    provinces = {name: name for name in sorted(overview["province_name"].unique())}
    years = sorted(
        set(overview["start_year"].astype(int))
        | set(overview["period_end_year"].dropna().astype(int))
    )
    filters, problems = CaseFilters(), unknown_parameters(query, PARAMETERS)
    filters.theme, problem = _optional_choice("thema", query.get("thema"), THEME_LABELS)
    problems += [problem] if problem else []
    filters.step, problem = _optional_choice("trede", query.get("trede"), LADDER_LABELS)
    problems += [problem] if problem else []
    filters.province, problem = _optional_choice("provincie", query.get("provincie"), provinces)
    problems += [problem] if problem else []
    for name in ("van", "tot"):
        raw = query.get(name)
        if raw:
            year, problem = parse_year(raw, list(range(years[0], years[-1] + 1)))
            if problem:
                problems.append(
                    UrlProblem(
                        name,
                        raw,
                        f"Het jaar '{raw}' (parameter '{name}') "
                        f"valt buiten {years[0]}–{years[-1]}; genegeerd.",
                    )
                )
            else:
                setattr(filters, "first_year" if name == "van" else "last_year", year)
    filters.search = (query.get("zoek") or "").strip()[:MAX_SEARCH]
    filters.problems = problems
    return filters


def _optional_choice(
    name: str, raw: str | None, choices: dict[str, str]
) -> tuple[str, UrlProblem | None]:
    value, problem = parse_choice(name, raw, choices, "")
    if problem:
        problem = UrlProblem(
            name,
            problem.value,
            problem.message_nl.replace("We tonen ''.", "We tonen alle casussen."),
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
        keep &= overview["start_year"] <= filters.last_year
    if filters.search:
        needle = filters.search.lower()
        haystack = (
            overview["case_name"]
            + " "
            + overview["summary"]
            + " "
            + overview["municipality_label"]
            + " "
            + overview["neighbourhood"].fillna("")
        )
        keep &= haystack.str.lower().str.contains(needle, regex=False)
    return overview[keep]

"""Parse and format URL query parameters: the one place that validates what a link asks for.

A page's view is fully described by its query string, so a shared link shows the sender's view.
Defaults are omitted from links; a bad value yields a Dutch message naming the parameter and the
default that is shown instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class UrlProblem:
    """A query parameter that could not be used, with the Dutch message for the user."""

    parameter: str
    value: str
    message_nl: str


def parse_municipality(
    raw: str | None, known_codes: Iterable[str], default: str
) -> tuple[str, UrlProblem | None]:
    """A known region code from `?gemeente=`, or the default with a problem to show."""
    if raw is None or raw == "":
        return default, None
    code = raw.strip().upper()
    if code in set(known_codes):
        return code, None
    return default, UrlProblem(
        "gemeente",
        raw,
        f"Onbekende gemeentecode '{raw}' in de link (parameter 'gemeente'). "
        f"We tonen {default}; kies hieronder een andere gemeente.",
    )


def parse_year(
    raw: str | None, available: list[int], default: int | None = None
) -> tuple[int | None, UrlProblem | None]:
    """A year with data from `?jaar=`, or the latest (or given default) year with a problem."""
    fallback = default if default is not None else (available[-1] if available else None)
    if raw is None or raw == "":
        return fallback, None
    try:
        year = int(raw.strip())
    except ValueError:
        return fallback, UrlProblem(
            "jaar",
            raw,
            f"'{raw}' in de link is geen jaartal (parameter 'jaar'). We tonen {fallback}.",
        )
    if year in available:
        return year, None
    span = f"{available[0]}–{available[-1]}" if available else "geen jaren"
    return fallback, UrlProblem(
        "jaar",
        raw,
        f"Voor {year} zijn geen gegevens (parameter 'jaar', beschikbaar: {span}). "
        f"We tonen {fallback}.",
    )


def unknown_parameters(query: Mapping[str, str], known: Iterable[str]) -> list[UrlProblem]:
    """Parameters the page does not understand, so a mistyped link is not silently ignored."""
    allowed = set(known)
    return [
        UrlProblem(
            name, value, f"De link bevat een onbekende parameter '{name}'; die is genegeerd."
        )
        for name, value in query.items()
        if name not in allowed
    ]


def non_default(values: Mapping[str, object], defaults: Mapping[str, object]) -> dict[str, str]:
    """The values that differ from their defaults, as strings, in a stable order."""
    return {
        name: str(value)
        for name, value in values.items()
        if value not in (None, "") and str(value) != str(defaults.get(name, ""))
    }


def build_search(values: Mapping[str, object], defaults: Mapping[str, object]) -> str:
    """A query string with every non-default value, in a stable order ('' if all default)."""
    kept = non_default(values, defaults)
    return f"?{urlencode(kept, safe=',')}" if kept else ""


def parse_choice(
    name: str, raw: str | None, choices: Mapping[str, str], default: str
) -> tuple[str, UrlProblem | None]:
    """One of a fixed set of values (e.g. `?maat=aantal`), or the default with a problem."""
    if raw is None or raw == "":
        return default, None
    if raw in choices:
        return raw, None
    allowed = ", ".join(f"'{key}'" for key in choices)
    return default, UrlProblem(
        name,
        raw,
        f"Onbekende waarde '{raw}' voor parameter '{name}' (mogelijk: {allowed}). "
        f"We tonen '{default}'.",
    )


def parse_codes(
    name: str, raw: str | None, known_codes: Iterable[str]
) -> tuple[list[str], UrlProblem | None]:
    """A comma-separated list of region codes; unknown codes are dropped and named."""
    if not raw:
        return [], None
    known = set(known_codes)
    codes = [code.strip().upper() for code in raw.split(",") if code.strip()]
    unknown = [code for code in codes if code not in known]
    kept = list(dict.fromkeys(code for code in codes if code in known))
    if not unknown:
        return kept, None
    return kept, UrlProblem(
        name,
        raw,
        f"Onbekende gemeentecode(s) {', '.join(repr(c) for c in unknown)} in parameter "
        f"'{name}'; die zijn weggelaten.",
    )


def parse_period(
    raw_first: str | None, raw_last: str | None, available: list[int]
) -> tuple[tuple[int, int], list[UrlProblem]]:
    """`?van=2017&tot=2022` within the available years; the full range by default."""
    if not available:
        return (0, 0), []
    first, first_problem = parse_year(raw_first, available, default=available[0])
    last, last_problem = parse_year(raw_last, available, default=available[-1])
    problems = [
        UrlProblem(
            p.parameter if p.parameter != "jaar" else name,
            p.value,
            p.message_nl.replace("parameter 'jaar'", f"parameter '{name}'"),
        )
        for name, p in (("van", first_problem), ("tot", last_problem))
        if p
    ]
    assert first is not None and last is not None
    if first > last:
        problems.append(
            UrlProblem(
                "van",
                str(raw_first),
                f"Het beginjaar {first} ligt na het eindjaar {last}; we tonen de hele periode.",
            )
        )
        first, last = available[0], available[-1]
    return (first, last), problems

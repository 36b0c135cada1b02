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
        "gemeente", raw,
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
            "jaar", raw, f"'{raw}' in de link is geen jaartal (parameter 'jaar'). "
            f"We tonen {fallback}.",
        )
    if year in available:
        return year, None
    span = f"{available[0]}–{available[-1]}" if available else "geen jaren"
    return fallback, UrlProblem(
        "jaar", raw, f"Voor {year} zijn geen gegevens (parameter 'jaar', beschikbaar: {span}). "
        f"We tonen {fallback}.",
    )


def unknown_parameters(query: Mapping[str, str], known: Iterable[str]) -> list[UrlProblem]:
    """Parameters the page does not understand, so a mistyped link is not silently ignored."""
    allowed = set(known)
    return [
        UrlProblem(name, value, f"De link bevat een onbekende parameter '{name}'; die is genegeerd.")
        for name, value in query.items()
        if name not in allowed
    ]


def build_search(values: Mapping[str, object], defaults: Mapping[str, object]) -> str:
    """A query string with every non-default value, in a stable order ('' if all default)."""
    kept = {
        name: value
        for name, value in values.items()
        if value not in (None, "") and str(value) != str(defaults.get(name, ""))
    }
    return f"?{urlencode(kept)}" if kept else ""

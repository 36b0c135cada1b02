"""Parse and format URL query parameters: the one place that validates what a link asks for.

A page's view is fully described by its query string, so a shared link shows the sender's view.
Defaults are omitted from links. Every parameter is parsed once and strictly: a bad, repeated or
unknown one yields a `UrlProblem` naming the parameter, and the default is shown instead. The
parsers are pure: they receive the regions and years they need and never query the store.
A problem never repeats the link's text inside a sentence; the alert shows the (shortened) value
as code, so a crafted link cannot plant a sentence in the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

MAX_SHOWN = 40  # characters of a bad value echoed back to the reader

RawQuery = Mapping[str, object]  # values as Dash passes them: str, or list[str] when repeated


@dataclass(frozen=True)
class UrlProblem:
    """A query parameter that could not be used, with the Dutch message for the reader."""

    parameter: str
    value: str
    message_nl: str

    def shown_value(self) -> str:
        """The offending value, shortened for display (never more than MAX_SHOWN characters)."""
        text = self.value.replace("\n", " ")
        return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


MAX_NAMED_PROBLEMS = 10  # unknown parameters named one by one; the rest are counted


def single_values(query: RawQuery, known: Iterable[str]) -> tuple[dict[str, str], list[UrlProblem]]:
    """One string per known parameter; repeated and unknown parameters are reported.

    A repeated parameter keeps its first value, so the page still shows a sensible view.
    """
    allowed = set(known)
    values: dict[str, str] = {}
    problems: list[UrlProblem] = []
    unknown = 0
    for name, raw in query.items():
        if name not in allowed:
            unknown += 1
            if unknown <= MAX_NAMED_PROBLEMS:  # a link with thousands: the rest are counted
                ignored = "deze parameter kent de pagina niet; hij is genegeerd."
                problems.append(UrlProblem(name[:40], _text(raw)[:40], ignored))
            continue
        if isinstance(raw, list | tuple):
            problems.append(
                UrlProblem(
                    name,
                    ", ".join(map(str, raw))[:80],
                    "deze parameter staat meer dan eens in de link; we gebruiken de eerste waarde.",
                )
            )
            raw = raw[0] if raw else ""
        values[name] = str(raw)
    if unknown > MAX_NAMED_PROBLEMS:
        more = unknown - MAX_NAMED_PROBLEMS
        problems.append(UrlProblem("…", f"nog {more} parameters", "ook genegeerd."))
    return values, problems


def _text(raw: object) -> str:
    return ", ".join(map(str, raw)) if isinstance(raw, list | tuple) else str(raw)


def parse_municipality(
    raw: str | None, names: Mapping[str, str], default: str
) -> tuple[str, UrlProblem | None]:
    """A known region code from `?gemeente=`, or the default with a problem to show."""
    if raw is None or raw == "":
        return default, None
    code = raw.strip().upper()
    if code in names:
        return code, None
    return default, UrlProblem(
        "gemeente",
        raw,
        f"onbekende gemeentecode; we tonen {names.get(default, default)} ({default}). "
        "Kies hieronder een andere gemeente.",
    )


def parse_year(
    raw: str | None, available: list[int], default: int | None = None, *, name: str = "jaar"
) -> tuple[int | None, UrlProblem | None]:
    """A year with data, or the latest (or given default) year with a problem."""
    fallback = default if default is not None else (available[-1] if available else None)
    if raw is None or raw == "":
        return fallback, None
    text = raw.strip()
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        return fallback, UrlProblem(name, raw, f"dit is geen jaartal; we tonen {fallback}.")
    if int(text) in available:
        return int(text), None
    span = f"{available[0]}–{available[-1]}" if available else "geen jaren"
    return fallback, UrlProblem(
        name, raw, f"voor dit jaar zijn geen gegevens (beschikbaar: {span}); we tonen {fallback}."
    )


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
        name, raw, f"onbekende waarde (mogelijk: {allowed}); we tonen '{default}'."
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
        name, ",".join(unknown), "onbekende gemeentecode(s); die zijn weggelaten."
    )


def parse_period(
    raw_first: str | None, raw_last: str | None, available: list[int]
) -> tuple[tuple[int, int], list[UrlProblem]]:
    """`?van=2017&tot=2022` within the available years; the full range by default."""
    if not available:
        return (0, 0), []
    first, first_problem = parse_year(raw_first, available, default=available[0], name="van")
    last, last_problem = parse_year(raw_last, available, default=available[-1], name="tot")
    problems = [p for p in (first_problem, last_problem) if p]
    assert first is not None and last is not None
    if first > last:
        problems.append(
            UrlProblem(
                "van",
                str(raw_first),
                f"het beginjaar ligt na het eindjaar {last}; we tonen de hele periode.",
            )
        )
        first, last = available[0], available[-1]
    return (first, last), problems


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

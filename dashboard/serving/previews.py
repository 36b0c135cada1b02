"""Link previews: Open Graph and Twitter tags written on the server for the exact link.

A link pasted into a chat or e-mail shows what it opens ("Kerncijfers Woudenberg 2022 — Sociaal
Kompas") and, for Kerncijfers, the headline numbers with their status. The tags are computed
from the same release and the same defaults the page uses.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from urllib.parse import urlencode

import dash

from dashboard.components.kpi_changes import KpiDefinition, format_kpi_value
from dashboard.components.kpi_year import shown_year
from dashboard.serving.preview_image import ROUTE as PICTURE_ROUTE
from dashboard.store import queries
from dashboard.store.page_context import RELEASE_PARAMETER, PageContext, open_page
from dashboard.text.labels import APP_NAME

log = logging.getLogger(__name__)


def _kerncijfers_numbers(page: PageContext, args: Mapping[str, str]) -> tuple[str, list[str]]:
    from dashboard.pages.kerncijfers import default_year  # the page's own rule for the year

    regions = queries.regions_with_data(page.release)
    names = dict(zip(regions["municipality_code"], regions["municipality_name"], strict=True))
    code = args.get("gemeente", "").upper()
    code = code if code in names else page.settings.default_municipality
    kpis = queries.kpi_headlines(page.release, code)
    years = queries.region_years(page.release).get(code, [])
    fallback, _ = default_year(kpis, years)
    year = (
        int(args["jaar"])
        if args.get("jaar", "").isdigit() and int(args["jaar"]) in years
        else fallback
    )
    statuses = queries.vocabulary(page.release).get("status", {})
    numbers = []
    for definition_row in queries.kpi_definitions(page.release).to_dict("records"):
        trend = kpis[kpis["kpi"] == definition_row["kpi"]]
        shown = shown_year(trend, year) if year else None
        if shown is None:
            continue
        row = trend[trend["year"] == shown].iloc[0]
        definition = KpiDefinition.from_row(definition_row)
        status = statuses.get(str(row["status"]), str(row["status"]))
        value = format_kpi_value(definition, row["value"])
        numbers.append(f"{definition.title}: {value} ({shown}, {status.lower()})")
    return f"Kerncijfers {names.get(code, code)} {year}", numbers


def _kerncijfers(page: PageContext, args: Mapping[str, str]) -> tuple[str, str]:
    title, numbers = _kerncijfers_numbers(page, args)
    return title, "; ".join(numbers) + f". Publicatie {page.release_id}."


def _page(page: PageContext, path: str, args: Mapping[str, str]) -> tuple[str, str]:
    registered = next((p for p in dash.page_registry.values() if p.get("path") == path), None)
    if registered is None:
        return APP_NAME, "Analytisch dashboard voor het sociaal domein."
    name = str(registered["name"])
    regions = queries.regions_with_data(page.release)
    names = dict(zip(regions["municipality_code"], regions["municipality_name"], strict=True))
    code = args.get("gemeente", "").upper()
    place = names.get(code) or names.get(page.settings.default_municipality, "")
    question = str(registered.get("description") or "")  # given to the registry by the page
    title = f"{name} {place}" if registered.get("names_a_place") else name
    return title, f"{question} Publicatie {page.release_id}.".strip()


def _case(page: PageContext, case_id: str) -> tuple[str, str]:
    case = queries.case_overview(page.release, case_id)
    if case.empty:
        return "Casus niet gevonden", "Deze casus bestaat niet (meer)."
    row = case.iloc[0]
    return str(row["case_name"]), str(row["summary"])


def preview(path: str, args: Mapping[str, str]) -> tuple[str, str]:
    """(title, description) of the view a link opens; never fails (a generic text instead)."""
    try:
        page = open_page(args.get(RELEASE_PARAMETER))
        if path in ("", "/"):
            title, description = _kerncijfers(page, args)
        elif path.startswith("/casussen/"):
            title, description = _case(page, path.removeprefix("/casussen/").strip("/"))
        else:
            title, description = _page(page, path, args)
    except Exception:  # a preview must never break the page itself
        log.exception("link preview failed for %s", path)
        return APP_NAME, "Analytisch dashboard voor het sociaal domein."
    return f"{title} — {APP_NAME}", description


def _headline_sentence(path: str, args: Mapping[str, str]) -> str:
    """The first sentence of the view's main chart ('In 2023 had 10,7% van de jongeren ...')."""
    from dashboard.serving import views  # the page registry, at request time

    slug = path.strip("/")
    tree = views.render(path + "?" + urlencode(dict(args)))
    sentence = views.find(
        views.find(tree, lambda c: getattr(c, "id", None) == f"{slug}-trend"),
        lambda c: "sk-sentence" in str(getattr(c, "className", "")),
    )
    text = str(getattr(sentence, "children", "") or "")
    return text.split(". ")[0].rstrip(".") + "." if text else ""


def picture(path: str, args: Mapping[str, str]) -> tuple[str, str, str, str]:
    """(title, headline, detail, release) the link's preview picture shows; never fails."""
    try:
        page = open_page(args.get(RELEASE_PARAMETER))
        if path in ("", "/"):
            title, numbers = _kerncijfers_numbers(page, args)
            headline, detail = (numbers[0], "; ".join(numbers[1:])) if numbers else ("", "")
        elif path.startswith("/casussen/"):
            title, detail = _case(page, path.removeprefix("/casussen/").strip("/"))
            headline = "Casus"
        else:
            title, question = _page(page, path, args)
            headline, detail = _headline_sentence(path, args), question
        return title, headline, detail, page.release_id
    except Exception:  # a picture must never break anything
        log.exception("link picture failed for %s", path)
        return APP_NAME, "Analytisch dashboard voor het sociaal domein.", "", ""


def picture_url(path: str, args: Mapping[str, str], root: str) -> str:
    """The og:image address of a link: its own parameters, pinned to the release it shows."""
    query = {key: value for key, value in args.items() if key != RELEASE_PARAMETER}
    try:
        query[RELEASE_PARAMETER] = open_page(args.get(RELEASE_PARAMETER)).release_id
    except Exception:  # noqa: BLE001 - no store: the picture says so itself
        log.warning("no release for the link picture of %s", path)
    return f"{root}{PICTURE_ROUTE}?" + urlencode({"pagina": path or "/", **query})


def meta_tags(title: str, description: str, url: str, image: str = "") -> str:
    """The tags, escaped (a link's parameters must not write HTML)."""
    values = {
        "og:title": title,
        "og:description": description,
        "og:type": "website",
        "og:url": url,
        "og:site_name": APP_NAME,
        **({"og:image": image, "og:image:type": "image/png"} if image else {}),
        "twitter:card": "summary_large_image" if image else "summary",
        "twitter:title": title,
        "twitter:description": description,
    }
    tags = [f'<meta name="description" content="{html.escape(description)}">']
    tags += [
        f'<meta property="{name}" content="{html.escape(value)}">' for name, value in values.items()
    ]
    return "\n        ".join(tags)

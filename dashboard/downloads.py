"""A download is the server's own data: the view's link is rendered again and one panel's rows
are taken from the result (the browser never sends a table)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import dash

PANEL_DATA = "sk-panel-data"


def _page_for(path: str) -> tuple[Any, dict[str, str]] | None:
    """The registered layout for a path, with the values of its path variables."""
    for page in dash.page_registry.values():
        template = page.get("path_template") or page.get("path")
        if not isinstance(template, str):
            continue
        pattern = "^" + re.sub(r"<([a-zA-Z_]+)>", r"(?P<\1>[^/]+)", template) + "/?$"
        found = re.match(pattern, path)
        if found:
            return page["layout"], found.groupdict()
    return None


def _find(component: object, panel_id: str) -> dict[str, Any] | None:
    if getattr(component, "id", None) == {"type": PANEL_DATA, "panel": panel_id}:
        return getattr(component, "sk_download", None)
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            found = _find(child, panel_id)
            if found is not None:
                return found
    return None


def panel_download(link: str, panel_id: str) -> dict[str, Any] | None:
    """The rows, columns, sources, link and name of `panel_id` in the view `link` opens."""
    parts = urlsplit(link)
    page = _page_for(parts.path or "/")
    if page is None:
        return None
    layout, variables = page
    query: dict[str, Any] = {
        k: v[0] if len(v) == 1 else v for k, v in parse_qs(parts.query).items()
    }
    return _find(layout(**variables, **query), panel_id)

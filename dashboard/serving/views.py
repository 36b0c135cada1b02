"""A view is what a link shows: the registered page's layout, rendered here on the server.

Downloads and embeds take their part of a view from this rendering, never from what a browser
sends: a download holds the server's rows for the link, an embed the link's own panel.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import dash

from dashboard.components.chart_panel import PANEL_DATA


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


def render(link: str) -> Any | None:
    """The component tree the page of `link` (path and query) renders; None: no such page."""
    parts = urlsplit(link)
    page = _page_for(parts.path or "/")
    if page is None:
        return None
    layout, variables = page
    query: dict[str, Any] = {
        k: v[0] if len(v) == 1 else v for k, v in parse_qs(parts.query).items()
    }
    return layout(**variables, **query)


def find(component: object, wanted: Callable[[object], bool]) -> Any | None:
    """The first component of a tree (depth first) that `wanted` accepts."""
    if wanted(component):
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found = find(child, wanted)
            if found is not None:
                return found
    return None


def panel_download(link: str, panel_id: str) -> dict[str, Any] | None:
    """The rows, columns, sources, link and name of `panel_id` in the view `link` opens."""
    tree = render(link)
    if tree is None:
        return None
    data_id = {"type": PANEL_DATA, "panel": panel_id}
    found = find(tree, lambda c: getattr(c, "id", None) == data_id)
    return getattr(found, "sk_download", None) if found is not None else None

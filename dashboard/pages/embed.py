"""Embeds (/embed/<pagina>/<paneel>): one chart or headline card for a council's own web page.

The embed renders the page its link names, with the same parameters and pinning, and shows only
the asked panel (its sentence and source line included), the page's notices about the link, and
a link to the full view. Only these routes may be framed by other sites (http_policy.py).
"""

from __future__ import annotations

from functools import partial
from urllib.parse import urlencode

import dash
from dash import html

from dashboard.components.share import EMBEDDABLE, SHARE_LINK
from dashboard.serving import views
from dashboard.text.labels import APP_NAME

dash.register_page(
    __name__,
    path_template="/embed/<pagina>/<paneel>",
    title="Ingesloten grafiek · Sociaal Kompas",
    in_navigation=False,
)

NOTICES = ("sk-url-problem", "sk-release-notice")


def _has_class(component: object, *, name: str) -> bool:
    return name in str(getattr(component, "className", "") or "").split()


def _missing(text: str) -> html.Div:
    return html.Div(
        [html.P(text), html.A(f"Naar {APP_NAME}", href="/", target="_blank", rel="noopener")],
        className="sk-embed-view",
    )


def layout(pagina: str | None = None, paneel: str | None = None, **query: object) -> html.Div:
    """The panel `paneel` of page `pagina`, as the link's parameters show it."""
    if pagina not in EMBEDDABLE or not paneel:
        return _missing("Deze ingesloten grafiek bestaat niet. Kies een grafiek op de site.")
    pairs = [
        (k, v)
        for k, values in query.items()
        for v in (values if isinstance(values, list) else [values])
    ]
    path = EMBEDDABLE[pagina][0]
    tree = views.render(path + ("?" + urlencode(pairs) if pairs else ""))
    panel = views.find(  # a chart panel or a headline card, never a control with that name
        tree,
        lambda c: isinstance(c, html.Section) and getattr(c, "id", None) == f"{pagina}-{paneel}",
    )
    if panel is None:
        return _missing("Deze grafiek staat niet (meer) op die pagina.")
    share = views.find(tree, lambda c: getattr(c, "id", None) == SHARE_LINK)
    full_view = getattr(share, "value", None) or path
    notices = [views.find(tree, partial(_has_class, name=name)) for name in NOTICES]
    return html.Div(
        [
            *[notice for notice in notices if notice is not None],
            panel,
            html.P(
                html.A(
                    f"Bekijk dit in {APP_NAME}",
                    href=full_view,
                    target="_blank",
                    rel="noopener",
                ),
                className="small mb-0",
            ),
        ],
        className="sk-embed-view",
    )

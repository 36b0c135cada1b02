"""The frame every page shares: title, lead, link problems and the notice for old releases."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components.share import share_controls
from dashboard.serving.url_state import UrlProblem
from dashboard.store.page_context import PageContext
from dashboard.text.labels import format_date


def url_problem_alert(problems: list[UrlProblem]) -> dbc.Alert | None:
    """One Dutch alert naming every link parameter that could not be used.

    The parameter and the (shortened) value are shown as code, apart from the sentence, so a
    crafted link cannot make the page say something.
    """
    if not problems:
        return None
    return dbc.Alert(
        [
            html.Strong("Deze link klopt niet helemaal."),
            html.Ul(
                [
                    html.Li(
                        [
                            "Parameter '",
                            html.Code(problem.parameter[:40]),
                            "' (waarde '",
                            html.Code(problem.shown_value()),
                            "'): ",
                            problem.message_nl,
                        ]
                    )
                    for problem in problems
                ],
                className="mb-0",
            ),
        ],
        color="warning",
        className="sk-url-problem",
    )


def release_notice(page: PageContext, current_link: str) -> dbc.Alert | None:
    """For a link pinned to an older release: say so, with the same view on the newest one."""
    if not page.is_old_release:
        return None
    published = format_date(str(page.info.get("built_at") or ""))
    return dbc.Alert(
        [
            f"U bekijkt de cijfers zoals gepubliceerd op {published} "
            f"(publicatie {page.release_id}). Er is een nieuwere publicatie: ",
            html.A("bekijk deze weergave met de nieuwste cijfers", href=current_link),
            ".",
        ],
        color="info",
        className="sk-release-notice",
    )


def page_frame(
    page: PageContext,
    *,
    title: str,
    lead: str | None,
    problems: list[UrlProblem],
    link: str,
    body: list,
) -> html.Div:
    """A page: its heading, the notices, then its own content."""
    unpinned = _without_release(link)
    pinned = unpinned + ("&" if "?" in unpinned else "?") + f"versie={page.release_id}"
    return html.Div(
        [
            html.H1(title, className="h3"),
            html.P(lead, className="lead") if lead else None,
            share_controls(title, pinned, page.release_id, page.info.get("built_at")),
            release_notice(page, unpinned),
            url_problem_alert(problems),
            *body,
        ]
    )


def _without_release(link: str) -> str:
    path, _, query = link.partition("?")
    kept = [part for part in query.split("&") if part and not part.startswith("versie=")]
    return path + ("?" + "&".join(kept) if kept else "")

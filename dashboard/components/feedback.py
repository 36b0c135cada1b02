"""Messages to the user: bad link parameters, missing data, errors."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.url_state import UrlProblem


def url_problem_alert(problems: list[UrlProblem]) -> dbc.Alert | None:
    """One Dutch alert listing every link parameter that could not be used."""
    if not problems:
        return None
    return dbc.Alert(
        [
            html.Strong("Deze link klopt niet helemaal. "),
            *[html.Div(problem.message_nl) for problem in problems],
        ],
        color="warning",
        className="sk-url-problem",
    )


def error_alert(message: str) -> dbc.Alert:
    """A generic Dutch error message (details go to the server log, not the screen)."""
    return dbc.Alert(message, color="danger")

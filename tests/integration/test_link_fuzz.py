"""Hostile links, generated: repeated, missing, huge, empty and unicode parameters on every page.

Over the app's HTTP callback route (as a browser renders a page), each link must give a page:
never a 5xx, never the generic error, and a Dutch message naming every parameter it could not use.
"""

from __future__ import annotations

from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.cases.view import PARAMETERS as CASE_LIST_PARAMETERS
from dashboard.indicators.state import PARAMETERS as INDICATOR_PARAMETERS

GENERIC_ERROR = "Er ging iets mis"
URL_PROBLEM = "Deze link klopt niet helemaal."
PAGES = {
    "/": ("gemeente", "jaar", "versie"),  # pages register on import, so not imported here
    "/jeugdhulp": (*INDICATOR_PARAMETERS, "versie"),
    "/verwijzingen": (*INDICATOR_PARAMETERS, "versie"),
    "/uitgaven": (*INDICATOR_PARAMETERS, "versie"),
    "/vrijwilligers": (*INDICATOR_PARAMETERS, "versie"),
    "/casussen": (*CASE_LIST_PARAMETERS, "versie"),
    "/casussen/de-kleine-schans": ("versie", "case_id"),
    "/gegevens": ("versie",),
}

values = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["GM0351", "GM0352", "PV26", "NL01", "2022", "0", "-1", "per_1000_youth"]),
    st.text(alphabet="0123456789", min_size=1, max_size=30),  # numbers no year can be
    st.just("x" * 5000),  # huge
    st.just("<script>alert(1)</script>Klik hier: https://evil.example"),
)
names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
)


@st.composite
def links(draw):
    path = draw(st.sampled_from(sorted(PAGES)))
    known = st.sampled_from(PAGES[path])
    chosen = draw(st.lists(st.one_of(known, known, names), max_size=5))
    query = {name: draw(st.lists(values, min_size=1, max_size=3)) for name in chosen}
    return path, query


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same links on every run: CI stays reproducible
)
@given(link=links())
def test_a_hostile_link_gets_a_page_and_a_dutch_message_naming_the_parameter(
    render_over_http, link
):
    path, query = link
    status, page = render_over_http(path, "?" + urlencode(query, doseq=True))
    assert status < 500
    assert GENERIC_ERROR not in page
    for name, given_values in query.items():
        repeated = len(given_values) > 1
        unknown = name not in PAGES[path]
        if repeated or unknown or name == "case_id":
            assert URL_PROBLEM in page and name[:40] in page, (name, given_values)


def test_a_query_parameter_cannot_override_the_case_in_the_path(render_over_http):
    status, page = render_over_http("/casussen/de-kleine-schans", "?case_id=boot-amsterdam")
    assert status == 200 and "De Kleine Schans" in page and "case_id" in page


def test_an_empty_parameter_is_the_default_view(render_over_http):
    status, page = render_over_http("/jeugdhulp", "?gemeente=&jaar=")
    assert status == 200 and GENERIC_ERROR not in page and URL_PROBLEM not in page

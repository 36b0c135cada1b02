"""Embeds: the share dialog offers one, it shows only a panel or card, and only embeds may be
framed (by the origins of SK_EMBED_ORIGINS)."""

from __future__ import annotations

import pytest

from dashboard.components.share import EMBED_CODE
from dashboard.serving.http_policy import frame_ancestors


def test_the_share_dialog_offers_a_pinned_iframe_of_the_main_chart(in_app, find, release):
    from dashboard.pages import jeugdhulp

    layout = jeugdhulp.layout(gemeente="GM0351", maat="aantal")
    (code,) = find(layout, lambda c: getattr(c, "id", None) == EMBED_CODE)
    assert code.value.startswith('<iframe src="')
    assert "/embed/jeugdhulp/trend?" in code.value and f"versie={release.release_id}" in code.value
    assert "maat=aantal" in code.value and 'title="' in code.value


@pytest.mark.parametrize(
    "path, shown",
    [
        ("/embed/jeugdhulp/trend?gemeente=GM0351", "Bekijk dit in Sociaal Kompas"),
        ("/embed/kerncijfers/youth_care_clients?gemeente=GM0351", "Bekijk dit in Sociaal Kompas"),
        ("/embed/jeugdhulp/gemeente", "staat niet (meer) op die pagina"),  # a control, not a panel
        ("/embed/beheer/trend", "bestaat niet"),
    ],
)
def test_an_embed_shows_one_panel_or_says_why_not(render_over_http, path, shown):
    route, _, query = path.partition("?")
    status, text = render_over_http(route, f"?{query}")
    assert status == 200 and shown in text


def test_a_pinned_embed_that_is_gone_says_so(render_over_http):
    _, text = render_over_http("/embed/jeugdhulp/trend", "?versie=2001-01-01.1")
    assert "bestaat niet (meer)" in text


def test_only_embeds_may_be_framed(app_client):
    embed = app_client.get("/embed/jeugdhulp/trend")
    page = app_client.get("/jeugdhulp")
    assert "frame-ancestors *" in embed.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed.headers
    assert "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_embed_origins_are_checked_at_start_up():
    assert frame_ancestors("https://www.woudenberg.nl https://*.ibabs.eu:443") == [
        "https://www.woudenberg.nl",
        "https://*.ibabs.eu:443",
    ]
    assert frame_ancestors("") == ["*"]
    with pytest.raises(ValueError, match="geen herkomst"):
        frame_ancestors("https://ok.nl javascript:alert(1)")

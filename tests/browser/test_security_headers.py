"""Security headers in a real browser: the Content-Security-Policy holds and the app still works."""

from __future__ import annotations

import pytest

from tests.conftest import PAGE_PATHS

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation',
    e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_every_page_works_under_its_content_security_policy(page, live_app_url, path):
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(f"{live_app_url}{path}")
    headers = response.headers
    policy = headers["content-security-policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'self'" in policy and "connect-src 'self'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    page.locator("#_pages_content h1").first.wait_for()
    if page.locator(".js-plotly-plot").count():
        page.locator(".js-plotly-plot .main-svg").first.wait_for()
    if page.get_by_role("button", name="Delen").count():
        page.get_by_role("button", name="Delen").click()
        page.locator(".modal .sk-qr").wait_for()  # the QR code is a data: image
    assert page.evaluate("window.cspViolations") == []
    assert page.console_errors == []

"""The vendored partial plotly.js draws every trace type the figures use, at plotly's version."""

from __future__ import annotations

import re

from plotly.offline import get_plotlyjs_version

from tests.conftest import PROJECT_ROOT

BUNDLE = PROJECT_ROOT / "assets" / "vendor" / "plotly" / "plotly-sk.min.js"
ENTRY = PROJECT_ROOT / "scripts" / "plotly" / "entry.js"


def trace_types() -> set[str]:
    """Every trace type plotly knows ('scatter', 'bar', 'choropleth', ...)."""
    import plotly.graph_objects as go
    from plotly.basedatatypes import BaseTraceType

    return {
        name.lower()
        for name in dir(go)
        if isinstance(getattr(go, name), type) and issubclass(getattr(go, name), BaseTraceType)
    }


def test_every_trace_type_the_figures_use_is_in_the_bundle():
    sources = " ".join(p.read_text() for p in (PROJECT_ROOT / "dashboard").rglob("*.py"))
    # traces are written as go.Scatter(...) or as dicts {"type": "scatter", ...}
    named = {name.lower() for name in re.findall(r"\bgo\.([A-Z]\w*)\(", sources)}
    typed = set(re.findall(r'"type": "(\w+)"', sources))
    used = (named | typed) & trace_types()
    registered = {"scatter"} | set(re.findall(r"plotly\.js/lib/(\w+)'", ENTRY.read_text()))
    assert {"scatter", "bar", "choropleth"} <= used  # what the pages draw: found, not assumed
    assert used <= registered, used - registered


def test_the_bundle_matches_the_plotly_js_that_dash_would_load():
    banner = BUNDLE.read_text(encoding="utf-8")[:200]
    assert f"plotly.js {get_plotlyjs_version()} (MIT)" in banner  # else run vendor_frontend.sh

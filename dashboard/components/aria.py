"""ARIA attributes for Dash components, typed once.

Dash's html components accept any `aria-*` attribute, but their typed signatures do not list
them, so a literal `**{"aria-label": ...}` fails type checking at every call. `aria(label=...)`
returns them as a mapping mypy accepts.
"""

from __future__ import annotations

from typing import Any


def aria(**attributes: str) -> dict[str, Any]:
    """aria(label="Kaart", hidden="true") -> {"aria-label": "Kaart", "aria-hidden": "true"}."""
    return {f"aria-{name.replace('_', '-')}": value for name, value in attributes.items()}

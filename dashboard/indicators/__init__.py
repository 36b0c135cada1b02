"""The indicator pages: spec, link parsing, data, panels and layout (see docs/architecture.md)."""

"""Dash pages: thin modules with register_page, layout(**query) and a few callbacks."""

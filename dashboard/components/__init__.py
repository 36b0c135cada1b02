"""Reusable Dash/dbc pieces: small functions that return component trees."""

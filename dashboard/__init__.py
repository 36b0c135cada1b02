"""Sociaal Kompas: the Dash app. The UI speaks Dutch; code and comments are English."""

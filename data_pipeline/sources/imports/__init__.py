"""Local registrations (volunteers, spend): reading, checking and keeping files."""

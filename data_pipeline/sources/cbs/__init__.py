"""CBS / RIVM StatLine: the registered tables, the API client, and the parser."""

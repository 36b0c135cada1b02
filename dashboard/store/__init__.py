"""Store access: the one module that opens DuckDB, the query layer, a page's release."""

"""Pure figure builders: DataFrame in, go.Figure out (no Dash, no DuckDB, no globals)."""

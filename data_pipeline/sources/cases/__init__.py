"""Practice cases from data/cases/*.toml: validation and flattening into raw tables."""

"""`python -m data_pipeline`: the ETL entry point."""

from data_pipeline.cli import main

main()

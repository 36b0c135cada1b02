"""Batch ETL for the Sociaal Kompas store: sources -> raw -> staging -> core -> marts."""

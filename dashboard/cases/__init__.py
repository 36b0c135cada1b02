"""Practice cases: filters, citations, components and figures of /casussen and /casus."""

# Sociaal Kompas: builds the default store at image build time and serves it with gunicorn.
# Settings come from the environment: PORT, WEB_CONCURRENCY (gunicorn workers), SK_THREADS
# and SK_*; gunicorn.conf.py holds the server settings (threaded workers, timeouts).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=8050 \
    WEB_CONCURRENCY=2 \
    SK_DB_PATH=/app/var/store.duckdb

WORKDIR /app
COPY pyproject.toml README.md ./
COPY dashboard ./dashboard
COPY data_pipeline ./data_pipeline
COPY sql ./sql
COPY data ./data
COPY assets ./assets
COPY gunicorn.conf.py ./

# duckdb, pandas and numpy install from wheels, so the slim image needs no compiler.
RUN pip install --no-cache-dir -e . \
    && python -m data_pipeline run && rm -rf var/build \
    && useradd --system --home /app sk && chown -R sk /app/var

USER sk
EXPOSE 8050
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/health')"
# gunicorn.conf.py reads PORT, WEB_CONCURRENCY and SK_THREADS at start; gunicorn is PID 1.
CMD ["gunicorn", "--config", "gunicorn.conf.py", "dashboard.app:server"]

"""gunicorn settings for Sociaal Kompas (`gunicorn -c gunicorn.conf.py dashboard.app:server`).

Threaded workers: a slow client (a phone on a bad connection, or someone sending a body a byte
a second) holds one thread, not a whole worker, so /health and other visitors are still served.
Behind a public address, put a buffering reverse proxy in front as well (docs/operations.md).
Environment: PORT, WEB_CONCURRENCY (workers), SK_THREADS (threads per worker), SK_BIND_HOST.
"""

import os

bind = f"{os.environ.get('SK_BIND_HOST', '0.0.0.0')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("SK_THREADS", "16"))
timeout = 60  # a worker silent this long is restarted
graceful_timeout = 30
keepalive = 5  # seconds an idle keep-alive connection may hold its thread
limit_request_line = 8190  # long shared links with many parameters still fit
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = "-"


def post_worker_init(worker):
    """Render each page's default view once per new worker, before it takes visitors."""
    from dashboard.serving.warmup import warm_up

    warm_up(worker.wsgi)

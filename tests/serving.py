"""A real gunicorn serving the app with the project's gunicorn.conf.py, for tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_listening(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {log.read_text(errors='replace')[-3000:]}")
        try:
            urllib.request.urlopen(f"{url}/health", timeout=5)
            return
        except urllib.error.HTTPError:
            return  # it answers (503 for a missing or broken store is an answer)
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"gunicorn did not answer at {url}")


@contextmanager
def gunicorn(
    db_path: Path,
    *,
    workers: int = 2,
    extra_env: dict[str, str] | None = None,
    project: Path | None = None,
    app: str = "dashboard.app:server",
) -> Iterator[str]:
    """Serve the app on a free loopback port with gunicorn.conf.py; yields the base URL.

    `project`: serve another checkout of the app (the benchmark's "before"); when it has no
    gunicorn.conf.py, gunicorn's defaults apply, as they did there. `app`: another WSGI app
    (the benchmark's minimal peer app), served with the same settings.
    """
    root = project or PROJECT_ROOT
    port = free_port()
    env = {
        **os.environ,
        "SK_DB_PATH": str(db_path),
        "PORT": str(port),
        "SK_BIND_HOST": "127.0.0.1",
        "WEB_CONCURRENCY": str(workers),
        "PYTHONPATH": str(root),
        **(extra_env or {}),
    }
    command = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--access-logfile", "/dev/null"]
    if (root / "gunicorn.conf.py").exists():
        command += ["--config", "gunicorn.conf.py"]
    command += [app]
    log = Path(tempfile.mkstemp(prefix="sk-gunicorn-", suffix=".log")[1])
    with log.open("w") as log_file:  # a file, not a pipe: a full pipe would stall the server
        process = subprocess.Popen(
            command, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_listening(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        text = log.read_text(errors="replace")
        if "Traceback" in text:  # pytest shows it with a failing test
            print(f"gunicorn log with errors:\n{text[-6000:]}")
        log.unlink(missing_ok=True)

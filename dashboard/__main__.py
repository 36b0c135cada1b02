"""`python -m dashboard`: build the default store if there is none, then serve on port 8050."""

from __future__ import annotations

import errno
import socket
import subprocess
import sys

from werkzeug.serving import WSGIRequestHandler

from dashboard.app import create_app
from dashboard.settings import Settings


class _Handler(WSGIRequestHandler):
    """The development server's requests, without a software version in the Server header."""

    server_version = "SociaalKompas"
    sys_version = ""


def main() -> None:
    """Run the development server on the embedded default data."""
    settings = Settings.from_env()
    if not settings.db_path.exists():
        print(f"No store at {settings.db_path}: building it from the embedded data…", flush=True)
        # The app never imports the pipeline; they meet at the store file and the CLI.
        subprocess.run(
            [sys.executable, "-m", "data_pipeline", "run", "--db", str(settings.db_path)],
            check=True,
        )
    _exit_when_the_port_is_taken(settings)
    app = create_app(settings)
    app.run(host=settings.host, port=settings.port, debug=False, request_handler=_Handler)


def _exit_when_the_port_is_taken(settings: Settings) -> None:
    """Say in Dutch which setting changes the port (werkzeug's own message is English and
    does not know about SK_PORT). Checked before serving: werkzeug exits on a clash itself."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as werkzeug binds
        try:
            probe.bind((settings.host, settings.port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            print(
                f"Poort {settings.port} op {settings.host} is al in gebruik (draait het "
                "dashboard al?). Kies een andere poort met SK_PORT, bijvoorbeeld: "
                "SK_PORT=8051 python -m dashboard",
                file=sys.stderr,
            )
            sys.exit(2)


if __name__ == "__main__":
    main()

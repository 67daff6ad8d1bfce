"""Render deploy/nginx.conf.template with values from the environment.

Usage: ``python deploy/render_nginx.py > /etc/nginx/conf.d/care_portal.conf`` (or ``-o FILE``).

Variables (defaults in brackets): HTTPS_PORT [443], SERVER_NAME [_], TLS_CERT, TLS_KEY,
STATIC_ROOT (the exported frontend), WORKERS (comma-separated host:port of app workers)
[127.0.0.1:8001,127.0.0.1:8002], RUN_DIR [/run/care-portal], LOG_DIR [/var/log/care-portal],
MAX_BODY [12m], HSTS [on; "off" on a host name that is not only HTTPS], NGINX_MIME_TYPES
[/etc/nginx/mime.types].
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
DEFAULTS = {
    "HTTPS_PORT": "443",
    "SERVER_NAME": "_",
    "WORKERS": "127.0.0.1:8001,127.0.0.1:8002",
    "RUN_DIR": "/run/care-portal",
    "LOG_DIR": "/var/log/care-portal",
    "MAX_BODY": "12m",
    "HSTS": "on",
    "NGINX_MIME_TYPES": "/etc/nginx/mime.types",
}
REQUIRED = ("TLS_CERT", "TLS_KEY", "STATIC_ROOT")
_PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")  # nginx's own $variables are left alone


def render(values: Mapping[str, str]) -> str:
    """Return the nginx configuration for ``values`` (missing ones take the defaults).

    Raises:
        KeyError: A required value (certificate, key, static folder) is missing.
    """
    merged = {**DEFAULTS, **{k: v for k, v in values.items() if v}}
    missing = [name for name in REQUIRED if not merged.get(name)]
    if missing:
        raise KeyError(f"missing settings: {', '.join(missing)}")
    workers = [w.strip() for w in merged["WORKERS"].split(",") if w.strip()]
    merged["UPSTREAM_SERVERS"] = "\n".join(
        f"        server {worker} max_fails=1 fail_timeout=3s;" for worker in workers
    )
    merged["HSTS"] = (
        'add_header Strict-Transport-Security "max-age=31536000" always;' if merged["HSTS"] == "on" else ""
    )
    return _PLACEHOLDER.sub(lambda match: merged[match.group(1)], TEMPLATE.read_text())


def main() -> int:
    """Print or write the rendered configuration."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    names = [*DEFAULTS, *REQUIRED]
    try:
        text = render({name: os.environ.get(name, "") for name in names})
    except KeyError as error:
        print(f"error: {error.args[0]}", file=sys.stderr)
        return 2
    if args.output:
        args.output.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

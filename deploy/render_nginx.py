"""Render deploy/nginx.conf.template with values from the environment.

Usage: ``python deploy/render_nginx.py -o /etc/nginx/nginx.conf`` (or to standard output); the
result is a whole nginx.conf.

Variables (defaults in brackets): PUBLIC_URL (the app's one address, as in the app's settings),
HTTPS_PORT [PUBLIC_URL's port, else 443], TLS_CERT, TLS_KEY, STATIC_ROOT (the exported frontend),
WORKERS (comma-separated host:port of app workers)
[127.0.0.1:8001,127.0.0.1:8002], RUN_DIR [/run/care-portal], LOG_DIR [/var/log/care-portal],
MAX_BODY [the app's upload request cap, care_portal.domain.upload_limits], HSTS [on; "off" on a
host name that is not only HTTPS], NGINX_MIME_TYPES [/etc/nginx/mime.types]. Requests for any other
host name than PUBLIC_URL's are redirected to it.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

if __package__ in (None, ""):  # run as a script: the repository root holds care_portal
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from care_portal.domain.upload_limits import nginx_body_size

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
DEFAULTS = {
    "WORKERS": "127.0.0.1:8001,127.0.0.1:8002",
    "RUN_DIR": "/run/care-portal",
    "LOG_DIR": "/var/log/care-portal",
    "MAX_BODY": nginx_body_size(),
    "HSTS": "on",
    "NGINX_MIME_TYPES": "/etc/nginx/mime.types",
}
REQUIRED = ("PUBLIC_URL", "TLS_CERT", "TLS_KEY", "STATIC_ROOT")
_PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")  # nginx's own $variables are left alone


def render(values: Mapping[str, str]) -> str:
    """Return the nginx configuration for ``values`` (missing ones take the defaults).

    Raises:
        KeyError: A required value (public address, certificate, key, static folder) is missing.
        ValueError: PUBLIC_URL is not an https:// address.
    """
    merged = {**DEFAULTS, **{k: v for k, v in values.items() if v}}
    missing = [name for name in REQUIRED if not merged.get(name)]
    if missing:
        raise KeyError(f"missing settings: {', '.join(missing)}")
    public = urlsplit(merged["PUBLIC_URL"])
    if public.scheme != "https" or not public.hostname:
        raise ValueError("PUBLIC_URL must be the https:// address people use")
    merged["PUBLIC_ORIGIN"] = f"https://{public.netloc}".lower()
    merged["SERVER_NAME"] = public.hostname
    merged.setdefault("HTTPS_PORT", str(public.port or 443))
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
    names = [*DEFAULTS, *REQUIRED, "HTTPS_PORT"]
    try:
        text = render({name: os.environ.get(name, "") for name in names})
    except (KeyError, ValueError) as error:
        print(f"error: {error.args[0]}", file=sys.stderr)
        return 2
    if args.output:
        args.output.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

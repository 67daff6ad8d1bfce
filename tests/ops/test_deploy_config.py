"""The deployment configuration keeps pages, the session cookie and the event socket on one origin."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from pydantic import ValidationError

from care_portal.config import Settings
from care_portal.domain.upload_limits import MIB, PHOTO_MAX_BYTES, PHOTOS_PER_REPORT
from deploy import render_nginx
from deploy.tls import self_signed

STAGING = {"ENVIRONMENT": "staging", "SECRET_KEY": "s" * 40}


def _values(tmp_path, **overrides: str) -> dict[str, str]:
    cert, key = self_signed(tmp_path / "tls")
    (tmp_path / "static").mkdir(exist_ok=True)
    return {
        "PUBLIC_URL": "https://127.0.0.1:8443",
        "TLS_CERT": str(cert),
        "TLS_KEY": str(key),
        "STATIC_ROOT": str(tmp_path / "static"),
        "RUN_DIR": str(tmp_path),
        "LOG_DIR": str(tmp_path),
        **overrides,
    }


def test_the_proxy_serves_the_public_host_and_sends_every_other_name_there(tmp_path):
    config = render_nginx.render(_values(tmp_path))
    assert "listen 8443 ssl default_server;" in config
    assert "return 308 https://127.0.0.1:8443$request_uri;" in config
    assert "server_name 127.0.0.1;" in config
    real = render_nginx.render(_values(tmp_path, PUBLIC_URL="https://cuidadoencasa.example/"))
    assert "listen 443 ssl;" in real
    assert "server_name cuidadoencasa.example;" in real
    assert "return 308 https://cuidadoencasa.example$request_uri;" in real


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is installed by make ops-deps")
def test_nginx_accepts_the_rendered_configuration(tmp_path):
    config = tmp_path / "nginx.conf"
    config.write_text(render_nginx.render(_values(tmp_path)))
    result = subprocess.run(
        ["nginx", "-t", "-c", str(config), "-p", str(tmp_path), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_proxy_needs_an_https_public_address(tmp_path):
    values = _values(tmp_path)
    with pytest.raises(KeyError, match="PUBLIC_URL"):
        render_nginx.render({**values, "PUBLIC_URL": ""})
    with pytest.raises(ValueError, match="https"):
        render_nginx.render({**values, "PUBLIC_URL": "http://cuidadoencasa.example"})


def _settings(monkeypatch, **env: str) -> Settings:
    for name in ("ENVIRONMENT", "SECRET_KEY", "PUBLIC_URL", "REFLEX_API_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)


def test_a_socket_address_on_another_host_than_the_pages_is_refused_at_start(monkeypatch):
    # The bug this guards against: pages on localhost, socket on 127.0.0.1, log-in never sticks.
    with pytest.raises(ValidationError, match="REFLEX_API_URL must be PUBLIC_URL's origin"):
        _settings(
            monkeypatch,
            **STAGING,
            PUBLIC_URL="https://localhost:8443",
            REFLEX_API_URL="https://127.0.0.1:8443",
        )
    with pytest.raises(ValidationError, match="port 443"):
        _settings(
            monkeypatch,
            **STAGING,
            PUBLIC_URL="https://localhost:8443",
            REFLEX_API_URL="https://localhost:8443",
        )
    same = _settings(
        monkeypatch, **STAGING, PUBLIC_URL="https://127.0.0.1:8443/", REFLEX_API_URL="https://127.0.0.1:8443"
    )
    assert same.public_origin == "https://127.0.0.1:8443"
    assert _settings(
        monkeypatch, **STAGING, PUBLIC_URL="https://localhost", REFLEX_API_URL="https://localhost"
    )


def test_the_proxy_lets_a_full_pick_of_photos_through_uploads_only(tmp_path):
    config = render_nginx.render(_values(tmp_path))
    upload = re.search(r"location \^~ /_upload \{[^}]*client_max_body_size (\d+)m;", config)
    assert upload is not None
    assert int(upload.group(1)) * MIB > PHOTOS_PER_REPORT * PHOTO_MAX_BYTES
    # Everywhere else a large body is refused by the proxy before it reaches a worker.
    server_wide = re.findall(r"^        client_max_body_size (\d+)m;", config, flags=re.MULTILINE)
    assert server_wide == ["1"]

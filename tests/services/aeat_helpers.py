"""Shared set-up for the AEAT sending tests: the HTTPS stand-in and a client for it."""

from __future__ import annotations

import pytest

from care_portal.config import get_settings
from care_portal.integrations import aeat_xml
from care_portal.integrations.aeat_client import AeatClient, ssl_context
from tests.aeat_stub import AeatStub, make_certificates


@pytest.fixture(scope="session")
def aeat_certs(tmp_path_factory):
    """Throwaway CA, server certificate and company PKCS#12 for the whole run (schemas loaded once)."""
    aeat_xml.schema()
    return make_certificates(tmp_path_factory.mktemp("aeat-certs"))


@pytest.fixture
def aeat(aeat_certs):
    """A running stand-in; every body it received must have been valid."""
    stub = AeatStub(aeat_certs).start()
    yield stub
    stub.stop()
    assert stub.invalid_bodies == []


@pytest.fixture
def aeat_client(aeat, aeat_certs):
    """A client presenting the company's certificate to the stand-in (5 s timeout)."""
    context = ssl_context(str(aeat_certs.client_p12), aeat_certs.password, str(aeat_certs.ca_file))
    return AeatClient(aeat.endpoint, context, timeout=5.0)


@pytest.fixture
def aeat_settings(monkeypatch, aeat, aeat_certs):
    """Point the app's settings at the stand-in, as an operator would."""
    settings = get_settings()
    monkeypatch.setattr(settings, "aeat_endpoint", aeat.endpoint)
    monkeypatch.setattr(settings, "aeat_cert_file", str(aeat_certs.client_p12))
    monkeypatch.setattr(settings, "aeat_cert_password", aeat_certs.password)
    monkeypatch.setattr(settings, "aeat_ca_file", str(aeat_certs.ca_file))
    monkeypatch.setattr(settings, "aeat_timeout_seconds", 5.0)
    monkeypatch.setattr(settings, "aeat_poll_seconds", 0.05)
    return settings

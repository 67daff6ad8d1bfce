"""The AEAT VERI*FACTU web service client: SOAP 1.1 over TLS with the company's certificate.

The certificate is a PKCS#12 file (``.p12``/``.pfx``) and its password, read with
``cryptography``; the private key never leaves memory except for a temporary
file readable only by this process while the TLS context loads it.
"""

from __future__ import annotations

import os
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    PrivateFormat,
    pkcs12,
)

from care_portal.config import Settings, get_settings

SERVICE_PATH = "/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP"
ENDPOINTS = {
    "test": f"https://prewww1.aeat.es{SERVICE_PATH}",
    "production": f"https://www1.agenciatributaria.gob.es{SERVICE_PATH}",
}


class AeatUnavailable(Exception):
    """The AEAT could not be reached or answered with a server error: try again later."""


@dataclass(frozen=True)
class HttpAnswer:
    """The status and body of an answer."""

    status: int
    content: bytes


def ssl_context(cert_file: str, password: str, ca_file: str = "") -> ssl.SSLContext:
    """Return a TLS context presenting the PKCS#12 client certificate.

    Args:
        cert_file: Path of the ``.p12``/``.pfx`` file.
        password: Its password (may be empty).
        ca_file: Extra CA bundle to trust (empty: the system's CAs).

    Raises:
        ValueError: The file cannot be read with that password.
    """
    data = Path(cert_file).read_bytes()
    key, cert, chain = pkcs12.load_key_and_certificates(data, password.encode() or None)
    if key is None or cert is None:
        raise ValueError("the PKCS#12 file holds no key and certificate")
    context = ssl.create_default_context(cafile=ca_file or None)
    transient = os.urandom(16).hex()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(transient.encode()))
    pem += cert.public_bytes(Encoding.PEM)
    pem += b"".join(extra.public_bytes(Encoding.PEM) for extra in chain or [])
    with tempfile.NamedTemporaryFile(suffix=".pem") as handle:  # created 0600
        handle.write(pem)
        handle.flush()
        context.load_cert_chain(handle.name, password=transient)
    return context


@dataclass
class AeatClient:
    """Posts SOAP requests to the AEAT endpoint."""

    endpoint: str
    context: ssl.SSLContext
    timeout: float = 60.0

    def post(self, envelope: bytes) -> HttpAnswer:
        """Send one SOAP request and return the answer (SOAP faults come back as 500).

        Raises:
            AeatUnavailable: Network failure, timeout, or an HTTP error other than a SOAP fault.
        """
        try:
            with httpx.Client(verify=self.context, timeout=self.timeout) as client:
                response = client.post(
                    self.endpoint,
                    content=envelope,
                    headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'},
                )
        except httpx.HTTPError as exc:
            raise AeatUnavailable(f"{type(exc).__name__}: {exc}") from exc
        is_fault = response.status_code == 500 and b"Fault" in response.content
        if response.status_code >= 400 and not is_fault:
            raise AeatUnavailable(f"HTTP {response.status_code}")
        return HttpAnswer(response.status_code, response.content)


def endpoint_for(settings: Settings) -> str:
    """Return the configured endpoint: the override, else the test or production one."""
    return settings.aeat_endpoint or ENDPOINTS["production" if settings.aeat_mode == "production" else "test"]


def configured_client(settings: Settings | None = None) -> AeatClient | None:
    """Return the client from settings, or None while no certificate is configured."""
    settings = settings or get_settings()
    if not settings.aeat_cert_file:
        return None
    context = ssl_context(settings.aeat_cert_file, settings.aeat_cert_password, settings.aeat_ca_file)
    return AeatClient(endpoint_for(settings), context, settings.aeat_timeout_seconds)

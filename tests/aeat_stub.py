"""A local stand-in for the AEAT VERI*FACTU web service, over HTTPS with client certificates.

Everything is generated with ``cryptography`` for the run: a throwaway CA, the
server's certificate for 127.0.0.1 and the company's client certificate as a
PKCS#12 file with a password. Like the AEAT, the stand-in refuses a connection
without a client certificate from its CA, validates every body against the AEAT
schemas (any invalid body is kept in ``invalid_bodies``), and answers each record
as told: Correcto, AceptadoConErrores, Incorrecto, a duplicate, a server error or slowly.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import secrets
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from lxml import etree

from care_portal.integrations import aeat_xml
from care_portal.integrations.aeat_client import SERVICE_PATH
from care_portal.integrations.aeat_xml import RESP, SOAP, SUM, SUM1

CLIENT_NAME = "CUIDADO EN CASA SL - B12345674"
PASSWORD = "stand-in-p12"


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _certificate(subject, issuer, public_key, signer, *, ca: bool, sans=None):
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    return builder.sign(signer, hashes.SHA256())


@dataclass
class Certificates:
    """Paths of the throwaway CA, server key/cert and the client's PKCS#12."""

    ca_file: Path
    server_cert: Path
    server_key: Path
    client_p12: Path
    password: str = PASSWORD


def make_certificates(folder: Path) -> Certificates:
    """Generate the CA, the server certificate and the client PKCS#12 into a folder."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = _certificate(_name("Stand-in CA"), _name("Stand-in CA"), ca_key.public_key(), ca_key, ca=True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = _certificate(
        _name("127.0.0.1"),
        ca_cert.subject,
        server_key.public_key(),
        ca_key,
        ca=False,
        sans=[x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")],
    )
    client_key = ec.generate_private_key(ec.SECP256R1())
    client_cert = _certificate(_name(CLIENT_NAME), ca_cert.subject, client_key.public_key(), ca_key, ca=False)
    pem = serialization.Encoding.PEM
    certs = Certificates(
        folder / "ca.pem", folder / "server.pem", folder / "server-key.pem", folder / "company.p12"
    )
    certs.ca_file.write_bytes(ca_cert.public_bytes(pem))
    certs.server_cert.write_bytes(server_cert.public_bytes(pem))
    certs.server_key.write_bytes(
        server_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    certs.client_p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"company",
            client_key,
            client_cert,
            [ca_cert],
            serialization.BestAvailableEncryption(PASSWORD.encode()),
        )
    )
    return certs


@dataclass
class Received:
    """One accepted request: the client certificate's name and the records it carried."""

    client: str
    numbers: list[str]
    operations: list[str]
    body: bytes


@dataclass
class AeatStub:
    """Start with ``start()``; set ``endpoint`` and the certificate paths in the settings."""

    certs: Certificates
    wait_seconds: int = 60
    verdicts: dict[str, str] = field(default_factory=dict)  # number → Correcto / AceptadoConErrores / …
    failures: list[str] = field(default_factory=list)  # next requests: server_error / slow / header_error
    slow_seconds: float = 2.0
    received: list[Received] = field(default_factory=list)
    invalid_bodies: list[tuple[bytes, list[str]]] = field(default_factory=list)
    registered: dict[tuple[str, str], str] = field(default_factory=dict)  # (number, op) → state

    def __post_init__(self) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.certs.server_cert, self.certs.server_key)
        context.load_verify_locations(self.certs.ca_file)
        context.verify_mode = ssl.CERT_REQUIRED
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._lock = threading.Lock()
        self.endpoint = f"https://127.0.0.1:{self._server.server_address[1]}{SERVICE_PATH}"

    def start(self) -> AeatStub:
        """Serve in a background thread."""
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()

    def sent_numbers(self) -> list[str]:
        """Every record number received, in the order received."""
        return [number for request in self.received for number in request.numbers]

    def answer(self, envelope: bytes, client: str) -> tuple[int, bytes]:
        """Check and answer one request (status, body)."""
        with self._lock:
            failure = self.failures.pop(0) if self.failures else ""
        if failure == "server_error":
            return 503, b"Service Unavailable"
        if failure == "slow":
            time.sleep(self.slow_seconds)
        try:
            request = aeat_xml.request_body(envelope)
        except (etree.XMLSyntaxError, aeat_xml.AeatAnswerError) as exc:
            return 500, _fault(f"unreadable request: {exc}")
        problems = aeat_xml.schema_problems(etree.tostring(request))
        if problems:
            with self._lock:
                self.invalid_bodies.append((envelope, problems))
            return 500, _fault("; ".join(problems)[:500])
        if failure == "header_error":  # the whole submission refused, no record answered
            return 200, _answer(request, [], "Incorrecto", self.wait_seconds)
        return 200, self._response(request, client)

    def _response(self, request, client: str) -> bytes:
        lines, numbers, operations = [], [], []
        for entry in request.findall(f"{{{SUM}}}RegistroFactura"):
            record = entry[0]
            cancellation = record.tag.endswith("RegistroAnulacion")
            suffix = "Anulada" if cancellation else ""
            ident = record.find(f"{{{SUM1}}}IDFactura")
            values = [ident.find(f"{{{SUM1}}}{tag}{suffix}").text for tag in _ID_TAGS]
            operation = "Anulacion" if cancellation else "Alta"
            numbers.append(values[1])
            operations.append(operation)
            lines.append(self._verdict(values, operation, record))
        with self._lock:
            self.received.append(Received(client, numbers, operations, etree.tostring(request)))
        states = {line[1] for line in lines}
        estado_envio = (
            "Correcto"
            if states <= {"Correcto", "AceptadoConErrores"}
            else "Incorrecto"
            if states == {"Incorrecto"}
            else "ParcialmenteCorrecto"
        )
        return _answer(request, lines, estado_envio, self.wait_seconds)

    def _verdict(self, values: list[str], operation: str, record) -> tuple:
        number = values[1]
        corrected = record.findtext(f"{{{SUM1}}}Subsanacion") == "S"
        key = (number, operation)
        with self._lock:
            known = self.registered.get(key)
            if known and not corrected:
                return values, "Incorrecto", operation, "3000", "Registro de facturación duplicado.", known
            verdict = "Correcto" if corrected else self.verdicts.get(number, "Correcto")
            if verdict != "Incorrecto":
                self.registered[key] = "Correcta" if verdict == "Correcto" else "AceptadaConErrores"
        errors = {
            "Correcto": ("", ""),
            "AceptadoConErrores": ("2000", "El NIF del destinatario no está identificado."),
            "Incorrecto": ("1100", "Valor o tipo incorrecto del campo: NombreRazon."),
        }[verdict]
        return values, verdict, operation, *errors, ""

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                cert = self.connection.getpeercert() or {}
                subject = dict(pair[0] for pair in cert.get("subject", ()))
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status, content = stub.answer(body, subject.get("commonName", ""))
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "text/xml; charset=utf-8")
                    self.send_header("Content-Length", str(len(content)))
                    self.end_headers()
                    self.wfile.write(content)
                except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                    pass

            def log_message(self, *_args) -> None:
                return

        return Handler


_ID_TAGS = ("IDEmisorFactura", "NumSerieFactura", "FechaExpedicionFactura")


def _sub(parent, ns: str, tag: str, text: str | None = None):
    element = etree.SubElement(parent, f"{{{ns}}}{tag}")
    if text is not None:
        element.text = text
    return element


def _answer(request, lines: list[tuple], estado_envio: str, wait_seconds: int) -> bytes:
    envelope = etree.Element(f"{{{SOAP}}}Envelope", nsmap={"env": SOAP})
    body = _sub(envelope, SOAP, "Body")
    answer = _sub(body, RESP, "RespuestaRegFactuSistemaFacturacion")
    accepted = estado_envio != "Incorrecto"
    if accepted:
        _sub(answer, RESP, "CSV", "A-" + secrets.token_hex(7).upper())
        presentation = _sub(answer, RESP, "DatosPresentacion")
        _sub(presentation, SUM1, "NIFPresentador", "B12345674")
        _sub(
            presentation, SUM1, "TimestampPresentacion", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        )
    header = _sub(answer, RESP, "Cabecera")
    for child in request.find(f"{{{SUM}}}Cabecera"):
        header.append(child.__copy__())
    _sub(answer, RESP, "TiempoEsperaEnvio", str(wait_seconds))
    _sub(answer, RESP, "EstadoEnvio", estado_envio)
    for values, estado, operation, code, description, duplicate in lines:
        line = _sub(answer, RESP, "RespuestaLinea")
        ident = _sub(line, RESP, "IDFactura")
        for tag, value in zip(_ID_TAGS, values, strict=True):
            _sub(ident, SUM1, tag, value)
        _sub(_sub(line, RESP, "Operacion"), SUM1, "TipoOperacion", operation)
        _sub(line, RESP, "EstadoRegistro", estado)
        if code:
            _sub(line, RESP, "CodigoErrorRegistro", code)
            _sub(line, RESP, "DescripcionErrorRegistro", description)
        if duplicate:
            registered = _sub(line, RESP, "RegistroDuplicado")
            _sub(registered, SUM1, "IdPeticionRegistroDuplicado", "202612030001")
            _sub(registered, SUM1, "EstadoRegistroDuplicado", duplicate)
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


def _fault(message: str) -> bytes:
    envelope = etree.Element(f"{{{SOAP}}}Envelope", nsmap={"env": SOAP})
    fault = _sub(_sub(envelope, SOAP, "Body"), SOAP, "Fault")
    etree.SubElement(fault, "faultcode").text = "env:Client"
    etree.SubElement(fault, "faultstring").text = message
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")

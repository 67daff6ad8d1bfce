"""The AEAT VERI*FACTU messages: building the SOAP request, checking it, reading the answer.

Built with ``lxml`` from plain values (see :mod:`care_portal.services.aeat_payloads`
for where they come from) and validated with ``xmlschema`` against the AEAT's own
schemas, shipped in ``aeat_schemas/`` (see its ORIGIN.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import xmlschema
from lxml import etree

WS = "https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/"
SUM = WS + "SuministroLR.xsd"
SUM1 = WS + "SuministroInformacion.xsd"
RESP = WS + "RespuestaSuministro.xsd"
SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
XMLDSIG = "http://www.w3.org/2000/09/xmldsig#"
SCHEMAS = Path(__file__).resolve().parent / "aeat_schemas"
MAX_RECORDS = 1000
RATE_VALUES = {"21": "21.00", "10": "10.00", "4": "4.00"}


class AeatAnswerError(ValueError):
    """The AEAT's answer could not be read (not a SOAP answer, or a SOAP fault)."""


@dataclass(frozen=True)
class Software:
    """The billing software (SistemaInformatico), from settings."""

    producer_name: str
    producer_nif: str
    name: str
    system_id: str
    version: str
    installation: str


@dataclass(frozen=True)
class InvoiceId:
    """Issuer NIF, series-number and ``dd-mm-yyyy`` issue date of an invoice."""

    issuer_nif: str
    number: str
    issue_date: str


@dataclass(frozen=True)
class PreviousRecord:
    """The record a new one chains to."""

    invoice: InvoiceId
    fingerprint: str


@dataclass(frozen=True)
class RateBreakdown:
    """Base and tax at one IVA rate (amounts already as ``"12.34"``)."""

    vat_rate: str
    base: str
    tax: str


@dataclass(frozen=True)
class RecordPayload:
    """One billing record as the AEAT receives it (an alta, or an anulación)."""

    cancellation: bool
    invoice: InvoiceId
    issuer_name: str
    previous: PreviousRecord | None
    generated_at: str
    fingerprint: str
    invoice_type: str = ""
    description: str = ""
    recipient_name: str = ""
    recipient_nif: str = ""
    rectified: InvoiceId | None = None
    breakdown: tuple[RateBreakdown, ...] = ()
    tax_total: str = ""
    total: str = ""
    correction: bool = False
    previous_rejection: bool = False


@dataclass(frozen=True)
class RecordAnswer:
    """The AEAT's verdict on one record (RespuestaLinea)."""

    invoice: InvoiceId
    operation: str
    estado: str
    error_code: str = ""
    error_description: str = ""
    duplicate_state: str = ""


@dataclass(frozen=True)
class SubmissionAnswer:
    """The AEAT's answer to one submission."""

    csv: str
    estado_envio: str
    wait_seconds: int
    lines: tuple[RecordAnswer, ...] = field(default_factory=tuple)


def _el(parent, ns: str, tag: str, text: str | None = None):
    element = etree.SubElement(parent, f"{{{ns}}}{tag}")
    if text is not None:
        element.text = text
    return element


def _invoice_id(parent, tag: str, invoice: InvoiceId, *, cancelled: bool = False) -> None:
    element = _el(parent, SUM1, tag)
    suffix = "Anulada" if cancelled else ""
    _el(element, SUM1, f"IDEmisorFactura{suffix}", invoice.issuer_nif)
    _el(element, SUM1, f"NumSerieFactura{suffix}", invoice.number)
    _el(element, SUM1, f"FechaExpedicionFactura{suffix}", invoice.issue_date)


def registration_element(
    *, issuer_name: str, issuer_nif: str, records: list[RecordPayload], software: Software
):
    """Return the ``RegFactuSistemaFacturacion`` element for up to 1,000 records, oldest first."""
    if not 1 <= len(records) <= MAX_RECORDS:
        raise ValueError("a submission carries 1 to 1,000 records")
    root = etree.Element(f"{{{SUM}}}RegFactuSistemaFacturacion", nsmap={"sum": SUM, "sum1": SUM1})
    header = _el(root, SUM, "Cabecera")
    obligado = _el(header, SUM1, "ObligadoEmision")
    _el(obligado, SUM1, "NombreRazon", issuer_name)
    _el(obligado, SUM1, "NIF", issuer_nif)
    for record in records:
        entry = _el(root, SUM, "RegistroFactura")
        if record.cancellation:
            _anulacion(_el(entry, SUM1, "RegistroAnulacion"), record, software)
        else:
            _alta(_el(entry, SUM1, "RegistroAlta"), record, software)
    return root


def _alta(alta, record: RecordPayload, software: Software) -> None:
    _el(alta, SUM1, "IDVersion", "1.0")
    _invoice_id(alta, "IDFactura", record.invoice)
    _el(alta, SUM1, "NombreRazonEmisor", record.issuer_name)
    if record.correction:
        _el(alta, SUM1, "Subsanacion", "S")
        _el(alta, SUM1, "RechazoPrevio", "S" if record.previous_rejection else "N")
    _el(alta, SUM1, "TipoFactura", record.invoice_type)
    if record.rectified is not None:
        _el(alta, SUM1, "TipoRectificativa", "I")
        _invoice_id(_el(alta, SUM1, "FacturasRectificadas"), "IDFacturaRectificada", record.rectified)
    _el(alta, SUM1, "DescripcionOperacion", record.description)
    recipient = _el(_el(alta, SUM1, "Destinatarios"), SUM1, "IDDestinatario")
    _el(recipient, SUM1, "NombreRazon", record.recipient_name)
    _el(recipient, SUM1, "NIF", record.recipient_nif)
    breakdown = _el(alta, SUM1, "Desglose")
    for rate in record.breakdown:
        detail = _el(breakdown, SUM1, "DetalleDesglose")
        _el(detail, SUM1, "Impuesto", "01")
        _el(detail, SUM1, "ClaveRegimen", "01")
        if rate.vat_rate == "exempt":
            _el(detail, SUM1, "OperacionExenta", "E1")
        else:
            _el(detail, SUM1, "CalificacionOperacion", "S1")
            _el(detail, SUM1, "TipoImpositivo", RATE_VALUES.get(rate.vat_rate, rate.vat_rate))
        _el(detail, SUM1, "BaseImponibleOimporteNoSujeto", rate.base)
        if rate.vat_rate != "exempt":
            _el(detail, SUM1, "CuotaRepercutida", rate.tax)
    _el(alta, SUM1, "CuotaTotal", record.tax_total)
    _el(alta, SUM1, "ImporteTotal", record.total)
    _chain_and_fingerprint(alta, record, software)


def _anulacion(element, record: RecordPayload, software: Software) -> None:
    _el(element, SUM1, "IDVersion", "1.0")
    _invoice_id(element, "IDFactura", record.invoice, cancelled=True)
    if record.previous_rejection:
        _el(element, SUM1, "RechazoPrevio", "S")
    _chain_and_fingerprint(element, record, software)


def _chain_and_fingerprint(element, record: RecordPayload, software: Software) -> None:
    chain = _el(element, SUM1, "Encadenamiento")
    if record.previous is None:
        _el(chain, SUM1, "PrimerRegistro", "S")
    else:
        link = _el(chain, SUM1, "RegistroAnterior")
        _el(link, SUM1, "IDEmisorFactura", record.previous.invoice.issuer_nif)
        _el(link, SUM1, "NumSerieFactura", record.previous.invoice.number)
        _el(link, SUM1, "FechaExpedicionFactura", record.previous.invoice.issue_date)
        _el(link, SUM1, "Huella", record.previous.fingerprint)
    system = _el(element, SUM1, "SistemaInformatico")
    _el(system, SUM1, "NombreRazon", software.producer_name)
    _el(system, SUM1, "NIF", software.producer_nif)
    _el(system, SUM1, "NombreSistemaInformatico", software.name)
    _el(system, SUM1, "IdSistemaInformatico", software.system_id)
    _el(system, SUM1, "Version", software.version)
    _el(system, SUM1, "NumeroInstalacion", software.installation)
    _el(system, SUM1, "TipoUsoPosibleSoloVerifactu", "S")
    _el(system, SUM1, "TipoUsoPosibleMultiOT", "N")
    _el(system, SUM1, "IndicadorMultiplesOT", "N")
    _el(element, SUM1, "FechaHoraHusoGenRegistro", record.generated_at)
    _el(element, SUM1, "TipoHuella", "01")
    _el(element, SUM1, "Huella", record.fingerprint)


def to_bytes(element) -> bytes:
    """Serialise an element as a UTF-8 XML document."""
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8")


def soap_envelope(body_element) -> bytes:
    """Wrap a request element in a SOAP 1.1 envelope and serialise it."""
    envelope = etree.Element(f"{{{SOAP}}}Envelope", nsmap={"soapenv": SOAP})
    etree.SubElement(envelope, f"{{{SOAP}}}Header")
    etree.SubElement(envelope, f"{{{SOAP}}}Body").append(body_element)
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


@lru_cache(maxsize=4)
def schema(name: str = "SuministroLR.xsd") -> xmlschema.XMLSchema:
    """Return an AEAT schema, the xmldsig import mapped to the local copy (no network)."""
    return xmlschema.XMLSchema(
        str(SCHEMAS / name), locations=[(XMLDSIG, str(SCHEMAS / "xmldsig-core-schema.xsd"))]
    )


def schema_problems(document: bytes, name: str = "SuministroLR.xsd") -> list[str]:
    """Return why a document breaks an AEAT schema (empty when it is valid)."""
    try:
        tree = etree.fromstring(document)
    except etree.XMLSyntaxError as exc:
        return [f"not XML: {exc}"]
    return [f"{error.path}: {error.reason}" for error in schema(name).iter_errors(tree)]


def request_body(envelope: bytes):
    """Return the request element inside a SOAP envelope (for the stand-in and tests)."""
    body = etree.fromstring(envelope).find(f"{{{SOAP}}}Body")
    if body is None or len(body) != 1:
        raise AeatAnswerError("no SOAP body")
    return body[0]


def parse_answer(content: bytes) -> SubmissionAnswer:
    """Read a ``RespuestaRegFactuSistemaFacturacion`` from a SOAP answer.

    Raises:
        AeatAnswerError: A SOAP fault, or anything that is not such an answer.
    """
    try:
        root = etree.fromstring(content)
    except etree.XMLSyntaxError as exc:
        raise AeatAnswerError(f"the answer is not XML: {exc}") from exc
    fault = root.find(f".//{{{SOAP}}}Fault")
    if fault is not None:
        raise AeatAnswerError(f"SOAP fault: {' '.join(fault.itertext()).strip()[:1500]}")
    answer = root.find(f".//{{{RESP}}}RespuestaRegFactuSistemaFacturacion")
    if answer is None:
        raise AeatAnswerError("no RespuestaRegFactuSistemaFacturacion in the answer")
    lines = []
    for line in answer.findall(f"{{{RESP}}}RespuestaLinea"):
        invoice = line.find(f"{{{RESP}}}IDFactura")
        duplicate = line.find(f"{{{RESP}}}RegistroDuplicado")
        lines.append(
            RecordAnswer(
                invoice=InvoiceId(
                    _text(invoice, SUM1, "IDEmisorFactura"),
                    _text(invoice, SUM1, "NumSerieFactura"),
                    _text(invoice, SUM1, "FechaExpedicionFactura"),
                ),
                operation=_text(line.find(f"{{{RESP}}}Operacion"), SUM1, "TipoOperacion"),
                estado=_text(line, RESP, "EstadoRegistro"),
                error_code=_text(line, RESP, "CodigoErrorRegistro"),
                error_description=_text(line, RESP, "DescripcionErrorRegistro"),
                duplicate_state=_text(duplicate, SUM1, "EstadoRegistroDuplicado"),
            )
        )
    wait = _text(answer, RESP, "TiempoEsperaEnvio")
    return SubmissionAnswer(
        csv=_text(answer, RESP, "CSV"),
        estado_envio=_text(answer, RESP, "EstadoEnvio"),
        wait_seconds=int(wait) if wait.isdigit() else 60,
        lines=tuple(lines),
    )


def _text(parent, ns: str, tag: str) -> str:
    if parent is None:
        return ""
    found = parent.find(f"{{{ns}}}{tag}")
    return (found.text or "").strip() if found is not None else ""

"""The AEAT registration message (RegFactuSistemaFacturacion) built from billing records."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sqlmodel import Session, select

from care_portal.config import get_settings
from care_portal.domain.billing_fingerprint import format_amount, format_record_date
from care_portal.models import BillingRecord, Invoice, InvoiceLine

CANCELLATION = "anulacion"
SUM = "https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroLR.xsd"
SUM1 = "https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroInformacion.xsd"
RATE_VALUES = {"21": "21.00", "10": "10.00", "4": "4.00"}


def registration_xml(session: Session, records: list[BillingRecord]) -> str:
    """Return the AEAT registration message (RegFactuSistemaFacturacion) for records.

    Args:
        session: Open session.
        records: Records of one issuer, oldest first.

    Returns:
        The XML document as text.
    """
    settings = get_settings()
    ET.register_namespace("sum", SUM)
    ET.register_namespace("sum1", SUM1)
    root = ET.Element(f"{{{SUM}}}RegFactuSistemaFacturacion")
    header = ET.SubElement(root, f"{{{SUM}}}Cabecera")
    issuer = ET.SubElement(header, f"{{{SUM1}}}ObligadoEmision")
    _text(issuer, "NombreRazon", settings.company_name)
    _text(issuer, "NIF", settings.company_nif)
    by_id = {r.id: r for r in session.exec(select(BillingRecord)).all()}
    for record in records:
        invoice = session.get(Invoice, record.invoice_id)
        entry = ET.SubElement(root, f"{{{SUM}}}RegistroFactura")
        if record.record_type == CANCELLATION:
            _anulacion(ET.SubElement(entry, f"{{{SUM1}}}RegistroAnulacion"), record, invoice, by_id)
        else:
            _alta(session, ET.SubElement(entry, f"{{{SUM1}}}RegistroAlta"), record, invoice, by_id)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def _alta(session, alta, record: BillingRecord, invoice: Invoice, by_id: dict) -> None:
    _text(alta, "IDVersion", "1.0")
    _id_factura(
        alta, "IDFactura", record.issuer_nif, record.number, record.issue_date, emitter_tag="IDEmisorFactura"
    )
    _text(alta, "NombreRazonEmisor", invoice.issuer_name)
    _text(alta, "TipoFactura", record.invoice_type)
    if invoice.rectifies_invoice_id:
        original = session.get(Invoice, invoice.rectifies_invoice_id)
        _text(alta, "TipoRectificativa", "I")
        rectified = ET.SubElement(alta, f"{{{SUM1}}}FacturasRectificadas")
        _id_factura(
            rectified,
            "IDFacturaRectificada",
            original.issuer_nif,
            original.number,
            format_record_date(original.issued_at),
            emitter_tag="IDEmisorFactura",
        )
    _text(alta, "DescripcionOperacion", "Servicios de atención a domicilio")
    recipients = ET.SubElement(alta, f"{{{SUM1}}}Destinatarios")
    recipient = ET.SubElement(recipients, f"{{{SUM1}}}IDDestinatario")
    _text(recipient, "NombreRazon", invoice.recipient_name)
    _text(recipient, "NIF", invoice.recipient_nif)
    breakdown = ET.SubElement(alta, f"{{{SUM1}}}Desglose")
    for line in session.exec(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)).all():
        detail = ET.SubElement(breakdown, f"{{{SUM1}}}DetalleDesglose")
        _text(detail, "Impuesto", "01")
        _text(detail, "ClaveRegimen", "01")
        if line.vat_rate == "exempt":
            _text(detail, "OperacionExenta", "E1")
        else:
            _text(detail, "CalificacionOperacion", "S1")
            _text(detail, "TipoImpositivo", RATE_VALUES[line.vat_rate])
        _text(detail, "BaseImponibleOimporteNoSujeto", format_amount(line.base_cents))
        if line.vat_rate != "exempt":
            _text(detail, "CuotaRepercutida", format_amount(line.tax_cents))
    _text(alta, "CuotaTotal", record.tax_total)
    _text(alta, "ImporteTotal", record.total)
    _chain_and_signature(alta, record, invoice, by_id)


def _anulacion(element, record: BillingRecord, invoice: Invoice, by_id: dict) -> None:
    _text(element, "IDVersion", "1.0")
    target = ET.SubElement(element, f"{{{SUM1}}}IDFactura")
    _text(target, "IDEmisorFacturaAnulada", record.issuer_nif)
    _text(target, "NumSerieFacturaAnulada", record.number)
    _text(target, "FechaExpedicionFacturaAnulada", record.issue_date)
    _chain_and_signature(element, record, invoice, by_id)


def _chain_and_signature(element, record: BillingRecord, invoice: Invoice, by_id: dict) -> None:
    chain = ET.SubElement(element, f"{{{SUM1}}}Encadenamiento")
    previous = by_id.get(record.previous_record_id)
    if previous is None:
        _text(chain, "PrimerRegistro", "S")
    else:
        link = ET.SubElement(chain, f"{{{SUM1}}}RegistroAnterior")
        _text(link, "IDEmisorFactura", previous.issuer_nif)
        _text(link, "NumSerieFactura", previous.number)
        _text(link, "FechaExpedicionFactura", previous.issue_date)
        _text(link, "Huella", previous.fingerprint)
    system = ET.SubElement(element, f"{{{SUM1}}}SistemaInformatico")
    _text(system, "NombreRazon", invoice.issuer_name)
    _text(system, "NIF", invoice.issuer_nif)
    _text(system, "NombreSistemaInformatico", "Cuidado en Casa")
    _text(system, "IdSistemaInformatico", "CC")
    _text(system, "Version", "1.0")
    _text(system, "NumeroInstalacion", "1")
    _text(system, "TipoUsoPosibleSoloVerifactu", "S")
    _text(system, "TipoUsoPosibleMultiOT", "N")
    _text(system, "IndicadorMultiplesOT", "N")
    _text(element, "FechaHoraHusoGenRegistro", record.generated_at)
    _text(element, "TipoHuella", "01")
    _text(element, "Huella", record.fingerprint)


def _id_factura(parent, tag: str, nif: str, number: str, date: str, *, emitter_tag: str) -> None:
    element = ET.SubElement(parent, f"{{{SUM1}}}{tag}")
    _text(element, emitter_tag, nif)
    _text(element, "NumSerieFactura", number)
    _text(element, "FechaExpedicionFactura", date)


def _text(parent, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{SUM1}}}{tag}").text = value

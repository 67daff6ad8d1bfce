"""The stored PDF reads back with every mandatory field and a decodable QR; lists and totals."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image

from care_portal.domain.errors import NotAuthenticated, NotFound, PermissionDenied
from care_portal.integrations import storage
from care_portal.integrations.qr import qr_png
from care_portal.models import Invoice, Role
from care_portal.services import invoice_queries, invoicing, verifactu
from tests.services.invoice_helpers import issue, make_user

ISSUED_AT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _pdf_text_and_images(tmp_path, data: bytes) -> tuple[str, list]:
    path = tmp_path / "factura.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    subprocess.run(["pdfimages", "-png", str(path), str(tmp_path / "img")], check=True)
    return " ".join(text.stdout.replace("\u00a0", " ").split()), sorted(tmp_path.glob("img-*.png"))


def test_the_pdf_carries_every_mandatory_field_and_the_qr(db, tmp_path):
    client = make_user(db, "carmen@example.es")
    issued = issue(db, client.id, now=ISSUED_AT)
    invoice = db.get(Invoice, issued.id)
    text, images = _pdf_text_and_images(tmp_path, storage.read_private(invoice.pdf_key))
    for expected in (
        "Factura F2026-000001",
        "02/03/2026",
        "Cuidado en Casa S.L.",
        "NIF: B12345674",
        "Calle Mayor 1, 28013 Madrid",
        "Carmen López Ruiz",
        "NIF: 12345678Z",
        "Calle del Sol 3, 28001 Madrid",
        "Dolores Ruiz",
        "QR tributario:",
        "Factura verificable en la sede",
        "electrónica de la AEAT",
        "54,52 €",  # base at 10 %
        "5,45 €",  # IVA at 10 %
        "37,60 €",  # base at 21 %
        "7,90 €",  # IVA at 21 %
        "Exenta: Art. 20.Uno.8º LIVA",
        "112,12 €",  # total base
        "13,35 €",  # total IVA
        "125,47 €",  # total
    ):
        assert expected.replace(" ", "") in text.replace(" ", ""), expected
    assert len(images) == 1
    listing = (
        subprocess.run(
            ["pdfimages", "-list", str(tmp_path / "factura.pdf")], capture_output=True, text=True, check=True
        )
        .stdout.splitlines()[2]
        .split()
    )
    page_number, width_px, x_ppi = int(listing[0]), int(listing[3]), int(listing[12])
    assert page_number == 1
    assert 30 <= width_px / x_ppi * 25.4 <= 40  # printed between 30 and 40 mm wide
    expected_url = (
        "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=F2026-000001"
        "&fecha=02-03-2026&importe=125.47"
    )
    embedded = Image.open(images[0]).convert("1")
    expected_qr = Image.open(io.BytesIO(qr_png(expected_url))).convert("1")
    assert embedded.size == expected_qr.size
    assert embedded.tobytes() == expected_qr.tobytes()  # the very QR of the check URL, pixel for pixel
    # zbar-tools comes with poppler-utils from `make browser`: decoding is part of the test, never skipped.
    assert shutil.which("zbarimg"), "zbarimg (Debian zbar-tools) is missing: run `make browser`"
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(images[0])], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == expected_url
    assert parse_qs(urlparse(decoded).query)["importe"] == ["125.47"]


def test_the_rectifying_pdf_references_the_original(db, tmp_path):
    client = make_user(db, "carmen@example.es")
    admin = make_user(db, "admin@example.es", Role.ADMIN)
    original = issue(db, client.id, now=ISSUED_AT)
    refund = invoicing.issue_rectifying_invoice(
        db,
        original_invoice_id=original.id,
        lines=None,
        reason="Visita cancelada a tiempo",
        actor=admin,
        now=ISSUED_AT,
    )
    db.commit()
    text, _ = _pdf_text_and_images(tmp_path, storage.read_private(db.get(Invoice, refund.id).pdf_key))
    assert "Factura rectificativa R2026-000001" in text
    assert "F2026-000001 de 02/03/2026" in text
    assert "Visita cancelada a tiempo" in text
    assert "-125,47 €" in text


def test_clients_see_only_their_invoices_with_their_state(db):
    client = make_user(db, "carmen@example.es")
    other = make_user(db, "otro@example.es")
    admin = make_user(db, "admin@example.es", Role.ADMIN)
    first = issue(db, client.id, now=ISSUED_AT)
    issue(db, client.id, now=datetime(2026, 4, 1, 9, tzinfo=UTC))
    issue(db, other.id)
    invoicing.issue_rectifying_invoice(db, original_invoice_id=first.id, lines=None, reason="x", actor=admin)
    db.commit()
    rows = invoice_queries.list_client_invoices(db, actor=client)
    assert [(r.number, r.state) for r in rows] == [
        ("R2026-000001", "rectifying"),
        ("F2026-000002", "paid"),
        ("F2026-000001", "rectified"),
    ]
    assert all(r.beneficiary_name == "Dolores Ruiz" for r in rows)
    assert "F2026-000003" not in {r.number for r in rows}
    with pytest.raises(NotAuthenticated):
        invoice_queries.list_client_invoices(db, actor=None)


def test_admin_filters_totals_and_refusals(db):
    client = make_user(db, "carmen@example.es")
    admin = make_user(db, "admin@example.es", Role.ADMIN)
    march = issue(db, client.id, now=ISSUED_AT)
    issue(db, client.id, now=datetime(2026, 4, 1, 9, tzinfo=UTC))
    invoicing.issue_rectifying_invoice(
        db, original_invoice_id=march.id, lines=None, reason="x", actor=admin, now=ISSUED_AT
    )
    db.commit()
    assert len(invoice_queries.list_invoices(db, actor=admin)) == 3
    assert [r.number for r in invoice_queries.list_invoices(db, actor=admin, month="2026-04")] == [
        "F2026-000002"
    ]
    assert [r.number for r in invoice_queries.list_invoices(db, actor=admin, kind="rectifying")] == [
        "R2026-000001"
    ]
    assert len(invoice_queries.list_invoices(db, actor=admin, search="12345678z")) == 3
    summary = invoice_queries.summarise_invoices(db, actor=admin)
    assert [(m.label, m.total) for m in summary.per_month] == [
        ("2026-04", "125,47\u00a0€"),
        ("2026-03", "0,00\u00a0€"),
    ]
    assert [(r.label, r.base, r.tax) for r in summary.per_rate] == [
        ("21", "37,60\u00a0€", "7,90\u00a0€"),
        ("10", "54,52\u00a0€", "5,45\u00a0€"),
        ("exempt", "20,00\u00a0€", "0,00\u00a0€"),
    ]
    assert summary.count == 3
    with pytest.raises(PermissionDenied):
        invoice_queries.list_invoices(db, actor=client)
    with pytest.raises(PermissionDenied):
        invoice_queries.export_invoices_csv(db, actor=client)
    with pytest.raises(PermissionDenied):
        verifactu.count_unsent(db, actor=client)
    with pytest.raises(NotFound):
        invoice_queries.invoice_pdf(db, actor=make_user(db, "otro@example.es"), invoice_id=march.id)


class _RecordingSender:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def send(self, xml: str) -> str:
        self.messages.append(xml)
        return "Correcto"


def test_records_export_as_aeat_xml_and_the_sender_is_off_by_default(db):
    client = make_user(db, "carmen@example.es")
    admin = make_user(db, "admin@example.es", Role.ADMIN)
    first = issue(db, client.id, now=ISSUED_AT)
    issue(db, client.id, now=ISSUED_AT)
    assert verifactu.count_unsent(db, actor=admin) == 2
    assert verifactu.send_unsent(db) == 0
    xml = verifactu.registration_xml(db, verifactu.unsent_records(db))
    assert "RegFactuSistemaFacturacion" in xml
    assert "<sum1:NumSerieFactura>F2026-000001</sum1:NumSerieFactura>" in xml
    assert "<sum1:PrimerRegistro>S</sum1:PrimerRegistro>" in xml
    assert xml.count("<sum1:RegistroAnterior>") == 1
    assert "<sum1:ImporteTotal>125.47</sum1:ImporteTotal>" in xml
    assert "<sum1:FechaHoraHusoGenRegistro>2026-03-02T11:00:00+01:00</sum1:FechaHoraHusoGenRegistro>" in xml
    sender = _RecordingSender()
    assert verifactu.send_unsent(db, sender) == 2
    db.commit()
    assert verifactu.count_unsent(db, actor=admin) == 0
    assert first.number in sender.messages[0]

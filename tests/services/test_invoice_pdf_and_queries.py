"""The stored PDF reads back with every mandatory field and a decodable QR; lists and totals."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image

from care_portal.domain.errors import NotAuthenticated, NotFound, PermissionDenied
from care_portal.integrations import aeat_xml, storage
from care_portal.integrations.qr import qr_png
from care_portal.models import Invoice, Role
from care_portal.services import (
    aeat_payloads,
    aeat_status,
    aeat_submission,
    invoice_documents,
    invoice_queries,
    invoicing,
)
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


def _rendered(db, invoice_id: int) -> bytes:
    """The invoice's PDF once the background job's pass has rendered the queued ones."""
    invoice_documents.render_queued()
    return storage.read_private(db.get(Invoice, invoice_id).pdf_key)


def _word_heights(tmp_path, data: bytes) -> dict[str, float]:
    """Each word's printed height (points) in the PDF: a proxy for its font size."""
    path = tmp_path / "sizes.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
    heights = {}
    for match in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', out.stdout):
        heights.setdefault(match.group(3), float(match.group(2)) - float(match.group(1)))
    return heights


def test_the_qr_label_and_legend_are_not_smaller_than_the_body_text(db, tmp_path):
    client = make_user(db, "carmen@example.es")
    issued = issue(db, client.id, now=ISSUED_AT)
    heights = _word_heights(tmp_path, _rendered(db, issued.id))
    body = heights["Número"]
    assert heights["tributario:"] >= body
    assert heights["verificable"] >= body


def test_the_pdf_carries_every_mandatory_field_and_the_qr(db, tmp_path):
    client = make_user(db, "carmen@example.es")
    issued = issue(db, client.id, now=ISSUED_AT)
    text, images = _pdf_text_and_images(tmp_path, _rendered(db, issued.id))
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
        "Precio unitario sin IVA",
        "18,173 €",  # 3 × 19,99 € at 10 %: base 54,52 € / 3
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
    text, _ = _pdf_text_and_images(tmp_path, _rendered(db, refund.id))
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
        aeat_status.counts(db, actor=client)
    with pytest.raises(NotFound):
        invoice_queries.invoice_pdf(db, actor=make_user(db, "otro@example.es"), invoice_id=march.id)


def test_records_export_as_aeat_xml_that_validates_against_the_schema(db):
    client = make_user(db, "carmen@example.es")
    admin = make_user(db, "admin@example.es", Role.ADMIN)
    issue(db, client.id, now=ISSUED_AT)
    issue(db, client.id, now=ISSUED_AT)
    assert aeat_status.counts(db, actor=admin).pending == 2
    xml = aeat_payloads.registration_xml(db, aeat_submission.pending_records(db))
    assert aeat_xml.schema_problems(xml.encode()) == []
    assert "RegFactuSistemaFacturacion" in xml
    assert "<sum1:NumSerieFactura>F2026-000001</sum1:NumSerieFactura>" in xml
    assert "<sum1:PrimerRegistro>S</sum1:PrimerRegistro>" in xml
    assert xml.count("<sum1:RegistroAnterior>") == 1
    assert "<sum1:ImporteTotal>125.47</sum1:ImporteTotal>" in xml
    assert "<sum1:FechaHoraHusoGenRegistro>2026-03-02T11:00:00+01:00</sum1:FechaHoraHusoGenRegistro>" in xml
    assert xml.count("<sum1:DetalleDesglose>") == 2 * 3  # one per IVA rate
    assert "<sum1:IdSistemaInformatico>CC</sum1:IdSistemaInformatico>" in xml


def test_the_pdf_is_rendered_by_the_job_after_commit_and_a_download_renders_a_missing_one(db):
    from tests.services.invoice_helpers import LINES, RECIPIENT

    client = make_user(db, "carmen@example.es")
    admin = make_user(db, "admin@example.es", Role.ADMIN)

    def issue_uncommitted():
        return invoicing.issue_invoice(
            db, client_id=client.id, recipient=RECIPIENT, lines=LINES, beneficiary_name="D", order_ref="P-1"
        )

    issued = issue_uncommitted()
    key = db.get(Invoice, issued.id).pdf_key
    assert not storage.exists_private(key)  # nothing rendered while the locks are held
    db.commit()
    assert not storage.exists_private(key)  # nor by the commit (the confirming request)
    assert invoice_documents.render_queued() == 1
    assert storage.read_private(key).startswith(b"%PDF")
    assert invoice_documents.render_queued() == 0  # its job is done

    rolled_back = issue_uncommitted()
    rolled_key = db.get(Invoice, rolled_back.id).pdf_key
    db.rollback()
    assert invoice_documents.render_queued() == 0  # the job rolled back with the invoice
    assert not storage.exists_private(rolled_key)

    downloaded_first = issue_uncommitted()
    db.commit()
    document = invoice_queries.invoice_pdf(db, actor=admin, invoice_id=downloaded_first.id)
    assert document.content.startswith(b"%PDF")  # rendered from the stored invoice on demand
    db.commit()
    first_key = db.get(Invoice, downloaded_first.id).pdf_key
    assert invoice_documents.render_queued() == 1  # the job only finds it stored
    assert storage.read_private(first_key) == document.content

    invoice_documents.defer_pdfs(db)
    deferred = issue_uncommitted()
    db.commit()
    deferred_key = db.get(Invoice, deferred.id).pdf_key
    assert invoice_documents.render_queued() == 0
    assert not storage.exists_private(deferred_key)
    document = invoice_queries.invoice_pdf(db, actor=admin, invoice_id=deferred.id)
    assert document.content.startswith(b"%PDF")
    assert storage.read_private(deferred_key) == document.content


def test_a_failed_rendering_is_retried_once_its_claim_runs_out(db, monkeypatch):
    from datetime import timedelta

    from care_portal.integrations import pdf
    from care_portal.models.types import utcnow

    client = make_user(db, "carmen@example.es")
    issued = issue(db, client.id)
    key = db.get(Invoice, issued.id).pdf_key
    render = pdf.render_pdf

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    assert invoice_documents.render_queued() == 0
    monkeypatch.setattr(pdf, "render_pdf", render)
    assert invoice_documents.render_queued() == 0  # still claimed by the failed pass
    later = utcnow() + invoice_documents.CLAIM + timedelta(seconds=1)
    assert invoice_documents.render_queued(now=later) == 1
    assert storage.read_private(key).startswith(b"%PDF")

"""The VeriFactu fingerprint (reference vector), its formats and the AEAT check URL."""

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

from care_portal.domain.billing_fingerprint import (
    IssueFingerprintInput,
    check_url,
    format_amount,
    format_generated_at,
    format_record_date,
    issue_fingerprint,
    issue_fingerprint_text,
)

REFERENCE = IssueFingerprintInput(
    issuer_nif="89890001K",
    number="12345678/G33",
    issue_date="01-01-2024",
    invoice_type="F1",
    tax_total="12.35",
    total="123.45",
    previous_fingerprint="",
    generated_at="2024-01-01T19:20:30+01:00",
)


def test_reference_vector():
    assert issue_fingerprint(REFERENCE) == "3C464DAF61ACB827C65FDA19F352A4E3BDC2C640E9E9FC4CC058073F38F12F60"


def test_values_are_trimmed_and_joined_on_one_line():
    padded = IssueFingerprintInput(**{**REFERENCE.__dict__, "issuer_nif": " 89890001K ", "total": "123.45 "})
    assert issue_fingerprint(padded) == issue_fingerprint(REFERENCE)
    assert issue_fingerprint_text(REFERENCE).startswith("IDEmisorFactura=89890001K&NumSerieFactura=")
    assert "\n" not in issue_fingerprint_text(REFERENCE)


def test_a_changed_previous_fingerprint_changes_the_fingerprint():
    chained = IssueFingerprintInput(**{**REFERENCE.__dict__, "previous_fingerprint": "A" * 64})
    assert issue_fingerprint(chained) != issue_fingerprint(REFERENCE)


def test_amounts_dates_and_timestamps_use_madrid_time():
    assert format_amount(12345) == "123.45"
    assert format_amount(-5) == "-0.05"
    assert format_amount(0) == "0.00"
    winter = datetime(2024, 1, 1, 18, 20, 30, 999, tzinfo=UTC)
    summer = datetime(2024, 7, 1, 22, 30, tzinfo=UTC)
    assert format_generated_at(winter) == "2024-01-01T19:20:30+01:00"
    assert format_generated_at(summer) == "2024-07-02T00:30:00+02:00"
    assert format_record_date(summer) == "02-07-2024"


def test_check_url_uses_the_test_host_outside_production():
    url = check_url(
        issuer_nif="B12345674",
        number="F2026-000001",
        issue_date="02-07-2026",
        total="59.97",
        production=False,
    )
    parsed = urlparse(url)
    assert parsed.netloc == "prewww2.aeat.es"
    assert parsed.path == "/wlpl/TIKE-CONT/ValidarQR"
    assert parse_qs(parsed.query) == {
        "nif": ["B12345674"],
        "numserie": ["F2026-000001"],
        "fecha": ["02-07-2026"],
        "importe": ["59.97"],
    }
    real = check_url(issuer_nif="B1", number="F1", issue_date="01-01-2026", total="1.00", production=True)
    assert real.startswith("https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?")

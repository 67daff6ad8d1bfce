"""Shared set-up for the invoicing tests."""

from __future__ import annotations

from care_portal.domain.invoicing import LineInput, Party
from care_portal.models import Role
from care_portal.services import accounts, invoicing

PASSWORD = "un paseo por el Retiro"
RECIPIENT = Party("Carmen López Ruiz", "12345678Z", "Calle del Sol 3, 28001 Madrid")
LINES = [
    LineInput("Visita de compañía (2 horas)", 3, 1999, "10"),
    LineInput("Acompañamiento al médico", 1, 4550, "21"),
    LineInput("Taller de memoria", 1, 2000, "exempt", "Art. 20.Uno.8º LIVA"),
]


def make_user(db, email: str, role: Role = Role.CLIENT):
    """Create and commit an account; return its viewer."""
    viewer = accounts.sign_up(db, full_name="Carmen López Ruiz", email=email, password=PASSWORD, role=role)
    db.commit()
    return viewer


def issue(db, client_id: int, lines=None, **kwargs):
    """Issue an invoice and commit it."""
    issued = invoicing.issue_invoice(
        db,
        client_id=client_id,
        recipient=RECIPIENT,
        lines=lines or LINES,
        beneficiary_name="Dolores Ruiz",
        order_ref="P-0001",
        **kwargs,
    )
    db.commit()
    return issued

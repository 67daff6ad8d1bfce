"""Demo data for invoicing (idempotent): one paid invoice for the demo client."""

from __future__ import annotations

from sqlmodel import select

from care_portal.db import session_scope
from care_portal.domain.invoicing import LineInput, Party
from care_portal.models import Invoice, User
from care_portal.services import invoicing

DEMO_CLIENT_EMAIL = "cliente@cuidadoencasa.example"
DEMO_ORDER_REF = "DEMO-0001"


def seed_demo_invoice() -> str:
    """Issue the demo client's paid invoice through the invoicing service, once.

    Returns:
        The demo invoice's number ("" when the demo client does not exist).
    """
    with session_scope() as session:
        client_id = session.exec(select(User.id).where(User.email == DEMO_CLIENT_EMAIL)).first()
        if client_id is None:
            return ""
        existing = session.exec(
            select(Invoice.number).where(Invoice.client_id == client_id, Invoice.order_ref == DEMO_ORDER_REF)
        ).first()
        if existing:
            return existing
        issued = invoicing.issue_invoice(
            session,
            client_id=client_id,
            recipient=Party("Carmen Cliente López", "12345678Z", "Calle de Alcalá 20, 2.º B, 28014 Madrid"),
            lines=[
                LineInput("Visita de compañía (2 horas)", 2, 3990, "10"),
                LineInput("Acompañamiento al médico", 1, 4550, "10"),
            ],
            beneficiary_name="Dolores López García",
            order_ref=DEMO_ORDER_REF,
        )
        return issued.number

"""Demo purchase (idempotent): the demo client's paid order, with its tasks and invoice.

It goes through the real checkout and the simulated payment, like a person would.
"""

from __future__ import annotations

from sqlmodel import select

from care_portal.config import get_settings
from care_portal.db import session_scope
from care_portal.integrations.payments import SimulatedProvider
from care_portal.models import Invoice, Order, User
from care_portal.models.shop import CareService
from care_portal.services import accounts, beneficiaries, checkout

DEMO_CLIENT_EMAIL = "cliente@cuidadoencasa.example"
DEMO_ATTEMPT = "demo-order-0001"
DEMO_BILLING = checkout.BillingData(
    "12345678Z", "Carmen Cliente López", "Calle de Alcalá 20, 2.º B", "28014", "Madrid", "+34612345678"
)


def seed_demo_order() -> str:
    """Buy 2 companion visits and 1 accompaniment for the demo client's relative, once.

    Returns:
        The number of the demo invoice ("" when the demo client or relative is missing).
    """
    settings = get_settings()
    provider = SimulatedProvider(secret=settings.simulated_webhook_secret, public_url=settings.public_url)
    with session_scope() as session:
        client = session.exec(select(User).where(User.email == DEMO_CLIENT_EMAIL)).first()
        if client is None:
            return ""
        viewer = accounts.to_viewer(client)
        order = session.exec(select(Order).where(Order.attempt_key == DEMO_ATTEMPT)).first()
        if order is None:
            options = beneficiaries.list_active_beneficiaries(session, actor=viewer)
            if not options:
                return ""
            services = {s.slug: s.id for s in session.exec(select(CareService)).all()}
            checkout.start_checkout(
                session,
                actor=viewer,
                request=checkout.CheckoutRequest(
                    cart={str(services["visita-compania"]): 2, str(services["acompanamiento-medico"]): 1},
                    beneficiary_id=options[0].id,
                    observations="Le gusta pasear por la Plaza Mayor y charlar de zarzuela.",
                    preferred_dates="Mañanas de lunes a viernes",
                    accept_terms=True,
                    billing=DEMO_BILLING,
                    attempt_key=DEMO_ATTEMPT,
                ),
                provider=provider,
            )
            order = session.exec(select(Order).where(Order.attempt_key == DEMO_ATTEMPT)).one()
            checkout.pay_simulated(
                session, actor=viewer, order_public_id=order.public_id, provider=provider, paid=True
            )
        number = session.exec(select(Invoice.number).where(Invoice.order_ref == order.public_id)).first()
        return number or ""

"""Distance-sale information: the 14-day withdrawal in the terms and the order e-mail; express start."""

from sqlmodel import select

from care_portal.domain.terms import TERMS_TEXT_ES, WITHDRAWAL_FORM_ES
from care_portal.models import OutboxMessage
from care_portal.models.shop import CareService, Order
from care_portal.services import checkout
from tests.services.visit_helpers import BILLING, PROVIDER, build_world


def _buy(db, world, *, express: bool, attempt: str) -> Order:
    service = db.exec(select(CareService).where(CareService.slug == "visita-compania")).one()
    start = checkout.start_checkout(
        db,
        actor=world.client,
        request=checkout.CheckoutRequest(
            cart={str(service.id): 1},
            beneficiary_id=world.beneficiary_id,
            observations="",
            preferred_dates="",
            accept_terms=True,
            billing=BILLING,
            attempt_key=attempt,
            express_start=express,
        ),
        provider=PROVIDER,
    )
    public_id = start.redirect_url.split("pedido=")[-1]
    checkout.pay_simulated(db, actor=world.client, order_public_id=public_id, provider=PROVIDER, paid=True)
    db.commit()
    return db.exec(select(Order).where(Order.public_id == public_id)).one()


def test_the_express_start_request_is_recorded_only_when_asked(db):
    world = build_world(db)
    assert _buy(db, world, express=True, attempt="express").express_start_at is not None
    assert _buy(db, world, express=False, attempt="plain").express_start_at is None


def test_terms_and_order_email_inform_of_the_14_day_withdrawal_and_its_model_form(db):
    assert "14 días naturales" in TERMS_TEXT_ES
    assert "desisto del contrato" in WITHDRAWAL_FORM_ES
    assert "puede no haber" not in TERMS_TEXT_ES
    assert "nunca una parte" in TERMS_TEXT_ES
    world = build_world(db)
    mail = db.exec(
        select(OutboxMessage).where(
            OutboxMessage.to_address == "maria@example.es", OutboxMessage.kind == "order_paid"
        )
    ).first()
    assert mail is not None
    assert "14 días naturales" in mail.body_text
    assert "modelo de formulario de desistimiento" in mail.body_text
    assert world.tasks

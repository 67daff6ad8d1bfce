"""Sign-up answers the same for new and existing addresses; new addresses are confirmed before buying."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.models import OutboxMessage, User
from care_portal.models.shop import CareService, Order
from care_portal.services import accounts, checkout, request_throttle, signup
from tests.factories import make_beneficiary
from tests.services.visit_helpers import BILLING, PROVIDER

PASSWORD = "una clave larga de prueba"


def _mails(db, to: str) -> list[OutboxMessage]:
    return list(db.exec(select(OutboxMessage).where(OutboxMessage.to_address == to)).all())


def test_an_existing_address_gets_the_same_answer_and_an_e_mail_instead(db):
    accounts.sign_up(db, full_name="María López", email="maria@example.es", password=PASSWORD)
    db.commit()
    answer = signup.register(
        db, full_name="Intruso", email="Maria@Example.es", password="otra clave bien larga"
    )
    db.commit()
    fresh = signup.register(db, full_name="Nueva", email="Nueva@Example.es", password=PASSWORD)
    # Both answers are only the address typed, normalised: nothing tells them apart.
    assert (answer, fresh) == ("maria@example.es", "nueva@example.es")
    assert [m.kind for m in _mails(db, "maria@example.es")] == ["signup_existing"]
    assert db.exec(select(User).where(User.email == "maria@example.es")).one().full_name == "María López"


def test_field_mistakes_are_shown_but_never_that_the_address_is_taken(db):
    accounts.sign_up(db, full_name="María López", email="maria@example.es", password=PASSWORD)
    db.commit()
    with pytest.raises(ValidationFailed) as refused:
        signup.register(db, full_name="M", email="maria@example.es", password="corta")
    assert set(refused.value.errors) == {"full_name", "password"}
    assert _mails(db, "maria@example.es") == []


def test_a_new_account_confirms_its_address_before_buying(db):
    signup.register(db, full_name="Nueva Clienta", email="nueva@example.es", password=PASSWORD)
    db.commit()
    user = db.exec(select(User).where(User.email == "nueva@example.es")).one()
    with pytest.raises(DomainError) as refused:
        signup.ensure_verified(db, user_id=user.id)
    assert refused.value.key == "shop.email_unverified"
    mail = _mails(db, "nueva@example.es")[0]
    token = re.search(r"/verificar\?token=([\w-]+)", mail.body_text).group(1)
    signup.verify_email(db, token=token)
    db.commit()
    signup.ensure_verified(db, user_id=user.id)
    with pytest.raises(DomainError):
        signup.verify_email(db, token=token)  # single use


def test_sign_up_e_mails_are_throttled_per_address_typed(db):
    for _ in range(request_throttle.PER_EMAIL + 5):
        signup.register(
            db, full_name="Otra", email="flood@example.es", password=PASSWORD, client_ip="10.0.0.1"
        )
        db.commit()
    assert len(_mails(db, "flood@example.es")) == request_throttle.PER_EMAIL


def test_checkout_refuses_an_unconfirmed_account_and_stores_nothing(db):
    seed_catalogue(db)
    signup.register(db, full_name="Nueva Clienta", email="nueva@example.es", password=PASSWORD)
    db.commit()
    client = accounts.to_viewer(db.exec(select(User).where(User.email == "nueva@example.es")).one())
    beneficiary = make_beneficiary(db, client, name="Madre Nueva", postal_code="28013")
    db.commit()
    service = db.exec(select(CareService)).first()
    request = checkout.CheckoutRequest(
        cart={str(service.id): 1},
        beneficiary_id=beneficiary,
        observations="",
        preferred_dates="",
        accept_terms=True,
        billing=BILLING,
        attempt_key="attempt-unverified",
    )
    with pytest.raises(DomainError) as refused:
        checkout.start_checkout(db, actor=client, request=request, provider=PROVIDER)
    assert refused.value.key == "shop.email_unverified"
    db.rollback()
    assert db.exec(select(Order)).all() == []

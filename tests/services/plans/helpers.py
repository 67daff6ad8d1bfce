"""Fixtures for plans: the catalogue, a client with a beneficiary and a manager, Stripe's stand-in."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.integrations.payments import StripeProvider, sign_payload
from care_portal.models.plans import CarePlan
from care_portal.models.shop import CareService
from care_portal.services import accounts, checkout, plans
from tests.factories import make_beneficiary, make_manager
from tests.stripe_stub import StripeStub

SECRET = "whsec_plans"
BILLING = checkout.BillingData(
    "12345678z", "María López", "Calle Mayor 5, 2º", "28013", "Madrid", "612345678"
)
CONTRACTED_AT = datetime(2027, 3, 10, 12, 0, tzinfo=UTC)  # the spring clock change is on 28 March 2027
TUESDAY_10 = {1: "10:00"}


@pytest.fixture
def stub():
    server = StripeStub().start()
    yield server
    server.stop()


@pytest.fixture
def stripe_provider(stub):
    return StripeProvider(secret_key="sk_test_plans", webhook_secret=SECRET, api_base=stub.url)


@pytest.fixture
def family(db):
    seed_catalogue(db)
    db.commit()
    services = {s.slug: s for s in db.exec(select(CareService)).all()}
    manager = make_manager(db, email="gestora@example.es", areas=["28"])
    client = accounts.sign_up(
        db, full_name="María López", email="maria@example.es", password="una frase segura"
    )
    other = accounts.sign_up(
        db, full_name="Otro Cliente", email="otro@example.es", password="una frase segura"
    )
    db.commit()
    beneficiary = make_beneficiary(db, client, name="Dolores Martín Sanz", postal_code="28013")
    db.commit()
    return {
        "services": services,
        "client": client,
        "other": other,
        "manager": manager,
        "beneficiary": beneficiary,
    }


def plan_request(family, **overrides) -> plans.PlanRequest:
    """The plan form as a client fills it: companion visits on Tuesdays at 10:00 from 16/03/2027."""
    values = dict(
        service_id=family["services"]["visita-compania"].id,
        beneficiary_id=family["beneficiary"],
        schedule=dict(TUESDAY_10),
        start_date="2027-03-16",
        observations="Le gusta pasear por el Retiro.",
        accept_terms=True,
        billing=BILLING,
        attempt_key="plan-attempt-0001",
    )
    values.update(overrides)
    return plans.PlanRequest(**values)


def contract(db, family, provider, **overrides) -> CarePlan:
    """Contract a plan (nothing paid yet) and return it."""
    start = plans.start_plan(
        db,
        actor=family["client"],
        request=plan_request(family, **overrides),
        provider=provider,
        now=CONTRACTED_AT,
    )
    db.commit()
    return db.exec(select(CarePlan).where(CarePlan.public_id == start.plan_public_id)).one()


def deliver(db, provider, event: dict) -> str:
    """Sign an event as Stripe does and send it through the webhook path; commit."""
    body = json.dumps(event).encode()
    outcome = checkout.process_webhook(
        db, provider=provider, payload=body, signature=sign_payload(body, SECRET)
    )
    db.commit()
    return outcome


def subscribe(db, stub, provider, plan: CarePlan) -> str:
    """The client pays on Stripe's page: the subscription exists and the checkout event arrives."""
    session_id = next(
        sid for sid, form in stub.sessions.items() if form.get("metadata[plan]") == plan.public_id
    )
    subscription = stub.subscribe(session_id)
    assert (
        deliver(db, provider, stub.checkout_completed_event(session_id, subscription["id"])) == "plan_linked"
    )
    return subscription["id"]

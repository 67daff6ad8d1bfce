"""The phone typed with the billing data becomes the profile's phone when it had none."""

from dataclasses import replace

import pytest

from care_portal.domain.errors import ValidationFailed
from care_portal.models import User
from care_portal.services import accounts, checkout

BILLING = checkout.BillingData(
    "12345678z", "María López", "Calle Mayor 5, 2º", "28013", "Madrid", "612 345 678"
)


def _client(db, email: str, phone: str = ""):
    viewer = accounts.sign_up(db, full_name="María López", email=email, password="una frase segura")
    if phone:
        db.get(User, viewer.id).phone = phone
    db.commit()
    return viewer


def test_a_profile_without_a_phone_takes_the_billing_phone(db):
    viewer = _client(db, "sin-telefono@example.es")
    checkout.save_billing(db, actor=viewer, data=BILLING)
    db.commit()
    assert db.get(User, viewer.id).phone == "+34612345678"


def test_a_profile_phone_is_never_replaced_by_the_billing_one(db):
    viewer = _client(db, "con-telefono@example.es", phone="+34699000111")
    checkout.save_billing(db, actor=viewer, data=BILLING)
    db.commit()
    assert db.get(User, viewer.id).phone == "+34699000111"


def test_refused_billing_data_leaves_the_profile_phone_empty(db):
    viewer = _client(db, "mal-nif@example.es")
    with pytest.raises(ValidationFailed):
        checkout.save_billing(db, actor=viewer, data=replace(BILLING, nif="1"))
    assert db.get(User, viewer.id).phone == ""

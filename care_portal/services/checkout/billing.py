"""The client's billing profile: reading, checking and saving it."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlmodel import Session, select

from care_portal.domain.errors import ValidationFailed
from care_portal.domain.identifiers import normalise_nif, normalise_phone, normalise_postal_code
from care_portal.models import Role, User
from care_portal.models.shop import BillingProfile
from care_portal.models.types import utcnow
from care_portal.services.authz import Viewer, ensure_role


@dataclass(frozen=True)
class BillingData:
    """Billing data as typed, or as stored after validation."""

    nif: str
    billing_name: str
    address: str
    postal_code: str
    town: str
    phone: str


def get_billing(session: Session, *, actor: Viewer | None) -> BillingData | None:
    """Return the actor's saved billing data, if any."""
    actor = ensure_role(actor, Role.CLIENT)
    row = session.exec(select(BillingProfile).where(BillingProfile.user_id == actor.id)).first()
    if row is None:
        return None
    return BillingData(row.nif, row.billing_name, row.address, row.postal_code, row.town, row.phone)


def validate_billing(data: BillingData) -> BillingData:
    """Normalise billing data or raise ``ValidationFailed`` with one message per field."""
    errors = {}
    nif = normalise_nif(data.nif)
    if nif is None:
        errors["nif"] = "billing.nif_invalid"
    name = " ".join(data.billing_name.split())
    if not 2 <= len(name) <= 120:
        errors["billing_name"] = "billing.name_required"
    address = " ".join(data.address.split())
    if not 5 <= len(address) <= 200:
        errors["address"] = "billing.address_required"
    postal = normalise_postal_code(data.postal_code)
    if postal is None:
        errors["postal_code"] = "field.postal_code_invalid"
    town = " ".join(data.town.split())
    if not 2 <= len(town) <= 80:
        errors["town"] = "billing.town_required"
    phone = normalise_phone(data.phone)
    if phone is None:
        errors["phone"] = "field.phone_invalid"
    if errors:
        raise ValidationFailed(errors)
    return BillingData(nif, name, address, postal, town, phone)


def save_billing(session: Session, *, actor: Viewer | None, data: BillingData) -> BillingData:
    """Validate and save the actor's billing data (issued invoices keep their own copy).

    A profile without a phone gets this one, so the team can call the number typed at checkout.
    """
    actor = ensure_role(actor, Role.CLIENT)
    clean = validate_billing(data)
    user = session.get(User, actor.id)
    if user is not None and not user.phone:
        user.phone = clean.phone
        session.add(user)
    row = session.exec(select(BillingProfile).where(BillingProfile.user_id == actor.id)).first()
    row = row or BillingProfile(user_id=actor.id, **asdict(clean))
    for field, value in asdict(clean).items():
        setattr(row, field, value)
    row.updated_at = utcnow()
    session.add(row)
    return clean

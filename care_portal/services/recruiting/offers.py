"""Offer commands for recruiters: create, edit, publish and close job offers."""

from __future__ import annotations

from sqlmodel import Session

from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.recruiting import OfferStatus
from care_portal.models import JobOffer
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.recruiting.views import RECRUITERS, OfferView, _offer_view

OFFER_TEXT_LIMITS = {"title": 120, "area": 80, "schedule": 120, "contract_type": 80}


def save_offer(session: Session, *, actor: Viewer | None, offer_id: int | None, values: dict) -> OfferView:
    """Create an offer (as a draft) or edit one.

    Raises:
        ValidationFailed: Title missing, or a text too long.
        NotFound: No such offer.
    """
    actor = ensure_role(actor, *RECRUITERS)
    errors: dict[str, str] = {}
    cleaned: dict[str, str] = {}
    for name, limit in OFFER_TEXT_LIMITS.items():
        cleaned[name] = " ".join(str(values.get(name, "")).split())
        if len(cleaned[name]) > limit:
            errors[name] = "rec.error.too_long"
    if len(cleaned["title"]) < 3:
        errors["title"] = "rec.error.title"
    for name in ("description", "requirements"):
        cleaned[name] = str(values.get(name, "")).strip()
        if len(cleaned[name]) > 5000:
            errors[name] = "rec.error.too_long"
    if errors:
        raise ValidationFailed(errors)
    if offer_id is None:
        offer = JobOffer()
    else:
        offer = session.get(JobOffer, offer_id)
        if offer is None:
            raise NotFound()
    for name, value in cleaned.items():
        setattr(offer, name, value)
    session.add(offer)
    session.flush()
    record_event(
        session,
        actor_id=actor.id,
        action="recruiting.offer_save",
        target_type="job_offer",
        target_id=offer.id,
    )
    return _offer_view(offer)


def set_offer_status(session: Session, *, actor: Viewer | None, offer_id: int, status: str) -> OfferView:
    """Publish (open), close or return an offer to draft."""
    actor = ensure_role(actor, *RECRUITERS)
    offer = session.get(JobOffer, offer_id)
    if offer is None:
        raise NotFound()
    try:
        offer.status = OfferStatus(status).value
    except ValueError as error:
        raise DomainError("rec.error.bad_status") from error
    if offer.status == OfferStatus.OPEN.value and offer.published_at is None:
        offer.published_at = utcnow()
    session.add(offer)
    record_event(
        session,
        actor_id=actor.id,
        action="recruiting.offer_status",
        target_type="job_offer",
        target_id=offer.id,
        details={"status": offer.status},
    )
    session.flush()
    return _offer_view(offer)

"""The service catalogue: what the shop shows, and its management by admins."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.domain.formatting import format_euros
from care_portal.domain.pricing import RATE_PERCENT, CatalogueEntry
from care_portal.models import Role
from care_portal.models.shop import CareService
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role


@dataclass(frozen=True)
class ServiceView:
    """A service as a page shows it, in one language."""

    id: int
    slug: str
    name: str
    description: str
    includes: str
    duration_minutes: int
    visits_per_unit: int
    price_cents: int
    price: str
    vat_rate: str
    exempt_reason: str
    image: str
    is_active: bool
    is_plannable: bool = False  # can be contracted as a recurring monthly plan


@dataclass(frozen=True)
class ServiceInput:
    """What an admin types to create or edit a service (both languages)."""

    slug: str
    name_es: str
    name_en: str
    description_es: str
    description_en: str
    includes_es: str
    includes_en: str
    duration_minutes: int
    visits_per_unit: int
    price_cents: int
    vat_rate: str
    exempt_reason: str = ""
    image: str = ""
    position: int = 0
    is_active: bool = True


TEXT_FIELDS = (
    "slug",
    "name_es",
    "name_en",
    "description_es",
    "description_en",
    "includes_es",
    "includes_en",
    "exempt_reason",
    "image",
)
NEW_SERVICE_FORM = {"vat_rate": "10", "visits_per_unit": "1", "duration_minutes": "60"}


def _whole_number(raw: object, field: str) -> int:
    try:
        return int(str(raw).strip())
    except (TypeError, ValueError):
        raise ValidationFailed({field: "errors.validation"}) from None


def _euro_cents(raw: object) -> int:
    """Read "25", "25,50" or "1.250,00 €" as cents (exactly, no floating point)."""
    text = str(raw or "").replace("€", "").replace(" ", "").replace(".", "").replace(",", ".")
    try:
        return int((Decimal(text) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation:
        raise ValidationFailed({"price": "catalog.price_invalid"}) from None


def service_input_from_form(form: dict) -> ServiceInput:
    """Turn the admin form's texts into a ``ServiceInput``.

    Raises:
        ValidationFailed: A number or price that cannot be read.
    """
    return ServiceInput(
        **{field: str(form.get(field, "")) for field in TEXT_FIELDS},
        duration_minutes=_whole_number(form.get("duration_minutes"), "duration_minutes"),
        visits_per_unit=_whole_number(form.get("visits_per_unit"), "visits_per_unit"),
        price_cents=_euro_cents(form.get("price")),
        vat_rate=str(form.get("vat_rate", "10")),
        position=_whole_number(form.get("position") or "0", "position"),
    )


def service_form(session: Session, *, actor: Viewer | None, service_id: int | None) -> dict[str, str]:
    """Return the admin form's values for a service (the defaults for a new one).

    Raises:
        PermissionDenied: The actor is not an admin.
        NotFound: No service with that id.
    """
    ensure_role(actor, Role.ADMIN)
    if not service_id:
        return dict(NEW_SERVICE_FORM)
    row = session.get(CareService, service_id)
    if row is None:
        raise NotFound()
    values = {key: str(value) for key, value in row.model_dump().items()}
    values["price"] = f"{row.price_cents / 100:.2f}".replace(".", ",")
    return values


def _view(service: CareService, lang: str) -> ServiceView:
    en = lang == "en"
    return ServiceView(
        id=service.id,
        slug=service.slug,
        name=service.name_en if en else service.name_es,
        description=service.description_en if en else service.description_es,
        includes=service.includes_en if en else service.includes_es,
        duration_minutes=service.duration_minutes,
        visits_per_unit=service.visits_per_unit,
        price_cents=service.price_cents,
        price=format_euros(service.price_cents, lang),
        vat_rate=service.vat_rate,
        exempt_reason=service.exempt_reason,
        image=service.image,
        is_active=service.is_active,
        is_plannable=service.plannable,
    )


def list_services(session: Session, *, lang: str = "es") -> list[ServiceView]:
    """Return the active services in display order (public)."""
    rows = session.exec(
        select(CareService).where(CareService.is_active == True).order_by(col(CareService.position))  # noqa: E712
    ).all()
    return [_view(row, lang) for row in rows]


def list_all_services(session: Session, *, actor: Viewer | None, lang: str = "es") -> list[ServiceView]:
    """Return every service, active or not, for the admin catalogue page."""
    ensure_role(actor, Role.ADMIN)
    rows = session.exec(select(CareService).order_by(col(CareService.position))).all()
    return [_view(row, lang) for row in rows]


def catalogue_entries(session: Session, ids: list[int], *, lang: str = "es") -> list[CatalogueEntry]:
    """Return what pricing needs for these service ids (missing ids are simply absent)."""
    if not ids:
        return []
    rows = session.exec(select(CareService).where(col(CareService.id).in_(ids))).all()
    return [
        CatalogueEntry(
            id=row.id,
            name=row.name_en if lang == "en" else row.name_es,
            price_cents=row.price_cents,
            vat_rate=row.vat_rate,
            is_active=row.is_active,
            visits_per_unit=row.visits_per_unit,
        )
        for row in rows
    ]


def service_names(session: Session, ids: set[int], *, lang: str) -> dict[int, str]:
    """Return the names of these services in a language, by id (one statement; none in Spanish).

    Orders keep the Spanish name a service had when it was bought; an English reader sees the
    service's English name instead.
    """
    if lang != "en" or not ids:
        return {}
    rows = session.exec(select(CareService.id, CareService.name_en).where(col(CareService.id).in_(ids))).all()
    return {service_id: name for service_id, name in rows}


def _validate(data: ServiceInput) -> dict[str, str]:
    errors = {}
    if not data.slug or not data.slug.replace("-", "").isalnum() or len(data.slug) > 60:
        errors["slug"] = "catalog.slug_invalid"
    for field in ("name_es", "name_en"):
        if not 2 <= len(getattr(data, field).strip()) <= 120:
            errors[field] = "catalog.name_required"
    if not 1 <= data.price_cents <= 1_000_000:
        errors["price"] = "catalog.price_invalid"
    if not 15 <= data.duration_minutes <= 24 * 60:
        errors["duration_minutes"] = "catalog.duration_invalid"
    if not 1 <= data.visits_per_unit <= 50:
        errors["visits_per_unit"] = "catalog.visits_invalid"
    if data.vat_rate not in RATE_PERCENT:
        errors["vat_rate"] = "catalog.rate_invalid"
    elif data.vat_rate == "exempt" and len(data.exempt_reason.strip()) < 5:
        errors["exempt_reason"] = "catalog.exempt_reason_required"
    return errors


def save_service(
    session: Session, *, actor: Viewer | None, data: ServiceInput, service_id: int | None = None
) -> ServiceView:
    """Create or edit a service (admins). Past orders keep their own copy of name, price and rate.

    Raises:
        PermissionDenied: The actor is not an admin.
        ValidationFailed: A bad field.
        NotFound: No service with that id.
    """
    actor = ensure_role(actor, Role.ADMIN)
    errors = _validate(data)
    clash = session.exec(select(CareService.id).where(CareService.slug == data.slug)).first()
    if clash is not None and clash != service_id:
        errors["slug"] = "catalog.slug_taken"
    if errors:
        raise ValidationFailed(errors)
    service = (
        session.get(CareService, service_id) if service_id else CareService(price_cents=data.price_cents)
    )
    if service is None:
        raise NotFound()
    for field, value in vars(data).items():
        setattr(service, field, value.strip() if isinstance(value, str) else value)
    service.updated_at = utcnow()
    session.add(service)
    session.flush()
    record_event(
        session, actor_id=actor.id, action="catalog.saved", target_type="service", target_id=service.id
    )
    return _view(service, actor.language)


def set_service_active(session: Session, *, actor: Viewer | None, service_id: int, active: bool) -> None:
    """Show or hide a service in the shop (admins)."""
    actor = ensure_role(actor, Role.ADMIN)
    service = session.get(CareService, service_id)
    if service is None:
        raise NotFound()
    service.is_active = active
    session.add(service)
    record_event(
        session,
        actor_id=actor.id,
        action="catalog.activated" if active else "catalog.deactivated",
        target_type="service",
        target_id=service_id,
    )


def set_service_plannable(
    session: Session, *, actor: Viewer | None, service_id: int, plannable: bool
) -> None:
    """Offer a service as a recurring monthly plan, or stop offering it (admins; plans running go on)."""
    actor = ensure_role(actor, Role.ADMIN)
    service = session.get(CareService, service_id)
    if service is None:
        raise NotFound()
    service.plannable = plannable
    service.updated_at = utcnow()
    session.add(service)
    record_event(
        session,
        actor_id=actor.id,
        action="catalog.plannable" if plannable else "catalog.not_plannable",
        target_type="service",
        target_id=service_id,
    )

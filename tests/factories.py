"""Small builders for test data that other features own (kept in one place)."""

from __future__ import annotations

from care_portal.models import Role, User
from care_portal.models.care import Beneficiary, ManagerArea
from care_portal.services import accounts
from care_portal.services.authz import Viewer


def make_manager(db, *, email: str, areas: list[str], name: str = "Gestor de Prueba") -> User:
    """Create an active manager who covers the given postal areas."""
    viewer = accounts.sign_up(db, full_name=name, email=email, password="una frase segura", role=Role.MANAGER)
    for area in areas:
        db.add(ManagerArea(manager_id=viewer.id, area_code=area))
    db.flush()
    return db.get(User, viewer.id)


def make_beneficiary(db, client: Viewer, *, name: str, postal_code: str, manager: User | None = None) -> int:
    """Create a beneficiary of ``client`` directly (the registration form has its own tests)."""
    manager_id = manager.id if manager else None
    if manager_id is None:
        area = db.exec(
            ManagerArea.__table__.select().where(ManagerArea.area_code.in_([postal_code, postal_code[:2]]))
        ).first()
        manager_id = area.manager_id if area else None
    beneficiary = Beneficiary(
        client_id=client.id,
        manager_id=manager_id,
        full_name=name,
        relationship="madre",
        street="Calle Mayor 1",
        postal_code=postal_code,
        town="Madrid",
        province="Madrid",
        phone="+34612345678",
    )
    db.add(beneficiary)
    db.flush()
    return beneficiary.id


def signed_paid_event(order) -> tuple[bytes, str]:
    """The simulated provider's signed «paid» delivery for ``order``: its body and signature header."""
    from care_portal.integrations.payments import get_provider

    return get_provider().signed_event(
        order_public_id=order.public_id,
        session_id=order.provider_session_id,
        paid=True,
        amount_cents=order.total_cents,
    )

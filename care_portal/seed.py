"""Demo data for a local run (idempotent): one account per role.

Run with ``python -m care_portal.seed``.
"""

from __future__ import annotations

from sqlmodel import select

from care_portal.config import get_settings
from care_portal.db import session_scope
from care_portal.domain.care import BeneficiaryInput
from care_portal.models import Beneficiary, ManagerArea, Role, User
from care_portal.seed_catalog import seed_catalogue
from care_portal.services import accounts, beneficiaries

DEMO_PASSWORD = "cuidado-demo-2026"  # noqa: S105 - demo accounts only, never in production
DEMO_USERS = [
    ("admin@cuidadoencasa.example", "Ana Administradora", Role.ADMIN),
    ("gestor@cuidadoencasa.example", "Gonzalo Gestor Ruiz", Role.MANAGER),
    ("seleccion@cuidadoencasa.example", "Sara Selección Díaz", Role.RECRUITER),
    ("cliente@cuidadoencasa.example", "Carmen Cliente López", Role.CLIENT),
]


def seed_demo_users() -> list[tuple[str, str, str]]:
    """Create the demo accounts that are missing.

    Returns:
        ``(role, email, password)`` for each demo account.
    """
    with session_scope() as session:
        for email, name, role in DEMO_USERS:
            if session.exec(select(User.id).where(User.email == email)).first() is None:
                accounts.sign_up(session, full_name=name, email=email, password=DEMO_PASSWORD, role=role)
    return [(role.value, email, DEMO_PASSWORD) for email, _, role in DEMO_USERS]


DEMO_BENEFICIARY = BeneficiaryInput(
    full_name="Rosario López Martín",
    street="Calle de la Cava Baja 12, 1º A",
    postal_code="28013",
    town="Madrid",
    province="Madrid",
    phone="+34 612 345 678",
    relationship="madre",
    preferred_times="Mañanas de lunes a viernes",
)


def seed_demo_care() -> None:
    """The demo manager covers Madrid ("28"); the demo client has one beneficiary there, consent pending."""
    with session_scope() as session:
        manager = session.exec(select(User).where(User.email == "gestor@cuidadoencasa.example")).one()
        client = session.exec(select(User).where(User.email == "cliente@cuidadoencasa.example")).one()
        if session.exec(select(ManagerArea.id).where(ManagerArea.manager_id == manager.id)).first() is None:
            session.add(ManagerArea(manager_id=manager.id, area_code="28"))
            session.flush()
        if session.exec(select(Beneficiary.id).where(Beneficiary.client_id == client.id)).first() is None:
            beneficiaries.register_beneficiary(
                session, actor=accounts.to_viewer(client), data=DEMO_BENEFICIARY
            )


def main() -> None:
    """Seed and print the demo log-ins."""
    if get_settings().is_production:
        raise SystemExit("Demo data is not loaded in production.")
    logins = seed_demo_users()
    with session_scope() as session:
        seed_catalogue(session)
    seed_demo_care()
    print(f"\nDemo log-ins (contraseña / password: {DEMO_PASSWORD}):")
    for role, email, _ in logins:
        print(f"  {role:<10} {email}")
    print()


if __name__ == "__main__":
    main()

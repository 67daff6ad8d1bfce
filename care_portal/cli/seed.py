"""Demo data for a local run (idempotent): one account per role.

Run with ``python -m care_portal.cli.seed``.
"""

from __future__ import annotations

from sqlmodel import select

from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.cli.seed_invoices import seed_demo_order
from care_portal.config import get_settings
from care_portal.db import session_scope
from care_portal.domain.care import BeneficiaryInput
from care_portal.models import Beneficiary, JobOffer, ManagerArea, Role, User
from care_portal.services import accounts, beneficiaries, recruiting

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


DEMO_OFFERS = [
    {
        "title": "Gestor/a personal de cuidados en Madrid",
        "area": "Madrid",
        "schedule": "Mañanas de lunes a viernes",
        "contract_type": "Indefinido, jornada parcial",
        "description": "Acompañarás a personas mayores en su casa: visitas de compañía, recados y "
        "acompañamiento al médico. Acordarás cada visita con la familia y escribirás un breve informe.",
        "requirements": "Experiencia en cuidados o formación sociosanitaria.\nTrato amable y paciencia.",
    },
    {
        "title": "Gestor/a personal de fin de semana en Valencia",
        "area": "Valencia",
        "schedule": "Sábados y domingos",
        "contract_type": "Temporal, fines de semana",
        "description": "Visitas de compañía y paseos los fines de semana con personas mayores "
        "que viven solas.",
        "requirements": "Se valora carné de conducir.",
    },
]
DEMO_SURVEY = [
    ("single", "¿Has cuidado antes a personas mayores?", "Sí, como trabajo\nSí, en mi familia\nNo", True),
    (
        "multiple",
        "¿Qué tareas te ves haciendo?",
        "Compañía\nRecados\nAcompañar al médico\nAseo personal",
        True,
    ),
    ("scale", "¿Cómo te sientes al hablar por teléfono con familias preocupadas? (1–5)", "", True),
    ("text", "¿Hay algo más que quieras contarnos?", "", False),
]


def seed_demo_offers() -> None:
    """Create the two open demo offers with their survey, when missing."""
    with session_scope() as session:
        recruiter = session.exec(select(User).where(User.email == "seleccion@cuidadoencasa.example")).one()
        actor = accounts.to_viewer(recruiter)
        for values in DEMO_OFFERS:
            if session.exec(select(JobOffer.id).where(JobOffer.title == values["title"])).first() is not None:
                continue
            offer = recruiting.save_offer(session, actor=actor, offer_id=None, values=values)
            for kind, prompt, options, required in DEMO_SURVEY:
                recruiting.add_question(
                    session,
                    actor=actor,
                    offer_id=offer.id,
                    kind=kind,
                    prompt=prompt,
                    options_text=options,
                    required=required,
                )
            recruiting.set_offer_status(session, actor=actor, offer_id=offer.id, status="open")


def main() -> None:
    """Seed and print the demo log-ins."""
    if get_settings().is_production:
        raise SystemExit("Demo data is not loaded in production.")
    logins = seed_demo_users()
    with session_scope() as session:
        seed_catalogue(session)
    seed_demo_care()
    seed_demo_offers()
    invoice_number = seed_demo_order()
    print(f"\nDemo log-ins (contraseña / password: {DEMO_PASSWORD}):")
    for role, email, _ in logins:
        print(f"  {role:<10} {email}")
    print(f"Demo invoice / factura de ejemplo: {invoice_number}")
    print()


if __name__ == "__main__":
    main()

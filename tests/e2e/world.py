"""The people and things a browser journey needs, written straight into the served app's database.

Each test makes its own users (unique e-mail addresses) and data, so any test passes
alone and in any order; nothing depends on the demo accounts of ``make run``.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import create_engine
from sqlmodel import Session, select

from care_portal.cli.seed import DEMO_OFFERS, DEMO_SURVEY
from care_portal.config import get_settings
from care_portal.integrations.payments import SimulatedProvider
from care_portal.models import Invoice, Order, Role, User
from care_portal.models.care import ManagerArea
from care_portal.models.shop import CareService
from care_portal.services import accounts, aeat_status, checkout, invoice_documents, recruiting
from tests.e2e.helpers import unique_email
from tests.factories import make_beneficiary

PASSWORD = "una frase de prueba bastante larga"
_USED_POSTAL_CODES: set[str] = set()


@dataclass(frozen=True)
class Person:
    """An account a test logs in with."""

    id: int
    email: str
    name: str
    password: str = PASSWORD


@dataclass(frozen=True)
class IssuedInvoice:
    """An invoice of a paid order, as the client and the admin find it."""

    id: int
    number: str


class World:
    """Builds accounts and data in the database the app under test serves."""

    def __init__(self, database_url: str) -> None:
        """Open an engine on the app's database."""
        self.engine = create_engine(database_url)

    @staticmethod
    def postal_code(province: str = "28") -> str:
        """Return a postal code of ``province`` no other journey of this run uses.

        A manager covering only this code is the one chosen for a relative registered there
        (they have the fewest beneficiaries), whatever other journeys did before.
        """
        while True:
            code = f"{province}{random.randint(100, 999)}"
            if code not in _USED_POSTAL_CODES:
                _USED_POSTAL_CODES.add(code)
                return code

    def person(self, role: Role, name: str, *, areas: tuple[str, ...] = ()) -> Person:
        """Create an active account of a role (a manager covers ``areas``)."""
        email = unique_email(role.value)
        with Session(self.engine, expire_on_commit=False) as session:
            viewer = accounts.sign_up(session, full_name=name, email=email, password=PASSWORD, role=role)
            session.add_all(ManagerArea(manager_id=viewer.id, area_code=area) for area in areas)
            session.commit()
        return Person(viewer.id, email, name)

    def relative(self, client: Person, *, name: str, manager: Person, postal_code: str = "28013") -> int:
        """Register a beneficiary of ``client`` looked after by ``manager``; return its id."""
        with Session(self.engine, expire_on_commit=False) as session:
            viewer = accounts.to_viewer(session.get(User, client.id))
            beneficiary_id = make_beneficiary(
                session, viewer, name=name, postal_code=postal_code, manager=session.get(User, manager.id)
            )
            session.commit()
        return beneficiary_id

    def paid_invoice(self, client: Person, beneficiary_id: int, *, billing_name: str) -> IssuedInvoice:
        """Buy 2 companion visits and 1 accompaniment (95 €) for a relative and pay them.

        It goes through the real checkout and the simulated payment, so the order, its tasks,
        its invoice and its billing record are real; the app renders the PDF on first download.
        """
        provider = SimulatedProvider(secret=get_settings().secret_key, public_url="http://localhost")
        attempt = f"world-{uuid.uuid4().hex}"
        billing = checkout.BillingData(
            "12345678Z", billing_name, "Calle de Alcalá 20, 2.º B", "28014", "Madrid", "+34612345678"
        )
        with Session(self.engine, expire_on_commit=False) as session:
            invoice_documents.defer_pdfs(session)
            viewer = accounts.to_viewer(session.get(User, client.id))
            services = {s.slug: s.id for s in session.exec(select(CareService)).all()}
            checkout.start_checkout(
                session,
                actor=viewer,
                request=checkout.CheckoutRequest(
                    cart={str(services["visita-compania"]): 2, str(services["acompanamiento-medico"]): 1},
                    beneficiary_id=beneficiary_id,
                    observations="",
                    preferred_dates="",
                    accept_terms=True,
                    billing=billing,
                    attempt_key=attempt,
                ),
                provider=provider,
            )
            order = session.exec(select(Order).where(Order.attempt_key == attempt)).one()
            checkout.pay_simulated(
                session, actor=viewer, order_public_id=order.public_id, provider=provider, paid=True
            )
            invoice = session.exec(select(Invoice).where(Invoice.order_ref == order.public_id)).one()
            session.commit()
        return IssuedInvoice(invoice.id, invoice.number)

    def unsent_records(self, admin: Person) -> int:
        """Count the billing records not yet accepted by the AEAT, in the whole database."""
        with Session(self.engine) as session:
            return aeat_status.counts(session, actor=accounts.to_viewer(session.get(User, admin.id))).pending

    def open_offer(self, recruiter: Person, *, title: str) -> int:
        """Publish the demo Madrid offer, under ``title``, with the demo survey; return its id."""
        with Session(self.engine, expire_on_commit=False) as session:
            actor = accounts.to_viewer(session.get(User, recruiter.id))
            offer = recruiting.save_offer(
                session, actor=actor, offer_id=None, values=DEMO_OFFERS[0] | {"title": title}
            )
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
            session.commit()
        return offer.id

    def paid_pack(self, client: Person, beneficiary_id: int) -> list[int]:
        """Buy and pay a «Bono de 4 visitas» for a relative; return its four visits' ids, in order."""
        from sqlmodel import col

        from care_portal.models.visits import Task

        provider = SimulatedProvider(secret=get_settings().secret_key, public_url="http://localhost")
        billing = checkout.BillingData(
            "12345678Z", client.name, "Calle de Alcalá 20, 2.º B", "28014", "Madrid", "+34612345678"
        )
        with Session(self.engine, expire_on_commit=False) as session:
            invoice_documents.defer_pdfs(session)
            viewer = accounts.to_viewer(session.get(User, client.id))
            service = session.exec(select(CareService).where(CareService.slug == "bono-cuatro-visitas")).one()
            start = checkout.start_checkout(
                session,
                actor=viewer,
                request=checkout.CheckoutRequest(
                    cart={str(service.id): 1},
                    beneficiary_id=beneficiary_id,
                    observations="Prefiere por la mañana.",
                    preferred_dates="martes",
                    accept_terms=True,
                    billing=billing,
                    attempt_key=f"world-{uuid.uuid4().hex}",
                ),
                provider=provider,
            )
            public_id = start.redirect_url.split("pedido=")[-1]
            checkout.pay_simulated(
                session, actor=viewer, order_public_id=public_id, provider=provider, paid=True
            )
            session.commit()
            order = session.exec(select(Order).where(Order.public_id == public_id)).one()
            return list(
                session.exec(select(Task.id).where(Task.order_id == order.id).order_by(col(Task.id))).all()
            )

    def waiting_crowd(self, client: Person, manager: Person, like: int, *, people: int, each: int) -> None:
        """Give ``manager`` ``people`` more relatives with ``each`` waiting visits apiece (bulk insert)."""
        from care_portal.models.visits import Task

        with Session(self.engine, expire_on_commit=False) as session:
            viewer = accounts.to_viewer(session.get(User, client.id))
            model = session.get(Task, like)
            values = {c.name: getattr(model, c.key) for c in Task.__table__.columns if c.name != "id"}
            for person in range(people):
                beneficiary_id = make_beneficiary(
                    session,
                    viewer,
                    name=f"Persona {person:03d} Prueba",
                    postal_code="28013",
                    manager=session.get(User, manager.id),
                )
                session.add_all(
                    Task(
                        **values
                        | {
                            "beneficiary_id": beneficiary_id,
                            "client_id": client.id,
                            "visit_code": uuid.uuid4().hex[:8].upper(),
                            "created_at": model.created_at + timedelta(minutes=person + 1),
                            "sequence_number": visit + 1,
                            "sequence_total": each,
                        }
                    )
                    for visit in range(each)
                )
            session.commit()

    def visit_day_comes(self, task_id: int) -> None:
        """Move a scheduled visit to start in half an hour, as if its day had come (the check-in window)."""
        from datetime import UTC, datetime, timedelta

        from care_portal.models.visits import Task

        with Session(self.engine) as session:
            task = session.get(Task, task_id)
            length = task.appointment_end - task.appointment_start
            task.appointment_start = datetime.now(UTC) + timedelta(minutes=30)
            task.appointment_end = task.appointment_start + length
            session.add(task)
            session.commit()

    def close(self) -> None:
        """Release the engine's connections."""
        self.engine.dispose()

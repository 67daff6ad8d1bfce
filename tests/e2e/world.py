"""The people and things a browser journey needs, written straight into the served app's database.

Each test makes its own users (unique e-mail addresses) and data, so any test passes
alone and in any order; nothing depends on the demo accounts of ``make run``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlmodel import Session

from care_portal.models import Role, User
from care_portal.models.care import ManagerArea
from care_portal.services import accounts
from tests.e2e.helpers import unique_email
from tests.factories import make_beneficiary

PASSWORD = "una frase de prueba bastante larga"


@dataclass(frozen=True)
class Person:
    """An account a test logs in with."""

    id: int
    email: str
    name: str
    password: str = PASSWORD


class World:
    """Builds accounts and data in the database the app under test serves."""

    def __init__(self, database_url: str) -> None:
        """Open an engine on the app's database."""
        self.engine = create_engine(database_url)

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

    def close(self) -> None:
        """Release the engine's connections."""
        self.engine.dispose()

"""Builders for the family-circle tests: a client, two beneficiaries, managers and members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from care_portal.models import Beneficiary, Role
from care_portal.models.circle import CircleMember
from care_portal.models.types import utcnow
from care_portal.services.authz import Viewer
from tests.factories import make_beneficiary
from tests.services.care_helpers import make_user


@dataclass
class Family:
    """Everyone around two beneficiaries of one client (and one of another client)."""

    client: Viewer
    other_client: Viewer
    manager: Viewer
    previous_manager: Viewer
    admin: Viewer
    viewer_member: Viewer
    messaging_member: Viewer
    removed_member: Viewer
    stranger: Viewer
    mother_id: int
    father_id: int
    other_id: int


def add_member(db, *, beneficiary_id: int, user: Viewer, invited_by: Viewer, **grants) -> CircleMember:
    """Put a user in a beneficiary's circle directly (the invitation flow has its own tests)."""
    member = CircleMember(
        beneficiary_id=beneficiary_id, user_id=user.id, invited_by_id=invited_by.id, **grants
    )
    db.add(member)
    db.flush()
    return member


def build_family(db) -> Family:
    """A client with a mother (whose circle has three members) and a father, and another client."""
    client = make_user(db, "cliente@example.es", name="Carmen Cliente")
    other_client = make_user(db, "otro@example.es", name="Óscar Otro")
    manager = make_user(db, "gestor@example.es", Role.MANAGER, "Gema Gestora")
    previous = make_user(db, "antes@example.es", Role.MANAGER, "Pablo Previo")
    admin = make_user(db, "admin@example.es", Role.ADMIN, "Ana Admin")
    viewer_member = make_user(db, "hermana@example.es", name="Sara Hermana")
    messaging_member = make_user(db, "hermano@example.es", name="Hugo Hermano")
    removed_member = make_user(db, "prima@example.es", name="Pilar Prima")
    stranger = make_user(db, "nadie@example.es", name="Nadia Nadie")
    mother = make_beneficiary(db, client, name="Rosa Madre", postal_code="28013")
    father = make_beneficiary(db, client, name="Luis Padre", postal_code="28013")
    other = make_beneficiary(db, other_client, name="Olga Otra", postal_code="28013")
    for beneficiary_id in (mother, father, other):
        row = db.get(Beneficiary, beneficiary_id)
        row.manager_id = manager.id
        db.add(row)
    add_member(db, beneficiary_id=mother, user=viewer_member, invited_by=client)
    add_member(db, beneficiary_id=mother, user=messaging_member, invited_by=client, can_message=True)
    gone = add_member(db, beneficiary_id=mother, user=removed_member, invited_by=client, can_message=True)
    gone.removed_at = utcnow() - timedelta(minutes=1)
    gone.removed_by_id = client.id
    db.add(gone)
    db.commit()
    return Family(
        client=client,
        other_client=other_client,
        manager=manager,
        previous_manager=previous,
        admin=admin,
        viewer_member=viewer_member,
        messaging_member=messaging_member,
        removed_member=removed_member,
        stranger=stranger,
        mother_id=mother,
        father_id=father,
        other_id=other,
    )

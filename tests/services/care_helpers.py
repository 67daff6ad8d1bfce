"""Shared builders for the beneficiary service tests."""

from __future__ import annotations

import io

from care_portal.domain.care import BeneficiaryInput, HouseholdMemberInput
from care_portal.models import Role
from care_portal.services import accounts, manager_areas
from care_portal.services.authz import Viewer

PASSWORD = "un paseo por el Retiro"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def make_user(db, email: str, role: Role = Role.CLIENT, name: str = "Persona de Prueba") -> Viewer:
    """Create and commit a user."""
    viewer = accounts.sign_up(db, full_name=name, email=email, password=PASSWORD, role=role)
    db.commit()
    return viewer


def form(**overrides) -> BeneficiaryInput:
    """A valid registration form for a Madrid home, with overrides."""
    values = {
        "full_name": "Rosa Martín Gil",
        "street": "Calle del Arenal 5, 2º B",
        "postal_code": "28013",
        "town": "Madrid",
        "province": "Madrid",
        "phone": "612 345 678",
        "relationship": "madre",
        "nif": "",
        "birth_date": "1940-03-02",
        "household_size": 1,
        "members": (),
        "care_notes": "",
        "preferred_times": "Mañanas",
    }
    values.update(overrides)
    return BeneficiaryInput(**values)


def household_of_two() -> BeneficiaryInput:
    """A form for two people living together."""
    return form(household_size=2, members=(HouseholdMemberInput("Luis Pérez Sanz", "padre"),))


def admin_viewer(db) -> Viewer:
    """An admin account."""
    return make_user(db, "admin@example.es", Role.ADMIN, "Ana Admin")


def manager_covering(db, email: str, areas: str, admin: Viewer) -> Viewer:
    """A manager covering some areas."""
    manager = make_user(db, email, Role.MANAGER, f"Gestor {email.split('@')[0]}")
    manager_areas.set_manager_areas(db, actor=admin, manager_id=manager.id, areas=areas)
    db.commit()
    return manager


def png_image() -> bytes:
    """A real little PNG."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, format="PNG")
    return buffer.getvalue()

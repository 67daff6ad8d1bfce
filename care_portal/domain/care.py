"""Rules for a beneficiary's registration data: pure validation, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from care_portal.domain.errors import ValidationFailed
from care_portal.domain.identifiers import normalise_nif, normalise_phone, normalise_postal_code

MAX_HOUSEHOLD = 8
MAX_NOTES = 2000
MAX_PREFERRED = 300


@dataclass(frozen=True)
class HouseholdMemberInput:
    """Another member of the household as typed in the form."""

    full_name: str
    relationship: str = ""


@dataclass(frozen=True)
class BeneficiaryInput:
    """A beneficiary as typed in the registration or edit form (all text)."""

    full_name: str
    street: str
    postal_code: str
    town: str
    province: str
    phone: str
    relationship: str = ""
    nif: str = ""
    birth_date: str = ""
    household_size: str | int = 1
    members: tuple[HouseholdMemberInput, ...] = field(default_factory=tuple)
    care_notes: str = ""
    preferred_times: str = ""


@dataclass(frozen=True)
class CleanBeneficiary:
    """A beneficiary's data after validation and normalisation."""

    full_name: str
    street: str
    postal_code: str
    town: str
    province: str
    phone: str
    relationship: str
    nif: str
    birth_date: date | None
    household_size: int
    members: tuple[HouseholdMemberInput, ...]
    care_notes: str
    preferred_times: str


def clean_text(raw: str | None, limit: int) -> str:
    """Collapse whitespace and cut to ``limit`` characters."""
    return " ".join((raw or "").split())[:limit]


def _parse_birth_date(raw: str, today: date) -> tuple[date | None, str]:
    text = (raw or "").strip()
    if not text:
        return None, ""
    try:
        value = date.fromisoformat(text)
    except ValueError:
        return None, "care.birth_date_invalid"
    if value > today or value.year < today.year - 120:
        return None, "care.birth_date_invalid"
    return value, ""


def _parse_household(raw: str | int) -> tuple[int, str]:
    try:
        size = int(str(raw).strip())
    except ValueError:
        return 0, "care.household_invalid"
    if size < 1 or size > MAX_HOUSEHOLD:
        return 0, "care.household_invalid"
    return size, ""


def validate_beneficiary(data: BeneficiaryInput, *, today: date | None = None) -> CleanBeneficiary:
    """Check and normalise a beneficiary's data.

    Args:
        data: What the client typed.
        today: The current date (for tests).

    Returns:
        The cleaned data.

    Raises:
        ValidationFailed: One message key per bad field; members are
            ``member_<n>_name`` (n from 1).
    """
    today = today or date.today()
    errors: dict[str, str] = {}
    name = clean_text(data.full_name, 121)
    if len(name) < 2:
        errors["full_name"] = "care.name_required"
    elif len(name) > 120:
        errors["full_name"] = "auth.name_too_long"
    nif = ""
    if (data.nif or "").strip():
        nif = normalise_nif(data.nif) or ""
        if not nif:
            errors["nif"] = "care.nif_invalid"
    birth_date, problem = _parse_birth_date(data.birth_date, today)
    if problem:
        errors["birth_date"] = problem
    street = clean_text(data.street, 200)
    if len(street) < 3:
        errors["street"] = "care.street_required"
    postal_code = normalise_postal_code(data.postal_code) or ""
    if not (data.postal_code or "").strip():
        errors["postal_code"] = "care.postal_code_required"
    elif not postal_code:
        errors["postal_code"] = "care.postal_code_invalid"
    town = clean_text(data.town, 100)
    if len(town) < 2:
        errors["town"] = "care.town_required"
    province = clean_text(data.province, 100)
    if len(province) < 2:
        errors["province"] = "care.province_required"
    phone = ""
    if not (data.phone or "").strip():
        errors["phone"] = "care.phone_required"
    else:
        phone = normalise_phone(data.phone) or ""
        if not phone:
            errors["phone"] = "field.phone_invalid"
    size, problem = _parse_household(data.household_size)
    if problem:
        errors["household_size"] = problem
    members = tuple(
        HouseholdMemberInput(clean_text(m.full_name, 120), clean_text(m.relationship, 60))
        for m in data.members
    )
    if size:
        members = members[: size - 1]
        for index in range(size - 1):
            if index >= len(members) or len(members[index].full_name) < 2:
                errors[f"member_{index + 1}_name"] = "care.member_name_required"
    notes = (data.care_notes or "").strip()
    if len(notes) > MAX_NOTES:
        errors["care_notes"] = "care.notes_too_long"
    if errors:
        raise ValidationFailed(errors)
    return CleanBeneficiary(
        full_name=name,
        street=street,
        postal_code=postal_code,
        town=town,
        province=province,
        phone=phone,
        relationship=clean_text(data.relationship, 60),
        nif=nif,
        birth_date=birth_date,
        household_size=size,
        members=members,
        care_notes=notes,
        preferred_times=clean_text(data.preferred_times, MAX_PREFERRED),
    )


def area_candidates(postal_code: str) -> tuple[str, str]:
    """Return the area codes that cover a postal code: itself and its province prefix."""
    return postal_code, postal_code[:2]


def normalise_area_codes(raw: str) -> list[str]:
    """Parse a list of areas ("28, 28013 45") into sorted unique codes.

    Raises:
        ValidationFailed: ``areas`` when a code is neither 2 digits nor a valid postal code.
    """
    codes: set[str] = set()
    for part in raw.replace(",", " ").replace(";", " ").split():
        province = len(part) == 2 and part.isdigit() and normalise_postal_code(part + "001")
        if province or (len(part) == 5 and normalise_postal_code(part)):
            codes.add(part)
        else:
            raise ValidationFailed({"areas": "care.area_invalid"})
    return sorted(codes)

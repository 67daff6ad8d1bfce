"""Beneficiaries, their household, manager areas, consent records and documents."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class ConsentState(StrEnum):
    """Where a beneficiary's RGPD consent stands (the latest record decides)."""

    PENDING = "pending"
    SIGNED = "signed"
    WITHDRAWN = "withdrawn"


class ConsentAction(StrEnum):
    """What one consent record says."""

    GIVEN = "given"
    WITHDRAWN = "withdrawn"


class ConsentPurpose(StrEnum):
    """What a consent record covers (RGPD art. 6.1 and 9.2.a: each purpose is consented apart)."""

    SERVICE = "service"
    HEALTH = "health"
    COMMUNICATIONS = "communications"


class ConsentChannel(StrEnum):
    """How a consent record reached us."""

    UPLOAD = "upload"
    HOME_VISIT = "home_visit"
    PRIVATE_AREA = "private_area"


class DocumentKind(StrEnum):
    """Why a document was attached."""

    DOCUMENT = "document"
    SIGNED_CONSENT = "signed_consent"
    SIGNATURE = "signature"
    REPRESENTATION = "representation"  # the representative's supporting document (optional)


class Beneficiary(SQLModel, table=True):
    """A person who receives the service, registered by a client ("alta de familiar")."""

    __tablename__ = "beneficiaries"

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="users.id", index=True)
    manager_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    full_name: str = Field(max_length=120)
    nif: str = Field(default="", max_length=12)
    birth_date: date | None = Field(default=None)
    relationship: str = Field(default="", max_length=60)
    street: str = Field(max_length=200)
    postal_code: str = Field(max_length=5, index=True)
    town: str = Field(max_length=100)
    province: str = Field(max_length=100)
    phone: str = Field(max_length=20)
    household_size: int = Field(default=1)
    care_notes: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    preferred_times: str = Field(default="", max_length=300)
    consent_state: str = Field(default=ConsentState.PENDING.value, max_length=12)
    health_consent: bool = Field(default=False)
    communications_consent: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    archived_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    blocked_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    purge_after: datetime | None = Field(default=None, sa_type=UTCDateTime)


class HouseholdMember(SQLModel, table=True):
    """Another person living in a beneficiary's home who also receives the service."""

    __tablename__ = "household_members"

    id: int | None = Field(default=None, primary_key=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    full_name: str = Field(max_length=120)
    relationship: str = Field(default="", max_length=60)


class ManagerArea(SQLModel, table=True):
    """A postal area a manager covers: a full postal code or a 2-digit province prefix."""

    __tablename__ = "manager_areas"
    __table_args__ = (UniqueConstraint("manager_id", "area_code", name="uq_manager_area"),)

    id: int | None = Field(default=None, primary_key=True)
    manager_id: int = Field(foreign_key="users.id", index=True)
    area_code: str = Field(max_length=5, index=True)


class BeneficiaryDocument(SQLModel, table=True):
    """A file attached to a beneficiary, stored privately under a random name."""

    __tablename__ = "beneficiary_documents"

    id: int | None = Field(default=None, primary_key=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    uploaded_by_id: int = Field(foreign_key="users.id")
    kind: str = Field(default=DocumentKind.DOCUMENT.value, max_length=20)
    storage_key: str = Field(max_length=120)
    display_name: str = Field(max_length=120)
    content_type: str = Field(max_length=100)
    size_bytes: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ConsentRecord(SQLModel, table=True):
    """One append-only consent event: given or withdrawn, by whom, for whom, on which text."""

    __tablename__ = "consent_records"

    id: int | None = Field(default=None, primary_key=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    action: str = Field(max_length=12)
    purposes: str = Field(default=ConsentPurpose.SERVICE.value, max_length=80)
    signer_name: str = Field(max_length=120)
    signer_role: str = Field(max_length=20)
    relationship: str = Field(default="", max_length=60)
    authority: str = Field(default="", max_length=120)
    text_version: str = Field(max_length=20)
    text_sha256: str = Field(max_length=64)
    channel: str = Field(max_length=20)
    document_id: int | None = Field(default=None, foreign_key="beneficiary_documents.id")
    recorded_by_id: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)

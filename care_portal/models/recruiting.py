"""Recruiting: job offers, their surveys, applications, answers, notes and stage history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class JobOffer(SQLModel, table=True):
    """A position for personal care managers; candidates see it while it is open."""

    __tablename__ = "job_offers"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=120)
    area: str = Field(default="", max_length=80)
    schedule: str = Field(default="", max_length=120)
    contract_type: str = Field(default="", max_length=80)
    description: str = Field(default="", sa_column=Column(Text, nullable=False))
    requirements: str = Field(default="", sa_column=Column(Text, nullable=False))
    status: str = Field(default="draft", max_length=10, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class SurveyQuestion(SQLModel, table=True):
    """One version of a survey question; editing archives it and adds the next version."""

    __tablename__ = "survey_questions"

    id: int | None = Field(default=None, primary_key=True)
    offer_id: int = Field(foreign_key="job_offers.id", index=True)
    position: int = Field(default=0)
    kind: str = Field(max_length=10)
    prompt: str = Field(max_length=300)
    options: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    required: bool = Field(default=True)
    version: int = Field(default=1)
    archived: bool = Field(default=False, index=True)
    replaces_id: int | None = Field(default=None, foreign_key="survey_questions.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Application(SQLModel, table=True):
    """A candidate's application to one offer: form, CV, survey, then review."""

    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("offer_id", "candidate_id", name="uq_application_offer_candidate"),)

    id: int | None = Field(default=None, primary_key=True)
    offer_id: int = Field(foreign_key="job_offers.id", index=True)
    candidate_id: int = Field(foreign_key="users.id", index=True)
    stage: str = Field(default="draft", max_length=12, index=True)
    full_name: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=20)
    postal_code: str = Field(default="", max_length=5)
    areas: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    experience_years: int = Field(default=0)
    experience: str = Field(default="", sa_column=Column(Text, nullable=False))
    languages: str = Field(default="", max_length=200)
    driving_licence: bool = Field(default=False)
    availability: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    privacy_accepted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    stay_in_pool: bool = Field(default=False)  # agreed to be kept for future offers after a rejection
    form_completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    cv_key: str = Field(default="", max_length=200)
    cv_name: str = Field(default="", max_length=120)
    cv_mime: str = Field(default="", max_length=100)
    cv_size: int = Field(default=0)
    survey_completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    rating: int | None = Field(default=None)
    submitted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ApplicationAnswer(SQLModel, table=True):
    """An answer, with a copy of the question as the candidate saw it."""

    __tablename__ = "application_answers"
    __table_args__ = (UniqueConstraint("application_id", "question_id", name="uq_answer_question"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", index=True)
    question_id: int = Field(foreign_key="survey_questions.id")
    question_version: int = Field(default=1)
    question_kind: str = Field(max_length=10)
    question_prompt: str = Field(max_length=300)
    question_options: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    position: int = Field(default=0)
    answer_values: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ApplicationNote(SQLModel, table=True):
    """An internal note of a recruiter; never shown to the candidate."""

    __tablename__ = "application_notes"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", index=True)
    author_id: int = Field(foreign_key="users.id")
    body: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ApplicationStageChange(SQLModel, table=True):
    """One move of an application between stages (append-only history)."""

    __tablename__ = "application_stage_changes"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", index=True)
    from_stage: str = Field(max_length=12)
    to_stage: str = Field(max_length=12)
    actor_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

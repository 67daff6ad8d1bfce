"""Moving an application through the hiring stages, hiring included."""

from __future__ import annotations

from sqlmodel import Session, select

from care_portal.domain.recruiting import (
    AREA_PROVINCE_CODE,
    Stage,
    check_move,
)
from care_portal.models import (
    ApplicationStageChange,
    JobOffer,
    ManagerArea,
    Role,
    User,
)
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.recruiting.mail import _email_candidate
from care_portal.services.recruiting.views import RECRUITERS, _submitted


def move_stage(
    session: Session, *, actor: Viewer | None, application_id: int, target: str, client_ip: str = ""
) -> str:
    """Move an application to another stage, audit it and e-mail the candidate when it concerns them.

    Hiring makes the candidate's account a manager with the areas they declared.

    Returns:
        The new stage.

    Raises:
        InvalidStageMove: The process does not allow this move.
    """
    actor = ensure_role(actor, *RECRUITERS)
    application = _submitted(session, application_id)
    new_stage = check_move(application.stage, target)
    old_stage = application.stage
    application.stage = new_stage.value
    application.updated_at = utcnow()
    session.add(application)
    session.add(
        ApplicationStageChange(
            application_id=application.id, from_stage=old_stage, to_stage=new_stage.value, actor_id=actor.id
        )
    )
    candidate = session.get(User, application.candidate_id)
    offer = session.get(JobOffer, application.offer_id)
    if new_stage == Stage.HIRED:
        if candidate.role == Role.CLIENT.value:
            candidate.role = Role.MANAGER.value
            session.add(candidate)
        _manager_areas_on_hire(session, user_id=candidate.id, areas=list(application.areas))
    mail_kind = {Stage.INTERVIEW: "interview", Stage.REJECTED: "rejected", Stage.HIRED: "hired"}.get(
        new_stage
    )
    if mail_kind:
        _email_candidate(session, application, candidate.email, mail_kind, offer.title)
    record_event(
        session,
        actor_id=actor.id,
        action="recruiting.stage",
        target_type="application",
        target_id=application.id,
        details={"from": old_stage, "to": new_stage.value},
        client_ip=client_ip,
    )
    session.flush()
    return new_stage.value


def _manager_areas_on_hire(session: Session, *, user_id: int, areas: list[str]) -> None:
    """Give a newly hired manager the provinces of the areas they declared (admins edit them later).

    Args:
        session: The hiring transaction.
        user_id: The new manager.
        areas: The areas they declared (``"madrid"``…), mapped to province codes.
    """
    existing = set(session.exec(select(ManagerArea.area_code).where(ManagerArea.manager_id == user_id)).all())
    for code in sorted({AREA_PROVINCE_CODE[a] for a in areas if a in AREA_PROVINCE_CODE} - existing):
        session.add(ManagerArea(manager_id=user_id, area_code=code))

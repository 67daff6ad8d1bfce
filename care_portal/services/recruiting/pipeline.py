"""Moving an application through the hiring stages, hiring included."""

from __future__ import annotations

from sqlmodel import Session

from care_portal.domain.recruiting import AREA_PROVINCE_CODE, Stage, check_move
from care_portal.models import ApplicationStageChange, JobOffer, Role, User
from care_portal.models.types import utcnow
from care_portal.services.accounts.roles import change_role
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.manager_areas import add_manager_areas
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
        _hire(session, actor=actor, candidate=candidate, areas=list(application.areas), client_ip=client_ip)
    mail_kind = {Stage.INTERVIEW: "interview", Stage.REJECTED: "rejected", Stage.HIRED: "hired"}.get(
        new_stage
    )
    if mail_kind:
        _email_candidate(session, application, candidate.email, mail_kind, offer.title, candidate.language)
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


def _hire(session: Session, *, actor: Viewer, candidate: User, areas: list[str], client_ip: str) -> None:
    """Make a hired client a manager and give them the provinces of the areas they declared.

    Both go through their own services (``accounts.change_role``,
    ``manager_areas.add_manager_areas``) so they are audited like an admin's edit;
    admins adjust the areas later. Staff who already hold a role keep it.

    Args:
        session: The hiring transaction.
        actor: The recruiter (or admin) hiring.
        candidate: The hired candidate's account.
        areas: The areas they declared (``"madrid"``…), mapped to province codes.
        client_ip: The request's address, for the audit entries.
    """
    if candidate.role == Role.CLIENT.value:
        change_role(
            session, actor_id=actor.id, user_id=candidate.id, role=Role.MANAGER.value, client_ip=client_ip
        )
    codes = [AREA_PROVINCE_CODE[a] for a in areas if a in AREA_PROVINCE_CODE]
    add_manager_areas(
        session, actor_id=actor.id, manager_id=candidate.id, area_codes=codes, client_ip=client_ip
    )

"""The e-mails of a plan's life (through the outbox): month paid, payment failed, changes, end."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from care_portal.config import get_settings
from care_portal.domain.formatting import format_datetime, format_euros
from care_portal.domain.series import visit_ordinal_label
from care_portal.i18n import tr
from care_portal.models import User
from care_portal.models.care import Beneficiary
from care_portal.models.plans import CarePlan, CarePlanPeriod
from care_portal.models.visits import Task
from care_portal.services.catalog import service_names
from care_portal.services.notifications import queue_email, recipient_language
from care_portal.services.task_names import english_service_names, service_name


def describe_schedule(pairs: list, lang: str) -> str:
    """«lunes 10:00, jueves 16:30» from a stored ``[[weekday, "HH:MM"], …]`` schedule."""
    return ", ".join(f"{tr(f'plans.day.{int(day)}', lang)} {at}" for day, at in pairs)


def task_lines(session: Session, tasks: list[Task], lang: str) -> str:
    """The visits of an e-mail, one line each, with the services named in the recipient's language."""
    english = (
        english_service_names(session, [task.order_line_id for task in tasks], lang) if lang == "en" else {}
    )
    return "\n".join(task_line(task, lang, english) for task in tasks)


def task_line(task: Task, lang: str, english: dict[int, str] | None = None) -> str:
    """One visit in an e-mail: service, «visita N de M», the date asked for and its code.

    Args:
        task: The visit.
        lang: The recipient's language.
        english: The services' English names by order line (``english_service_names``), for an
            English recipient.
    """
    parts = [service_name(task, english or {})]
    label = visit_ordinal_label(task.sequence_number, task.sequence_total, lang)
    if label:
        parts.append(label)
    if task.preferred_start:
        parts.append(format_datetime(task.preferred_start, lang))
    return f"  · {' — '.join(parts)} — {tr('mail.visit_code', lang)}: {task.visit_code}"


def plan_service(session: Session, plan: CarePlan, lang: str) -> str:
    """The plan's service in an e-mail recipient's language (its English name for ``"en"``)."""
    return service_names(session, {plan.service_id}, lang=lang).get(plan.service_id) or plan.service_name


def _people(session: Session, plan: CarePlan) -> tuple[User, Beneficiary | None, User | None]:
    client = session.get(User, plan.client_id)
    beneficiary = session.get(Beneficiary, plan.beneficiary_id)
    manager = session.get(User, beneficiary.manager_id) if beneficiary and beneficiary.manager_id else None
    return client, beneficiary, manager


def _period_text(period: CarePlanPeriod) -> str:
    return f"{period.period_start:%d/%m/%Y}–{period.period_end - timedelta(days=1):%d/%m/%Y}"


def period_paid(session: Session, plan: CarePlan, period: CarePlanPeriod, tasks: list[Task]) -> None:
    """Tell the client the month is paid and its visits; give the manager the new visits."""
    client, beneficiary, manager = _people(session, plan)
    name = beneficiary.full_name if beneficiary else ""
    lang = client.language
    queue_email(
        session,
        to=client.email,
        subject=tr("plans.mail.paid.subject", lang, service=plan_service(session, plan, lang)),
        body=tr(
            "plans.mail.paid.body",
            lang,
            name=client.full_name,
            beneficiary=name,
            period=_period_text(period),
            total=format_euros(period.amount_cents, lang),
            tasks=task_lines(session, tasks, lang) or "—",
        ),
        kind="plan_period_paid",
    )
    staff_lang = recipient_language(manager)
    queue_email(
        session,
        to=manager.email if manager else get_settings().team_email,
        subject=tr(
            "mail.new_tasks.subject" if manager else "mail.unassigned_tasks.subject",
            staff_lang,
            beneficiary=name,
        ),
        body=tr(
            "mail.new_tasks.body",
            staff_lang,
            beneficiary=name,
            tasks=task_lines(session, tasks, staff_lang) or "—",
            observations=plan.observations or "—",
            preferred=describe_schedule(plan.schedule, staff_lang),
        ),
        kind="manager_new_tasks" if manager else "unassigned_tasks",
    )


def payment_failed(session: Session, plan: CarePlan, period: CarePlanPeriod) -> None:
    """Tell the client and the manager that the month was not paid and its visits wait."""
    client, beneficiary, manager = _people(session, plan)
    name = beneficiary.full_name if beneficiary else ""
    queue_email(
        session,
        to=client.email,
        subject=tr(
            "plans.mail.failed.subject", client.language, service=plan_service(session, plan, client.language)
        ),
        body=tr(
            "plans.mail.failed.body",
            client.language,
            name=client.full_name,
            beneficiary=name,
            period=_period_text(period),
            total=format_euros(period.amount_cents, client.language),
        ),
        kind="plan_payment_failed",
    )
    queue_email(
        session,
        to=manager.email if manager else get_settings().team_email,
        subject=tr("plans.mail.failed_manager.subject", recipient_language(manager), beneficiary=name),
        body=tr(
            "plans.mail.failed_manager.body",
            recipient_language(manager),
            beneficiary=name,
            service=plan_service(session, plan, recipient_language(manager)),
            period=_period_text(period),
        ),
        kind="plan_payment_failed_manager",
    )


def plan_changed(session: Session, plan: CarePlan, what: str) -> None:
    """Confirm to the client a pause, a resumption, a change or the end of a plan; tell the manager."""
    client, beneficiary, manager = _people(session, plan)
    staff_lang = recipient_language(manager)
    name = beneficiary.full_name if beneficiary else ""
    queue_email(
        session,
        to=manager.email if manager else get_settings().team_email,
        subject=tr("plans.mail.manager_changed.subject", staff_lang, beneficiary=name),
        body=tr(
            "plans.mail.manager_changed.body",
            staff_lang,
            beneficiary=name,
            service=plan_service(session, plan, staff_lang),
            change=tr(f"plans.mail.{what}.text", staff_lang),
            schedule=tr(
                "plans.mail.manager_schedule",
                staff_lang,
                schedule=describe_schedule(plan.pending_change["schedule"], staff_lang),
            )
            if what == "changed" and plan.pending_change.get("schedule")
            else "",
        ),
        kind="plan_changed_manager",
    )
    lang = client.language
    queue_email(
        session,
        to=client.email,
        subject=tr(f"plans.mail.{what}.subject", lang, service=plan_service(session, plan, lang)),
        body=tr(
            "plans.mail.changed.body",
            lang,
            name=client.full_name,
            beneficiary=beneficiary.full_name if beneficiary else "",
            service=plan_service(session, plan, lang),
            change=tr(f"plans.mail.{what}.text", lang),
        ),
        kind=f"plan_{what}",
    )


def plan_ended(session: Session, plan: CarePlan) -> None:
    """Tell the client the subscription has ended (by the provider, after failed retries or at the end)."""
    plan_changed(session, plan, "ended")

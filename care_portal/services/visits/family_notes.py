"""Everything the family wrote for a visit, and where the visit stands in its week.

The manager's task page shows the order's observations and preferred dates
(checkout), the preferred times and the household members (alta), next to the
health notes that ``queries._card`` already hides without consent.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from care_portal.domain.formatting import format_datetime
from care_portal.domain.series import visit_ordinal_label
from care_portal.models import CheckInException, HouseholdMember, VisitIncident
from care_portal.models.care import Beneficiary
from care_portal.models.shop import Order
from care_portal.models.visits import Task
from care_portal.services.visits.outcomes import check_in_window, service_minutes
from care_portal.services.visits.series import series_tasks


def family_notes(session: Session, task: Task, beneficiary: Beneficiary | None) -> dict[str, str]:
    """Return what the family wrote: observations, preferred dates and times, household members."""
    order = session.get(Order, task.order_id)
    members = session.exec(
        select(HouseholdMember)
        .where(HouseholdMember.beneficiary_id == task.beneficiary_id)
        .order_by(col(HouseholdMember.id))
    ).all()
    return {
        "observations": order.observations if order else "",
        "preferred_dates": order.preferred_dates if order else "",
        "preferred_times": beneficiary.preferred_times if beneficiary else "",
        "household": "; ".join(
            f"{m.full_name} ({m.relationship})" if m.relationship else m.full_name for m in members
        ),
    }


def week_facts(session: Session, task: Task) -> dict[str, str]:
    """Return the visit's length, its place in the series, its check-in window and any incident."""
    members = series_tasks(session, task)
    position = task.sequence_number or next((i for i, t in enumerate(members, 1) if t.id == task.id), 1)
    total = task.sequence_total or len(members)
    early, late = check_in_window()
    incident = session.exec(select(VisitIncident).where(VisitIncident.task_id == task.id)).first()
    exception = session.exec(select(CheckInException).where(CheckInException.task_id == task.id)).first()
    return {
        "minutes": str(service_minutes(session, task)),
        "series_position": f"{position} / {total}" if total > 1 else "",
        "ordinal_es": visit_ordinal_label(task.sequence_number, task.sequence_total, "es"),
        "ordinal_en": visit_ordinal_label(task.sequence_number, task.sequence_total, "en"),
        "check_in_opens": format_datetime(task.appointment_start - early) if task.appointment_start else "",
        "check_in_closes": format_datetime(task.appointment_start + late) if task.appointment_start else "",
        "exception": exception.reason if exception else "",
        "incident_kind": incident.kind if incident else "",
        "incident_reason": incident.reason if incident else "",
    }

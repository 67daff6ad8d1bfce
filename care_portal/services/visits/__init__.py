"""The visit lifecycle for managers: dashboard, contact log, appointment, check-in/out, report.

Managers reach only the tasks of the beneficiaries associated with them;
admins reach every task. Anyone else gets ``NotFound`` (never a hint that the
task exists). The bounded dashboard lives in ``dashboard``, other reads in
``queries``, commands in ``lifecycle``, the first-contact deadline in
``escalation``, the reach rule in ``access``; every
public name is re-exported here, so callers keep ``visits.check_in(...)``.
"""

from care_portal.services.visits.access import (
    ACTIVE_APPOINTMENT_STATES,
    load_managed_task,
)
from care_portal.services.visits.dashboard import manager_dashboard
from care_portal.services.visits.escalation import (
    escalate_overdue_contacts,
    is_contact_overdue,
)
from care_portal.services.visits.lifecycle import (
    MAX_TEXT,
    check_in,
    check_out,
    log_contact,
    schedule_appointment,
    write_report,
)
from care_portal.services.visits.queries import (
    BeneficiaryCard,
    Dashboard,
    ManagerTaskDetail,
    TaskRow,
    get_manager_task,
    report_dict,
)

__all__ = [
    "ACTIVE_APPOINTMENT_STATES",
    "MAX_TEXT",
    "BeneficiaryCard",
    "Dashboard",
    "ManagerTaskDetail",
    "TaskRow",
    "check_in",
    "check_out",
    "escalate_overdue_contacts",
    "get_manager_task",
    "is_contact_overdue",
    "load_managed_task",
    "log_contact",
    "manager_dashboard",
    "report_dict",
    "schedule_appointment",
    "write_report",
]

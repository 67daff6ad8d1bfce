"""Recurring care plans; public names are re-exported here.

Contracting (``contract``), the paid months (``periods``), the client's changes (``manage``),
their e-mails (``mail``) and the simulated monthly payment (``simulated``).
"""

from care_portal.services.plans.contract import (
    PlannableService,
    PlanRequest,
    PlanStart,
    plannable_services,
    start_plan,
)
from care_portal.services.plans.manage import (
    PlanView,
    change_plan,
    end_plan,
    get_own_plan,
    list_own_plans,
    pause_plan,
    resume_plan,
)
from care_portal.services.plans.periods import apply_plan_event
from care_portal.services.plans.simulated import pay_simulated_month

__all__ = [
    "PlanRequest",
    "PlanStart",
    "PlanView",
    "PlannableService",
    "apply_plan_event",
    "change_plan",
    "end_plan",
    "get_own_plan",
    "list_own_plans",
    "pause_plan",
    "pay_simulated_month",
    "plannable_services",
    "resume_plan",
    "start_plan",
]

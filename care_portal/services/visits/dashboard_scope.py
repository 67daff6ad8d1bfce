"""Which visits the dashboard shows, read once per event as plain ids the planner can use an index for.

The rule is ``services.responsibility``'s: a manager reaches the open visits of the
beneficiaries they look after now, and the finished visits they did or that belong
to those beneficiaries; an admin reaches every visit; nobody sees a blocked
(erased) beneficiary's visits. Written as ``beneficiary_id IN (SELECT …) OR …`` the
condition stops PostgreSQL from using any index on ``tasks`` (it reads all 100k rows
for every count and list). Here one statement reads the manager's beneficiaries (and
the blocked ones) first; the conditions then name those ids, which PostgreSQL turns
into index scans (a BitmapOr of ``ix_tasks_beneficiary_id`` and
``ix_tasks_manager_state``), and the same statement gives the filter's drop-down.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import ARRAY, Integer, all_, and_, any_, bindparam, or_
from sqlmodel import Session, col, select

from care_portal.models import Role
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task
from care_portal.services.authz import Viewer
from care_portal.services.responsibility import OPEN_STATES

BENEFICIARY_LIMIT = 200  # names in the filter's drop-down


@dataclass(frozen=True)
class DashboardScope:
    """The visits one viewer's dashboard reaches, as SQL conditions on ``tasks``.

    Attributes:
        viewer: The manager or admin.
        dialect: The database's dialect name: on PostgreSQL a list of ids is sent as one array
            parameter (``= ANY(:ids)``), so the statement's text, and its compiled and parsed
            forms, stay the same whatever the number of beneficiaries.
        current: The ids of the beneficiaries the manager looks after now, blocked ones left out.
        blocked: The ids of blocked (erased) beneficiaries.
        options: The filter's drop-down: id and name of the manager's active beneficiaries, by name.
    """

    viewer: Viewer
    dialect: str = "sqlite"
    current: list[int] = field(default_factory=list)
    blocked: list[int] = field(default_factory=list)
    options: list[dict[str, str]] = field(default_factory=list)

    @property
    def is_admin(self) -> bool:
        """Whether the viewer sees every manager's visits."""
        return self.viewer.role == Role.ADMIN.value

    def _among(self, ids: list[int]):
        if self.dialect == "postgresql":
            return col(Task.beneficiary_id) == any_(_id_array("scope_ids", ids))
        return col(Task.beneficiary_id).in_(ids)

    def _not_blocked(self) -> list:
        if not self.blocked:
            return []
        if self.dialect == "postgresql":
            return [col(Task.beneficiary_id) != all_(_id_array("scope_blocked", self.blocked))]
        return [col(Task.beneficiary_id).not_in(self.blocked)]

    def open_visits(self) -> list:
        """Conditions for queries that only ask for open visits (waiting, today, upcoming)."""
        if self.is_admin:
            return self._not_blocked()
        return [self._among(self.current)]

    def all_visits(self) -> list:
        """Conditions for queries over every state (counts, the filtered list)."""
        if self.is_admin:
            return self._not_blocked()
        theirs = and_(Task.manager_id == self.viewer.id, col(Task.state).not_in(OPEN_STATES))
        return [*self._not_blocked(), or_(self._among(self.current), theirs)]


def _id_array(name: str, ids: list[int]):
    """A PostgreSQL ``integer[]`` parameter: one bound value, whatever the number of ids.

    Bound as an array (not as text cast to ``integer[]``, which PostgreSQL does not fold at plan
    time and parsed again for every row a filter checks), the planner sees a constant array: an
    index condition, and a hashed lookup where rows are rechecked.
    """
    return bindparam(name, [int(i) for i in ids], type_=ARRAY(Integer))


def dashboard_scope(session: Session, viewer: Viewer) -> DashboardScope:
    """Read the viewer's beneficiaries and the blocked ones (one statement) and return the scope.

    Args:
        session: Open session.
        viewer: A manager or an admin (the caller has checked the role).
    """
    is_admin = viewer.role == Role.ADMIN.value
    dialect = session.get_bind().dialect.name
    blocked_now = col(Beneficiary.blocked_at).is_not(None)
    reach = blocked_now if is_admin else or_(Beneficiary.manager_id == viewer.id, blocked_now)
    rows = session.exec(
        select(Beneficiary.id, Beneficiary.full_name, Beneficiary.manager_id, Beneficiary.archived_at)
        .add_columns(blocked_now)
        .where(reach)
        .order_by(col(Beneficiary.full_name), col(Beneficiary.id))
    ).all()
    blocked = [row.id for row in rows if row[-1]]
    if is_admin:
        return DashboardScope(viewer, dialect, blocked=blocked)
    theirs = [row for row in rows if row.manager_id == viewer.id]
    active = [{"id": str(row.id), "name": row.full_name} for row in theirs if row.archived_at is None]
    return DashboardScope(
        viewer,
        dialect,
        current=[row.id for row in theirs if not row[-1]],
        blocked=blocked,
        options=active[:BENEFICIARY_LIMIT],
    )

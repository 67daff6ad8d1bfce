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
from functools import cache

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

    @property
    def kind(self) -> tuple[bool, str, bool]:
        """What shapes the conditions (admin, dialect, any blocked): statements are built once per kind."""
        return (self.is_admin, self.dialect, bool(self.blocked))

    @property
    def params(self) -> dict:
        """The values of the conditions' parameters: pass them with every statement that uses them."""
        return {"scope_ids": self.current, "scope_blocked": self.blocked, "scope_actor": self.viewer.id}

    def open_visits(self) -> list:
        """Conditions for queries that only ask for open visits (waiting, today, upcoming)."""
        return list(open_conditions(self.kind))

    def all_visits(self) -> list:
        """Conditions for queries over every state (counts, the filtered list)."""
        return list(all_conditions(self.kind))


def _among(dialect: str, name: str):
    """``beneficiary_id`` among the ids bound as ``name``: one array parameter on PostgreSQL.

    Bound as an array (not as text cast to ``integer[]``, which PostgreSQL does not fold at plan
    time and parsed again for every row a filter checks), the planner sees a constant array: an
    index condition, and a hashed lookup where rows are rechecked.
    """
    if dialect == "postgresql":
        return col(Task.beneficiary_id) == any_(bindparam(name, type_=ARRAY(Integer)))
    return col(Task.beneficiary_id).in_(bindparam(name, expanding=True, type_=Integer))


def _not_blocked(kind: tuple[bool, str, bool]) -> tuple:
    _, dialect, any_blocked = kind
    if not any_blocked:
        return ()
    if dialect == "postgresql":
        return (col(Task.beneficiary_id) != all_(bindparam("scope_blocked", type_=ARRAY(Integer))),)
    return (col(Task.beneficiary_id).not_in(bindparam("scope_blocked", expanding=True, type_=Integer)),)


@cache
def open_conditions(kind: tuple[bool, str, bool]) -> tuple:
    """The open visits a scope of this ``kind`` reaches, with the scope's values as parameters."""
    if kind[0]:
        return _not_blocked(kind)
    return (_among(kind[1], "scope_ids"),)


@cache
def all_conditions(kind: tuple[bool, str, bool]) -> tuple:
    """Every visit a scope of this ``kind`` reaches, with the scope's values as parameters."""
    if kind[0]:
        return _not_blocked(kind)
    actor = bindparam("scope_actor", type_=Integer)
    theirs = and_(Task.manager_id == actor, col(Task.state).not_in(OPEN_STATES))
    return (*_not_blocked(kind), or_(_among(kind[1], "scope_ids"), theirs))


def dashboard_scope(session: Session, viewer: Viewer) -> DashboardScope:
    """Read the viewer's beneficiaries and the blocked ones (one statement) and return the scope.

    Args:
        session: Open session.
        viewer: A manager or an admin (the caller has checked the role).
    """
    is_admin = viewer.role == Role.ADMIN.value
    dialect = session.get_bind().dialect.name
    rows = session.exec(_reach(is_admin), params={"scope_actor": viewer.id}).all()
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


@cache
def _reach(is_admin: bool):
    """The viewer's beneficiaries and the blocked ones (built once; the viewer is a parameter)."""
    blocked_now = col(Beneficiary.blocked_at).is_not(None)
    theirs = Beneficiary.manager_id == bindparam("scope_actor", type_=Integer)
    return (
        select(Beneficiary.id, Beneficiary.full_name, Beneficiary.manager_id, Beneficiary.archived_at)
        .add_columns(blocked_now)
        .where(blocked_now if is_admin else or_(theirs, blocked_now))
        .order_by(col(Beneficiary.full_name), col(Beneficiary.id))
    )

"""Every event handler of every page state, called as a raw websocket client could, refuses strangers.

The states are found by walking ``care_portal.pages`` (whatever its layout), so a new
page is covered without touching this file. Each handler is called:

* by nobody logged in: it must send to the log-in page and change nothing;
* by a user of a role it does not serve, with another person's ids in its arguments:
  it must send to the "no access" page and change nothing.

"Nothing changed" means the state's variables and every database table are as before.
Handlers that are public or only move the tab's own widgets are listed with a reason; they
are still called as nobody, and widget handlers still must leave the database alone.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import inspect
import io
import pkgutil
from datetime import date
from pathlib import Path

import pytest
import reflex as rx
from reflex.istate.data import RouterData
from reflex.state import State
from sqlalchemy import select as sa_select
from sqlmodel import SQLModel, select

import care_portal.pages
from care_portal import routes
from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.domain.sessions import SESSION_REF_COOKIE, session_ref
from care_portal.models import Role, User
from care_portal.models.care import Beneficiary
from care_portal.models.plans import CarePlan
from care_portal.models.shop import CareService
from care_portal.services import accounts
from care_portal.state.session import SessionState
from tests.factories import make_beneficiary, make_manager

PASSWORD = "una clave larga de prueba"
ADMIN_ONLY = object()

# Handlers anyone may call, with the reason (the log-in and sign-up forms may write).
PUBLIC = {
    "SessionState.refresh_viewer": "re-reads the caller's own session token; shows only their name",
    "SessionState.set_lang": "switches the caller's language; saved only on the caller's own profile",
    "SessionState.log_out": "ends the caller's own session",
    "LoginState.submit": "the log-in form",
    "SignupState.submit": "the sign-up form; answers the same whether the address has an account",
    "SignupState.on_open": "clears the tab's own form",
    "VerifyState.on_open": "needs the secret token from the e-mail",
    "ForgotState.submit": "asks for a reset e-mail; answers the same whether the address exists",
    "ResetState.submit": "needs the secret token from the e-mail",
    "ResetState.on_open": "reads the reset token from the URL",
    "CartState.add": "the cart lives in the tab before log-in; prices are re-read at checkout",
    "CartState.set_quantity": "the tab's own cart",
    "CartState.remove": "the tab's own cart",
    "CartState.load_cart": "public catalogue prices for the tab's own cart",
    "CartState.clear_cart": "the tab's own cart",
    "ShopState.load": "the public catalogue",
    "JobsState.load_list": "public job offers",
    "JobsState.load_offer": "one public job offer",
    "InvitationState.load": "needs the secret invitation link; shows no private data",
    "InvitationState.sign_up": "the sign-up form for the invited address (needs the secret link)",
    "UnreadState.refresh": "counts only the caller's own unread messages; nothing for nobody",
}
# Handlers that only move the tab's own widgets: anyone may call them, and they must leave
# the database as it was.
WIDGETS = {
    "RegisterState.set_household_size": "form widget only",
    "RegisterState.set_consent_mode": "form widget only",
    "RegisterState.set_signer_role": "form widget only",
    "ProjectState.set_household_size": "form widget only",
    "ProjectState.set_signer_role": "form widget only",
    "ProjectState.cancel_edit": "form widget only",
    "OfferEditState.set_q_kind": "form widget only",
    "OfferEditState.cancel_edit": "form widget only",
    "ManagerDashboardState.set_filter_state": "filters rows already loaded for the manager",
    "ManagerDashboardState.set_filter_beneficiary": "filters rows already loaded for the manager",
    "ManagerDashboardState.set_filter_day": "filters rows already loaded for the manager",
    "ManagerDashboardState.set_search": "filters rows already loaded for the manager",
    "SuggestionState.set_kind": "form widget only",
    "PaymentPageState.start_watching": "starts `watch` only for an order the guarded `load` showed",
    "RegisterState.toggle_health_ticked": "form widget only (the service checks the purposes)",
    "ProjectState.toggle_health_ticked": "form widget only (the service checks the purposes)",
    "ManagerTaskState.toggle_health_ticked": "form widget only (the service checks the purposes)",
    "PlanFormState.choose_service": "form widget only (the monthly fee shown)",
    "PlanFormState.toggle_day": "form widget only (the monthly fee shown)",
    "PlansState.start_change": "opens the tab's own days-and-times form",
    # FormMixin's page loader, on every form state.
    "clear_form_errors": "forgets the tab's own form errors",
}
# Handlers open to every logged-in user, whatever the role: they act on the caller's own things.
ANY_USER = {
    "ProfileState.load": "the caller's own profile",
    "ProfileState.save": "the caller's own profile",
    "PasswordState.change": "the caller's own password",
    "PasswordState.log_out_everywhere": "the caller's own sessions",
    "ApplyState.load": "anyone may apply to an offer; the caller's own application",
    "ApplyState.go": "the caller's own application",
    "ApplyState.save_form": "the caller's own application",
    "ApplyState.upload_cv": "the caller's own application (async: resolves the user itself)",
    "ApplyState.cv_refused": "only a message under the caller's own CV picker; nothing is read or stored",
    "ApplyState.save_answers": "the caller's own application",
    "ApplyState.submit": "the caller's own application",
    "MyApplicationsState.load": "the caller's own applications",
    "MyDataState.load": "the caller's own export, billing data and requests (clients only)",
    # The family circle and its conversations: members and participants may have any role; the
    # services check membership / participation (tests/pages/test_circle_handlers.py).
    "ConversationState.load": "participants only (services.messages checks); others read «not found»",
    "ConversationState.load_older": "participants only (services.messages checks)",
    "ConversationState.attach": "stages the caller's own file; nothing is stored until `send`",
    "ConversationState.remove_attachment": "drops the caller's own staged file",
    "ConversationState.attachment_refused": "a message under the caller's own picker; nothing read or stored",
    "ConversationState.send": "participants only (services.messages checks)",
    "ConversationState.poll": "re-reads the caller's session without noting activity; participants only",
    "InboxState.load": "the caller's own conversations",
    "InboxState.go_to_page": "the caller's own conversations",
    "SharedProjectState.load": "circle members, the client, the manager and admins only (services check)",
    "SharedProjectState.go_to_page": "circle members, the client, the manager and admins only",
    "FollowedState.load": "the caller's own memberships",
    "InvitationState.accept": "only the invited account, with the secret link (services check)",
}
# Handlers not called here, with the reason.
NOT_CALLED = {
    "PaymentPageState.watch": "background task (needs Reflex's proxy); re-resolves user and order each round",
    "MyDataState.build_export": "background task (needs Reflex's proxy); builds only the export the guarded "
    "`start_export` queued for this tab (a backend-only var); the ZIP route checks the owner",
    "setvar": "Reflex's own setter: changes only this tab's variables; every data handler re-checks the user",
}


def _page_states() -> list[type[SessionState]]:
    for module in pkgutil.walk_packages(care_portal.pages.__path__, "care_portal.pages."):
        importlib.import_module(module.name)
    found, todo = [SessionState], [SessionState]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found and not getattr(sub, "_mixin", False):
                found.append(sub)
                todo.append(sub)
    return found


def _handlers() -> list[tuple[type[SessionState], str]]:
    return [(state, name) for state in _page_states() for name in sorted(state.event_handlers)]


HANDLERS = _handlers()


def _label(state: type, name: str) -> str:
    return f"{state.__name__}.{name}"


def _allowed(state: type, name: str) -> str | None:
    label = _label(state, name)
    return (
        PUBLIC.get(label)
        or WIDGETS.get(label)
        or WIDGETS.get(name)
        or NOT_CALLED.get(label)
        or NOT_CALLED.get(name)
    )


def _state(
    state_class: type[SessionState], token: str, path: str = "/cuenta", query: dict | None = None
) -> SessionState:
    root = State(_reflex_internal_init=True)
    cookie = f"{SESSION_REF_COOKIE}={session_ref(token)}"  # what the edge hands the event websocket
    root.router = RouterData.from_router_data(
        {
            "pathname": path,
            "asPath": path,
            "headers": {"origin": "http://testserver", "cookie": cookie},
            "query": query or {},
        }
    )
    return root.get_substate(state_class.get_full_name().split(".")[1:])


def _account(db, email: str, role: Role) -> str:
    accounts.sign_up(db, full_name=email.split("@")[0].title(), email=email, password=PASSWORD, role=role)
    db.commit()
    token = accounts.log_in(db, email=email, password=PASSWORD).token
    db.commit()
    return token


@pytest.fixture
def world(db) -> dict:
    """Marta (a client) owns a relative; one user of each role comes to meddle."""
    seed_catalogue(db)
    manager = make_manager(db, email="gestor@example.es", areas=["28"])
    marta = accounts.sign_up(db, full_name="Marta Ruiz", email="marta@example.es", password=PASSWORD)
    db.commit()
    beneficiary_id = make_beneficiary(db, marta, name="Rosa Ruiz", postal_code="28013")
    db.commit()
    tokens = {role: _account(db, f"{role.value}@example.es", role) for role in Role if role != Role.ADMIN}
    service_id = db.exec(select(CareService.id)).first()
    plan = _marta_plan(db, marta.id, beneficiary_id, service_id)
    ids = {
        "plan_id": plan,
        "beneficiary_id": beneficiary_id,
        "user_id": marta.id,
        "manager_id": str(manager.id),
        "service_id": service_id,
    }
    return {"tokens": tokens, "ids": ids, "victim_id": marta.id}


def _marta_plan(db, client_id: int, beneficiary_id: int, service_id: int) -> str:
    """An active care plan of Marta's (its public id is what the plan handlers take)."""
    plan = CarePlan(
        public_id="a" * 32,
        client_id=client_id,
        beneficiary_id=beneficiary_id,
        service_id=service_id,
        service_name="Visita de compañía",
        schedule=[[1, "10:00"]],
        start_date=date(2027, 3, 16),
        monthly_price_cents=10833,
        vat_rate="10",
        status="active",
        provider="simulated",
    )
    db.add(plan)
    db.commit()
    return plan.public_id


def _arguments(handler, ids: dict) -> list:
    """Arguments that name Marta's things, shaped by the handler's signature."""
    values = []
    for parameter in list(inspect.signature(handler).parameters.values())[1:]:
        kind = str(parameter.annotation)
        if parameter.name in ids:
            values.append(ids[parameter.name])
        elif "UploadFile" in kind:
            upload = rx.UploadFile(file=io.BytesIO(b"%PDF-1.4\n%%EOF\n"), path=Path("consentimiento.pdf"))
            values.append([upload])
        elif "dict" in kind:
            form = {name: str(value) for name, value in ids.items()}
            values.append(form | {"email": "marta@example.es", "role": Role.ADMIN.value})
        elif "bool" in kind:
            values.append(True)
        elif "int" in kind:
            values.append(ids["beneficiary_id"])
        elif parameter.name == "role":
            values.append(Role.ADMIN.value)
        else:
            values.append("1")
    return values


def _run(state: SessionState, name: str, args: list):
    result = type(state).event_handlers[name].fn(state, *args)
    if inspect.iscoroutine(result):
        result = asyncio.run(result)
    elif inspect.isgenerator(result):
        result = list(result)
    return result


# The caller's own session notes its last activity once a minute (web_sessions.SEEN_EVERY): a run
# longer than a minute would see that bookkeeping as a change. It is the caller's, not the victim's.
NOT_FINGERPRINTED = {("auth_sessions", "last_seen_at")}


def _database(db) -> str:
    """A fingerprint of every row of every table (but the callers' last-activity stamps)."""
    digest = hashlib.sha256()
    with db.get_bind().connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            columns = [c for c in table.columns if (table.name, c.name) not in NOT_FINGERPRINTED]
            rows = sorted(repr(tuple(row)) for row in connection.execute(sa_select(*columns)))
            digest.update(f"{table.name}:{rows}".encode())
    return digest.hexdigest()


def _variables(state: SessionState) -> dict:
    return {name: getattr(state, name) for name in state.base_vars}


def _wrong_role(roles: tuple) -> Role | None:
    """A role the handler does not serve (admins are always served), or None when any user is."""
    if not roles:
        return None
    return next(role for role in (Role.CLIENT, Role.MANAGER, Role.RECRUITER) if role not in roles)


def test_every_handler_refuses_strangers_and_changes_nothing(db, world, capsys):
    before = _database(db)
    refused_anonymous, refused_wrong_role, public = [], [], []
    for state_class, name in HANDLERS:
        label = _label(state_class, name)
        if label in NOT_CALLED or name in NOT_CALLED:
            continue
        handler = state_class.event_handlers[name].fn
        args = _arguments(handler, world["ids"])
        allowed = _allowed(state_class, name)

        anonymous = _state(state_class, "")
        variables = _variables(anonymous)
        answer = _run(anonymous, name, args)
        if label in PUBLIC:
            before = _database(db)  # a public form may write (a reset e-mail, a log-in attempt)
        assert _database(db) == before, f"{label} as nobody changed the database"
        if allowed:
            public.append(label)
            continue
        assert f"{routes.LOGIN}?next=" in str(answer), f"{label} as nobody was not sent to log in: {answer!r}"
        assert _variables(anonymous) == variables, f"{label} as nobody filled the page"
        refused_anonymous.append(label)

        roles = getattr(handler, "guarded_roles", ())
        assert (label in ANY_USER) == (not roles), f"{label}: serves {roles or 'any user'}; see ANY_USER"
        role = _wrong_role(roles)
        if role is None:
            continue
        stranger = _state(state_class, world["tokens"][role])
        variables = _variables(stranger)
        answer = _run(stranger, name, args)
        assert routes.FORBIDDEN in str(answer), f"{label} as a {role.value} was not refused: {answer!r}"
        assert _variables(stranger) == variables, f"{label} as a {role.value} filled the page"
        assert _database(db) == before, f"{label} as a {role.value} changed the database"
        refused_wrong_role.append(label)

    with capsys.disabled():
        print(
            f"\nHandler refusals: {len(HANDLERS)} handlers in {len(_page_states())} states; "
            f"{len(refused_anonymous)} refuse anonymous callers, {len(refused_wrong_role)} of them also "
            f"a wrong role ({len(ANY_USER)} serve any user); {len(public)} public or widget-only "
            f"(allow-listed); not called: setvar of each state and PaymentPageState.watch"
        )
    assert len(refused_anonymous) >= 60
    assert db.get(Beneficiary, world["ids"]["beneficiary_id"]).client_id == world["victim_id"]


def test_the_allow_list_names_only_handlers_that_exist():
    labels = {_label(state, name) for state, name in HANDLERS} | {"setvar", "clear_form_errors"}
    assert set(PUBLIC) - labels == set()
    assert set(WIDGETS) - labels == set()
    assert set(ANY_USER) - labels == set()
    assert set(NOT_CALLED) - labels == set()


# The manager's week: a manager (or a client) naming another manager's visits changes nothing.
WEEK_HANDLERS = [
    (
        "ManagerWeekState",
        "schedule_series",
        {"wd_1": "on", "series_time": "10:00", "series_first_day": "2030-01-07"},
    ),
    ("ManagerTaskState", "record_incident", {"incident_kind": "absent", "incident_reason": "No abrió"}),
    ("ManagerTaskState", "grant_exception", {"exception_reason": "Me lo salto"}),
    ("ManagerTaskState", "schedule", {"appointment_day": "2030-01-07", "appointment_time": "10:00"}),
]


def _state_on_task(state_class: type[SessionState], token: str, task_id: int) -> SessionState:
    query = {"task_id": str(task_id), "serie": str(task_id)}
    return _state(state_class, token, f"/gestor/tareas/{task_id}", query)


@pytest.mark.parametrize(("state_name", "handler", "form"), WEEK_HANDLERS)
def test_week_handlers_refuse_another_managers_visits(db, state_name, handler, form):
    from tests.services.visit_helpers import build_world

    visit_world = build_world(db)
    theirs = visit_world.other_tasks[0]
    token = accounts.log_in(db, email="gestor@example.es", password="una frase segura").token
    db.commit()
    state_class = next(s for s in _page_states() if s.__name__ == state_name)
    state = _state_on_task(state_class, token, theirs)
    _run(state, "load", [])  # the first event: the page states are filled for this caller
    if state_name == "ManagerWeekState":
        assert state.loaded
        assert state.series == {}  # someone else's series is not shown
        state.series = {"task_id": str(theirs)}  # as if the browser named their visit anyway
    before = _database(db)
    answer = _run(state, handler, [form])
    assert _database(db) == before, f"{state_name}.{handler} changed another manager's visit"
    if handler == "grant_exception":
        assert routes.FORBIDDEN in str(answer)  # admins only
    else:
        assert state.field_errors or state.form_error, f"{state_name}.{handler} said nothing"


# Who had which role at log-in, and the role an admin gave them since (one the handler may not serve).
FORMER_ROLES = [
    ("marta@example.es", Role.CLIENT, Role.RECRUITER),  # owns every id the handlers are given
    ("gestor@example.es", Role.MANAGER, Role.CLIENT),  # managed Marta's relative until then
    ("antes.seleccion@example.es", Role.RECRUITER, Role.CLIENT),
    ("antes.admin@example.es", Role.ADMIN, Role.CLIENT),
]


def _demoted_since_login(db) -> dict[tuple[Role, Role], str]:
    """Log each former account in, then change its role as an admin would: ``{(was, now): token}``."""
    for email, was, _ in FORMER_ROLES[2:]:
        accounts.sign_up(db, full_name="Antes", email=email, password=PASSWORD, role=was)
    db.commit()
    admin = accounts.sign_up(db, full_name="Ana", email="ana@example.es", password=PASSWORD, role=Role.ADMIN)
    tokens = {}
    for email, was, now in FORMER_ROLES:
        password = PASSWORD if was != Role.MANAGER else "una frase segura"
        tokens[(was, now)] = accounts.log_in(db, email=email, password=password).token
        user_id = db.exec(select(User.id).where(User.email == email)).one()
        accounts.set_role(db, actor=admin, user_id=user_id, role=now.value)
    db.commit()
    return tokens


def test_every_handler_refuses_a_user_whose_role_was_removed_since_login(db, world):
    """The role is read at each event, never kept from the log-in: a former owner or manager is refused.

    Marta loses the client role, her relative's manager the manager role, a recruiter and an
    admin theirs, all while logged in; each then calls every handler their old role served,
    with Marta's ids: the «no access» page, and nothing changes.
    """
    tokens = _demoted_since_login(db)
    assert db.get(Beneficiary, world["ids"]["beneficiary_id"]).manager_id is None  # released with the role
    before = _database(db)
    refused = []
    for state_class, name in HANDLERS:
        label = _label(state_class, name)
        handler = state_class.event_handlers[name].fn
        roles = getattr(handler, "guarded_roles", ())
        if _allowed(state_class, name) or not roles:
            continue
        was, now = next((w, n) for w, n in tokens if w in roles and n not in roles)
        caller = _state(state_class, tokens[(was, now)])
        variables = _variables(caller)
        answer = _run(caller, name, _arguments(handler, world["ids"]))
        assert routes.FORBIDDEN in str(answer), f"{label}: a former {was.value} was not refused: {answer!r}"
        assert _variables(caller) == variables, f"{label}: a former {was.value} filled the page"
        assert _database(db) == before, f"{label}: a former {was.value} changed the database"
        refused.append(label)
    assert len(refused) >= 100
    for area in ("Circle", "Plan", "Rating", "ManagerWeek", "Withdrawal", "Cancellation"):
        assert any(area in label for label in refused), f"no {area} handler was called"


# A manager opens a visit of their beneficiary; an admin gives the beneficiary to another manager;
# the page still open, each action the old manager tries changes nothing.
REASSIGNED_HANDLERS = [
    ("ManagerTaskState", "log_contact", "pending", {"contact_note": "Llamé", "contact_channel": "phone"}),
    (
        "ManagerTaskState",
        "schedule",
        "pending",
        {"appointment_day": "2030-01-07", "appointment_time": "10:00"},
    ),
    (
        "ManagerWeekState",
        "schedule_series",
        "pending",
        {"wd_1": "on", "series_time": "10:00", "series_first_day": "2030-01-07"},
    ),
    ("ManagerTaskState", "check_out", "visiting", None),
    ("ManagerTaskState", "save_report", "visiting", {"work_done": "Paseo", "mood": "good"}),
    ("ManagerTaskState", "upload_photos", "visiting", "photo"),
]


@pytest.mark.parametrize(("state_name", "handler", "task", "argument"), REASSIGNED_HANDLERS)
def test_a_manager_reassigned_since_opening_the_visit_changes_nothing(
    db, state_name, handler, task, argument
):
    from care_portal.services import manager_areas
    from tests.services.report_helpers import photo_with_gps, visited
    from tests.services.visit_helpers import build_world

    visit_world = build_world(db)
    task_id = visited(db, visit_world)  # the beneficiary's consent is signed, the first visit under way
    if task == "pending":
        task_id = visit_world.tasks[1]
    token = accounts.log_in(db, email="gestor@example.es", password="una frase segura").token
    db.commit()
    state_class = next(s for s in _page_states() if s.__name__ == state_name)
    state = _state_on_task(state_class, token, task_id)
    _run(state, "load", [])  # the manager in charge opens the visit (the week: on its series)
    assert state.loaded if state_name == "ManagerTaskState" else state.series["task_id"] == str(task_id)
    manager_areas.reassign_beneficiary(
        db,
        actor=visit_world.admin,
        beneficiary_id=visit_world.beneficiary_id,
        manager_id=visit_world.other_manager.id,
    )
    db.commit()
    if argument == "photo":
        argument = [rx.UploadFile(file=io.BytesIO(photo_with_gps(320, 240)), path=Path("foto.jpg"))]
    before = _database(db)
    _run(state, handler, [] if argument is None else [argument])
    assert _database(db) == before, f"{state_name}.{handler} by the former manager changed the visit"
    assert state.field_errors or state.form_error or state.not_found, f"{state_name}.{handler} said nothing"

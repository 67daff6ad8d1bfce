"""Circle and message handlers called directly (as a raw websocket client could): each checks the user.

Someone else's ids in the URL or the arguments give «not found» or nothing, and nothing changes;
the poll of an open conversation costs nothing when nothing is new and shows what is.
"""

from __future__ import annotations

import asyncio
import inspect
import re

from reflex.istate.data import RouterData
from reflex.state import State
from sqlmodel import col, select

from care_portal.domain.sessions import SESSION_REF_COOKIE, session_ref
from care_portal.models import OutboxMessage
from care_portal.models.circle import CircleInvitation, CircleMember, CircleMessage
from care_portal.pages.circle.conversation_state import ConversationState
from care_portal.pages.circle.invitation import InvitationState
from care_portal.pages.circle.project_circle import CircleState
from care_portal.pages.circle.shared_project import SharedProjectState
from care_portal.services import accounts, manager_areas, messages
from care_portal.services.circle import invitations
from tests.services.care_helpers import PASSWORD
from tests.services.circle.helpers import build_family
from tests.services.scale_helpers import count_statements


def _token(db, viewer) -> str:
    token = accounts.log_in(db, email=viewer.email, password=PASSWORD).token
    db.commit()
    return token


def _state(state_class, token: str, path: str, query: dict | None = None):
    root = State(_reflex_internal_init=True)
    root.router = RouterData.from_router_data(
        {
            "pathname": path,
            "asPath": path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""),
            "headers": {
                "origin": "http://testserver",
                "cookie": f"{SESSION_REF_COOKIE}={session_ref(token)}",
            },
            "query": query or {},
        }
    )
    return root.get_substate(state_class.get_full_name().split(".")[1:])


def _call(state, handler: str, *args):
    result = type(state).event_handlers[handler].fn(state, *args)
    return asyncio.run(result) if inspect.iscoroutine(result) else result


def test_outsiders_read_nothing_and_write_nothing_in_a_conversation(db):
    family = build_family(db)
    messages.post_message(db, actor=family.client, beneficiary_id=family.mother_id, body="Privado")
    db.commit()
    path = f"/mensajes/{family.mother_id}"
    for outsider in (family.stranger, family.viewer_member, family.removed_member, family.previous_manager):
        page = _state(ConversationState, _token(db, outsider), path)
        _call(page, "load")
        assert page.not_found
        assert page.items == []
        _call(page, "send", {"body": "Me cuelo"})
        assert _call(page, "poll") is None
        assert page.items == []
    assert [m.body for m in db.exec(select(CircleMessage)).all()] == ["Privado"]


def test_the_client_sees_the_answer_by_polling_and_an_idle_poll_is_cheap(db):
    family = build_family(db)
    path = f"/mensajes/{family.mother_id}"
    client_page = _state(ConversationState, _token(db, family.client), path)
    _call(client_page, "load")
    _call(client_page, "send", {"body": "¿Qué tal la visita de hoy?"})
    assert [i["body"] for i in client_page.items] == ["¿Qué tal la visita de hoy?"]
    engine = db.get_bind()
    with count_statements(engine) as idle:
        assert _call(client_page, "poll") is None
    assert idle.count <= 4  # the session, the beneficiary, the membership check, the pulse
    manager_page = _state(ConversationState, _token(db, family.manager), path)
    _call(manager_page, "load")
    assert manager_page.is_team
    _call(manager_page, "send", {"body": "Muy bien, ha paseado."})
    assert _call(client_page, "poll") is not None  # something new: reload
    assert [i["body"] for i in client_page.items][-1] == "Muy bien, ha paseado."
    assert client_page.items[0]["read_label"] == "Gema Gestora"
    with count_statements(engine) as again:
        assert _call(client_page, "poll") is None
    assert again.count == idle.count


def test_a_member_removed_while_the_page_is_open_stops_seeing_it(db):
    family = build_family(db)
    path = f"/mensajes/{family.mother_id}"
    brother = _state(ConversationState, _token(db, family.messaging_member), path)
    _call(brother, "load")
    assert not brother.not_found
    member = db.exec(select(CircleMember).where(CircleMember.user_id == family.messaging_member.id)).one()
    circle = _state(CircleState, _token(db, family.client), f"/cuenta/proyectos/{family.mother_id}")
    _call(circle, "load")
    _call(circle, "remove", member.id)
    _call(brother, "poll")
    assert brother.not_found
    assert brother.items == []


def test_another_client_cannot_touch_someone_elses_circle(db):
    family = build_family(db)
    sister = db.exec(select(CircleMember).where(CircleMember.user_id == family.viewer_member.id)).one()
    page = _state(CircleState, _token(db, family.other_client), f"/cuenta/proyectos/{family.mother_id}")
    _call(page, "load")
    assert page.members == []
    _call(page, "invite", {"email": "intruso@example.es", "can_message": "on"})
    _call(page, "set_grants", sister.id, True, True)
    _call(page, "remove", sister.id)
    db.expire_all()
    sister = db.get(CircleMember, sister.id)
    assert (sister.removed_at, sister.can_buy, sister.can_message) == (None, False, False)
    assert db.exec(select(CircleInvitation)).first() is None
    assert db.exec(select(OutboxMessage)).first() is None


def test_the_shared_page_shows_the_member_their_beneficiary_only(db):
    family = build_family(db)
    sister_token = _token(db, family.viewer_member)
    page = _state(SharedProjectState, sister_token, f"/familia/{family.mother_id}")
    _call(page, "load")
    assert page.project["full_name"] == "Rosa Madre"
    assert not page.project["can_message"]
    other = _state(SharedProjectState, sister_token, f"/familia/{family.father_id}")
    _call(other, "load")
    assert other.not_found
    assert other.project == {}


def test_the_invitation_page_accepts_only_for_the_invited_account(db):
    family = build_family(db)
    invitations.invite(db, actor=family.client, beneficiary_id=family.mother_id, email="tia@example.es")
    db.commit()
    mail = db.exec(select(OutboxMessage).order_by(col(OutboxMessage.id).desc())).first()
    token = re.search(r"token=([A-Za-z0-9_\-]+)", mail.body_text).group(1)
    page = _state(InvitationState, _token(db, family.stranger), "/familia/invitacion", {"token": token})
    _call(page, "load")
    assert page.invitation["email"] == "tia@example.es"
    _call(page, "accept")
    assert "tia@example.es" in page.form_error
    assert db.exec(select(CircleMember).where(CircleMember.user_id == family.stranger.id)).first() is None
    anonymous = _state(InvitationState, "", "/familia/invitacion", {"token": token + "x"})
    _call(anonymous, "load")
    assert anonymous.invitation == {}
    assert anonymous.problem != ""


def test_the_header_counts_unread_and_gives_the_beneficiary_large_text(db):
    from care_portal.state.messages_nav import UnreadState

    family = build_family(db)
    messages.post_message(db, actor=family.manager, beneficiary_id=family.mother_id, body="Hola")
    db.commit()
    brother = _state(UnreadState, _token(db, family.messaging_member), "/cuenta")
    _call(brother, "refresh")
    assert (brother.unread, brother.shows_messages, brother.large_text) == (1, True, False)
    nobody = _state(UnreadState, "", "/")
    _call(nobody, "refresh")
    assert (nobody.unread, nobody.shows_messages) == (0, False)
    member = db.exec(select(CircleMember).where(CircleMember.user_id == family.viewer_member.id)).one()
    member.is_beneficiary = True
    db.add(member)
    db.commit()
    rosa = _state(UnreadState, _token(db, family.viewer_member), "/familia")
    _call(rosa, "refresh")
    assert rosa.large_text
    assert rosa.unread == 0  # view-only: not in the conversation


def test_a_manager_reassigned_while_the_pages_are_open_reads_and_writes_nothing(db):
    family = build_family(db)
    messages.post_message(db, actor=family.client, beneficiary_id=family.mother_id, body="¿Vendrá el lunes?")
    db.commit()
    token = _token(db, family.manager)
    chat = _state(ConversationState, token, f"/mensajes/{family.mother_id}")
    _call(chat, "load")
    assert (chat.not_found, chat.is_team) == (False, True)
    shared = _state(SharedProjectState, token, f"/familia/{family.mother_id}")
    _call(shared, "load")
    assert shared.project["full_name"] == "Rosa Madre"
    manager_areas.reassign_beneficiary(
        db, actor=family.admin, beneficiary_id=family.mother_id, manager_id=family.previous_manager.id
    )
    db.commit()
    _call(chat, "send", {"body": "Sí, a las diez."})
    assert _call(chat, "poll") is None
    assert (chat.not_found, chat.items) == (True, [])
    _call(shared, "load")
    assert (shared.not_found, shared.project) == (True, {})
    assert [m.body for m in db.exec(select(CircleMessage)).all()] == ["¿Vendrá el lunes?"]

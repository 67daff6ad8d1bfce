"""The private calendar feed route: the token is the key; revoked → 404; nobody else's visits ever."""

from datetime import UTC, datetime

import pytest
from icalendar import Calendar
from starlette.testclient import TestClient

from care_portal.api.routes import build_api
from care_portal.domain.errors import PermissionDenied
from care_portal.models import CalendarFeedToken, User
from care_portal.services import visits
from care_portal.services.calendars import feeds
from tests.services.visit_helpers import build_world

NOW = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def world(db):
    world = build_world(db)
    for task_id, day in ((world.tasks[0], "2026-10-13"), (world.tasks[1], "2026-10-27")):
        visits.schedule_appointment(
            db, actor=world.manager, task_id=task_id, day=day, time_of_day="10:00", now=NOW
        )
    visits.schedule_appointment(
        db,
        actor=world.other_manager,
        task_id=world.other_tasks[0],
        day="2026-10-13",
        time_of_day="12:00",
        now=NOW,
    )
    db.commit()
    return world


def _get(url: str):
    return TestClient(build_api()).get(url.removeprefix("http://localhost:3000"))


def _events(response) -> list:
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_a_client_subscribes_and_sees_only_their_own_visits_in_madrid_time(db, world):
    url = feeds.issue_feed(db, actor=world.client)
    db.commit()
    response = _get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.headers["cache-control"] == "private, no-store"
    events = _events(response)
    assert [str(e["uid"]).split("@")[0] for e in events] == [f"task-{t}" for t in world.tasks]
    assert [e["dtstart"].dt.hour for e in events] == [10, 10]  # both 10:00 on the wall, before and after DST
    assert {e["dtstart"].params["TZID"] for e in events} == {"Europe/Madrid"}
    assert "Ajeno" not in response.text  # the other family's visit never appears
    stored = db.exec(CalendarFeedToken.__table__.select()).all()
    assert url.rsplit("/", 1)[-1].removesuffix(".ics") not in {row.token_hash for row in stored}


def test_a_manager_feed_follows_responsibility_and_a_revoked_or_replaced_token_is_404(db, world):
    url = feeds.issue_feed(db, actor=world.manager)
    db.commit()
    assert {str(e["uid"]).split("@")[0] for e in _events(_get(url))} == {f"task-{t}" for t in world.tasks}
    other = feeds.issue_feed(db, actor=world.other_manager)
    db.commit()
    assert [str(e["uid"]).split("@")[0] for e in _events(_get(other))] == [f"task-{world.other_tasks[0]}"]
    newer = feeds.issue_feed(db, actor=world.manager)  # a new link revokes the old one
    db.commit()
    assert _get(url).status_code == 404
    assert _get(newer).status_code == 200
    feeds.revoke_feed(db, actor=world.manager)
    db.commit()
    assert _get(newer).status_code == 404
    assert not feeds.has_feed(db, actor=world.manager)
    assert _get("/api/calendario/not-a-token.ics").status_code == 404
    assert _get("/api/calendario/" + "x" * 200 + ".ics").status_code == 404


def test_a_feed_stops_when_its_owner_is_no_longer_a_manager_and_admins_have_none(db, world):
    url = feeds.issue_feed(db, actor=world.manager)
    db.commit()
    db.get(User, world.manager.id).role = "client"  # demoted: a client with no visits of their own
    db.commit()
    assert _events(_get(url)) == []
    db.get(User, world.manager.id).is_active = False
    db.commit()
    assert _get(url).status_code == 404
    with pytest.raises(PermissionDenied):
        feeds.issue_feed(db, actor=world.admin)

"""iCalendar (.ics) text for appointments, with the Europe/Madrid VTIMEZONE.

One appointment keeps one UID for its whole life; each reschedule raises its
SEQUENCE, and a cancellation is sent with ``METHOD:CANCEL`` so calendar
programs update or remove the event they already have.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vCalAddress

from care_portal.config import get_settings
from care_portal.domain.formatting import MADRID

PRODID = "-//Cuidado en Casa//Citas//ES"
ICS_TYPE = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class AppointmentEvent:
    """What one appointment shows in a calendar (no health data: it leaves the platform)."""

    task_id: int
    sequence: int
    start: datetime
    end: datetime
    summary: str
    location: str = ""
    description: str = ""
    cancelled: bool = False


def event_uid(task_id: int) -> str:
    """The stable UID of a task's appointment (``task-12@host``)."""
    host = urlsplit(get_settings().public_url).hostname or "cuidadoencasa.example"
    return f"task-{task_id}@{host}"


def _event(item: AppointmentEvent, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(item.task_id))
    event.add("sequence", item.sequence)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", item.start.astimezone(MADRID))
    event.add("dtend", item.end.astimezone(MADRID))
    event.add("summary", item.summary)
    if item.location:
        event.add("location", item.location)
    if item.description:
        event.add("description", item.description)
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    organizer = vCalAddress("mailto:" + get_settings().team_email)
    organizer.params["cn"] = get_settings().company_name
    event.add("organizer", organizer)
    return event


def build_calendar(
    items: list[AppointmentEvent], *, method: str = "", name: str = "", now: datetime | None = None
) -> str:
    """Return an iCalendar text holding the appointments, with the Madrid time zone defined.

    Args:
        items: The appointments.
        method: ``REQUEST`` or ``CANCEL`` for an e-mail invitation; empty for a feed.
        name: The calendar's name shown by calendar programs (feeds).
        now: The DTSTAMP instant (tests).

    Returns:
        The ``.ics`` text (CRLF line endings).
    """
    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Madrid")
    for item in items:
        calendar.add_component(_event(item, stamp))
    days = [i.start.date() for i in items] or [stamp.date()]
    first, last = min(days) - timedelta(days=1), max(days) + timedelta(days=400)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical().decode()

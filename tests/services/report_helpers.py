"""Set-up for the report, photo, rating and timeline tests: a visit done, photos with EXIF."""

from __future__ import annotations

import io

from PIL import Image

from care_portal.domain.report_parts import ReportPartsInput
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task
from care_portal.services import report_parts, visits
from tests.services.visit_helpers import World

VISIT_DAY = "2030-06-10"
GPS_IFD = 0x8825


def visited(db, world: World, task_id: int | None = None, hour: str = "10:00") -> int:
    """Agree an appointment for a visit and check in; the beneficiary's consent is signed. Return its id."""
    task_id = task_id or world.tasks[0]
    visits.schedule_appointment(db, actor=world.manager, task_id=task_id, day=VISIT_DAY, time_of_day=hour)
    db.commit()
    code = db.get(Task, task_id).visit_code
    visits.check_in(
        db, actor=world.manager, task_id=task_id, code=code, now=db.get(Task, task_id).appointment_start
    )
    db.get(Beneficiary, world.beneficiary_id).consent_state = "signed"
    db.commit()
    return task_id


def reported(db, world: World, task_id: int | None = None, hour: str = "10:00", **parts: str) -> int:
    """A visit done with a structured report (good mood unless told otherwise). Return its id."""
    task_id = visited(db, world, task_id, hour)
    report_parts.write_structured_report(
        db,
        actor=world.manager,
        task_id=task_id,
        work_done="Paseo por el Retiro y merienda.",
        observations="Muy animada.",
        next_steps="",
        parts=ReportPartsInput(**({"mood": "good"} | parts)),
    )
    db.commit()
    return task_id


def photo_with_gps(width: int = 4000, height: int = 3000, fmt: str = "JPEG") -> bytes:
    """A phone-like photo whose EXIF says where it was taken (Madrid) and on which phone."""
    image = Image.new("RGB", (width, height), (180, 120, 60))
    exif = Image.Exif()
    exif[0x010F] = "TelefonoDePrueba"  # Make
    exif[GPS_IFD] = {1: "N", 2: (40.0, 24.0, 59.0), 3: "W", 4: (3.0, 42.0, 9.0)}
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif)
    return out.getvalue()

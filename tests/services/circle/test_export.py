"""The conversations belong to the beneficiary's file: the client's data export carries them."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlmodel import select

from care_portal.domain.errors import NotFound
from care_portal.integrations.storage import read_private
from care_portal.models import DataExport
from care_portal.models.circle import CircleMessage
from care_portal.services import messages
from care_portal.services.care_access import load_readable
from care_portal.services.care_documents import Attachment
from care_portal.services.privacy import erasure, export
from tests.services.care_helpers import png_image
from tests.services.circle.helpers import build_family


def _zip_of(db, client) -> zipfile.ZipFile:
    export_id = export.request_export(db, actor=client)
    db.commit()
    export.build_export(export_id)
    db.expire_all()
    return zipfile.ZipFile(io.BytesIO(read_private(db.get(DataExport, export_id).storage_key)))


def test_the_export_holds_the_conversations_and_their_attachments(db):
    family = build_family(db)
    image = png_image()
    messages.post_message(
        db, actor=family.manager, beneficiary_id=family.mother_id, body="Todo bien con Rosa"
    )
    messages.post_message(
        db,
        actor=family.messaging_member,
        beneficiary_id=family.mother_id,
        body="Receta",
        attachment=Attachment("receta.png", image),
    )
    messages.post_message(db, actor=family.other_client, beneficiary_id=family.other_id, body="Ajeno")
    db.commit()
    archive = _zip_of(db, family.client)
    data = json.loads(archive.read("datos.json"))
    assert [m["body"] for m in data["conversations"]] == ["Todo bien con Rosa", "Receta"]
    assert all("attachment_key" not in m for m in data["conversations"])
    assert len(data["family_circle"]) == 3  # the two members and the removed one, with dates
    attached = [n for n in archive.namelist() if n.startswith("mensajes/")]
    assert len(attached) == 1
    assert archive.read(attached[0]) == image
    brother = json.loads(_zip_of(db, family.messaging_member).read("datos.json"))
    assert [m["body"] for m in brother["conversations"]] == ["Receta"]  # what he wrote, not the file
    assert brother["circle_memberships"][0]["can_message"] is True


def test_erasing_the_beneficiary_deletes_its_conversation_and_closes_its_circle(db):
    family = build_family(db)
    messages.post_message(
        db,
        actor=family.client,
        beneficiary_id=family.mother_id,
        body="Datos de salud",
        attachment=Attachment("informe.png", png_image()),
    )
    messages.post_message(db, actor=family.client, beneficiary_id=family.father_id, body="Papá")
    db.commit()
    key = db.exec(select(CircleMessage.attachment_key).where(CircleMessage.attachment_key != "")).one()
    erasure.erase_beneficiary(db, actor=family.client, beneficiary_id=family.mother_id)
    db.commit()
    assert [m.body for m in db.exec(select(CircleMessage)).all()] == ["Papá"]
    with pytest.raises((OSError, ValueError)):
        read_private(key)
    for member in (family.messaging_member, family.viewer_member):
        with pytest.raises(NotFound):
            load_readable(db, member, family.mother_id)

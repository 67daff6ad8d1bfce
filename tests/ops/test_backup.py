"""Backup → wipe → restore gives back the same data, byte for byte; bad backups are refused.

Runs on SQLite, and on PostgreSQL (pg_dump/pg_restore) when TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlmodel import Session, SQLModel, select

from care_portal.backup.archive import BackupInvalid, create_backup, restore_backup, verify_backup
from care_portal.backup.crypto import BackupKeyError
from care_portal.backup.database import RestoreRefused
from care_portal.cli import backup as backup_cli
from care_portal.config import get_settings
from care_portal.db import make_engine
from care_portal.integrations import storage
from care_portal.models import BeneficiaryDocument, Invoice
from care_portal.services import beneficiaries, billing_records, invoice_documents
from care_portal.services.care_documents import Attachment
from tests.services import invoice_helpers
from tests.services.care_helpers import PDF_BYTES, admin_viewer, form, make_user, manager_covering

KEY = Fernet.generate_key().decode()


@pytest.fixture
def journey(db):
    """A client with a relative and a document, two invoices (PDFs on disk, chained records)."""
    shutil.rmtree(storage.private_root(), ignore_errors=True)
    admin = admin_viewer(db)
    manager_covering(db, "gestor@example.es", "28", admin)
    client = make_user(db, "carmen@example.es")
    beneficiaries.register_beneficiary(
        db, actor=client, data=form(), attachments=[Attachment("informe médico.pdf", PDF_BYTES)]
    )
    db.commit()
    invoice_helpers.issue(db, client.id)
    invoice_helpers.issue(db, client.id)
    invoice_documents.render_queued()  # the background job's pass: both PDFs stored
    return client


@pytest.fixture
def empty_target(engine, tmp_path):
    """An empty database (a new file, or a new PostgreSQL database) and an empty data folder."""
    url = get_settings().database_url
    if engine.dialect.name == "postgresql":
        name = f"care_restore_{secrets.token_hex(4)}"
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        target = make_url(url).set(database=name).render_as_string(hide_password=False)
    else:
        name = None
        target = f"sqlite:///{tmp_path / 'restored.db'}"
    yield target, tmp_path / "restored-data"
    if name:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _all_rows(session: Session) -> dict[str, list[tuple]]:
    rows = {}
    for table in SQLModel.metadata.sorted_tables:
        primary = list(table.primary_key.columns)
        rows[table.name] = [tuple(r) for r in session.execute(table.select().order_by(*primary)).all()]
    rows["alembic_version"] = [
        tuple(r) for r in session.execute(text("SELECT version_num FROM alembic_version"))
    ]
    return rows


def test_backup_wipe_restore_gives_back_identical_data(db, journey, empty_target, tmp_path, monkeypatch):
    source_dir = Path(get_settings().data_dir)
    result = create_backup(
        database_url=get_settings().database_url, data_dir=source_dir, output_dir=tmp_path / "out", key=KEY
    )
    raw = result.path.read_bytes()
    assert b"%PDF" not in raw
    assert b"Carmen" not in raw
    assert len(result.manifest["files"]) == 3  # the document and two invoice PDFs
    assert oct(result.path.stat().st_mode & 0o777) == "0o600"

    before_rows = _all_rows(db)
    invoices = db.exec(select(Invoice).order_by(Invoice.id)).all()
    pdfs = {inv.number: storage.read_private(inv.pdf_key) for inv in invoices}
    document = db.exec(select(BeneficiaryDocument)).one()
    document_bytes = storage.read_private(document.storage_key)
    assert document_bytes == PDF_BYTES

    target_url, target_dir = empty_target
    restore_backup(result.path, database_url=target_url, data_dir=target_dir, key=KEY)

    monkeypatch.setattr(get_settings(), "data_dir", target_dir)
    restored_engine = make_engine(target_url)
    try:
        with Session(restored_engine) as restored:
            assert _all_rows(restored) == before_rows
            for invoice in restored.exec(select(Invoice)).all():
                assert storage.read_private(invoice.pdf_key) == pdfs[invoice.number]
            restored_document = restored.exec(select(BeneficiaryDocument)).one()
            assert storage.read_private(restored_document.storage_key) == document_bytes
            report = billing_records.verify_chain(restored)
            assert report.checked == 2
            assert report.broken_record_id is None
    finally:
        restored_engine.dispose()
    restored_files = sorted(
        p.relative_to(target_dir / "private") for p in (target_dir / "private").rglob("*")
    )
    original_files = sorted(
        p.relative_to(source_dir / "private") for p in (source_dir / "private").rglob("*")
    )
    assert restored_files == original_files


def test_restore_refuses_a_database_or_folder_that_is_not_empty(db, journey, empty_target, tmp_path):
    settings = get_settings()
    result = create_backup(
        database_url=settings.database_url, data_dir=settings.data_dir, output_dir=tmp_path, key=KEY
    )
    with pytest.raises(RestoreRefused):
        restore_backup(result.path, database_url=settings.database_url, data_dir=tmp_path / "new", key=KEY)
    target_url, _ = empty_target
    with pytest.raises(RestoreRefused):
        restore_backup(result.path, database_url=target_url, data_dir=settings.data_dir, key=KEY)
    assert not (tmp_path / "new" / "private").exists()


def test_a_wrong_key_or_an_altered_file_is_refused_before_anything_is_written(
    db, journey, empty_target, tmp_path
):
    settings = get_settings()
    result = create_backup(
        database_url=settings.database_url, data_dir=settings.data_dir, output_dir=tmp_path, key=KEY
    )
    assert len(verify_backup(result.path, KEY)["files"]) == 3
    with pytest.raises(BackupKeyError):
        verify_backup(result.path, Fernet.generate_key().decode())
    altered = bytearray(result.path.read_bytes())
    altered[len(altered) // 2] ^= 0xFF
    bad = tmp_path / "altered.backup"
    bad.write_bytes(bytes(altered))
    target_url, target_dir = empty_target
    with pytest.raises((BackupKeyError, BackupInvalid)):
        restore_backup(bad, database_url=target_url, data_dir=target_dir, key=KEY)
    cut = tmp_path / "cut.backup"
    cut.write_bytes(result.path.read_bytes()[: len(altered) - 50])
    with pytest.raises(BackupKeyError):
        verify_backup(cut, KEY)
    engine = make_engine(target_url)
    try:
        with engine.connect() as conn:
            assert conn.dialect.has_table(conn, "invoices") is False
    finally:
        engine.dispose()
    assert not (target_dir / "private").exists()


def test_the_command_needs_a_key_and_explains(db, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(get_settings(), "backup_key", "")
    assert backup_cli.main(["create", "--output", str(tmp_path)]) == 2
    assert "BACKUP_KEY" in capsys.readouterr().err
    assert backup_cli.main(["new-key"]) == 0
    Fernet(capsys.readouterr().out.strip().encode())  # a usable key

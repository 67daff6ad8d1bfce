import subprocess

import pytest
from cryptography.fernet import Fernet, InvalidToken

from care_portal.integrations import pdf, storage


def test_a_template_becomes_a_pdf_whose_text_reads_back(tmp_path):
    (pdf.TEMPLATES / "_test_probe.html").write_text(
        '{% extends "base_document.html" %}'
        "{% block body %}<h1>Consentimiento de {{ name }}</h1>{% endblock %}"
    )
    try:
        data = pdf.render_pdf("_test_probe.html", {"name": "Carmen <López>"})
    finally:
        (pdf.TEMPLATES / "_test_probe.html").unlink()
    assert data.startswith(b"%PDF-")
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Consentimiento de Carmen <López>" in text


def test_private_files_round_trip_and_never_leave_their_folder():
    key = storage.save_private("documents", b"%PDF-1.4 data", "pdf")
    assert key.startswith("documents/")
    assert key.endswith(".pdf")
    assert storage.read_private(key) == b"%PDF-1.4 data"
    with pytest.raises(ValueError, match="outside"):
        storage.read_private("../../etc/passwd")
    with pytest.raises(ValueError, match="bad storage"):
        storage.save_private("../x", b"", "pdf")


def test_a_copy_of_the_data_folder_alone_reveals_nothing():
    secret = "Diagnóstico: Parkinson; NIF 12345678Z".encode()
    key = storage.save_private("documents", b"%PDF-1.4 " + secret, "pdf")
    on_disk = (storage.private_root() / key).read_bytes()
    assert on_disk.startswith(storage.MAGIC)
    assert secret not in on_disk
    assert b"%PDF" not in on_disk
    assert storage.read_private(key) == b"%PDF-1.4 " + secret


def test_files_stored_before_encryption_are_still_read_and_keys_can_rotate(monkeypatch):
    legacy = storage.private_root() / "documents" / "legado.pdf"
    legacy.parent.mkdir(parents=True, exist_ok=True)
    legacy.write_bytes(b"%PDF-1.4 legacy")
    assert storage.read_private("documents/legado.pdf") == b"%PDF-1.4 legacy"
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setattr(storage, "cipher", lambda: storage._cipher(old_key, ""))
    key = storage.save_private("documents", b"rotated", "pdf")
    monkeypatch.setattr(storage, "cipher", lambda: storage._cipher(f"{new_key},{old_key}", ""))
    assert storage.read_private(key) == b"rotated"
    monkeypatch.setattr(storage, "cipher", lambda: storage._cipher(new_key, ""))
    with pytest.raises(InvalidToken):
        storage.read_private(key)

import subprocess

import pytest

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

import io
import zipfile

from care_portal.domain.files import safe_display_name, sniff_type


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_files_are_recognised_by_content_not_name():
    assert sniff_type(b"%PDF-1.7\n...") == "pdf"
    assert sniff_type(b"\xff\xd8\xff\xe0JFIF") == "jpeg"
    assert sniff_type(b"\x89PNG\r\n\x1a\nrest") == "png"
    assert sniff_type(_docx()) == "docx"
    assert sniff_type(b"MZ\x90\x00 windows executable") is None
    assert sniff_type(b"\x7fELF linux executable") is None
    assert sniff_type(b"PK\x03\x04 not really a zip") is None


def test_display_names_lose_their_folders():
    assert safe_display_name("../../etc/passwd") == "passwd"
    assert safe_display_name("C:\\Users\\ana\\consentimiento.pdf") == "consentimiento.pdf"
    assert safe_display_name("") == "documento"

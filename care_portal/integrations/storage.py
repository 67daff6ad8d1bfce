"""Private file storage outside any public folder, under random names, encrypted at rest.

Every file is written as ``MAGIC`` + a Fernet token (AES-128-CBC + HMAC-SHA256)
under ``FILES_ENCRYPTION_KEY``, so a copy of the data folder alone reveals
nothing. Several comma-separated keys allow rotation: the first encrypts, all
decrypt. Files written before encryption (no ``MAGIC``) are still read as they are.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, MultiFernet

from care_portal.config import get_settings

MAGIC = b"CPENC1\n"


@lru_cache
def _cipher(keys: str, secret: str) -> MultiFernet:
    """Build the cipher from the configured keys (development/test: derived from SECRET_KEY)."""
    if not keys:
        keys = base64.urlsafe_b64encode(hashlib.sha256(b"files:" + secret.encode()).digest()).decode()
    return MultiFernet([Fernet(key.strip().encode()) for key in keys.split(",") if key.strip()])


def cipher() -> MultiFernet:
    """Return the cipher of private files."""
    settings = get_settings()
    return _cipher(settings.files_encryption_key, settings.secret_key)


def encrypt(data: bytes) -> bytes:
    """Return the bytes as stored on disk."""
    return MAGIC + cipher().encrypt(data)


def decrypt(stored: bytes) -> bytes:
    """Return the original bytes of a stored file (legacy plain files unchanged)."""
    if not stored.startswith(MAGIC):
        return stored
    return cipher().decrypt(stored[len(MAGIC) :])


def private_root() -> Path:
    """Return the folder of private files (created when missing)."""
    root = Path(get_settings().data_dir) / "private"
    root.mkdir(parents=True, exist_ok=True)
    return root


def save_private(area: str, data: bytes, extension: str) -> str:
    """Store bytes under a random name and return the storage key.

    Args:
        area: Sub-folder such as ``"documents"`` or ``"cvs"`` (letters only).
        data: File content.
        extension: File extension without dot, from the sniffed type (never the user's name).

    Returns:
        A key like ``"documents/8f3c….pdf"`` to keep in the database.
    """
    if not area.isalpha() or not extension.isalnum():
        raise ValueError("bad storage area or extension")
    folder = private_root() / area
    folder.mkdir(parents=True, exist_ok=True)
    key = f"{area}/{secrets.token_hex(16)}.{extension}"
    (private_root() / key).write_bytes(encrypt(data))
    return key


def read_private(key: str) -> bytes:
    """Return the bytes of a stored file; refuses keys that leave the private folder."""
    root = private_root().resolve()
    path = (root / key).resolve()
    if root not in path.parents:
        raise ValueError("storage key outside the private folder")
    return decrypt(path.read_bytes())


def delete_private(key: str) -> bool:
    """Delete a stored file; returns whether it existed. Refuses keys outside the private folder."""
    root = private_root().resolve()
    path = (root / key).resolve()
    if root not in path.parents:
        raise ValueError("storage key outside the private folder")
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True

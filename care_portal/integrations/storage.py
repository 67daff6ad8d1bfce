"""Private file storage outside any public folder, under random names, encrypted at rest.

Every file is written as ``MAGIC`` + a Fernet token (AES-128-CBC + HMAC-SHA256)
under ``FILES_ENCRYPTION_KEY``, so a copy of the data folder alone reveals
nothing. Several comma-separated keys allow rotation: the first encrypts, all
decrypt. Files written before encryption (no ``MAGIC``) are still read as they are.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import secrets
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, MultiFernet

from care_portal.config import get_settings
from care_portal.domain.errors import StorageUnavailable

logger = logging.getLogger(__name__)

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

    Raises:
        StorageUnavailable: The disk is full (or unwritable); no file is left behind.
    """
    if not area.isalpha() or not extension.isalnum():
        raise ValueError("bad storage area or extension")
    name = f"{secrets.token_hex(16)}.{extension}"
    try:
        folder = private_root() / area
        folder.mkdir(parents=True, exist_ok=True)
        _write_whole(folder / name, encrypt(data))
    except OSError as error:
        logger.error("private file not stored: %s", type(error).__name__, extra={"errno": error.errno})
        raise StorageUnavailable() from error
    return f"{area}/{name}"


def _write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` completely or not at all (temporary file, fsync, rename)."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def new_key(area: str, extension: str) -> str:
    """Return a fresh random key in an area, for a file written later (see ``write_private``)."""
    if not area.isalpha() or not extension.isalnum():
        raise ValueError("bad storage area or extension")
    return f"{area}/{secrets.token_hex(16)}.{extension}"


def _path(key: str) -> Path:
    root = private_root().resolve()
    path = (root / key).resolve()
    if root not in path.parents:
        raise ValueError("storage key outside the private folder")
    return path


def write_private(key: str, data: bytes) -> None:
    """Write a file under a key from ``new_key`` atomically (readers never see half a file)."""
    path = _path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    partial.write_bytes(encrypt(data))
    partial.replace(path)


def exists_private(key: str) -> bool:
    """Whether a stored file exists under a key."""
    return _path(key).is_file()


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

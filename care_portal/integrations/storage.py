"""Private file storage outside any public folder, under random names."""

from __future__ import annotations

import secrets
from pathlib import Path

from care_portal.config import get_settings


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
    (private_root() / key).write_bytes(data)
    return key


def read_private(key: str) -> bytes:
    """Return the bytes of a stored file; refuses keys that leave the private folder."""
    root = private_root().resolve()
    path = (root / key).resolve()
    if root not in path.parents:
        raise ValueError("storage key outside the private folder")
    return path.read_bytes()


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

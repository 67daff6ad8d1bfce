"""Chunked authenticated encryption of a byte stream with a Fernet key.

Each chunk is a Fernet token (AES-128-CBC + HMAC-SHA256) over its index, a last-chunk flag
and the data, so a changed, reordered, missing or truncated chunk is refused.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.fernet import Fernet, InvalidToken

MAGIC = b"CAREPORTAL-BACKUP-1\n"
CHUNK = 4 * 1024 * 1024
_HEADER = struct.Struct(">QB")  # chunk index, last flag
_LENGTH = struct.Struct(">I")


class BackupKeyError(ValueError):
    """The key is missing or malformed, or does not open this backup."""


def load_key(key: str) -> Fernet:
    """Return a Fernet cipher for ``key``, or explain what is wrong with it."""
    if not key:
        raise BackupKeyError("BACKUP_KEY is not set (python -m care_portal.cli.backup new-key makes one).")
    try:
        return Fernet(key.encode() if isinstance(key, str) else key)
    except (ValueError, TypeError) as error:
        raise BackupKeyError("BACKUP_KEY is not a valid key (32 url-safe base64 bytes).") from error


class EncryptingWriter:
    """A write-only file object that encrypts what is written to ``target`` chunk by chunk."""

    def __init__(self, target: BinaryIO, cipher: Fernet) -> None:
        """Write the format marker and start the first chunk."""
        self._target = target
        self._cipher = cipher
        self._buffer = bytearray()
        self._index = 0
        target.write(MAGIC)

    def write(self, data: bytes) -> int:
        """Buffer ``data``, encrypting every full chunk."""
        self._buffer += data
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def close(self) -> None:
        """Encrypt the final chunk (always written, so truncation is detected)."""
        self._emit(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _emit(self, data: bytes, *, last: bool) -> None:
        token = self._cipher.encrypt(_HEADER.pack(self._index, int(last)) + data)
        self._target.write(_LENGTH.pack(len(token)) + token)
        self._index += 1


def decrypted_chunks(source: BinaryIO, cipher: Fernet) -> Iterator[bytes]:
    """Yield the plain bytes of an encrypted stream, refusing anything altered.

    Raises:
        BackupKeyError: Wrong key, or the file was altered or cut short.
    """
    if source.read(len(MAGIC)) != MAGIC:
        raise BackupKeyError("not a care portal backup file")
    index = 0
    while True:
        length_bytes = source.read(_LENGTH.size)
        if len(length_bytes) < _LENGTH.size:
            raise BackupKeyError("the backup file is incomplete")
        token = source.read(_LENGTH.unpack(length_bytes)[0])
        try:
            plain = cipher.decrypt(token)
        except InvalidToken as error:
            raise BackupKeyError("wrong BACKUP_KEY, or the backup file was altered") from error
        chunk_index, last = _HEADER.unpack(plain[: _HEADER.size])
        if chunk_index != index:
            raise BackupKeyError("the backup file's chunks are out of order")
        yield plain[_HEADER.size :]
        if last:
            return
        index += 1


class DecryptingReader:
    """A read-only file object over :func:`decrypted_chunks` (for ``tarfile`` streaming)."""

    def __init__(self, source: BinaryIO, cipher: Fernet) -> None:
        """Read lazily from ``source``."""
        self._chunks = decrypted_chunks(source, cipher)
        self._buffer = bytearray()
        self._done = False

    def read(self, size: int = -1) -> bytes:
        """Return up to ``size`` plain bytes (all that is left when negative)."""
        while not self._done and (size < 0 or len(self._buffer) < size):
            try:
                self._buffer += next(self._chunks)
            except StopIteration:
                self._done = True
        if size < 0:
            size = len(self._buffer)
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

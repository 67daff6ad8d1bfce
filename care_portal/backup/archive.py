"""Create, verify and restore backups of the database and the private files.

A backup is one encrypted file holding a tar of ``manifest.json`` (checksums of
everything), the database dump and the private files.

The database is dumped first, then the files are copied: every file the dump refers to
already exists by then (private files are written once under random names, before the
row that names them is committed), so the pair is consistent.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from sqlalchemy import text

from care_portal.backup import database
from care_portal.backup.crypto import DecryptingReader, EncryptingWriter, load_key
from care_portal.db import make_engine

FORMAT = 1
MANIFEST = "manifest.json"
FILES = "files"
_READ = 1024 * 1024


class BackupInvalid(RuntimeError):
    """The backup's content does not match its manifest."""


@dataclass(frozen=True)
class BackupResult:
    """What a backup holds."""

    path: Path
    manifest: dict


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_READ):
            digest.update(block)
    return digest.hexdigest()


def _migration_version(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return sorted(row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version")))
    finally:
        engine.dispose()


def _private_files(private: Path) -> list[Path]:
    if not private.exists():
        return []
    return sorted(p for p in private.rglob("*") if p.is_file() and not p.name.startswith(".ready-"))


def create_backup(*, database_url: str, data_dir: Path, output_dir: Path, key: str) -> BackupResult:
    """Dump the database and copy the private files into one encrypted file.

    Args:
        database_url: The database to back up.
        data_dir: The app's ``DATA_DIR`` (its ``private`` folder is backed up).
        output_dir: Where the backup file is written (created when missing).
        key: ``BACKUP_KEY``.

    Returns:
        The backup's path and manifest.
    """
    cipher = load_key(key)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = output_dir / f"care-portal-{stamp}.backup"
    private = Path(data_dir) / "private"
    with tempfile.TemporaryDirectory(prefix="care-backup-") as work:
        dump_name = database.dump_file_name(database_url)
        dump_path = Path(work) / dump_name
        database.dump(database_url, dump_path)
        files = _private_files(private)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": {
                "kind": "postgresql" if database.is_postgres(database_url) else "sqlite",
                "file": dump_name,
                "sha256": _sha256(dump_path),
                "size": dump_path.stat().st_size,
                "migrations": _migration_version(database_url),
            },
            "files": [
                {
                    "path": f"{FILES}/{path.relative_to(private).as_posix()}",
                    "sha256": _sha256(path),
                    "size": path.stat().st_size,
                }
                for path in files
            ],
        }
        partial = target.with_suffix(".partial")
        with partial.open("wb") as raw:
            writer = EncryptingWriter(raw, cipher)
            with tarfile.open(fileobj=writer, mode="w|") as tar:
                body = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(body)
                tar.addfile(info, io.BytesIO(body))
                tar.add(dump_path, arcname=dump_name, recursive=False)
                for path, entry in zip(files, manifest["files"], strict=True):
                    tar.add(path, arcname=entry["path"], recursive=False)
            writer.close()
        partial.replace(target)
    target.chmod(0o600)
    return BackupResult(target, manifest)


def _safe_member(member: tarfile.TarInfo) -> PurePosixPath:
    name = PurePosixPath(member.name)
    if not member.isfile() or name.is_absolute() or ".." in name.parts:
        raise BackupInvalid(f"unexpected entry in the backup: {member.name!r}")
    return name


def _unpack(path: Path, key: str, staging: Path) -> dict:
    """Decrypt and unpack into ``staging``, checking every checksum; return the manifest."""
    cipher = load_key(key)
    seen: dict[str, tuple[str, int]] = {}
    manifest: dict | None = None
    with path.open("rb") as raw, tarfile.open(fileobj=DecryptingReader(raw, cipher), mode="r|") as tar:
        for member in tar:
            name = _safe_member(member)
            source = tar.extractfile(member)
            if source is None:
                raise BackupInvalid(f"unreadable entry {member.name!r}")
            if manifest is None:
                if str(name) != MANIFEST:
                    raise BackupInvalid("the backup does not start with its manifest")
                manifest = json.loads(source.read())
                continue
            destination = staging / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with destination.open("wb") as out:
                while block := source.read(_READ):
                    digest.update(block)
                    out.write(block)
            seen[str(name)] = (digest.hexdigest(), destination.stat().st_size)
    if manifest is None or manifest.get("format") != FORMAT:
        raise BackupInvalid("missing or unknown manifest")
    expected = {entry["path"]: (entry["sha256"], entry["size"]) for entry in manifest["files"]}
    db_entry = manifest["database"]
    expected[db_entry["file"]] = (db_entry["sha256"], db_entry["size"])
    if seen != expected:
        wrong = sorted(set(seen.items()) ^ set(expected.items()))
        raise BackupInvalid(f"checksums do not match the manifest: {[name for name, _ in wrong][:5]}")
    return manifest


def verify_backup(path: Path, key: str) -> dict:
    """Decrypt a backup and check every checksum against its manifest; return the manifest."""
    with tempfile.TemporaryDirectory(prefix="care-verify-") as staging:
        return _unpack(path, key, Path(staging))


def restore_backup(path: Path, *, database_url: str, data_dir: Path, key: str) -> dict:
    """Restore a backup into an empty database and an empty private folder.

    Nothing is written to the target until the whole backup has been decrypted and
    its checksums verified.

    Raises:
        database.RestoreRefused: The database or the private folder is not empty.
        BackupInvalid: The backup does not match its manifest.
        BackupKeyError: Wrong key or altered file.
    """
    private = Path(data_dir) / "private"
    if _private_files(private):
        raise database.RestoreRefused(f"the private folder is not empty: {private}")
    if not database.is_empty(database_url):
        raise database.RestoreRefused("the target database is not empty; restore only into an empty one")
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=data_dir) as staging_name:
        staging = Path(staging_name)
        manifest = _unpack(path, key, staging)
        kind = "postgresql" if database.is_postgres(database_url) else "sqlite"
        if manifest["database"]["kind"] != kind:
            raise BackupInvalid(f"this backup holds a {manifest['database']['kind']} dump, not {kind}")
        database.restore(database_url, staging / manifest["database"]["file"])
        unpacked = staging / FILES
        if unpacked.exists():
            private.mkdir(parents=True, exist_ok=True)
            for item in unpacked.iterdir():
                shutil.move(str(item), str(private / item.name))
    return manifest

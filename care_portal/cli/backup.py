"""Backups from the command line.

Usage::

    python -m care_portal.cli.backup create [--output var/backups]
    python -m care_portal.cli.backup verify FILE
    python -m care_portal.cli.backup restore FILE      # into an empty database and DATA_DIR
    python -m care_portal.cli.backup prune [--dir var/backups] [--dry-run]   # 14 d, 8 w, 24 m, 6 y
    python -m care_portal.cli.backup new-key           # prints a new BACKUP_KEY

The database and folder come from ``DATABASE_URL`` and ``DATA_DIR``; the key from ``BACKUP_KEY``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

from care_portal.backup import retention
from care_portal.backup.archive import BackupInvalid, create_backup, restore_backup, verify_backup
from care_portal.backup.crypto import BackupKeyError
from care_portal.backup.database import RestoreRefused
from care_portal.config import PROJECT_ROOT, get_settings


def main(argv: list[str] | None = None) -> int:
    """Run one backup command; return the process exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m care_portal.cli.backup", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create", help="back up the database and the private files")
    create.add_argument("--output", type=Path, default=PROJECT_ROOT / "var" / "backups")
    verify = commands.add_parser("verify", help="decrypt a backup and check its checksums")
    verify.add_argument("file", type=Path)
    restore = commands.add_parser("restore", help="restore into an empty database and folder")
    restore.add_argument("file", type=Path)
    commands.add_parser("new-key", help="print a new BACKUP_KEY")
    prune = commands.add_parser("prune", help="delete the backups the retention policy does not keep")
    prune.add_argument("--dir", type=Path, default=PROJECT_ROOT / "var" / "backups")
    prune.add_argument("--dry-run", action="store_true", help="only list them")
    args = parser.parse_args(argv)

    if args.command == "new-key":
        print(Fernet.generate_key().decode())
        return 0
    if args.command == "prune":
        for path in retention.prune(args.dir, dry_run=args.dry_run):
            print(f"{'would delete' if args.dry_run else 'deleted'} {path}")
        return 0
    settings = get_settings()
    try:
        if args.command == "create":
            result = create_backup(
                database_url=settings.database_url,
                data_dir=settings.data_dir,
                output_dir=args.output,
                key=settings.backup_key,
            )
            print(f"{result.path} ({len(result.manifest['files'])} files)")
        elif args.command == "verify":
            manifest = verify_backup(args.file, settings.backup_key)
            print(f"ok: {manifest['created_at']}, {len(manifest['files'])} files, checksums match")
        else:
            manifest = restore_backup(
                args.file,
                database_url=settings.database_url,
                data_dir=settings.data_dir,
                key=settings.backup_key,
            )
            print(f"restored the backup of {manifest['created_at']} ({len(manifest['files'])} files)")
    except (BackupKeyError, BackupInvalid, RestoreRefused) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as error:
        print(
            f"error: {error.cmd[0]} failed: {error.stderr.decode(errors='replace')[-2000:]}", file=sys.stderr
        )
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Which backups to keep: 14 daily, 8 weekly, 24 monthly, and the first of each year for 6 years.

Backups are files named ``care-portal-YYYYmmddTHHMMSSZ.backup`` (``archive.create_backup``). The
rotation keeps, in UTC, the newest backup of each of the last ``daily`` days that have one, of the
last ``weekly`` ISO weeks and of the last ``monthly`` months, and the *first* backup of each of the
last ``yearly`` years (the January one: invoices must be kept for years). Anything else, and only
files with that name pattern, may be deleted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_NAME = re.compile(r"^care-portal-(\d{8}T\d{6}Z)\.backup$")


@dataclass(frozen=True)
class Policy:
    """How many of each period to keep."""

    daily: int = 14
    weekly: int = 8
    monthly: int = 24
    yearly: int = 6


def backup_time(path: Path) -> datetime | None:
    """Return when a backup was made, from its file name (None for any other file)."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def _keep_per_period(
    dated: list[tuple[datetime, Path]], period: Callable[[datetime], tuple], count: int, *, first: bool
) -> set[Path]:
    """One backup per period (the newest, or the first), for the ``count`` most recent periods."""
    chosen: dict[tuple, Path] = {}
    for when, path in sorted(dated, reverse=not first):
        chosen.setdefault(period(when), path)
    recent = sorted(chosen, reverse=True)[:count]
    return {chosen[key] for key in recent}


def to_delete(paths: Iterable[Path], policy: Policy = Policy()) -> list[Path]:
    """Return the backups the policy does not keep (never a file that is not a backup).

    Args:
        paths: The files of the backup folder.
        policy: How many days, weeks, months and years to keep.
    """
    dated = [(when, path) for path in paths if (when := backup_time(path)) is not None]
    keep = (
        _keep_per_period(dated, lambda t: (t.year, t.month, t.day), policy.daily, first=False)
        | _keep_per_period(dated, lambda t: tuple(t.isocalendar())[:2], policy.weekly, first=False)
        | _keep_per_period(dated, lambda t: (t.year, t.month), policy.monthly, first=False)
        | _keep_per_period(dated, lambda t: (t.year,), policy.yearly, first=True)
    )
    return sorted(path for _, path in dated if path not in keep)


def prune(folder: Path, policy: Policy = Policy(), *, dry_run: bool = False) -> list[Path]:
    """Delete the backups in ``folder`` the policy does not keep; return them."""
    doomed = to_delete(folder.iterdir(), policy) if folder.is_dir() else []
    if not dry_run:
        for path in doomed:
            path.unlink(missing_ok=True)
    return doomed

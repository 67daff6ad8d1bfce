"""The nightly backups are thinned to 14 daily, 8 weekly, 24 monthly and one a year for 6 years."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from care_portal.backup import retention
from care_portal.cli import backup as backup_cli


def _nightly(folder, days: int, end: datetime) -> list:
    """Paths of a backup every night at 01:30 UTC for ``days`` nights up to ``end``."""
    return [
        folder / f"care-portal-{(end - timedelta(days=back)).strftime('%Y%m%dT%H%M%SZ')}.backup"
        for back in range(days)
    ]


def test_seven_years_of_nightly_backups_are_thinned_to_the_policy(tmp_path):
    end = datetime(2026, 12, 3, 1, 30, tzinfo=UTC)
    nightly = _nightly(tmp_path, 7 * 366, end)
    stranger = tmp_path / "notes.txt"

    deleted = set(retention.to_delete([*nightly, stranger]))

    assert stranger not in deleted  # only backups are ever touched
    kept = sorted(retention.backup_time(p) for p in set(nightly) - deleted)
    last_14_days = [end - timedelta(days=back) for back in range(14)]
    assert set(last_14_days) <= set(kept)  # every night of the last two weeks
    months = {(t.year, t.month) for t in kept}
    assert months >= {(year, month) for year in (2025, 2026) for month in range(1, 13)}  # 24 months
    assert (2024, 12) not in months  # the 25th month back is gone
    firsts = [t for t in kept if (t.month, t.day) == (1, 1)]
    assert [t.year for t in firsts] == [2021, 2022, 2023, 2024, 2025, 2026]  # each year's first, 6 years
    assert min(kept).year == 2021  # nothing older than the yearly ones
    # 14 days + a few more weekly ones + ~23 more monthly ones + the yearly ones: about 50, not 2,500.
    assert 40 <= len(kept) <= 55
    survivors = [p for p in nightly if p not in deleted]
    assert retention.to_delete(survivors) == []  # the next night's run keeps the same set


def test_prune_dry_run_from_the_command_line_deletes_nothing(tmp_path, capsys):
    paths = _nightly(tmp_path, 40, datetime(2026, 12, 3, 1, 30, tzinfo=UTC))
    for path in [*paths, tmp_path / "notes.txt"]:
        path.write_bytes(b"x")
    assert backup_cli.main(["prune", "--dir", str(tmp_path), "--dry-run"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed
    assert all(line.startswith("would delete ") for line in listed)
    assert all(path.exists() for path in paths)
    assert backup_cli.main(["prune", "--dir", str(tmp_path)]) == 0
    assert sum(path.exists() for path in paths) == 40 - len(listed)
    assert (tmp_path / "notes.txt").exists()

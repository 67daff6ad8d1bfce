"""The consumer's right of withdrawal from a distance sale (TRLGDCU arts. 102–108), as plain rules.

- The period is 14 calendar days from the day the contract is concluded (the order is
  paid); it ends at midnight, Madrid time, of the 14th day.
- Without an express request to start within the period, withdrawal refunds everything
  paid, even visits already made (art. 108.4: the consumer bears no cost).
- With that request, the client pays the proportion already provided (art. 108.3): the
  visits done or under way are kept; everything else is refunded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from care_portal.domain.formatting import MADRID, to_madrid

WITHDRAWAL_DAYS = 14
PROVIDED_STATES = ("done", "in_progress")
OPEN_STATES = ("pending_appointment", "scheduled")


def withdrawal_deadline(contracted_at: datetime) -> datetime:
    """Return the last instant to withdraw: the end of the 14th calendar day in Madrid.

    Args:
        contracted_at: When the contract was concluded (the order was paid).

    Returns:
        An aware UTC instant (23:59:59.999999 Madrid time of the 14th day).
    """
    last_day = to_madrid(contracted_at).date() + timedelta(days=WITHDRAWAL_DAYS)
    next_midnight = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=MADRID)
    return next_midnight.astimezone(UTC) - timedelta(microseconds=1)


def can_withdraw(contracted_at: datetime | None, now: datetime) -> bool:
    """Return whether the withdrawal period of a contract concluded at ``contracted_at`` is still open."""
    return contracted_at is not None and now <= withdrawal_deadline(contracted_at)


@dataclass(frozen=True)
class VisitShare:
    """One visit of the order: its state, its share of the price, and what was already refunded."""

    task_id: int
    state: str
    share_cents: int
    refunded_cents: int = 0


@dataclass(frozen=True)
class WithdrawalSplit:
    """What a withdrawal does with each visit's money."""

    cancel: list[VisitShare]  # open visits: cancelled, their share refunded in full
    refund_rest: dict[int, int]  # task id → cents refunded without cancelling (done, or cancelled earlier)
    kept_cents: int  # the proportion already provided, kept after an express start

    @property
    def refund_cents(self) -> int:
        """Everything the withdrawal refunds."""
        return sum(v.share_cents for v in self.cancel) + sum(self.refund_rest.values())


def split_withdrawal(visits: list[VisitShare], *, express_start: bool) -> WithdrawalSplit:
    """Decide, visit by visit, what a withdrawal cancels, refunds and keeps.

    Args:
        visits: Every visit of the order.
        express_start: Whether the client asked for the service to start within the period.

    Returns:
        Open visits to cancel; cents to refund on the others (visits provided when there was no
        express request, and the unrefunded part of visits cancelled earlier); cents kept.
    """
    cancel, rest, kept = [], {}, 0
    for visit in visits:
        if visit.state in OPEN_STATES:
            cancel.append(visit)
            continue
        owed = visit.share_cents - visit.refunded_cents
        if visit.state in PROVIDED_STATES and express_start:
            kept += owed
        elif owed > 0:
            rest[visit.task_id] = owed
    return WithdrawalSplit(cancel, rest, kept)

"""Times said the way people say them: «desde hoy», «desde ayer», «hace 3 días» (Madrid calendar days)."""

from __future__ import annotations

from datetime import datetime

from care_portal.domain.formatting import to_madrid


def since_phrase(instant: datetime, now: datetime) -> tuple[str, str]:
    """Return (Spanish, English) for how long ago ``instant`` was, counted in Madrid calendar days.

    Args:
        instant: The aware past instant (a visit paid, a request made).
        now: The current aware instant.

    Returns:
        ``("desde hoy", "since today")``, ``("desde ayer", "since yesterday")``,
        ``("hace 3 días", "3 days ago")``, ``("hace 2 semanas", "2 weeks ago")`` or
        ``("hace 3 meses", "3 months ago")``.
    """
    days = max(0, (to_madrid(now).date() - to_madrid(instant).date()).days)
    if days == 0:
        return "desde hoy", "since today"
    if days == 1:
        return "desde ayer", "since yesterday"
    if days < 14:
        return f"hace {days} días", f"{days} days ago"
    if days < 60:
        weeks = days // 7
        return f"hace {weeks} semanas", f"{weeks} weeks ago"
    months = days // 30
    return f"hace {months} meses", f"{months} months ago"

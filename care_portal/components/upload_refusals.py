"""What an upload zone sends when the browser refuses a picked file (too large, wrong type, too many)."""

from __future__ import annotations

from reflex.vars import ArrayVar, ObjectVar
from reflex.vars.base import Var


def refusal_codes(rejected: Var) -> Var:
    """Only the reasons of the browser's refusals: its File objects must not go through the websocket.

    socket.io would send each refused file's bytes along (a 16 MB photo drops the connection).
    The handler turns the reasons into the field's message with
    :func:`care_portal.domain.upload_limits.refused_pick_error`.
    """
    return rejected.to(ArrayVar).map(lambda item: item.to(ObjectVar)["errors"])

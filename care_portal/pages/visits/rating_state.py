"""Rating a visit from any page that lists reports to the family (the service checks who rates)."""

from __future__ import annotations

import reflex as rx

from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services import visit_ratings
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


class RatingState(SessionState):
    """The ratings given from this tab, and the problem of each rating form."""

    rated: dict[str, str] = {}
    rating_errors: dict[str, str] = {}

    @rx.event
    @guarded(Role.CLIENT, off_loop=True)
    def rate(self, viewer: Viewer, form: dict):
        """Rate one visit once (its family only); a low rating may ask the team to call."""
        raw = str(form.get("task_id", ""))
        task_id = int(raw) if raw.isdigit() else 0
        try:
            with session_scope() as session:
                rating = visit_ratings.rate_visit(
                    session,
                    actor=viewer,
                    task_id=task_id,
                    stars=str(form.get("stars", "")),
                    comment=str(form.get("comment", "")),
                    call_requested=bool(form.get("call_requested")),
                )
                stars = rating.stars
        except DomainError as error:
            self.rating_errors = {**self.rating_errors, raw: self._error_text(error)}
            return None
        self.rating_errors = {k: v for k, v in self.rating_errors.items() if k != raw}
        self.rated = {**self.rated, raw: str(stars)}
        return rx.toast.success(self._t("ratings.saved"))

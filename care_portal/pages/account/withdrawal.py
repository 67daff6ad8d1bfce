"""«Desistir de un pedido» (/cuenta/desistimiento): the withdrawal form of the private area."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.loading import when_loaded
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, NotFound
from care_portal.integrations.payments import get_provider
from care_portal.models import Role
from care_portal.services import withdrawals
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, SessionState, guarded


class WithdrawalState(FormMixin, SessionState):
    """The client's orders still within their 14 days, each with its withdrawal form."""

    orders: list[dict] = []
    error_order: str = ""
    loaded: bool = False

    def _fill(self, viewer: Viewer) -> None:
        with session_scope() as session:
            rows = withdrawals.list_withdrawable(session, actor=viewer)
        self.orders = [{k: str(v) for k, v in asdict(r).items()} | {"express": r.express_start} for r in rows]
        self.loaded = True

    @rx.event
    @guarded(Role.CLIENT)
    def load(self, viewer: Viewer):
        """List the client's own orders that can still be withdrawn from."""
        self._clear_errors()
        self.error_order = ""
        self._fill(viewer)

    @rx.event
    @guarded(Role.CLIENT)
    def withdraw(self, viewer: Viewer, form: dict):
        """Withdraw from one order (the service checks it is the caller's and within 14 days)."""
        self._clear_errors()
        order_id = str(form.get("order_id", ""))
        self.error_order = order_id
        if not form.get("confirm_withdrawal"):
            self.field_errors = {"confirm_withdrawal": self._t("withdrawal.confirm_required")}
            return None
        try:
            with session_scope() as session:
                outcome = withdrawals.withdraw(
                    session,
                    actor=viewer,
                    order_id=int(order_id) if order_id.isdigit() else 0,
                    statement=str(form.get("statement", "")),
                    provider=get_provider(),
                )
        except NotFound:
            self._fill(viewer)
            return rx.toast.error(self._t("errors.not_found"))
        except DomainError as error:
            self._show_error(error)
            self._fill(viewer)
            return None
        self.error_order = ""
        self._fill(viewer)
        return rx.toast.success(self._t("withdrawal.done", refund=outcome.refund))


def _order_card(row: rx.Var) -> rx.Component:
    errors = WithdrawalState.field_errors
    mine = WithdrawalState.error_order == row["id"]
    return rx.card(
        rx.vstack(
            rx.heading(row["services"], size="4", as_="h2"),
            rx.text(t("withdrawal.reference"), ": ", rx.code(row["reference"]), size="2"),
            rx.text(
                t("withdrawal.purchased"),
                " ",
                row["purchased"],
                " · ",
                t("withdrawal.total"),
                ": ",
                row["total"],
                size="2",
            ),
            rx.text(t("withdrawal.deadline"), ": ", rx.text.strong(row["deadline"]), size="2"),
            rx.text(t("withdrawal.refund"), ": ", rx.text.strong(row["refund"]), size="3"),
            rx.cond(row["express"], rx.text(t("withdrawal.kept"), ": ", row["kept"], size="2")),
            rx.form(
                rx.el.input(type="hidden", name="order_id", value=row["id"]),
                rx.el.label(
                    t("withdrawal.statement"),
                    html_for=f"field-statement-{row['id']}",
                    class_name="cp-label",
                ),
                rx.el.textarea(
                    name="statement",
                    id=f"field-statement-{row['id']}",
                    class_name="cp-input",
                    rows="2",
                    style={"width": "100%"},
                ),
                rx.el.label(
                    rx.el.input(
                        type="checkbox", name="confirm_withdrawal", id=f"field-confirm_withdrawal-{row['id']}"
                    ),
                    rx.text(t("withdrawal.confirm")),
                    class_name="cp-check",
                ),
                rx.cond(
                    mine,
                    rx.text(
                        errors.get("confirm_withdrawal", ""),
                        errors.get("statement", ""),
                        WithdrawalState.form_error,
                        class_name="cp-field-error",
                        role="alert",
                    ),
                ),
                rx.button(
                    t("withdrawal.submit"),
                    type="submit",
                    color_scheme="red",
                    variant="outline",
                    class_name="withdrawal-submit",
                ),
                on_submit=WithdrawalState.withdraw,
                width="100%",
            ),
            spacing="2",
            width="100%",
        ),
        class_name="cp-card withdrawable-order",
        data_order=row["reference"],
        width="100%",
    )


def withdrawal_page() -> rx.Component:
    """The withdrawal form: the orders within their 14 days, what withdrawing refunds."""
    return page_shell(
        rx.text(t("withdrawal.lead"), margin_bottom="0.5em"),
        rx.link(t("withdrawal.terms_link"), href=routes.TERMS, size="2"),
        when_loaded(
            WithdrawalState.loaded,
            rx.cond(
                WithdrawalState.orders.length() > 0,
                rx.vstack(
                    rx.foreach(WithdrawalState.orders, _order_card),
                    spacing="3",
                    width="100%",
                    max_width="760px",
                    margin_top="1em",
                ),
                rx.text(t("withdrawal.none"), id="withdrawal-none", margin_top="1em"),
            ),
        ),
        title_key="withdrawal.title",
    )

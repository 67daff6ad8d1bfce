"""Checkout: billing data, starting a payment, and what happens when it is confirmed.

One module per job: ``cart`` (pricing the basket), ``billing`` (the billing
profile), ``start`` (an order and its payment session), ``fulfilment`` (a
confirmed payment: tasks, invoice, e-mails) and ``orders`` (the client's orders).
Every public name is re-exported here, so callers keep ``checkout.start_checkout(...)``.
"""

from care_portal.services.checkout.billing import (
    BillingData,
    get_billing,
    save_billing,
    validate_billing,
)
from care_portal.services.checkout.cart import (
    drop_unsellable,
    price_raw_cart,
)
from care_portal.services.checkout.fulfilment import (
    PAID_EVENT,
    handle_payment_event,
    process_webhook,
)
from care_portal.services.checkout.orders import (
    OrderSummary,
    get_order,
    list_orders,
    pay_simulated,
)
from care_portal.services.checkout.start import (
    CheckoutRequest,
    start_checkout,
)

__all__ = [
    "PAID_EVENT",
    "BillingData",
    "CheckoutRequest",
    "OrderSummary",
    "drop_unsellable",
    "get_billing",
    "get_order",
    "handle_payment_event",
    "list_orders",
    "pay_simulated",
    "price_raw_cart",
    "process_webhook",
    "save_billing",
    "start_checkout",
    "validate_billing",
]

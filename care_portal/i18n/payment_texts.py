"""Texts of payment reconciliation: the admin's «Pagos» page and refund outcomes."""

PAYMENTS: dict[str, tuple[str, str]] = {
    "admin.payments": ("Pagos", "Payments"),
    "admin.payments.lead": (
        "Pagos y devoluciones que necesitan que alguien los mire: pedidos cobrados por un importe "
        "distinto (no se han servido), pagos aplazados que fallaron y devoluciones que no llegaron.",
        "Payments and refunds someone has to look at: orders paid with a different amount (not "
        "fulfilled), delayed payments that failed and refunds that did not go through.",
    ),
    "admin.payments.none": (
        "Nada pendiente: todos los pagos cuadran.",
        "Nothing to do: every payment matches.",
    ),
    "admin.payments.kind.needs_review": ("Importe o moneda distintos", "Amount or currency differ"),
    "admin.payments.kind.payment_failed": ("Pago aplazado fallido", "Delayed payment failed"),
    "admin.payments.kind.refund_failed": ("Devolución fallida", "Refund failed"),
    "admin.payments.col.kind": ("Qué pasa", "What"),
    "admin.payments.col.order": ("Pedido", "Order"),
    "admin.payments.col.when": ("Fecha", "Date"),
    "admin.payments.col.amount": ("Importe", "Amount"),
    "admin.payments.col.detail": ("Detalle", "Detail"),
    "visits.refund_failed_note": (
        "La devolución no se ha podido completar; te contactaremos para resolverlo.",
        "The refund could not be completed; we will contact you to sort it out.",
    ),
}

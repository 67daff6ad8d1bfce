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
    "admin.pdf_queue": ("PDF de las facturas", "Invoice PDFs"),
    "admin.pdf_queue.none": (
        "Todas las facturas emitidas tienen ya su PDF.",
        "Every issued invoice has its PDF.",
    ),
    "admin.pdf_queue.waiting": (
        "Facturas esperando su PDF: {count}; la más antigua, desde hace {minutes} min.",
        "Invoices waiting for their PDF: {count}; the oldest for {minutes} min.",
    ),
    "admin.pdf_queue.stale": (
        "Los PDF no se están generando: los procesos de la aplicación pueden estar parados o "
        "saturados. Las familias pueden descargar sus facturas igualmente (el PDF se genera al "
        "descargarlo), pero hay que revisar el servidor.",
        "PDFs are not being rendered: the application's processes may be stopped or overloaded. "
        "Families can still download their invoices (the PDF is rendered on download), but the "
        "server needs checking.",
    ),
    "admin.pdf_queue.failed": (
        "PDF con error al generarse: {count}. Se reintentan solos cada 2 minutos; si no bajan, "
        "revisa los registros del servidor.",
        "PDFs that failed to render: {count}. They are retried every 2 minutes; if the number "
        "does not go down, check the server logs.",
    ),
    "visits.refund_failed_note": (
        "La devolución no se ha podido completar; te contactaremos para resolverlo.",
        "The refund could not be completed; we will contact you to sort it out.",
    ),
}

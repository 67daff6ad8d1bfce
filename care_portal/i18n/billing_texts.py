"""Texts of invoicing: the client's "Facturas", the admin's invoices and billing errors."""

BILLING: dict[str, tuple[str, str]] = {
    "invoices.title": ("Facturas", "Invoices"),
    "invoices.lead": (
        "Aquí tienes las facturas de los servicios que has contratado. Puedes descargarlas en PDF "
        "cuando quieras; siempre son el mismo documento que emitimos.",
        "Here are the invoices for the services you booked. Download them as PDF whenever you like; "
        "they are always the same document we issued.",
    ),
    "invoices.empty": (
        "Todavía no tienes facturas. La factura aparece aquí en cuanto se confirma el pago de una compra.",
        "You have no invoices yet. An invoice appears here as soon as a purchase's payment is confirmed.",
    ),
    "invoices.col.number": ("Número", "Number"),
    "invoices.col.date": ("Fecha", "Date"),
    "invoices.col.beneficiary": ("Beneficiario", "Beneficiary"),
    "invoices.col.total": ("Total", "Total"),
    "invoices.col.state": ("Estado", "Status"),
    "invoices.col.recipient": ("Destinatario", "Recipient"),
    "invoices.col.nif": ("NIF", "Tax ID"),
    "invoices.col.base": ("Base imponible", "Taxable base"),
    "invoices.col.tax": ("IVA", "VAT"),
    "invoices.col.month": ("Mes", "Month"),
    "invoices.col.rate": ("Tipo de IVA", "VAT rate"),
    "invoices.state.paid": ("Pagada", "Paid"),
    "invoices.state.rectified": ("Rectificada", "Corrected"),
    "invoices.state.rectifying": ("Rectificativa", "Corrective invoice"),
    "invoices.state.cancelled": ("Anulada", "Cancelled"),
    "invoices.rectifies": ("Rectifica la factura", "Corrects invoice"),
    "invoices.download": ("Descargar PDF", "Download PDF"),
    "invoices.rate.exempt": ("Exenta", "Exempt"),
    "admin.invoices": ("Facturas", "Invoices"),
    "admin.invoices.lead": (
        "Todas las facturas emitidas. Filtra por mes, tipo o destinatario "
        "y descarga el CSV para la gestoría.",
        "Every invoice issued. Filter by month, kind or recipient and download the CSV for the accountant.",
    ),
    "admin.invoices.month": ("Mes", "Month"),
    "admin.invoices.kind": ("Tipo", "Kind"),
    "admin.invoices.search": ("Número, nombre o NIF", "Number, name or tax ID"),
    "admin.invoices.all": ("Todos", "All"),
    "admin.invoices.kind.invoice": ("Facturas", "Invoices"),
    "admin.invoices.kind.rectifying": ("Rectificativas", "Corrective invoices"),
    "admin.invoices.apply": ("Filtrar", "Filter"),
    "admin.invoices.csv": ("Descargar CSV para la gestoría", "Download CSV for the accountant"),
    "admin.invoices.per_month": ("Totales por mes", "Totals per month"),
    "admin.invoices.per_rate": ("Totales por tipo de IVA", "Totals per VAT rate"),
    "admin.invoices.count": ("Facturas mostradas", "Invoices shown"),
    "admin.invoices.grand_total": ("Importe total", "Grand total"),
    "admin.invoices.unsent": (
        "Registros VeriFactu sin enviar a la AEAT",
        "VeriFactu records not yet sent to the AEAT",
    ),
    "admin.invoices.empty": ("No hay facturas con estos filtros.", "No invoices match these filters."),
    "billing.error.description": (
        "Falta la descripción del servicio.",
        "The service description is missing.",
    ),
    "billing.error.quantity": ("La cantidad debe ser al menos 1.", "The quantity must be at least 1."),
    "billing.error.price": ("El precio no es válido.", "The price is not valid."),
    "billing.error.vat_rate": ("Ese tipo de IVA no existe.", "That VAT rate does not exist."),
    "billing.error.exempt_reason": (
        "Una línea exenta debe indicar su base legal.",
        "An exempt line must state its legal basis.",
    ),
    "billing.error.no_lines": ("La factura no tiene ninguna línea.", "The invoice has no lines."),
    "billing.error.reason": ("Indica el motivo de la rectificación.", "Give the reason for the correction."),
    "billing.error.refund_too_large": (
        "No se puede devolver más de lo facturado.",
        "You cannot refund more than was invoiced.",
    ),
    "billing.error.already_cancelled": (
        "El registro de esta factura ya está anulado.",
        "This invoice's record is already cancelled.",
    ),
    "billing.error.recipient": (
        "Faltan datos de facturación (nombre, NIF o dirección).",
        "Billing details are missing (name, tax ID or address).",
    ),
}

"""Texts of consumer law: the withdrawal form of the private area, and visits the company cancels."""

CONSUMER = {
    # The company cancels a visit itself.
    "company_cancel.title": ("Cancelar una visita por parte de la empresa", "Cancel a visit on our side"),
    "company_cancel.help": (
        "Cuando no podemos prestar una visita (sin auxiliar disponible, una incidencia…), la cancelamos "
        "nosotros: se devuelve siempre íntegra, con factura rectificativa, y la familia recibe un correo "
        "con el motivo.",
        "When we cannot deliver a visit (no carer available, an incident…), we cancel it ourselves: it is "
        "always refunded in full, with a rectifying invoice, and the family receives an e-mail with the "
        "reason.",
    ),
    "company_cancel.task": ("Número de tarea", "Task number"),
    "company_cancel.reason": ("Motivo (lo leerá la familia)", "Reason (the family will read it)"),
    "company_cancel.submit": ("Cancelar y devolver íntegra", "Cancel and refund in full"),
    "company_cancel.done": (
        "Visita cancelada; devolución íntegra de {refund}.",
        "Visit cancelled; {refund} refunded in full.",
    ),
    "company_cancel.task_required": ("Escribe el número de la tarea.", "Write the task number."),
    "company_cancel.reason_required": (
        "Explica el motivo a la familia (entre 5 y 1000 caracteres).",
        "Explain the reason to the family (5 to 1000 characters).",
    ),
    "company_cancel.not_found": (
        "No hay ninguna tarea con ese número.",
        "There is no task with that number.",
    ),
    "company_cancel.mail.subject": (
        "Hemos tenido que cancelar la visita «{service}»",
        "We have had to cancel the visit “{service}”",
    ),
    "company_cancel.mail.body": (
        "Hola, {name}:\n\nLo sentimos: hemos tenido que cancelar la visita «{service}» para {beneficiary} "
        "({date}).\nMotivo: {reason}\n\nTe devolvemos el importe íntegro, {refund}, al mismo medio de pago. "
        "Factura rectificativa: {invoice}.\n\nSi quieres una nueva cita, escríbenos desde Sugerencias.\n\n"
        "Un saludo,\nCuidado en Casa",
        "Hello {name},\n\nWe are sorry: we have had to cancel the visit “{service}” for {beneficiary} "
        "({date}).\nReason: {reason}\n\nWe are refunding the full amount, {refund}, to the same payment "
        "method. Rectifying invoice: {invoice}.\n\nIf you would like a new appointment, write to us from "
        "Suggestions.\n\nKind regards,\nCuidado en Casa",
    ),
    # The withdrawal form (desistimiento) of the private area.
    "withdrawal.title": ("Desistir de un pedido", "Withdraw from an order"),
    "withdrawal.lead": (
        "Como consumidor tienes 14 días naturales desde la contratación para desistir sin dar explicaciones. "
        "Si no pediste que el servicio empezara dentro de ese plazo, te devolvemos todo lo pagado; si lo "
        "pediste, pagas solo las visitas ya hechas. Las visitas pendientes se cancelan.",
        "As a consumer you have 14 calendar days from the purchase to withdraw without giving reasons. If "
        "you did not ask for the service to start within that period, we refund everything you paid; if you "
        "did, you pay only for the visits already made. Pending visits are cancelled.",
    ),
    "withdrawal.none": (
        "No tienes pedidos dentro del plazo de 14 días.",
        "You have no orders within the 14-day period.",
    ),
    "withdrawal.purchased": ("Contratado el", "Purchased on"),
    "withdrawal.deadline": ("Puedes desistir hasta", "You can withdraw until"),
    "withdrawal.total": ("Pagado", "Paid"),
    "withdrawal.refund": ("Te devolveríamos", "We would refund"),
    "withdrawal.kept": (
        "Visitas ya hechas que pagas (pediste empezar dentro del plazo)",
        "Visits already made that you pay for (you asked to start within the period)",
    ),
    "withdrawal.statement": (
        "Comentario (opcional; no hace falta dar motivos)",
        "Comment (optional; no reason is needed)",
    ),
    "withdrawal.confirm": (
        "Desisto de este pedido (formulario de desistimiento)",
        "I withdraw from this order (withdrawal form)",
    ),
    "withdrawal.submit": ("Enviar desistimiento", "Send withdrawal"),
    "withdrawal.confirm_required": (
        "Marca la casilla para confirmar que desistes del pedido.",
        "Tick the box to confirm that you withdraw from the order.",
    ),
    "withdrawal.done": (
        "Desistimiento recibido: te devolvemos {refund}. Te lo confirmamos por correo.",
        "Withdrawal received: we are refunding {refund}. We have confirmed it by e-mail.",
    ),
    "withdrawal.reference": ("Pedido", "Order"),
    "withdrawal.terms_link": (
        "Condiciones y modelo de formulario de desistimiento",
        "Terms and model withdrawal form",
    ),
    "withdrawal.checkout_note": (
        "También puedes desistir desde tu área privada, en «Desistir de un pedido», sin escribirnos.",
        "You can also withdraw from your private area, under “Withdraw from an order”, without "
        "writing to us.",
    ),
    "withdrawal.link": ("Desistir de un pedido (14 días)", "Withdraw from an order (14 days)"),
    "withdrawal.expired": (
        "El plazo de 14 días para desistir de ese pedido ya ha terminado.",
        "The 14-day period to withdraw from that order has ended.",
    ),
    "withdrawal.statement_too_long": (
        "El comentario es demasiado largo (máximo 2000 caracteres).",
        "The comment is too long (2000 characters at most).",
    ),
    "withdrawal.reason": ("Desistimiento del pedido {order}", "Withdrawal from order {order}"),
    "withdrawal.mail.subject": (
        "Hemos recibido tu desistimiento del pedido {order}",
        "We have received your withdrawal from order {order}",
    ),
    "withdrawal.mail.body": (
        "Hola, {name}:\n\nConfirmamos que el {when} recibimos tu desistimiento del pedido {order}.\n"
        "Las visitas pendientes quedan canceladas. Te devolvemos {refund} al mismo medio de pago, en un "
        "plazo máximo de 14 días. Importe de visitas ya hechas que pagas: {kept}.\n"
        "Facturas rectificativas: {invoices}.\n\nUn saludo,\nCuidado en Casa",
        "Hello {name},\n\nWe confirm that on {when} we received your withdrawal from order {order}.\n"
        "Pending visits are cancelled. We are refunding {refund} to the same payment method within 14 days "
        "at most. Amount for visits already made that you pay: {kept}.\n"
        "Rectifying invoices: {invoices}.\n\nKind regards,\nCuidado en Casa",
    ),
    "withdrawal.mail.team_subject": (
        "Desistimiento: {client}, pedido {order}",
        "Withdrawal: {client}, order {order}",
    ),
    "withdrawal.mail.team_body": (
        "{name} ({email}) ha desistido del pedido {order} el {when}.\nDevuelto: {refund}. Retenido por "
        "visitas hechas: {kept}. Facturas rectificativas: {invoices}.\nComentario: {statement}",
        "{name} ({email}) withdrew from order {order} on {when}.\nRefunded: {refund}. Kept for visits "
        "made: {kept}. Rectifying invoices: {invoices}.\nComment: {statement}",
    ),
}

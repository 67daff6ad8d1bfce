"""Visits: the manager's dashboard and task page, the client's "Tareas", suggestions, cancellations."""

VISITS: dict[str, tuple[str, str]] = {
    "visits.bad_transition": (
        "Esta visita ya no admite ese cambio.",
        "This visit can no longer be changed that way.",
    ),
    "visits.bad_datetime": (
        "Indica la fecha y la hora de la cita.",
        "Give the date and time of the appointment.",
    ),
    "visits.time_skipped": (
        "Esa hora no existe ese día por el cambio de hora. Elige otra.",
        "That time does not exist on that day because of the clock change. Pick another.",
    ),
    "visits.in_the_past": ("La cita tiene que ser en el futuro.", "The appointment must be in the future."),
    "visits.bad_duration": (
        "La duración debe estar entre 15 minutos y 8 horas.",
        "The duration must be between 15 minutes and 8 hours.",
    ),
    "visits.overlap": (
        "Coincide con otra cita tuya ({start}–{end}). Elige otra hora.",
        "It clashes with another of your appointments ({start}–{end}). Pick another time.",
    ),
    "visits.already_checked_in": (
        "Ya registraste la llegada a esta visita.",
        "You have already checked in to this visit.",
    ),
    "visits.not_scheduled": (
        "Primero hay que acordar la cita.",
        "The appointment must be agreed first.",
    ),
    "visits.wrong_code": (
        "La clave no coincide. Te quedan {left} intentos.",
        "The code does not match. {left} attempts left.",
    ),
    "visits.code_locked": (
        "Demasiados intentos con una clave equivocada. Llama a la oficina para continuar.",
        "Too many wrong codes. Please call the office to continue.",
    ),
    "visits.not_checked_in": ("Primero registra la llegada.", "Check in first."),
    "visits.consent_required": (
        "Falta el consentimiento firmado del beneficiario. Regístralo antes de terminar la visita.",
        "The beneficiary's signed consent is missing. Record it before finishing the visit.",
    ),
    "visits.report_before_visit": (
        "El informe se escribe después de llegar a la visita.",
        "The report is written once you have checked in.",
    ),
    "visits.work_done_required": ("Cuenta qué se hizo en la visita.", "Say what was done during the visit."),
    "visits.text_too_long": ("El texto es demasiado largo.", "The text is too long."),
    "visits.note_required": ("Escribe una nota sobre el contacto.", "Write a note about the contact."),
    "visits.bad_channel": ("Elige cómo fue el contacto.", "Choose how the contact happened."),
    "visits.refund_failed": (
        "No hemos podido hacer la devolución ahora. No se ha cancelado nada; inténtalo más tarde.",
        "We could not make the refund now. Nothing was cancelled; please try again later.",
    ),
    "visits.rectify_reason": (
        "Cancelación de la visita «{service}» (tarea {task})",
        "Cancellation of the visit “{service}” (task {task})",
    ),
    "visits.mail.scheduled.subject": ("Cita acordada: {service}", "Appointment agreed: {service}"),
    "visits.mail.scheduled.body": (
        "Hola, {name}:\n\nHemos acordado la visita «{service}» para {beneficiary}.\n\n"
        "  Fecha y hora: {date} (hora de Madrid)\n  Gestor: {manager}\n  Clave de la visita: {code}\n\n"
        "El gestor dirá esta clave al llegar, para que {beneficiary} sepa que es de verdad.\n"
        "Si la visita no puede hacerse, avísanos como muy tarde el {deadline} (48 horas antes).\n\n"
        "Un saludo,\nCuidado en Casa",
        "Hello {name},\n\nWe have agreed the visit “{service}” for {beneficiary}.\n\n"
        "  Date and time: {date} (Madrid time)\n  Manager: {manager}\n  Visit code: {code}\n\n"
        "The manager will say this code on arrival, so {beneficiary} knows it is really them.\n"
        "If the visit cannot take place, let us know by {deadline} at the latest (48 hours before).\n\n"
        "Kind regards,\nCuidado en Casa",
    ),
    "visits.mail.report.subject": ("Informe de la visita: {service}", "Visit report: {service}"),
    "visits.mail.report.body": (
        "Hola, {name}:\n\nLa visita «{service}» se ha realizado y el gestor ha escrito su informe.\n"
        "Puedes leerlo en «Tareas»: {link}\n\nUn saludo,\nCuidado en Casa",
        "Hello {name},\n\nThe visit “{service}” has taken place and the manager has written a report.\n"
        "You can read it under “Tasks”: {link}\n\nKind regards,\nCuidado en Casa",
    ),
    "visits.mail.cancelled.subject": ("Visita cancelada: {service}", "Visit cancelled: {service}"),
    "visits.mail.cancelled.body": (
        "Hola, {name}:\n\nHemos cancelado la visita «{service}».\n"
        "Devolución: {refund}. Factura rectificativa: {invoice}.\n\nUn saludo,\nCuidado en Casa",
        "Hello {name},\n\nWe have cancelled the visit “{service}”.\n"
        "Refund: {refund}. Rectifying invoice: {invoice}.\n\nKind regards,\nCuidado en Casa",
    ),
    "suggest.message_required": ("Escribe tu mensaje.", "Write your message."),
    "suggest.bad_kind": (
        "Para cambiar o cancelar una visita, elige la visita.",
        "To change or cancel a visit, choose the visit.",
    ),
    "suggest.task_closed": (
        "Esa visita ya no se puede cambiar ni cancelar.",
        "That visit can no longer be changed or cancelled.",
    ),
    "suggest.mail.about": (
        "Sobre la visita «{service}» de {beneficiary} ({date}, clave {code}).\n",
        "About the visit “{service}” for {beneficiary} ({date}, code {code}).\n",
    ),
    "suggest.mail.subject.message": ("Sugerencia de {client}", "Suggestion from {client}"),
    "suggest.mail.subject.change": ("Cambio de visita pedido por {client}", "Visit change asked by {client}"),
    "suggest.mail.subject.cancel": (
        "Cancelación de visita pedida por {client}",
        "Visit cancellation asked by {client}",
    ),
    "suggest.mail.body": (
        "{client} <{email}> escribe desde el formulario de sugerencias.\n{about}\n{message}\n",
        "{client} <{email}> writes from the suggestions form.\n{about}\n{message}\n",
    ),
}

"""The manager's week: calendar, day agenda, series scheduling, check-in window, incidents, feeds."""

WEEK: dict[str, tuple[str, str]] = {
    "task.state.incident": ("Incidencia", "Incident"),
    "week.incident.absent": ("La persona no estaba en casa", "The person was not at home"),
    "week.incident.interrupted": ("La visita se interrumpió", "The visit was interrupted"),
    "week.incident_kind_required": ("Elige qué ha pasado.", "Choose what happened."),
    "week.reason_required": (
        "Explica el motivo (hasta 2000 caracteres).",
        "Give the reason (up to 2000 characters).",
    ),
    "visits.check_in_too_early": (
        "Aún es pronto para registrar la llegada: se puede desde el {opens}. "
        "Si hace falta antes, pide una excepción a la oficina.",
        "It is too early to check in: you can from {opens}. "
        "If it is needed earlier, ask the office for an exception.",
    ),
    "visits.check_in_too_late": (
        "Ya no se puede registrar la llegada: el plazo terminó el {closes}. "
        "Pide una excepción a la oficina o registra una incidencia.",
        "Check-in is closed: the window ended on {closes}. "
        "Ask the office for an exception or record an incident.",
    ),
    "series.overlaps": (
        "{count} visitas coinciden con otras citas tuyas; no se ha guardado nada. Elige otro día u hora.",
        "{count} visits clash with other appointments of yours; nothing was saved. Pick another day or time.",
    ),
    "series.weekdays_required": ("Elige al menos un día de la semana.", "Choose at least one weekday."),
    "series.nothing_to_schedule": (
        "No quedan visitas de esta serie por programar.",
        "There are no visits of this series left to schedule.",
    ),
    "series.too_many": (
        "Demasiadas visitas de una vez (máximo 60).",
        "Too many visits at once (60 at most).",
    ),
    "series.bad_scope": ("Elige qué visitas programar.", "Choose which visits to schedule."),
    "week.mail.moved_prefix": ("Cambio de cita · ", "Appointment moved · "),
    "week.mail.manager.subject": (
        "Agenda: {count} cita(s) con {beneficiary}",
        "Diary: {count} appointment(s) with {beneficiary}",
    ),
    "week.mail.manager.body": (
        "Hola, {name}:\n\nHas acordado «{service}» con {beneficiary}:\n\n{dates}\n\n"
        "(hora de Madrid). Cada cita va adjunta para tu calendario.\n\nCuidado en Casa",
        "Hello {name},\n\nYou have agreed “{service}” with {beneficiary}:\n\n{dates}\n\n"
        "(Madrid time). Each appointment is attached for your calendar.\n\nCuidado en Casa",
    ),
    "week.mail.series.subject": (
        "Citas acordadas: {count} visitas de {service}",
        "Appointments agreed: {count} visits of {service}",
    ),
    "week.mail.series.body": (
        "Hola, {name}:\n\nHemos acordado las visitas de «{service}» para {beneficiary}:\n\n{dates}\n\n"
        "(hora de Madrid). Gestor: {manager}. Cada cita va adjunta para tu calendario; "
        "la clave de cada visita está en «Tareas».\n"
        "Si alguna no puede hacerse, avísanos como muy tarde 48 horas antes.\n\n"
        "Un saludo,\nCuidado en Casa",
        "Hello {name},\n\nWe have agreed the visits of “{service}” for {beneficiary}:\n\n{dates}\n\n"
        "(Madrid time). Manager: {manager}. Each appointment is attached for your calendar; "
        "each visit's code is in “Tasks”.\n"
        "If one cannot take place, let us know at least 48 hours before.\n\n"
        "Kind regards,\nCuidado en Casa",
    ),
    "week.mail.cancel.subject": ("Cita anulada: {service}", "Appointment cancelled: {service}"),
    "week.mail.cancel.body": (
        "Hola, {name}:\n\nLa cita de «{service}» del {date} (hora de Madrid) queda anulada. "
        "El archivo adjunto la quita de tu calendario.\n\nCuidado en Casa",
        "Hello {name},\n\nThe appointment for “{service}” on {date} (Madrid time) is cancelled. "
        "The attached file removes it from your calendar.\n\nCuidado en Casa",
    ),
    "week.mail.done.subject": ("Visita realizada: {service}", "Visit done: {service}"),
    "week.mail.done.body": (
        "Hola, {name}:\n\nLa visita «{service}» se ha realizado (llegada {start}, salida {end}, "
        "hora de Madrid).\n\nEl informe del gestor estará en «Tareas»: {link}\n"
        "También en PDF: {report}\n\nUn saludo,\nCuidado en Casa",
        "Hello {name},\n\nThe visit “{service}” took place (arrived {start}, left {end}, "
        "Madrid time).\n\nThe manager's report will be in “Tasks”: {link}\n"
        "Also as a PDF: {report}\n\nKind regards,\nCuidado en Casa",
    ),
    "week.mail.incident.subject": ("Incidencia en la visita: {service}", "Incident on the visit: {service}"),
    "week.mail.incident.body": (
        "Hola, {name}:\n\nLa visita «{service}» del {date} no pudo completarse: {what}.\n\n"
        "Motivo: {reason}\n\nTu gestor se pondrá en contacto contigo. Más detalles en «Tareas»: {link}\n\n"
        "Un saludo,\nCuidado en Casa",
        "Hello {name},\n\nThe visit “{service}” on {date} could not be completed: {what}.\n\n"
        "Reason: {reason}\n\nYour manager will contact you. More in “Tasks”: {link}\n\n"
        "Kind regards,\nCuidado en Casa",
    ),
    "week.feed_name": ("Cuidado en Casa · citas", "Cuidado en Casa · appointments"),
}

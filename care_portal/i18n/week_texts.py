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
    "week.title": ("Mi semana", "My week"),
    "week.waiting": ("Esperando", "Waiting"),
    "week.to_schedule": ("visitas por programar", "visits to schedule"),
    "week.to_schedule_one": ("visita por programar", "visit to schedule"),
    "week.schedule_series": ("Programar la serie", "Schedule the series"),
    "week.open_first": ("Abrir la primera", "Open the first one"),
    "week.history": ("Historial y búsqueda", "History and search"),
    "week.history_hint": (
        "Sin filtros, las visitas terminadas; con filtros o palabras, todas las que coincidan.",
        "Without filters, finished visits; with filters or words, every visit that matches.",
    ),
    "week.previous_day": ("Día anterior", "Previous day"),
    "week.next_day": ("Día siguiente", "Next day"),
    "week.grid_caption": ("Citas de la semana,", "Appointments of the week,"),
    "week.grid_hour": ("Hora", "Time"),
    "week.previous_week": ("Semana anterior", "Previous week"),
    "week.next_week": ("Semana siguiente", "Next week"),
    "week.no_appointments_day": ("Sin citas este día.", "No appointments on this day."),
    "week.legend": (
        "Cada cita indica su estado con texto y color: cita acordada, en curso, realizada, incidencia.",
        "Each appointment shows its state in words and colour: agreed, in progress, done, incident.",
    ),
    "week.series_title": ("Programar la serie", "Schedule the series"),
    "week.series_weekdays": ("Días de la semana", "Weekdays"),
    "week.series_first_day": ("A partir del día", "Starting on"),
    "week.series_scope": ("Qué visitas", "Which visits"),
    "week.scope_pending": ("Las que esperan cita", "Those waiting for a date"),
    "week.scope_rest": (
        "Esta y las siguientes aún no empezadas (reprogramar el resto)",
        "This one and the later ones not yet started (reschedule the rest)",
    ),
    "week.series_save": ("Programar", "Schedule"),
    "week.series_saved": ("{count} visitas programadas", "{count} visits scheduled"),
    "week.clashes_title": ("Coinciden con otras citas:", "They clash with other appointments:"),
    "week.visit": ("Visita", "Visit"),
    "week.feed_title": ("Suscribirse desde tu calendario", "Subscribe from your calendar"),
    "week.feed_hint": (
        "Un enlace privado para Google Calendar, Apple Calendar u Outlook: tus citas aparecen allí y se "
        "actualizan solas. Quien tenga el enlace ve esas citas: no lo compartas.",
        "A private link for Google Calendar, Apple Calendar or Outlook: your appointments appear there and "
        "update by themselves. Whoever has the link sees them: do not share it.",
    ),
    "week.feed_url": ("Tu enlace privado", "Your private link"),
    "week.feed_once": (
        "Cópialo ahora: por seguridad no se vuelve a mostrar. Si lo pierdes, crea otro.",
        "Copy it now: for safety it is not shown again. If you lose it, make another.",
    ),
    "week.feed_on": ("Tienes un enlace activo.", "You have an active link."),
    "week.feed_off": ("No tienes ningún enlace activo.", "You have no active link."),
    "week.feed_make": ("Crear un enlace nuevo", "Make a new link"),
    "week.feed_revoke": ("Revocar el enlace", "Revoke the link"),
    "week.feed_not_for_you": (
        "Los enlaces de calendario son para gestores y clientes.",
        "Calendar links are for managers and clients.",
    ),
    "week.family_observations": (
        "Lo que escribió la familia al contratar",
        "What the family wrote when booking",
    ),
    "week.family_dates": ("Fechas que prefieren", "Preferred dates"),
    "week.family_times": ("Horario preferido", "Preferred times"),
    "week.family_household": ("Convive con", "Lives with"),
    "week.series_position": ("Visita", "Visit"),
    "week.length": ("Duración del servicio (minutos)", "Service length (minutes)"),
    "week.window": ("Llegada admitida entre", "Check-in accepted between"),
    "week.incident_title": ("Incidencia", "Incident"),
    "week.incident_kind": ("Qué ha pasado", "What happened"),
    "week.incident_reason": ("Motivo (se envía a la familia)", "Reason (sent to the family)"),
    "week.incident_save": ("Registrar la incidencia", "Record the incident"),
    "week.incident_saved": ("Incidencia registrada", "Incident recorded"),
    "week.incident_not_now": (
        "Solo una visita con cita o en curso puede acabar en incidencia.",
        "Only a scheduled or running visit can end in an incident.",
    ),
    "week.exception_reason": (
        "Excepción de llegada fuera de plazo: motivo",
        "Check-in exception outside the window: reason",
    ),
    "week.exception_save": ("Autorizar la excepción", "Allow the exception"),
    "week.exception_saved": ("Excepción registrada", "Exception recorded"),
    "week.exception_shown": ("Excepción autorizada", "Exception allowed"),
}

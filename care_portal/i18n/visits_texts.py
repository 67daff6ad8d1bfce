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
    "visits.mail.overdue.subject": ("Tarea {task} sin primer contacto", "Task {task} not contacted"),
    "visits.mail.overdue.body": (
        "La tarea {task} («{service}» para {beneficiary}), comprada el {created}, "
        "sigue sin primer contacto.\n"
        "Gestor: {manager}.\n",
        "Task {task} (“{service}” for {beneficiary}), bought on {created}, has not been contacted yet.\n"
        "Manager: {manager}.\n",
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
    "manager.today": ("Hoy", "Today"),
    "manager.upcoming": ("Próximas citas", "Upcoming appointments"),
    "manager.waiting": (
        "Esperando cita (las más antiguas primero)",
        "Waiting for an appointment (oldest first)",
    ),
    "manager.waiting_for": ("Esperando desde hace", "Waiting for"),
    "manager.none_today": ("Hoy no tienes visitas.", "No visits today."),
    "manager.none_upcoming": ("No hay más citas acordadas.", "No other agreed appointments."),
    "manager.none_waiting": (
        "Ninguna tarea espera cita. ¡Bien hecho!",
        "No task is waiting for an appointment. Well done!",
    ),
    "manager.contact_overdue": ("Sin contactar en 24 h", "Not contacted within 24 h"),
    "manager.count_overdue": ("Sin contactar a tiempo", "Not contacted in time"),
    "manager.all_tasks": ("Todas las tareas", "All tasks"),
    "manager.all": ("Todas", "All"),
    "manager.filter_search": ("Buscar por persona o servicio", "Search by person or service"),
    "manager.filter_state": ("Estado", "State"),
    "manager.filter_beneficiary": ("Beneficiario", "Beneficiary"),
    "manager.filter_day": ("Día de la cita", "Appointment day"),
    "manager.no_match": ("Ninguna tarea coincide con la búsqueda.", "No task matches the search."),
    "manager.search_first": (
        "Busca por familiar o servicio, o filtra por estado o día, para ver las tareas de todos "
        "los gestores.",
        "Search by relative or service, or filter by state or day, to see every manager's tasks.",
    ),
    "manager.beneficiaries": ("Tus beneficiarios", "Your beneficiaries"),
    "manager.notes": ("Observaciones", "Notes"),
    "manager.consent_pending": ("Consentimiento pendiente", "Consent pending"),
    "manager.consent_signed": ("Consentimiento firmado", "Consent signed"),
    "visits.task_title": ("Tarea", "Task"),
    "visits.back_to_dashboard": ("Volver al panel", "Back to the dashboard"),
    "visits.summary": ("Visita", "Visit"),
    "visits.observations_client": ("Observaciones de la familia", "Notes from the family"),
    "visits.code_label": ("Clave de la visita", "Visit code"),
    "visits.code_hint": (
        "Dísela al beneficiario al acordar la cita; te la confirmará en la puerta.",
        "Tell the beneficiary when agreeing the appointment; they will confirm it at the door.",
    ),
    "visits.appointment": ("Cita", "Appointment"),
    "visits.deadline": ("Plazo para cambios", "Deadline for changes"),
    "visits.contact_log": ("Contactos con el beneficiario", "Contacts with the beneficiary"),
    "visits.contact_channel": ("Cómo fue el contacto", "How you got in touch"),
    "visits.channel.phone": ("Llamada", "Phone call"),
    "visits.channel.message": ("Mensaje", "Message"),
    "visits.channel.email": ("Correo", "E-mail"),
    "visits.channel.visit": ("En persona", "In person"),
    "visits.contact_note": ("Nota", "Note"),
    "visits.contact_save": ("Guardar contacto", "Save contact"),
    "visits.contact_saved": ("Contacto guardado.", "Contact saved."),
    "visits.agree_appointment": ("Acordar la cita", "Agree the appointment"),
    "visits.madrid_time_hint": ("Fecha y hora de Madrid.", "Date and time in Madrid."),
    "visits.day": ("Día", "Day"),
    "visits.time": ("Hora", "Time"),
    "visits.duration": ("Duración (minutos)", "Duration (minutes)"),
    "visits.agree": ("Guardar la cita", "Save the appointment"),
    "visits.scheduled_saved": (
        "Cita guardada. Hemos avisado a la familia por correo.",
        "Appointment saved. The family has been e-mailed.",
    ),
    "visits.other_appointments": ("Tus otras citas", "Your other appointments"),
    "visits.no_other_appointments": ("No tienes otras citas.", "You have no other appointments."),
    "visits.at_the_visit": ("En la visita", "At the visit"),
    "visits.code_input": ("Clave que te confirma el beneficiario", "Code the beneficiary confirms"),
    "visits.check_in": ("Registrar llegada", "Check in"),
    "visits.checked_in_saved": ("Llegada registrada.", "Checked in."),
    "visits.checked_in_at": ("Llegada", "Arrived"),
    "visits.consent_pending_hint": (
        "Falta el consentimiento de datos. Pídelo firmar antes de terminar la visita.",
        "The data consent is missing. Ask for it to be signed before finishing the visit.",
    ),
    "visits.signer_name": ("Quién firma", "Who signs"),
    "visits.signer_role": ("Firma como", "Signs as"),
    "visits.signer.beneficiary": ("La persona beneficiaria", "The beneficiary"),
    "visits.signer.representative": ("Su representante", "Their representative"),
    "visits.signer_relationship": ("Parentesco del representante", "Representative's relationship"),
    "visits.consent_save": ("Registrar consentimiento firmado", "Record signed consent"),
    "visits.consent_saved": ("Consentimiento registrado.", "Consent recorded."),
    "visits.check_out": ("Terminar la visita", "Finish the visit"),
    "visits.checked_out_saved": ("Visita terminada.", "Visit finished."),
    "visits.checked_out_at": ("Salida", "Left"),
    "visits.report": ("Informe de la visita", "Visit report"),
    "visits.report_after_check_in": (
        "Podrás escribir el informe cuando registres la llegada.",
        "You can write the report once you have checked in.",
    ),
    "visits.work_done": ("Qué se hizo", "What was done"),
    "visits.report_observations": ("Observaciones", "Observations"),
    "visits.next_steps": ("Próximos pasos", "Next steps"),
    "visits.report_save": ("Guardar informe", "Save report"),
    "visits.report_saved": (
        "Informe guardado. La familia ya puede leerlo.",
        "Report saved. The family can read it now.",
    ),
    "visits.tasks_title": ("Tareas", "Tasks"),
    "visits.tasks_lead": (
        "Aquí tienes cada visita contratada, su cita, la clave que dirá el gestor al llegar y el informe.",
        "Here is each visit you booked, its appointment, the code the manager will say on arrival "
        "and the report.",
    ),
    "visits.no_tasks": ("Todavía no tienes visitas contratadas.", "You have no booked visits yet."),
    "visits.beneficiary": ("Para", "For"),
    "visits.manager": ("Gestor", "Manager"),
    "visits.deadline_client": (
        "Para cambiar o cancelar con devolución completa, avísanos como muy tarde el",
        "To change or cancel with a full refund, let us know by",
    ),
    "visits.cancelled_refund": ("Cancelada. Devolución:", "Cancelled. Refund:"),
    "visits.rectifying_invoice": ("Factura rectificativa", "Rectifying invoice"),
    "visits.request_pending": ("Petición en revisión", "Request under review"),
    "visits.report_pdf": ("Descargar informe (PDF)", "Download report (PDF)"),
    "visits.change_or_cancel": ("Cambiar o cancelar esta visita", "Change or cancel this visit"),
    "suggest.title": ("Sugerencias", "Suggestions"),
    "suggest.lead": (
        "Escríbenos lo que quieras. Si una visita no puede hacerse, elígela aquí: "
        "con 48 horas de antelación te devolvemos el importe completo.",
        "Write to us about anything. If a visit cannot take place, choose it here: "
        "with 48 hours' notice we refund it in full.",
    ),
    "suggest.about": ("¿Es sobre una visita?", "Is it about a visit?"),
    "suggest.no_task": ("No, es un mensaje general", "No, it is a general message"),
    "suggest.kind": ("Qué necesitas", "What do you need"),
    "suggest.kind.cancel": ("Cancelar la visita", "Cancel the visit"),
    "suggest.kind.change": ("Cambiar la fecha u otro detalle", "Change the date or another detail"),
    "suggest.kind.message": ("Solo comentar algo", "Just tell you something"),
    "suggest.kind_hint": (
        "Pasado el plazo de 48 horas, la cancelación la revisa nuestro equipo.",
        "After the 48-hour deadline, our team reviews the cancellation.",
    ),
    "suggest.message": ("Tu mensaje", "Your message"),
    "suggest.choose_kind": ("Elige qué necesitas.", "Choose what you need."),
    "suggest.visit_n_of": ("visita {n} de {total}", "visit {n} of {total}"),
    "suggest.preview.free": (
        "Si la cancelas ahora te devolvemos {refund} a la tarjeta con la que pagaste. "
        "Cancelación gratuita hasta el {deadline}. No se puede deshacer.",
        "If you cancel it now we refund {refund} to the card you paid with. "
        "Free cancellation until {deadline}. It cannot be undone.",
    ),
    "suggest.preview.late": (
        "El plazo de cancelación gratuita terminó el {deadline}: nuestro equipo revisará la petición "
        "y decidirá si se devuelven los {refund} de la visita.",
        "The free cancellation deadline ended on {deadline}: our team will review the request "
        "and decide whether the visit's {refund} is refunded.",
    ),
    "suggest.preview.no_date": ("la cita (aún sin fecha)", "the appointment (no date yet)"),
    "suggest.confirm_cancel": ("Sí, quiero cancelar esta visita", "Yes, I want to cancel this visit"),
    "suggest.confirm_required": (
        "Marca la casilla para confirmar la cancelación.",
        "Tick the box to confirm the cancellation.",
    ),
    "suggest.send": ("Enviar", "Send"),
    "suggest.sent": (
        "Gracias. Hemos recibido tu mensaje y te responderemos pronto.",
        "Thank you. We have your message and will answer soon.",
    ),
    "suggest.cancelled": (
        "Visita cancelada. Te devolvemos {refund}; factura rectificativa {invoice}.",
        "Visit cancelled. We refund {refund}; rectifying invoice {invoice}.",
    ),
    "suggest.late": (
        "Hemos recibido tu petición. Como faltan menos de 48 horas, nuestro equipo la revisará "
        "y te contestará.",
        "We have your request. As less than 48 hours are left, our team will review it and answer you.",
    ),
    "cancel_admin.title": ("Cancelaciones", "Cancellations"),
    "cancel_admin.lead": (
        "Peticiones de cancelación llegadas después del plazo de 48 horas. "
        "Si la empresa no pudo prestar la visita, devuelve siempre el importe completo.",
        "Cancellation requests received after the 48-hour deadline. "
        "If the company could not deliver the visit, always refund in full.",
    ),
    "cancel_admin.none": ("No hay peticiones pendientes.", "No pending requests."),
    "cancel_admin.client": ("Cliente", "Client"),
    "cancel_admin.asked": ("Pedido", "Asked"),
    "cancel_admin.share": ("Importe de la visita", "Visit amount"),
    "cancel_admin.refund": ("Cancelar y devolver", "Cancel and refund"),
    "cancel_admin.no_refund": ("Cancelar sin devolución", "Cancel without refund"),
    "cancel_admin.reject": ("Rechazar", "Reject"),
    "cancel_admin.done": ("Decisión guardada.", "Decision saved."),
}

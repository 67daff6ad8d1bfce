"""Texts of data protection: consent purposes, withdrawal effects, the access log."""

PRIVACY: dict[str, tuple[str, str]] = {
    "care.purpose.service": ("Prestación del servicio", "Service provision"),
    "care.purpose.health": ("Datos de salud y movilidad", "Health and mobility data"),
    "care.purpose.communications": ("Comunicaciones opcionales", "Optional communications"),
    "care.purposes": ("Finalidades", "Purposes"),
    "care.consent.health_tick": (
        "Consiento expresamente que se traten los datos de salud y movilidad para prestar el servicio "
        "(RGPD art. 9.2.a).",
        "I explicitly consent to the processing of health and mobility data to provide the service "
        "(GDPR art. 9.2.a).",
    ),
    "care.consent.communications_tick": (
        "Acepto recibir comunicaciones sobre novedades del servicio (opcional).",
        "I agree to receive news about the service (optional).",
    ),
    "care.authority.guardianship": ("Tutela o curatela", "Guardianship"),
    "care.authority.power_of_attorney": ("Poder notarial", "Power of attorney"),
    "care.authority.de_facto_guardian": ("Guarda de hecho", "De facto guardian"),
    "care.authority.family_agreement": (
        "Familiar, con el acuerdo de la persona",
        "Family member, with the person's agreement",
    ),
    "care.authority_required": (
        "Indica en virtud de qué representas a la persona (tutela, poder, guarda de hecho o acuerdo).",
        "Say under what authority you represent the person (guardianship, power, de facto, agreement).",
    ),
    "care.bad_purpose": ("Finalidad no reconocida.", "Unknown purpose."),
    "care.purpose_required": ("Marca al menos una finalidad.", "Tick at least one purpose."),
    "care.health_consent_required": (
        "Para guardar datos de salud hace falta el consentimiento expreso para datos de salud. "
        "Márcalo al adjuntar el consentimiento firmado o desde la ficha del proyecto.",
        "Storing health data needs explicit consent for health data. Tick it when attaching the "
        "signed consent or from the project page.",
    ),
    "care.notes_locked": (
        "Bloqueado: sin consentimiento expreso para datos de salud no guardamos este campo. "
        "Puedes darlo en «Proyectos» → ficha del familiar → «Consentimiento».",
        "Locked: without explicit consent for health data we do not store this field. You can give "
        "it in «Projects» → the relative's page → «Consent».",
    ),
    "care.notes_hidden": (
        "Los datos de salud están ocultos: el consentimiento para datos de salud no está vigente.",
        "Health data is hidden: consent for health data is not in force.",
    ),
    "care.consent.give_health": ("Dar consentimiento para datos de salud", "Give consent for health data"),
    "care.consent.withdraw_health": (
        "Retirar solo el consentimiento de datos de salud",
        "Withdraw only the health-data consent",
    ),
    "care.consent.health_given": (
        "Consentimiento para datos de salud registrado.",
        "Health-data consent recorded.",
    ),
    "care.consent.withdrawn_effect": (
        "Sin consentimiento para la prestación del servicio no se pueden acordar nuevas citas.",
        "Without consent for service provision no new appointments can be agreed.",
    ),
    "care.mail.withdrawn.subject": (
        "Consentimiento retirado: {beneficiary}",
        "Consent withdrawn: {beneficiary}",
    ),
    "care.mail.withdrawn.body": (
        "Se ha retirado el consentimiento de {beneficiary} para: {purposes}.\n\n"
        "Desde este momento los datos afectados dejan de tratarse: los datos de salud quedan ocultos "
        "y, si se retiró la prestación del servicio, no se pueden acordar nuevas citas.",
        "Consent for {beneficiary} has been withdrawn for: {purposes}.\n\n"
        "From now on the data concerned is no longer processed: health data is hidden and, if "
        "service provision was withdrawn, no new appointments can be agreed.",
    ),
    "visits.consent_withdrawn": (
        "No se puede acordar la cita: el consentimiento para la prestación del servicio está retirado.",
        "The appointment cannot be agreed: consent for service provision has been withdrawn.",
    ),
    "shop.consent_withdrawn": (
        "El consentimiento de este familiar está retirado; no se pueden contratar nuevos servicios.",
        "This relative's consent is withdrawn; no new services can be booked.",
    ),
    "access.title": ("Quién ha consultado los datos", "Who has viewed the data"),
    "access.empty": (
        "Nadie ha consultado todavía sus datos de salud ni documentos.",
        "Nobody has viewed health data or documents yet.",
    ),
    "access.who": ("Quién", "Who"),
    "access.role": ("Rol", "Role"),
    "access.when": ("Cuándo", "When"),
    "access.what": ("Qué", "What"),
    "access.subject.care_notes": ("Datos de salud y movilidad", "Health and mobility data"),
    "access.subject.document": ("Documento", "Document"),
    "access.subject.consent_pdf": ("Documento de consentimiento", "Consent document"),
    "access.subject.report": ("Informe de visita", "Visit report"),
    "access.role.client": ("Cliente", "Client"),
    "access.role.manager": ("Gestor", "Manager"),
    "access.role.admin": ("Administración", "Administration"),
    "access.role.recruiter": ("Selección", "Recruiting"),
    "privacy.export.title": ("Descargar mis datos", "Download my data"),
    "privacy.export.help": (
        "Un ZIP con todo lo que guardamos de ti y de tus familiares: resumen en PDF, datos en JSON, "
        "documentos y facturas. Se prepara en segundo plano y solo se puede descargar una vez.",
        "A ZIP with everything we hold about you and your relatives: PDF summary, JSON data, documents "
        "and invoices. It is prepared in the background and can be downloaded once.",
    ),
    "privacy.export.start": ("Preparar mis datos", "Prepare my data"),
    "privacy.export.download": ("Descargar mis datos (ZIP)", "Download my data (ZIP)"),
    "privacy.export_running": ("Ya estamos preparando tus datos.", "Your data is already being prepared."),
    "privacy.export_failed": (
        "No se pudo preparar el archivo. Inténtalo de nuevo.",
        "The file could not be prepared. Try again.",
    ),
    "privacy.billing.title": ("Datos de facturación", "Billing data"),
    "privacy.billing.help": (
        "Se usan en tus próximas facturas. Las facturas ya emitidas no cambian (obligación legal).",
        "Used on your next invoices. Invoices already issued do not change (legal duty).",
    ),
    "privacy.billing_saved": ("Datos de facturación corregidos.", "Billing data corrected."),
    "privacy.billing_future_only": (
        "Guardado. Se aplicará a las facturas futuras; las ya emitidas conservan los datos con que "
        "se emitieron.",
        "Saved. It applies to future invoices; those already issued keep the data they were issued with.",
    ),
    "privacy.billing_rectified": ("Rectificación aplicada", "Rectification applied"),
    "privacy.export_built": ("Copia entregada en «Mis datos»", "Copy delivered in «My details»"),
    "privacy.requests.title": ("Ejercer mis derechos", "Exercise my rights"),
    "privacy.requests.help": (
        "Te respondemos en un mes como máximo. Verás aquí cada solicitud y su fecha límite.",
        "We answer within one month at most. Each request and its due date is listed here.",
    ),
    "privacy.requests.kind": ("Qué pides", "What you ask for"),
    "privacy.requests.details": ("Detalles (opcional)", "Details (optional)"),
    "privacy.requests.send": ("Enviar solicitud", "Send request"),
    "privacy.requests.due": ("respuesta antes del", "answer by"),
    "privacy.requests.answered": ("respondida el", "answered on"),
    "privacy.request_filed": ("Solicitud registrada.", "Request recorded."),
    "privacy.kind.access": ("Acceso a mis datos", "Access to my data"),
    "privacy.kind.rectification": ("Rectificación", "Rectification"),
    "privacy.kind.erasure": (
        "Supresión (cerrar cuenta o borrar un familiar)",
        "Erasure (close account or erase a relative)",
    ),
    "privacy.kind.objection": ("Oposición", "Objection"),
    "privacy.kind.portability": ("Portabilidad", "Portability"),
    "privacy.bad_kind": ("Elige qué derecho ejerces.", "Choose which right you exercise."),
    "privacy.details_too_long": ("El texto es demasiado largo.", "The text is too long."),
    "privacy.outcome_required": ("Escribe la respuesta dada.", "Write the answer given."),
    "privacy.queue.title": ("Solicitudes de derechos", "Rights requests"),
    "privacy.queue.open": ("abiertas", "open"),
    "privacy.queue.overdue": ("vencidas", "overdue"),
    "privacy.queue.close": ("Marcar respondida", "Mark answered"),
    "privacy.queue.outcome": ("Respuesta dada", "Answer given"),
    "privacy.queue.closed": ("Solicitud cerrada.", "Request closed."),
    "privacy.open_tasks": (
        "Hay {count} visitas pendientes: cancélalas antes de suprimir los datos.",
        "There are {count} visits still to be done: cancel them before erasing the data.",
    ),
    "privacy.erased_blocked": (
        "Datos suprimidos; lo que la ley obliga a conservar queda bloqueado",
        "Data erased; what the law requires to keep is blocked",
    ),
    "privacy.authority_reason_required": (
        "Indica qué autoridad lo pide y con qué referencia.",
        "Say which authority asks for it and its reference.",
    ),
    "privacy.breach.title": ("Registro de brechas de seguridad", "Breach register"),
    "privacy.breach.summary": ("Qué ha pasado", "What happened"),
    "privacy.breach.known_day": ("Fecha en que se supo", "Date it became known"),
    "privacy.breach.known_time": ("Hora", "Time"),
    "privacy.breach.data_affected": ("Datos afectados", "Data affected"),
    "privacy.breach.people_affected": ("Personas afectadas", "People affected"),
    "privacy.breach.measures": ("Medidas tomadas", "Measures taken"),
    "privacy.breach.notified_at": ("Notificada a la AEPD el", "Notified to the authority on"),
    "privacy.breach.not_notified_reason": ("Si no se notifica, por qué", "If not notified, why"),
    "privacy.breach.notify_by": ("Notificar antes del", "Notify by"),
    "privacy.breach.overdue": ("Plazo de 72 h vencido", "72-hour deadline passed"),
    "privacy.breach.save": ("Registrar brecha", "Record breach"),
    "privacy.breach.saved": ("Brecha registrada.", "Breach recorded."),
    "privacy.breach.summary_required": ("Describe qué ha pasado.", "Describe what happened."),
    "privacy.breach.bad_datetime": ("Fecha u hora no válida.", "Invalid date or time."),
    "privacy.breach.future": ("La fecha no puede ser futura.", "The date cannot be in the future."),
    "privacy.breach.bad_count": ("Escribe un número (0 o más).", "Type a number (0 or more)."),
    "privacy.breach.reason_required": (
        "Indica la fecha de notificación o por qué no se notifica.",
        "Give the notification date or why it is not notified.",
    ),
    "shop.checkout.express_start": (
        "Quiero que el servicio empiece dentro de los 14 días de desistimiento. Si luego desisto, pagaré "
        "las visitas ya hechas (opcional).",
        "I want the service to start within the 14-day withdrawal period. If I then withdraw, I will "
        "pay for the visits already done (optional).",
    ),
    "privacy.erase.help": (
        "Suprimir sus datos: borramos notas, documentos, convivientes e informes. Lo que la ley obliga a "
        "conservar (facturas 6 años, el consentimiento firmado) queda bloqueado y se borra al vencer.",
        "Erase their data: we delete notes, documents, household and reports. What the law requires us "
        "to keep (invoices for 6 years, the signed consent) is blocked and deleted when its period ends.",
    ),
    "privacy.erase.confirm": ("Entiendo que no se puede deshacer.", "I understand it cannot be undone."),
    "privacy.erase.confirm_required": ("Marca la casilla para confirmarlo.", "Tick the box to confirm."),
    "privacy.erase.button": ("Suprimir los datos de este familiar", "Erase this relative's data"),
    "privacy.erase.done": ("Datos suprimidos.", "Data erased."),
    "privacy.close.title": ("Cerrar mi cuenta", "Close my account"),
    "privacy.close.help": (
        "Suprime tu cuenta y los datos de tus familiares; las facturas se conservan bloqueadas 6 años "
        "por obligación legal. Antes hay que cancelar las visitas pendientes.",
        "Erases your account and your relatives' data; invoices are kept blocked for 6 years by law. "
        "Pending visits must be cancelled first.",
    ),
    "privacy.close.button": ("Cerrar mi cuenta", "Close my account"),
    "privacy.close.done": ("Cuenta cerrada.", "Account closed."),
    "care.field.authority_document": (
        "Documento que lo acredita (opcional: resolución judicial, poder notarial…; PDF, JPG o PNG)",
        "Supporting document (optional: court order, power of attorney…; PDF, JPG or PNG)",
    ),
    "care.authority_document_needs_representative": (
        "El documento acreditativo solo se adjunta cuando firma un representante.",
        "The supporting document is attached only when a representative signs.",
    ),
    "privacy.blocked.title": (
        "Datos bloqueados (a petición de una autoridad)",
        "Blocked data (for an authority)",
    ),
    "privacy.blocked.help": (
        "Los datos de un familiar suprimido se conservan bloqueados mientras dura la obligación legal. "
        "Solo se consultan aquí, para una autoridad (juzgado, AEPD, Agencia Tributaria…), indicando cuál y "
        "el expediente; la consulta queda registrada.",
        "An erased relative's data is kept blocked while the legal duty lasts. It is read only here, for an "
        "authority (court, data protection agency, tax agency…), stating which and the file number; the read "
        "is logged.",
    ),
    "privacy.blocked.number": ("Número de beneficiario", "Beneficiary number"),
    "privacy.blocked.reason": ("Autoridad y expediente", "Authority and file number"),
    "privacy.blocked.open": ("Consultar datos bloqueados", "Read blocked data"),
    "privacy.blocked.not_found": (
        "No hay datos bloqueados con ese número.",
        "There is no blocked data with that number.",
    ),
    "privacy.blocked.since": ("Bloqueado el", "Blocked on"),
    "privacy.blocked.until": ("se purga el", "purged on"),
    "care.doc_kind.representation": ("Acredita la representación", "Proof of representation"),
}

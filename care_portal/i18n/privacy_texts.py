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
}

"""Texts of VERI*FACTU: the admin's AEAT page and the public «declaración responsable»."""

AEAT: dict[str, tuple[str, str]] = {
    "admin.aeat": ("VeriFactu (AEAT)", "VeriFactu (AEAT)"),
    "admin.aeat.lead": (
        "Cada factura genera un registro que se envía solo a la AEAT. Aquí ves cómo van los envíos y "
        "qué registros necesitan que hagas algo.",
        "Every invoice creates a record that is sent to the AEAT by itself. Here you see how sending "
        "goes and which records need you to act.",
    ),
    "admin.aeat.sent": ("Enviados", "Sent"),
    "admin.aeat.with_errors": ("Aceptados con errores", "Accepted with errors"),
    "admin.aeat.rejected": ("Rechazados", "Rejected"),
    "admin.aeat.pending": ("Pendientes", "Pending"),
    "admin.aeat.incidents": ("Incidencias", "Incidents"),
    "admin.aeat.incidents_none": (
        "No hay incidencias: todos los registros están enviados o en camino.",
        "No incidents: every record is sent or on its way.",
    ),
    "admin.aeat.incidents_lead": (
        "Un registro rechazado no consta en la AEAT: revisa el motivo, corrige la causa (datos de la "
        "empresa o del sistema en la configuración) y pulsa «Enviar registro corregido». Uno aceptado "
        "con errores consta, pero debe subsanarse igual.",
        "A rejected record is not registered at the AEAT: read why, fix the cause (company or system "
        "data in the settings) and press “Send corrected record”. One accepted with errors is "
        "registered but must be corrected the same way.",
    ),
    "admin.aeat.col.number": ("Factura", "Invoice"),
    "admin.aeat.col.kind": ("Registro", "Record"),
    "admin.aeat.col.generated": ("Generado", "Created"),
    "admin.aeat.col.status": ("Estado", "Status"),
    "admin.aeat.col.error": ("Motivo", "Reason"),
    "admin.aeat.col.action": ("Acción", "Action"),
    "admin.aeat.kind.alta": ("Alta", "Issue"),
    "admin.aeat.kind.anulacion": ("Anulación", "Cancellation"),
    "admin.aeat.status.pending": ("Pendiente (fuera de plazo)", "Pending (overdue)"),
    "admin.aeat.status.invalid": ("No enviado: error del programa", "Not sent: software error"),
    "admin.aeat.status.accepted_with_errors": ("Aceptado con errores", "Accepted with errors"),
    "admin.aeat.status.rejected": ("Rechazado", "Rejected"),
    "admin.aeat.correct": ("Enviar registro corregido", "Send corrected record"),
    "admin.aeat.corrected": (
        "Registro corregido creado: se enviará en el próximo turno.",
        "Corrected record created: it goes out in the next turn.",
    ),
    "admin.aeat.sender": ("Envío", "Sending"),
    "admin.aeat.sender_off": (
        "El envío está apagado: falta el certificado de la empresa (AEAT_CERT_FILE). Los registros "
        "esperan aquí sin perderse.",
        "Sending is off: the company certificate is missing (AEAT_CERT_FILE). Records wait here, "
        "nothing is lost.",
    ),
    "admin.aeat.mode.test": ("Entorno de pruebas de la AEAT", "AEAT test environment"),
    "admin.aeat.mode.production": ("Entorno real de la AEAT", "AEAT production environment"),
    "admin.aeat.next_send": ("Próximo envío a partir de", "Next sending from"),
    "admin.aeat.last_error": ("Último fallo", "Last failure"),
    "admin.aeat.log": ("Últimos envíos", "Latest submissions"),
    "admin.aeat.log.when": ("Cuándo", "When"),
    "admin.aeat.log.records": ("Registros", "Records"),
    "admin.aeat.log.outcome": ("Resultado", "Outcome"),
    "admin.aeat.log.csv": ("CSV", "CSV"),
    "admin.aeat.outcome.answered": ("Respondido por la AEAT", "Answered by the AEAT"),
    "admin.aeat.outcome.unavailable": ("AEAT no disponible", "AEAT unavailable"),
    "admin.aeat.outcome.fault": ("Error en el envío", "Sending error"),
    "admin.aeat.outcome.invalid_body": ("Registro no válido", "Invalid record"),
    "admin.aeat.log.empty": ("Todavía no se ha enviado nada.", "Nothing sent yet."),
    "admin.aeat.home_incidents": (
        "Registros VeriFactu con incidencia",
        "VeriFactu records with an incident",
    ),
    "admin.aeat.see": ("Ver en VeriFactu (AEAT)", "See in VeriFactu (AEAT)"),
    "aeat.error.not_correctable": (
        "Este registro no está rechazado ni aceptado con errores: no hay nada que corregir.",
        "This record is neither rejected nor accepted with errors: there is nothing to correct.",
    ),
    "footer.declaration": ("Declaración responsable", "Statement of conformity"),
    "declaration.title": (
        "Declaración responsable del sistema informático de facturación",
        "Statement of conformity of the billing system",
    ),
    "declaration.lead": (
        "El productor del sistema declara que cumple el Reglamento de requisitos de los sistemas de "
        "facturación (Real Decreto 1007/2023) y la Orden HAC/1177/2024, en la modalidad VERI*FACTU.",
        "The producer of the system declares that it complies with the Spanish billing-system "
        "regulation (Real Decreto 1007/2023) and Orden HAC/1177/2024, in VERI*FACTU mode.",
    ),
    "declaration.producer": ("Productor", "Producer"),
    "declaration.producer_nif": ("NIF del productor", "Producer's tax ID"),
    "declaration.system": ("Nombre del sistema", "System name"),
    "declaration.system_id": ("Identificador del sistema", "System identifier"),
    "declaration.version": ("Versión", "Version"),
    "declaration.guarantees": ("Qué garantiza", "What it guarantees"),
    "declaration.guarantee.1": (
        "Integridad e inalterabilidad: las facturas emitidas y sus registros no se pueden modificar ni "
        "borrar; las correcciones se hacen con facturas rectificativas o registros de anulación.",
        "Integrity and unalterability: issued invoices and their records cannot be changed or deleted; "
        "corrections are made with corrective invoices or cancellation records.",
    ),
    "declaration.guarantee.2": (
        "Trazabilidad: cada registro lleva la huella SHA-256 del anterior, formando una cadena que se "
        "puede verificar.",
        "Traceability: each record carries the SHA-256 fingerprint of the previous one, forming a "
        "chain that can be verified.",
    ),
    "declaration.guarantee.3": (
        "Remisión a la AEAT: todos los registros se envían de forma automática a la sede electrónica "
        "de la AEAT (VERI*FACTU) y cada factura lleva su código QR de cotejo.",
        "Submission to the AEAT: every record is sent automatically to the AEAT (VERI*FACTU) and each "
        "invoice carries its verification QR code.",
    ),
    "declaration.guarantee.4": (
        "Conservación y legibilidad: las facturas y sus registros se conservan y pueden consultarse y "
        "exportarse en cualquier momento.",
        "Preservation and legibility: invoices and their records are kept and can be consulted and "
        "exported at any time.",
    ),
}

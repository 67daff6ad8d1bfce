"""Texts of the PDFs a reader downloads in their language: the visit report and the data-export summary."""

DOCUMENTS: dict[str, tuple[str, str]] = {
    "doc.report.title": ("Informe de la visita", "Visit report"),
    "doc.report.task": ("tarea {id}", "task {id}"),
    "doc.report.service": ("Servicio", "Service"),
    "doc.report.beneficiary": ("Persona beneficiaria", "Person cared for"),
    "doc.report.manager": ("Gestor", "Care manager"),
    "doc.report.appointment": ("Cita", "Appointment"),
    "doc.report.madrid": ("hora de Madrid", "Madrid time"),
    "doc.report.arrival": ("Llegada y salida", "Arrival and departure"),
    "doc.report.written": ("Informe escrito", "Report written"),
    "doc.report.work_done": ("Qué se hizo", "What was done"),
    "doc.report.observations": ("Observaciones", "Observations"),
    "doc.report.next_steps": ("Próximos pasos", "Next steps"),
    "doc.report.parts": ("Cómo estaba", "How they were"),
    "doc.report.concern": ("Preocupación ({severity})", "Concern ({severity})"),
    "doc.report.file": ("informe-visita-{id}.pdf", "visit-report-{id}.pdf"),
    "doc.export.title": ("Tus datos en Cuidado en Casa", "Your data at Cuidado en Casa"),
    "doc.export.lead": (
        "Copia generada el {date} · RGPD art. 15 y 20. El archivo datos.json contiene lo mismo en formato "
        "legible por máquina.",
        "Copy made on {date} · GDPR arts. 15 and 20. The file datos.json holds the same in a "
        "machine-readable format.",
    ),
    "doc.export.profile": ("Perfil", "Profile"),
    "doc.export.name": ("Nombre", "Name"),
    "doc.export.email": ("Correo", "E-mail"),
    "doc.export.phone": ("Teléfono", "Phone"),
    "doc.export.joined": ("Alta", "Joined"),
    "doc.export.billing": ("Datos de facturación", "Billing details"),
    "doc.export.nif": ("NIF", "Tax ID (NIF)"),
    "doc.export.address": ("Dirección", "Address"),
    "doc.export.relatives": ("Familiares", "Relatives"),
    "doc.export.home": ("Domicilio", "Home address"),
    "doc.export.health": ("Salud y movilidad", "Health and mobility"),
    "doc.export.times": ("Horario preferido", "Preferred times"),
    "doc.export.consent": ("Consentimiento", "Consent"),
    "doc.export.health_data": ("datos de salud", "health data"),
    "doc.export.consents": ("Historial de consentimientos", "Consent history"),
    "doc.export.date": ("Fecha", "Date"),
    "doc.export.action": ("Acción", "Action"),
    "doc.export.purposes": ("Finalidades", "Purposes"),
    "doc.export.signer": ("Firmante", "Signed by"),
    "doc.export.activity": ("Pedidos, tareas e informes", "Orders, visits and reports"),
    "doc.export.counts": (
        "{orders} pedidos, {tasks} tareas, {reports} informes, {messages} mensajes, {invoices} facturas "
        "(en la carpeta «facturas»), {conversations} mensajes con el gestor (adjuntos en la carpeta "
        "«mensajes»), {circle} miembros del círculo familiar.",
        "{orders} orders, {tasks} visits, {reports} reports, {messages} messages, {invoices} invoices "
        "(in the «facturas» folder), {conversations} messages with the care manager (attachments in the "
        "«mensajes» folder), {circle} members of the family circle.",
    ),
    "doc.export.task": ("Tarea", "Visit"),
    "doc.export.state": ("Estado", "State"),
    "doc.export.appointment": ("Cita", "Appointment"),
    "doc.export.access": ("Quién ha consultado los datos", "Who has looked at the data"),
    "doc.export.who": ("Quién", "Who"),
    "doc.export.role": ("Rol", "Role"),
    "doc.export.what": ("Qué", "What"),
}

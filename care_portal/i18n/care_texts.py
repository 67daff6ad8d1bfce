"""Texts of beneficiaries, consent, documents, projects and manager areas."""

CARE: dict[str, tuple[str, str]] = {
    "nav.register_beneficiary": ("Alta de familiar", "Register a relative"),
    "nav.projects": ("Proyectos", "Projects"),
    "admin.beneficiaries": ("Beneficiarios", "Beneficiaries"),
    "admin.managers": ("Gestores y zonas", "Managers and areas"),
    "care.register.title": ("Alta de familiar", "Register a relative"),
    "care.register.lead": (
        "Cuéntanos quién va a recibir el servicio y dónde. "
        "Los campos que no dicen «opcional» son obligatorios. "
        "Puedes adjuntar documentos ahora o más adelante.",
        "Tell us who will receive the service and where. Fields not marked «optional» are required. "
        "You can attach documents now or later.",
    ),
    "care.section.person": ("La persona", "The person"),
    "care.section.home": ("El domicilio", "The home"),
    "care.section.household": ("Quién vive en el domicilio", "Who lives at the home"),
    "care.section.care": ("Para su gestor", "For their manager"),
    "care.section.documents": ("Documentos", "Documents"),
    "care.section.consent": ("Consentimiento de protección de datos", "Data protection consent"),
    "care.field.full_name": ("Nombre y apellidos", "Full name"),
    "care.field.nif": ("DNI o NIE (opcional)", "DNI or NIE (optional)"),
    "care.field.birth_date": ("Fecha de nacimiento (opcional)", "Date of birth (optional)"),
    "care.field.relationship": ("Relación contigo", "Relationship to you"),
    "care.field.relationship_hint": (
        "Por ejemplo: madre, padre, tío.",
        "For example: mother, father, uncle.",
    ),
    "care.field.street": ("Calle, número y piso", "Street, number and floor"),
    "care.field.postal_code": ("Código postal", "Postal code"),
    "care.field.town": ("Localidad", "Town"),
    "care.field.province": ("Provincia", "Province"),
    "care.field.phone": ("Teléfono de contacto", "Contact phone"),
    "care.field.household_size": (
        "Personas que reciben el servicio en el domicilio",
        "People receiving care at the home",
    ),
    "care.field.household_hint": (
        "Cuenta también a la persona de arriba. Si sois 2 o más, escribe el nombre de los demás.",
        "Include the person above. If there are 2 or more, type the others' names.",
    ),
    "care.field.member_name": ("Nombre del miembro", "Name of member"),
    "care.field.member_relationship": ("Relación del miembro", "Relationship of member"),
    "care.field.care_notes": ("Salud y movilidad (opcional)", "Health and mobility (optional)"),
    "care.field.care_notes_hint": (
        "Dato sensible: solo lo verán su gestor y el equipo autorizado. Escribe solo lo que necesite saber.",
        "Sensitive data: only their manager and authorised staff will see it. "
        "Write only what they need to know.",
    ),
    "care.field.preferred_times": (
        "Días y horas preferidos (opcional)",
        "Preferred days and times (optional)",
    ),
    "care.field.documents": (
        "Adjuntar documentos (PDF, JPG o PNG, hasta 8 MB cada uno)",
        "Attach documents (PDF, JPG or PNG, up to 8 MB each)",
    ),
    "care.field.consent_file": (
        "Consentimiento firmado (PDF, JPG o PNG)",
        "Signed consent (PDF, JPG or PNG)",
    ),
    "care.field.signer_name": ("Nombre de quien firmó", "Name of the signer"),
    "care.field.signer_role": ("Firmó como", "Signed as"),
    "care.field.signer_relationship": ("Relación con el beneficiario", "Relationship to the beneficiary"),
    "care.field.authority": (
        "Tipo de representación (tutela, poder notarial…)",
        "Kind of authority (guardianship, power of attorney…)",
    ),
    "care.signer.beneficiary": ("La propia persona beneficiaria", "The beneficiary themselves"),
    "care.signer.representative": ("Su representante", "Their representative"),
    "care.consent.how": (
        "Antes de la primera visita, la persona beneficiaria (o su representante) debe firmar el "
        "consentimiento. Descárgalo una vez dado de alta, fírmalo y súbelo aquí; o deja que lo firme "
        "en casa con su gestor en la primera visita.",
        "Before the first visit, the beneficiary (or their representative) must sign the consent. "
        "Download it once registered, sign it and upload it here; or let them sign it at home with "
        "their manager at the first visit.",
    ),
    "care.consent.choice": ("¿Cómo se firmará?", "How will it be signed?"),
    "care.consent.choice_home": ("En casa, en la primera visita", "At home, at the first visit"),
    "care.consent.choice_upload": ("Ya lo tengo firmado y lo adjunto", "I have it signed and attach it"),
    "care.consent.download": ("Descargar el consentimiento (PDF)", "Download the consent (PDF)"),
    "care.consent.withdraw": ("Retirar el consentimiento", "Withdraw consent"),
    "care.consent.withdraw_help": (
        "Puedes retirarlo cuando quieras. Sin consentimiento no podremos hacer nuevas visitas.",
        "You can withdraw it whenever you like. Without consent we cannot make new visits.",
    ),
    "care.consent.withdrawn_done": ("Consentimiento retirado.", "Consent withdrawn."),
    "care.consent.upload": ("Subir consentimiento firmado", "Upload signed consent"),
    "care.consent.uploaded": ("Consentimiento firmado guardado.", "Signed consent saved."),
    "care.consent.history": ("Historial del consentimiento", "Consent history"),
    "care.consent.given": ("Firmado", "Signed"),
    "care.consent.withdrawn_row": ("Retirado", "Withdrawn"),
    "care.channel.upload": ("documento subido", "uploaded document"),
    "care.channel.home_visit": ("en el domicilio", "at home"),
    "care.channel.private_area": ("desde el área privada", "from the private area"),
    "care.state.pending": ("Consentimiento pendiente", "Consent pending"),
    "care.state.signed": ("Consentimiento firmado", "Consent signed"),
    "care.state.withdrawn": ("Consentimiento retirado", "Consent withdrawn"),
    "care.register.submit": ("Dar de alta", "Register"),
    "care.register.done": (
        "¡Alta completada! Ya aparece en Proyectos.",
        "Registered! It now appears in Projects.",
    ),
    "care.projects.title": ("Proyectos", "Projects"),
    "care.projects.lead": (
        "Un proyecto por cada familiar dado de alta: sus datos, su gestor y su consentimiento.",
        "One project for each registered relative: their details, their manager and their consent.",
    ),
    "care.projects.empty": (
        "Todavía no has dado de alta a ningún familiar.",
        "You have not registered any relative yet.",
    ),
    "care.projects.new": ("Dar de alta a un familiar", "Register a relative"),
    "care.projects.household": ("Personas en el domicilio", "People at the home"),
    "care.projects.manager": ("Gestor", "Manager"),
    "care.projects.no_manager": (
        "Estamos buscándole un gestor en su zona. Te avisaremos por correo.",
        "We are finding a manager in their area. We will let you know by e-mail.",
    ),
    "care.projects.open_tasks": ("Tareas abiertas", "Open tasks"),
    "care.projects.open": ("Ver proyecto", "Open project"),
    "care.projects.archived": ("Archivado", "Archived"),
    "care.project.data": ("Datos", "Details"),
    "care.project.members": ("Otros miembros del domicilio", "Other household members"),
    "care.project.documents": ("Documentos", "Documents"),
    "care.project.no_documents": ("No hay documentos.", "There are no documents."),
    "care.project.attach": ("Adjuntar documento", "Attach document"),
    "care.project.attached": ("Documento guardado.", "Document saved."),
    "care.project.archive": ("Archivar este proyecto", "Archive this project"),
    "care.project.archive_help": (
        "Se conserva para el historial y las facturas, pero ya no aparecerá al contratar servicios.",
        "It is kept for history and invoices, but will no longer appear when booking services.",
    ),
    "care.project.archived_done": ("Proyecto archivado.", "Project archived."),
    "care.project.edit": ("Editar datos", "Edit details"),
    "care.project.book": ("Contratar servicios", "Book services"),
    # Read-only labels of the project page: the form's «(opcional)» means nothing there.
    "care.view.nif": ("DNI o NIE", "DNI or NIE"),
    "care.view.birth_date": ("Fecha de nacimiento", "Date of birth"),
    "care.view.preferred_times": ("Días y horas preferidos", "Preferred days and times"),
    "care.view.care_notes": ("Salud y movilidad", "Health and mobility"),
    "care.project.saved": ("Datos guardados.", "Details saved."),
    "care.project.tasks_invoices": (
        "Las tareas y facturas de este familiar aparecerán en Tareas y Facturas.",
        "This relative's tasks and invoices will appear under Tasks and Invoices.",
    ),
    "care.project.back": ("Volver a Proyectos", "Back to Projects"),
    "care.name_required": ("Escribe su nombre y apellidos.", "Type their full name."),
    "care.nif_invalid": (
        "El DNI o NIE no es correcto. Revisa los números y la letra.",
        "The DNI or NIE is not correct. Check the digits and the letter.",
    ),
    "care.birth_date_invalid": ("La fecha de nacimiento no es válida.", "The date of birth is not valid."),
    "care.street_required": ("Escribe la calle y el número.", "Type the street and number."),
    "care.postal_code_required": ("Escribe el código postal.", "Type the postal code."),
    "care.postal_code_invalid": (
        "El código postal no es válido: son 5 cifras, p. ej. 28013.",
        "The postal code is not valid: 5 digits, e.g. 28013.",
    ),
    "care.town_required": ("Escribe la localidad.", "Type the town."),
    "care.province_required": ("Escribe la provincia.", "Type the province."),
    "care.phone_required": ("Escribe un teléfono de contacto.", "Type a contact phone."),
    "care.household_invalid": (
        "Indica cuántas personas reciben el servicio: de 1 a 8.",
        "Say how many people receive care: from 1 to 8.",
    ),
    "care.member_name_required": ("Escribe el nombre de este miembro.", "Type this member's name."),
    "care.notes_too_long": (
        "El texto es demasiado largo (máximo 2000 caracteres).",
        "The text is too long (2000 characters at most).",
    ),
    "care.file_name_invalid": (
        "El nombre del archivo no es válido. Cámbiale el nombre y vuelve a intentarlo.",
        "The file name is not valid. Rename the file and try again.",
    ),
    "care.file_empty": ("El archivo está vacío.", "The file is empty."),
    "care.file_too_large": (
        "El archivo es demasiado grande: máximo 8 MB.",
        "The file is too large: 8 MB at most.",
    ),
    "care.file_type": (
        "Solo aceptamos PDF, JPG o PNG. Este archivo no es de ninguno de esos tipos.",
        "We only accept PDF, JPG or PNG. This file is none of those.",
    ),
    "care.too_many_files": ("Demasiados archivos: como máximo 10.", "Too many files: 10 at most."),
    "care.signer_name_required": ("Escribe el nombre de quien firmó.", "Type the signer's name."),
    "care.signer_role_required": (
        "Indica si firmó la persona o su representante.",
        "Say whether the person or their representative signed.",
    ),
    "care.signer_relationship_required": (
        "Indica la relación del representante.",
        "Give the representative's relationship.",
    ),
    "care.consent_file_required": ("Adjunta el consentimiento firmado.", "Attach the signed consent."),
    "care.consent_not_signed": (
        "No hay un consentimiento firmado que retirar.",
        "There is no signed consent to withdraw.",
    ),
    "care.area_invalid": (
        "Escribe códigos postales de 5 cifras o prefijos de provincia de 2 cifras, separados por comas.",
        "Type 5-digit postal codes or 2-digit province prefixes, separated by commas.",
    ),
    "care.already_assigned": ("Ya es su gestor.", "Already their manager."),
    "care.admin.queue.title": ("Beneficiarios sin gestor", "Beneficiaries without a manager"),
    "care.admin.queue.empty": ("Todos los beneficiarios tienen gestor.", "Every beneficiary has a manager."),
    "care.admin.all.title": ("Todos los beneficiarios", "All beneficiaries"),
    "care.admin.assigned": (
        "Gestor asignado. Hemos avisado por correo.",
        "Manager assigned. We sent the e-mails.",
    ),
    "care.admin.pick_manager": ("Elegir gestor", "Choose manager"),
    "care.admin.managers.lead": (
        "Códigos postales (28013) o prefijos de provincia (28), separados por comas.",
        "Postal codes (28013) or province prefixes (28), separated by commas.",
    ),
    "care.admin.managers.empty": ("No hay gestores activos.", "There are no active managers."),
    "care.admin.areas_saved": ("Zonas guardadas.", "Areas saved."),
    "care.admin.col.client": ("Cliente", "Client"),
    "care.admin.col.manager": ("Gestor", "Manager"),
    "care.admin.col.areas": ("Zonas", "Areas"),
    "care.admin.col.count": ("Beneficiarios activos", "Active beneficiaries"),
    "mail.care.new.subject": ("Nuevo beneficiario asignado: {name}", "New beneficiary assigned: {name}"),
    "mail.care.new.body": (
        "Hola, {manager}:\n\nTe hemos asignado a {name} ({town}). Encontrarás sus datos "
        "en tu panel de gestor.\n\n"
        "El equipo de Cuidado en Casa",
        "Hello {manager},\n\n{name} ({town}) has been assigned to you. You will find their details in your "
        "manager dashboard.\n\nThe Cuidado en Casa team",
    ),
    "mail.care.unassigned.subject": ("{name} pasa a otro gestor", "{name} moves to another manager"),
    "mail.care.unassigned.body": (
        "Hola, {manager}:\n\n{name} ya no está asignado a ti: lo atenderá otro gestor. "
        "Gracias por tu trabajo.\n\n"
        "El equipo de Cuidado en Casa",
        "Hello {manager},\n\n{name} is no longer assigned to you: another manager will look after them. "
        "Thank you for your work.\n\nThe Cuidado en Casa team",
    ),
    "mail.care.client.subject": ("Nuevo gestor para {name}", "New manager for {name}"),
    "mail.care.client.body": (
        "Hola, {client}:\n\nDesde hoy, el gestor personal de {name} es {manager}. Puedes escribirle "
        "a {email} o llamarle al {phone}.\n\nEl equipo de Cuidado en Casa",
        "Hello {client},\n\nFrom today, {name}'s personal manager is {manager}. You can write to {email} or "
        "call {phone}.\n\nThe Cuidado en Casa team",
    ),
    "care.upload.choose": (
        "Pulsa para elegir un archivo o arrástralo aquí",
        "Click to choose a file or drag it here",
    ),
    "care.upload.ready": ("Preparado para guardar:", "Ready to be saved:"),
    "care.upload.clear": ("Quitar los archivos", "Remove the files"),
}

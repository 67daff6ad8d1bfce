"""Texts of job offers, applications and the recruiting area: key → (Spanish, English)."""

RECRUITING: dict[str, tuple[str, str]] = {
    "nav.jobs": ("Ofertas de empleo", "Job offers"),
    "rec.jobs.title": ("Trabaja con nosotros", "Work with us"),
    "rec.jobs.lead": (
        "Buscamos gestores personales que acompañen a personas mayores en su casa. "
        "Elige una oferta, rellena el formulario, sube tu currículum y responde unas preguntas.",
        "We are looking for personal care managers to support older people at home. "
        "Pick an offer, fill in the form, upload your CV and answer a few questions.",
    ),
    "rec.jobs.none": (
        "Ahora mismo no hay ofertas abiertas. Vuelve pronto.",
        "There are no open offers right now. Please come back soon.",
    ),
    "rec.offer.area": ("Zona", "Area"),
    "rec.offer.schedule": ("Horario", "Schedule"),
    "rec.offer.contract": ("Contrato", "Contract"),
    "rec.offer.description": ("Descripción", "Description"),
    "rec.offer.requirements": ("Requisitos", "Requirements"),
    "rec.offer.title_field": ("Título", "Title"),
    "rec.offer.see": ("Ver la oferta", "See the offer"),
    "rec.offer.apply": ("Inscribirme en esta oferta", "Apply for this offer"),
    "rec.offer.continue": ("Continuar mi candidatura", "Continue my application"),
    "rec.offer.login_first": (
        "Para inscribirte necesitas una cuenta. Entra o regístrate y volverás aquí.",
        "You need an account to apply. Log in or sign up and you will come back here.",
    ),
    "rec.offer.back": ("Volver a las ofertas", "Back to the offers"),
    "rec.apply.title": ("Mi candidatura", "My application"),
    "rec.apply.saved_note": (
        "Guardamos tu avance en cada paso: puedes salir y seguir otro día.",
        "Your progress is saved at each step: you can leave and continue another day.",
    ),
    "rec.step.form": ("1. Tus datos", "1. Your details"),
    "rec.step.cv": ("2. Currículum", "2. CV"),
    "rec.step.survey": ("3. Preguntas", "3. Questions"),
    "rec.step.submit": ("4. Enviar", "4. Send"),
    "rec.step.done": ("Hecho", "Done"),
    "rec.step.pending": ("Pendiente", "To do"),
    "rec.form.phone": ("Teléfono de contacto", "Contact phone"),
    "rec.form.postal_code": ("Código postal", "Postal code"),
    "rec.form.areas": ("Zonas en las que puedes trabajar", "Areas where you can work"),
    "rec.form.years": ("Años de experiencia en cuidados", "Years of experience in care"),
    "rec.form.experience": ("Cuéntanos tu experiencia", "Tell us about your experience"),
    "rec.form.languages": ("Idiomas que hablas", "Languages you speak"),
    "rec.form.languages_hint": ("Por ejemplo: español, inglés", "For example: Spanish, English"),
    "rec.form.licence": ("Tengo carné de conducir", "I have a driving licence"),
    "rec.form.availability": ("¿Cuándo puedes trabajar?", "When can you work?"),
    "rec.form.privacy": (
        "He leído el aviso de privacidad para candidatos y acepto que Cuidado en Casa trate mis datos "
        "para este proceso de selección.",
        "I have read the privacy notice for candidates and agree that Cuidado en Casa processes my data "
        "for this recruiting process.",
    ),
    "rec.form.stay_in_pool": (
        "Opcional: si no me seleccionan, quiero seguir en la bolsa de candidatos para futuras ofertas "
        "(si no lo marcas, borramos tu currículum y tus respuestas al terminar el plazo de conservación "
        "de este aviso). Puedes pedir que te saquemos de la bolsa cuando quieras.",
        "Optional: if I am not selected, I want to stay in the candidate pool for future offers (if you "
        "do not tick it, we erase your CV and answers when the keeping period of this notice ends). You "
        "can ask us to take you out of the pool at any time.",
    ),
    "rec.form.privacy_notice": (
        "Aviso para candidatos: usamos tus datos y tu currículum solo para valorar tu candidatura. "
        "Los ven únicamente las personas de selección. Los conservamos hasta un año después de cerrar "
        "el proceso y puedes pedir que los borremos en cualquier momento escribiendo a "
        "equipo@cuidadoencasa.example.",
        "Notice for candidates: we use your details and CV only to assess your application. Only the "
        "recruiting team sees them. We keep them for up to a year after the process ends and you can ask "
        "us to delete them at any time by writing to equipo@cuidadoencasa.example.",
    ),
    "rec.form.save": ("Guardar y seguir", "Save and continue"),
    "rec.cv.lead": (
        "Sube tu currículum en PDF o Word (.docx), de 5 MB como máximo.",
        "Upload your CV as a PDF or Word (.docx) file, 5 MB at most.",
    ),
    "rec.cv.choose": ("Elegir archivo", "Choose file"),
    "rec.cv.drop": ("o arrástralo aquí", "or drop it here"),
    "rec.cv.upload": ("Subir currículum", "Upload CV"),
    "rec.cv.current": ("Currículum guardado:", "Saved CV:"),
    "rec.cv.saved": ("Currículum guardado.", "CV saved."),
    "rec.survey.lead": (
        "Las preguntas con * son obligatorias.",
        "Questions marked with * are required.",
    ),
    "rec.survey.none": ("Esta oferta no tiene preguntas.", "This offer has no questions."),
    "rec.survey.save": ("Guardar respuestas", "Save answers"),
    "rec.survey.scale_low": ("1 = nada", "1 = not at all"),
    "rec.survey.scale_high": ("5 = mucho", "5 = very much"),
    "rec.submit.lead": (
        "Cuando lo tengas todo, envía tu candidatura. Después ya no podrás cambiarla.",
        "When everything is ready, send your application. You will not be able to change it afterwards.",
    ),
    "rec.submit.button": ("Enviar mi candidatura", "Send my application"),
    "rec.submit.done_title": ("¡Candidatura enviada!", "Application sent!"),
    "rec.submit.done": (
        "Gracias. En breve recibirás respuesta. Te hemos enviado un correo de confirmación y puedes "
        "seguir el estado en «Mis candidaturas».",
        "Thank you. You will hear from us soon. We have sent you a confirmation e-mail and you can "
        "follow its state in “My applications”.",
    ),
    "rec.mine.title": ("Mis candidaturas", "My applications"),
    "rec.mine.none": (
        "Todavía no te has inscrito en ninguna oferta.",
        "You have not applied for any offer yet.",
    ),
    "rec.mine.open": ("Abrir", "Open"),
    "rec.col.offer": ("Oferta", "Offer"),
    "rec.col.candidate": ("Candidato/a", "Candidate"),
    "rec.col.stage": ("Estado", "State"),
    "rec.col.sent": ("Enviada", "Sent"),
    "rec.col.rating": ("Valoración", "Rating"),
    "rec.col.areas": ("Zonas", "Areas"),
    "rec.col.applications": ("Candidaturas", "Applications"),
    "rec.col.status": ("Publicación", "Publication"),
    "stage.draft": ("Sin enviar", "Not sent"),
    "stage.new": ("Nueva", "New"),
    "stage.review": ("En revisión", "Under review"),
    "stage.interview": ("Entrevista", "Interview"),
    "stage.hired": ("Contratada", "Hired"),
    "stage.rejected": ("Descartada", "Not selected"),
    "offer_status.draft": ("Borrador", "Draft"),
    "offer_status.open": ("Publicada", "Published"),
    "offer_status.closed": ("Cerrada", "Closed"),
    "area.madrid": ("Madrid", "Madrid"),
    "area.barcelona": ("Barcelona", "Barcelona"),
    "area.valencia": ("Valencia", "Valencia"),
    "area.sevilla": ("Sevilla", "Seville"),
    "area.zaragoza": ("Zaragoza", "Zaragoza"),
    "area.malaga": ("Málaga", "Málaga"),
    "area.bilbao": ("Bilbao", "Bilbao"),
    "day.lun": ("Lunes", "Monday"),
    "day.mar": ("Martes", "Tuesday"),
    "day.mie": ("Miércoles", "Wednesday"),
    "day.jue": ("Jueves", "Thursday"),
    "day.vie": ("Viernes", "Friday"),
    "day.sab": ("Sábado", "Saturday"),
    "day.dom": ("Domingo", "Sunday"),
    "slot.manana": ("Mañana", "Morning"),
    "slot.tarde": ("Tarde", "Afternoon"),
    "kind.single": ("Una opción", "Single choice"),
    "kind.multiple": ("Varias opciones", "Multiple choice"),
    "kind.scale": ("Escala 1–5", "Scale 1–5"),
    "kind.text": ("Texto libre", "Free text"),
    "rec.dash.offers": ("Ofertas", "Offers"),
    "rec.dash.new_offer": ("Nueva oferta", "New offer"),
    "rec.dash.applications": ("Candidaturas", "Applications"),
    "rec.dash.none": ("No hay candidaturas con estos filtros.", "No applications match these filters."),
    "rec.filter.offer": ("Oferta", "Offer"),
    "rec.filter.stage": ("Estado", "State"),
    "rec.filter.area": ("Zona", "Area"),
    "rec.filter.availability": ("Disponibilidad", "Availability"),
    "rec.filter.search": (
        "Buscar por nombre, correo o código postal",
        "Search by name, e-mail or postal code",
    ),
    "rec.filter.sort": ("Ordenar", "Sort"),
    "rec.filter.all": ("Todas", "All"),
    "rec.sort.newest": ("Más recientes", "Newest"),
    "rec.sort.oldest": ("Más antiguas", "Oldest"),
    "rec.sort.rating": ("Mejor valoradas", "Best rated"),
    "rec.sort.name": ("Por nombre", "By name"),
    "rec.edit.title": ("Oferta y encuesta", "Offer and survey"),
    "rec.edit.save": ("Guardar la oferta", "Save the offer"),
    "rec.edit.saved": ("Oferta guardada.", "Offer saved."),
    "rec.edit.publish": ("Publicar", "Publish"),
    "rec.edit.close": ("Cerrar la oferta", "Close the offer"),
    "rec.edit.to_draft": ("Pasar a borrador", "Back to draft"),
    "rec.edit.survey": ("Encuesta", "Survey"),
    "rec.edit.survey_note": (
        "Cambiar una pregunta crea una versión nueva: las respuestas ya dadas se quedan como estaban.",
        "Changing a question creates a new version: answers already given stay as they were.",
    ),
    "rec.edit.add_question": ("Añadir pregunta", "Add question"),
    "rec.edit.prompt": ("Pregunta", "Question"),
    "rec.edit.kind": ("Tipo", "Kind"),
    "rec.edit.options": ("Opciones (una por línea)", "Choices (one per line)"),
    "rec.edit.required": ("Obligatoria", "Required"),
    "rec.edit.up": ("Subir", "Move up"),
    "rec.edit.down": ("Bajar", "Move down"),
    "rec.edit.edit": ("Editar", "Edit"),
    "rec.edit.remove": ("Quitar", "Remove"),
    "rec.edit.update": ("Guardar cambios", "Save changes"),
    "rec.edit.version": ("versión", "version"),
    "rec.review.title": ("Candidatura", "Application"),
    "rec.review.form": ("Formulario", "Form"),
    "rec.review.cv": ("Currículum", "CV"),
    "rec.review.open_cv": ("Abrir el currículum", "Open the CV"),
    "rec.review.answers": ("Respuestas", "Answers"),
    "rec.review.notes": ("Notas internas", "Internal notes"),
    "rec.review.note_placeholder": ("Escribe una nota para el equipo", "Write a note for the team"),
    "rec.review.add_note": ("Añadir nota", "Add note"),
    "rec.review.rating": ("Valoración (1–5)", "Rating (1–5)"),
    "rec.review.stage": ("Mover a", "Move to"),
    "rec.review.history": ("Historial", "History"),
    "rec.review.moved": ("Candidatura movida.", "Application moved."),
    "rec.review.final": ("Esta candidatura ya está cerrada.", "This application is closed."),
    "rec.yes": ("Sí", "Yes"),
    "rec.no": ("No", "No"),
    "rec.back_dashboard": ("Volver a selección", "Back to recruiting"),
    "rec.error.bad_move": ("Ese cambio de estado no es posible.", "That change of state is not possible."),
    "rec.error.bad_status": ("Estado de oferta no válido.", "Invalid offer state."),
    "rec.error.prompt": (
        "Escribe la pregunta (de 3 a 300 caracteres).",
        "Write the question (3 to 300 characters).",
    ),
    "rec.error.kind": ("Elige el tipo de pregunta.", "Choose the kind of question."),
    "rec.error.options": (
        "Escribe entre 2 y 10 opciones, una por línea.",
        "Write between 2 and 10 choices, one per line.",
    ),
    "rec.error.answer_required": ("Esta pregunta es obligatoria.", "This question is required."),
    "rec.error.answer_choice": ("Elige entre las opciones.", "Choose among the options."),
    "rec.error.answer_scale": ("Elige un valor del 1 al 5.", "Choose a value from 1 to 5."),
    "rec.error.answer_text": ("La respuesta es demasiado larga.", "The answer is too long."),
    "rec.error.phone": ("Teléfono no válido.", "Invalid phone number."),
    "rec.error.postal_code": ("Código postal no válido.", "Invalid postal code."),
    "rec.error.areas": ("Marca al menos una zona.", "Tick at least one area."),
    "rec.error.years": ("Escribe un número de años (0 a 60).", "Enter a number of years (0 to 60)."),
    "rec.error.too_long": ("El texto es demasiado largo.", "The text is too long."),
    "rec.error.languages": ("Dinos qué idiomas hablas.", "Tell us which languages you speak."),
    "rec.error.availability": ("Marca al menos un momento.", "Tick at least one time."),
    "rec.error.privacy": (
        "Para seguir tienes que aceptar el aviso de privacidad.",
        "To continue you have to accept the privacy notice.",
    ),
    "rec.error.cv_missing": ("Elige un archivo.", "Choose a file."),
    "rec.error.cv_too_large": (
        "El archivo es demasiado grande: como máximo {megabytes} MB.",
        "The file is too large: {megabytes} MB at most.",
    ),
    "rec.error.cv_one_file": ("Elige un solo archivo.", "Choose one file only."),
    "rec.error.cv_type": (
        "El currículum tiene que ser un PDF o un documento Word (.docx).",
        "The CV must be a PDF or a Word document (.docx).",
    ),
    "rec.error.already_applied": (
        "Ya enviaste tu candidatura a esta oferta.",
        "You have already sent your application for this offer.",
    ),
    "rec.error.offer_closed": (
        "Esta oferta ya está cerrada y no admite candidaturas.",
        "This offer is closed and no longer accepts applications.",
    ),
    "rec.error.incomplete": (
        "Te falta algún paso: revisa tus datos, el currículum y las preguntas obligatorias.",
        "A step is missing: check your details, the CV and the required questions.",
    ),
    "rec.error.title": ("Escribe un título.", "Write a title."),
    "rec.error.note": ("Escribe la nota.", "Write the note."),
    "rec.error.rating": ("La valoración va del 1 al 5.", "The rating goes from 1 to 5."),
    "rec.mail.submitted.subject": (
        "Hemos recibido tu candidatura: {offer}",
        "We have received your application: {offer}",
    ),
    "rec.mail.submitted.body": (
        "Hola, {name}:\n\nGracias por inscribirte en la oferta «{offer}». Hemos recibido tu candidatura. "
        "En breve recibirás respuesta.\n\nPuedes ver su estado aquí: {link}\n\nEl equipo de Cuidado en Casa",
        "Hello {name},\n\nThank you for applying for “{offer}”. We have received your application and "
        "you will hear from us soon.\n\nYou can see its state here: {link}\n\nThe Cuidado en Casa team",
    ),
    "rec.mail.interview.subject": (
        "Te invitamos a una entrevista: {offer}",
        "We invite you to an interview: {offer}",
    ),
    "rec.mail.interview.body": (
        "Hola, {name}:\n\nNos ha gustado tu candidatura a «{offer}» y queremos conocerte. "
        "En los próximos días te llamaremos para acordar el día y la hora de la entrevista.\n\n"
        "Estado de tu candidatura: {link}\n\nEl equipo de Cuidado en Casa",
        "Hello {name},\n\nWe liked your application for “{offer}” and would like to meet you. "
        "We will call you in the next few days to agree the date and time of the interview.\n\n"
        "Your application: {link}\n\nThe Cuidado en Casa team",
    ),
    "rec.mail.rejected.subject": (
        "Sobre tu candidatura: {offer}",
        "About your application: {offer}",
    ),
    "rec.mail.rejected.body": (
        "Hola, {name}:\n\nGracias por tu interés en «{offer}». Esta vez hemos seguido adelante con otras "
        "personas. Guardamos tus datos por si surge otra oportunidad y te animamos a consultar nuestras "
        "ofertas.\n\nEl equipo de Cuidado en Casa",
        "Hello {name},\n\nThank you for your interest in “{offer}”. This time we have gone ahead with other "
        "candidates. We keep your details in case another opportunity comes up and encourage you to look "
        "at our offers.\n\nThe Cuidado en Casa team",
    ),
    "rec.mail.hired.subject": (
        "¡Bienvenido/a al equipo de Cuidado en Casa!",
        "Welcome to the Cuidado en Casa team!",
    ),
    "rec.mail.hired.body": (
        "Hola, {name}:\n\nNos alegra decirte que te hemos seleccionado para «{offer}». Tu cuenta ya es de "
        "gestor personal: entra con tu correo y tu contraseña de siempre y encontrarás tu panel.\n\n"
        "Pronto te llamaremos para los siguientes pasos.\n\nEl equipo de Cuidado en Casa",
        "Hello {name},\n\nWe are happy to tell you that you have been selected for “{offer}”. Your account "
        "is now a personal care manager account: log in with your usual e-mail and password to find your "
        "dashboard.\n\nWe will call you soon about the next steps.\n\nThe Cuidado en Casa team",
    ),
}

"""The help page: each flow of the platform explained step by step, in our own words."""

HELP_SECTIONS = ("buy", "register", "work", "beneficiary", "area", "change")

HELP: dict[str, tuple[str, str]] = {
    "help.title": ("Cómo funciona Cuidado en Casa", "How Cuidado en Casa works"),
    "help.lead": (
        "Las respuestas a las dudas más habituales, paso a paso.",
        "Answers to the most common questions, step by step.",
    ),
    "help.buy.q": (
        "¿Cómo contrato un servicio y qué pasa después?",
        "How do I book a service and what happens next?",
    ),
    "help.buy.steps": (
        "Entra en la tienda y añade al carrito uno o varios servicios.|"
        "Elige el familiar (beneficiario) que recibirá el servicio; tiene que estar dado de alta antes.|"
        "Escribe las observaciones que quieras que sepa el gestor para la visita.|"
        "Paga. La compra queda registrada y pagada, y la factura aparece en tu área, en «Facturas».|"
        "El gestor de tu familiar recibe el aviso, le llama, le da la clave de la visita y acuerdan la cita.",
        "Open the shop and add one or more services to the cart.|"
        "Choose the relative (beneficiary) who will receive the service; they must be registered first.|"
        "Write any notes you want the manager to know for the visit.|"
        "Pay. The purchase is recorded and paid, and the invoice appears in your area, under “Invoices”.|"
        "Your relative's manager is notified, calls them, gives them the visit code "
        "and agrees the appointment.",
    ),
    "help.register.q": ("¿Cómo me registro como cliente?", "How do I sign up as a client?"),
    "help.register.steps": (
        "Pulsa «Regístrate» y escribe tu nombre, tu correo y una contraseña.|"
        "En tu primera compra te pediremos el NIF, la dirección de facturación y un teléfono; "
        "las siguientes veces se reutilizan y puedes cambiarlos en «Mis datos».",
        "Press “Sign up” and type your name, your e-mail and a password.|"
        "On your first purchase we will ask for your tax ID (NIF), billing address and a phone; "
        "next time they are reused and you can change them in “My details”.",
    ),
    "help.work.q": (
        "¿Cómo trabajo con vosotros como gestor personal?",
        "How do I work with you as a personal care manager?",
    ),
    "help.work.steps": (
        "Regístrate y abre «Ofertas de empleo».|"
        "Elige el puesto que te interese y completa los pasos: formulario, currículum y encuesta.|"
        "Nuestro equipo de selección revisa tu candidatura y te responde por correo en breve.",
        "Sign up and open “Job offers”.|"
        "Choose the position you want and complete the steps: form, CV and survey.|"
        "Our recruiting team reviews your application and answers you by e-mail shortly.",
    ),
    "help.beneficiary.q": (
        "¿Cómo doy de alta a mi familiar, o a un hogar con varias personas?",
        "How do I register my relative, or a home with several people?",
    ),
    "help.beneficiary.steps": (
        "Antes de la primera compra, abre «Alta de familiar» en tu área y rellena el formulario. "
        "Puedes adjuntar documentos si lo crees útil.|"
        "Antes de la primera visita, la persona atendida debe firmar el consentimiento para el "
        "tratamiento de sus datos. Puedes descargarlo, firmarlo y adjuntarlo, o firmarlo en casa "
        "el día de la primera visita con el gestor.|"
        "Si en el domicilio viven varias personas que recibirán el servicio, indica cuántas son.",
        "Before the first purchase, open “Register a relative” in your area and fill in the form. "
        "You can attach documents if you find it useful.|"
        "Before the first visit, the person cared for must sign the consent to the processing of "
        "their data. You can download it, sign it and attach it, or sign it at home with the "
        "manager on the day of the first visit.|"
        "If several people who will receive the service live in the home, say how many.",
    ),
    "help.area.q": ("¿Qué encuentro en mi área privada?", "What is in my private area?"),
    "help.area.steps": (
        "La tienda, el alta de familiares y tus datos de perfil.|"
        "«Proyectos»: cada familiar que has dado de alta.|"
        "«Tareas»: los servicios contratados, en qué estado están y el informe de cada visita.|"
        "«Facturas»: tus facturas, listas para descargar.",
        "The shop, registering relatives and your profile details.|"
        "“Projects”: each relative you have registered.|"
        "“Tasks”: the services you booked, their state and the report of each visit.|"
        "“Invoices”: your invoices, ready to download.",
    ),
    "help.change.q": ("¿Y si una visita no puede hacerse?", "What if a visit cannot take place?"),
    "help.change.steps": (
        "Avísanos con el formulario de sugerencias al menos 48 horas antes de la cita.|"
        "Cada cita muestra la hora límite para cambiarla o cancelarla sin coste.|"
        "Tu aviso llega por correo al equipo y al gestor, que te contactarán.",
        "Tell us through the suggestions form at least 48 hours before the appointment.|"
        "Each appointment shows the deadline to change or cancel it free of charge.|"
        "Your message reaches the team and the manager by e-mail, and they will contact you.",
    ),
}

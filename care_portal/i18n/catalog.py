"""Every user-facing message as ``key: (Spanish, English)``."""

from care_portal.i18n.aeat_texts import AEAT
from care_portal.i18n.billing_texts import BILLING
from care_portal.i18n.care_texts import CARE
from care_portal.i18n.circle_texts import CIRCLE
from care_portal.i18n.consumer_texts import CONSUMER
from care_portal.i18n.document_texts import DOCUMENTS
from care_portal.i18n.help_texts import HELP
from care_portal.i18n.legal_texts import LEGAL
from care_portal.i18n.payment_texts import PAYMENTS
from care_portal.i18n.plan_texts import PLANS
from care_portal.i18n.privacy_texts import PRIVACY
from care_portal.i18n.recruiting_texts import RECRUITING
from care_portal.i18n.report_texts import REPORTS
from care_portal.i18n.security_texts import SECURITY
from care_portal.i18n.shop_texts import SHOP
from care_portal.i18n.title_texts import TITLES
from care_portal.i18n.visits_texts import VISITS
from care_portal.i18n.week_texts import WEEK

CATALOG: dict[str, tuple[str, str]] = {
    "app.name": ("Cuidado en Casa", "Cuidado en Casa"),
    "app.tagline": (
        "Cuidado a domicilio para quien más quieres",
        "Home care for the people you love most",
    ),
    "nav.home": ("Inicio", "Home"),
    "nav.help": ("Ayuda", "Help"),
    "nav.login": ("Entrar", "Log in"),
    "nav.signup": ("Regístrate", "Sign up"),
    "nav.logout": ("Salir", "Log out"),
    "nav.account": ("Mi área", "My area"),
    "nav.manager": ("Panel del gestor", "Manager dashboard"),
    "nav.recruiting": ("Selección", "Recruiting"),
    "nav.admin": ("Administración", "Administration"),
    "nav.menu": ("Menú", "Menu"),
    "nav.language": ("Idioma", "Language"),
    "nav.skip": ("Saltar al contenido", "Skip to content"),
    "footer.privacy": ("Privacidad", "Privacy"),
    "footer.terms": ("Condiciones", "Terms"),
    "footer.help": ("Preguntas frecuentes", "Frequently asked questions"),
    "footer.contact": ("Contacto: equipo@cuidadoencasa.example", "Contact: equipo@cuidadoencasa.example"),
    "home.lead": (
        "Contrata visitas de compañía, acompañamiento al médico, recados y más para tu familiar. "
        "Un gestor personal se ocupa de cada persona, acuerda cada visita y te cuenta cómo ha ido.",
        "Book companion visits, accompaniment to the doctor, errands and more for your relative. "
        "A personal care manager looks after each person, agrees every visit and tells you how it went.",
    ),
    "home.cta_signup": ("Crear mi cuenta", "Create my account"),
    "home.cta_help": ("Cómo funciona", "How it works"),
    "home.step1.title": ("1. Regístrate", "1. Sign up"),
    "home.step1.text": ("Con tu correo y una contraseña.", "With your e-mail and a password."),
    "home.step2.title": ("2. Da de alta a tu familiar", "2. Register your relative"),
    "home.step2.text": (
        "Sus datos, su domicilio y su consentimiento.",
        "Their details, their home and their consent.",
    ),
    "home.step3.title": ("3. Contrata y paga", "3. Book and pay"),
    "home.step3.text": (
        "Elige los servicios; la factura queda en tu área.",
        "Choose the services; the invoice is kept in your area.",
    ),
    "home.step4.title": ("4. Tu gestor se ocupa", "4. Your manager takes care"),
    "home.step4.text": (
        "Acuerda la cita, da la clave de la visita y escribe un informe.",
        "Agrees the appointment, gives the visit code and writes a report.",
    ),
    "home.jobs": (
        "¿Quieres trabajar como gestor personal? Regístrate y consulta nuestras ofertas de empleo.",
        "Want to work as a personal care manager? Sign up and see our job offers.",
    ),
    "auth.login.title": ("Entrar", "Log in"),
    "auth.login.submit": ("Entrar", "Log in"),
    "auth.login.no_account": ("¿No tienes cuenta?", "No account yet?"),
    "auth.login.forgot": ("¿Has olvidado tu contraseña?", "Forgot your password?"),
    "auth.signup.title": ("Crear una cuenta", "Create an account"),
    "auth.signup.submit": ("Crear cuenta", "Create account"),
    "auth.signup.have_account": ("¿Ya tienes cuenta?", "Already have an account?"),
    "auth.signup.done": ("Cuenta creada. ¡Bienvenido/a!", "Account created. Welcome!"),
    "auth.forgot.title": ("Recuperar la contraseña", "Recover your password"),
    "auth.forgot.lead": (
        "Escribe tu correo y te enviaremos un enlace para elegir una contraseña nueva.",
        "Type your e-mail and we will send you a link to choose a new password.",
    ),
    "auth.forgot.submit": ("Enviar enlace", "Send link"),
    "auth.forgot.sent": (
        "Si el correo corresponde a una cuenta, recibirás un enlace en unos minutos. "
        "El enlace sirve una sola vez y caduca en una hora.",
        "If the e-mail belongs to an account, you will receive a link in a few minutes. "
        "The link works once and expires in one hour.",
    ),
    "auth.reset.title": ("Elegir una contraseña nueva", "Choose a new password"),
    "auth.reset.submit": ("Guardar contraseña", "Save password"),
    "auth.reset.done": (
        "Contraseña cambiada. Ya puedes entrar con la nueva.",
        "Password changed. You can now log in with the new one.",
    ),
    "auth.logged_out": ("Has salido de tu cuenta.", "You have logged out."),
    "field.full_name": ("Nombre y apellidos", "Full name"),
    "field.email": ("Correo electrónico", "E-mail"),
    "field.password": ("Contraseña", "Password"),
    "field.new_password": ("Contraseña nueva", "New password"),
    "field.current_password": ("Contraseña actual", "Current password"),
    "field.phone": ("Teléfono", "Phone"),
    "field.language": ("Idioma", "Language"),
    "field.password_hint": (
        "Al menos 10 caracteres. Mejor una frase que solo tú recuerdes.",
        "At least 10 characters. A phrase only you remember is best.",
    ),
    "field.phone_invalid": (
        "Teléfono no válido. Escribe un número español, p. ej. 612 345 678.",
        "Invalid phone. Type a Spanish number, e.g. 612 345 678.",
    ),
    "field.required_marker": ("obligatorio", "required"),
    "auth.name_required": ("Escribe tu nombre y apellidos.", "Type your full name."),
    "auth.name_too_long": ("El nombre es demasiado largo.", "The name is too long."),
    "auth.email_required": ("Escribe tu correo electrónico.", "Type your e-mail."),
    "auth.email_invalid": (
        "Ese correo no parece válido. Revisa que tenga la forma nombre@dominio.es.",
        "That e-mail does not look valid. Check it looks like name@domain.com.",
    ),
    "auth.email_taken": (
        "Ya hay una cuenta con ese correo. ¿Quieres entrar o recuperar la contraseña?",
        "There is already an account with that e-mail. Log in or recover your password?",
    ),
    "auth.password_required": ("Escribe tu contraseña.", "Type your password."),
    "auth.bad_credentials": (
        "Correo o contraseña incorrectos.",
        "Wrong e-mail or password.",
    ),
    "auth.too_many_attempts": (
        "Demasiados intentos fallidos. Espera {minutes} min y vuelve a intentarlo, o recupera tu contraseña.",
        "Too many failed attempts. Wait {minutes} min and try again, or recover your password.",
    ),
    "auth.reset_invalid": (
        "Este enlace no es válido: ya se usó o ha caducado. Pide uno nuevo.",
        "This link is not valid: it was already used or has expired. Ask for a new one.",
    ),
    "auth.current_password_wrong": (
        "La contraseña actual no es correcta.",
        "The current password is not correct.",
    ),
    "password.too_short": (
        "La contraseña debe tener al menos 10 caracteres.",
        "The password must have at least 10 characters.",
    ),
    "password.too_long": (
        "La contraseña no puede tener más de 128 caracteres.",
        "The password cannot be longer than 128 characters.",
    ),
    "password.too_common": (
        "Esa contraseña es demasiado común. Elige otra.",
        "That password is too common. Choose another one.",
    ),
    "password.too_personal": (
        "La contraseña no puede contener tu correo ni ser tu nombre.",
        "The password cannot contain your e-mail or be your name.",
    ),
    "errors.validation": ("Revisa los campos marcados.", "Check the marked fields."),
    "errors.not_authenticated": (
        "Tu sesión ha terminado. Vuelve a entrar.",
        "Your session has ended. Please log in again.",
    ),
    "errors.permission_denied": (
        "No tienes permiso para hacer esto.",
        "You are not allowed to do this.",
    ),
    "errors.not_found": ("No lo hemos encontrado.", "We could not find it."),
    "errors.storage_full": (
        "No hemos podido guardar el archivo: nuestro almacenamiento está lleno. No se ha guardado nada; "
        "inténtalo de nuevo más tarde.",
        "We could not store the file: our storage is full. Nothing was saved; please try again later.",
    ),
    "errors.unexpected": (
        "Algo ha fallado por nuestra parte. Inténtalo de nuevo en unos minutos.",
        "Something went wrong on our side. Please try again in a few minutes.",
    ),
    "forbidden.title": ("No tienes acceso a esta página", "You cannot access this page"),
    "forbidden.text": (
        "Esta sección es para otro tipo de usuario. Si crees que es un error, escríbenos.",
        "This section is for another kind of user. If you think this is a mistake, write to us.",
    ),
    "forbidden.back": ("Volver al inicio", "Back to home"),
    "notfound.title": ("No encontramos esta página", "We cannot find this page"),
    "notfound.text": (
        "La dirección no existe o ha cambiado. Desde aquí puedes volver al inicio o ver los servicios.",
        "This address does not exist or has changed. From here you can go back home or see the services.",
    ),
    "notfound.home": ("Volver al inicio", "Back to home"),
    "area.steps.title": ("Primeros pasos", "First steps"),
    "area.steps.1": ("Da de alta a tu familiar", "Register your relative"),
    "area.steps.2": ("Contrata los servicios que necesita", "Book the services they need"),
    "area.steps.3": (
        "Su gestor le llama para acordar la primera visita.",
        "Their manager calls them to agree the first visit.",
    ),
    "area.everything": ("Todo en tu área", "Everything in your area"),
    "account.title": ("Mi área", "My area"),
    "account.hello": ("Hola, {name}", "Hello, {name}"),
    "account.profile": ("Mis datos", "My details"),
    "account.profile.save": ("Guardar mis datos", "Save my details"),
    "account.profile.saved": ("Datos guardados.", "Details saved."),
    "account.security": ("Seguridad", "Security"),
    "account.password.change": ("Cambiar contraseña", "Change password"),
    "account.password.changed": ("Contraseña cambiada.", "Password changed."),
    "account.logout_all": ("Cerrar sesión en todos los dispositivos", "Log out on every device"),
    "account.logout_all.help": (
        "Útil si has entrado desde un ordenador que no es tuyo.",
        "Useful if you logged in from a computer that is not yours.",
    ),
    "account.lang.es": ("Español", "Spanish"),
    "account.lang.en": ("Inglés", "English"),
    "manager.title": ("Panel del gestor", "Manager dashboard"),
    "manager.lead": (
        "Aquí verás tus beneficiarios, las visitas por concertar y tus citas.",
        "Here you will see your beneficiaries, the visits to arrange and your appointments.",
    ),
    "recruiting.title": ("Selección de gestores", "Manager recruiting"),
    "recruiting.lead": (
        "Aquí revisarás las candidaturas a las ofertas de empleo.",
        "Here you will review the applications to the job offers.",
    ),
    "admin.title": ("Administración", "Administration"),
    "admin.users": ("Usuarios", "Users"),
    "admin.outbox": ("Correo saliente", "Outgoing e-mail"),
    "admin.outbox.lead": (
        "Mensajes escritos por la plataforma. Sin servidor SMTP configurado se quedan aquí.",
        "Messages written by the platform. With no SMTP server configured they stay here.",
    ),
    "admin.outbox.empty": ("No hay mensajes.", "There are no messages."),
    "admin.col.email": ("Correo", "E-mail"),
    "admin.col.name": ("Nombre", "Name"),
    "admin.col.role": ("Rol", "Role"),
    "admin.col.created": ("Alta", "Created"),
    "admin.col.to": ("Para", "To"),
    "admin.col.subject": ("Asunto", "Subject"),
    "admin.col.status": ("Estado", "Status"),
    "admin.col.attempts": ("Intentos", "Attempts"),
    "admin.role_saved": ("Rol actualizado.", "Role updated."),
    "admin.role_unknown": ("Rol desconocido.", "Unknown role."),
    "admin.cannot_demote_self": (
        "No puedes quitarte a ti mismo el rol de administrador.",
        "You cannot remove your own administrator role.",
    ),
    "role.client": ("Cliente", "Client"),
    "role.manager": ("Gestor", "Manager"),
    "role.recruiter": ("Seleccionador", "Recruiter"),
    "role.admin": ("Administrador", "Administrator"),
    "outbox.pending": ("Pendiente", "Pending"),
    "outbox.sent": ("Enviado", "Sent"),
    "outbox.failed": ("Fallido", "Failed"),
    "mail.reset.subject": ("Cambia tu contraseña de Cuidado en Casa", "Change your Cuidado en Casa password"),
    "mail.reset.body": (
        "Hola, {name}:\n\nHemos recibido una petición para cambiar tu contraseña. "
        "Abre este enlace para elegir una nueva (sirve una sola vez y caduca en {minutes} minutos):\n\n"
        "{link}\n\nSi no lo has pedido tú, ignora este correo: tu contraseña no cambia.\n\n"
        "El equipo de Cuidado en Casa",
        "Hello {name},\n\nWe received a request to change your password. "
        "Open this link to choose a new one (it works once and expires in {minutes} minutes):\n\n"
        "{link}\n\nIf you did not ask for it, ignore this e-mail: your password does not change.\n\n"
        "The Cuidado en Casa team",
    ),
    "common.save": ("Guardar", "Save"),
    "common.cancel": ("Cancelar", "Cancel"),
    "common.loading": ("Cargando…", "Loading…"),
    "common.page": ("Página", "Page"),
    "common.previous": ("Anterior", "Previous"),
    "common.next": ("Siguiente", "Next"),
    "common.show_password": ("Mostrar", "Show"),
    **CARE,
    **CIRCLE,
    **HELP,
    **SECURITY,
    **LEGAL,
    **SHOP,
    **BILLING,
    **AEAT,
    **PAYMENTS,
    **RECRUITING,
    **VISITS,
    **WEEK,
    **PRIVACY,
    **CONSUMER,
    **DOCUMENTS,
    **TITLES,
    **PLANS,
    **REPORTS,
}

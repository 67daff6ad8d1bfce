"""The family circle (invitations, members, the shared project) and the messages with the team."""

CIRCLE: dict[str, tuple[str, str]] = {
    "circle.email_invalid": ("Escribe un correo electrónico válido.", "Enter a valid e-mail address."),
    "circle.email_is_yours": (
        "Ese es tu propio correo: invita a otra persona.",
        "That is your own address: invite someone else.",
    ),
    "circle.already_member": (
        "Esa persona ya forma parte del círculo familiar.",
        "That person is already in the family circle.",
    ),
    "circle.too_many_pending": (
        "Hay demasiadas invitaciones pendientes. Anula alguna antes de enviar otra.",
        "There are too many pending invitations. Cancel one before sending another.",
    ),
    "circle.invitation_invalid": (
        "Este enlace de invitación no es válido o ha sido anulado.",
        "This invitation link is not valid or has been cancelled.",
    ),
    "circle.invitation_used": (
        "Esta invitación ya se ha usado. Si eres tú, entra con tu cuenta.",
        "This invitation has already been used. If it was you, log in with your account.",
    ),
    "circle.invitation_expired": (
        "Esta invitación ha caducado. Pide a tu familiar que te envíe otra.",
        "This invitation has expired. Ask your relative to send you another one.",
    ),
    "circle.wrong_account": (
        "Esta invitación es para {email}. Sal y entra (o regístrate) con ese correo.",
        "This invitation is for {email}. Log out and log in (or sign up) with that address.",
    ),
    "mail.circle_invite.subject": (
        "{inviter} te invita a seguir los cuidados de su familiar",
        "{inviter} invites you to follow their relative's care",
    ),
    "mail.circle_invite.body": (
        "Hola:\n\n{inviter} te invita al círculo familiar de {beneficiary} en Cuidado en Casa: podrás ver "
        "sus visitas y los informes del gestor.\n\nAcepta la invitación aquí (sirve una sola vez y "
        "caduca en {days} días):\n{link}\n\nSi no tienes cuenta, podrás crearla con este mismo correo. "
        "Si no esperabas este mensaje, ignóralo.\n\nCuidado en Casa",
        "Hello,\n\n{inviter} invites you to {beneficiary}'s family circle on Cuidado en Casa: you will "
        "see their visits and the care manager's reports.\n\nAccept the invitation here (it works once "
        "and expires in {days} days):\n{link}\n\nIf you have no account you can create one with this "
        "same address. If you did not expect this message, ignore it.\n\nCuidado en Casa",
    ),
    "messages.too_long": (
        "El mensaje es demasiado largo (máximo 4.000 caracteres).",
        "The message is too long (4,000 characters at most).",
    ),
    "messages.empty": ("Escribe un mensaje o adjunta un archivo.", "Write a message or attach a file."),
    "mail.messages_digest.subject": (
        "Tienes {count} mensajes sin leer en Cuidado en Casa",
        "You have {count} unread messages on Cuidado en Casa",
    ),
    "mail.messages_digest.line": ("- {name}: {count} sin leer · {link}", "- {name}: {count} unread · {link}"),
    "mail.messages_digest.body": (
        "Hola, {name}:\n\nTienes mensajes sin leer:\n{lines}\n\nPor tu privacidad, el texto solo se "
        "puede leer en la aplicación.\n\nCuidado en Casa",
        "Hello {name},\n\nYou have unread messages:\n{lines}\n\nFor your privacy the text can only be "
        "read in the app.\n\nCuidado en Casa",
    ),
    "nav.messages": ("Mensajes", "Messages"),
    "circle.title": ("Círculo familiar", "Family circle"),
    "circle.lead": (
        "Invita a otros familiares (o a la propia persona) a seguir sus visitas y los informes del gestor. "
        "Solo ven esta persona: nunca tus facturas, tus pedidos ni a tus otros familiares.",
        "Invite other relatives (or the person themself) to follow the visits and the manager's reports. "
        "They see only this person: never your invoices, your orders or your other relatives.",
    ),
    "circle.pending": ("Invitaciones pendientes", "Pending invitations"),
    "circle.expires": ("Caduca el", "Expires on"),
    "circle.revoke": ("Anular", "Cancel"),
    "circle.revoked": ("Invitación anulada.", "Invitation cancelled."),
    "circle.invite_title": ("Invitar a un familiar", "Invite a relative"),
    "circle.invite_email": ("Correo electrónico del familiar", "Your relative's e-mail"),
    "circle.grant_message_label": (
        "Puede escribir al gestor (mensajes)",
        "May write to the care manager (messages)",
    ),
    "circle.grant_buy_label": (
        "Puede contratar servicios para esta persona",
        "May buy services for this person",
    ),
    "circle.as_beneficiary_label": (
        "Es la propia persona atendida (verá la letra más grande)",
        "It is the person cared for (they will see larger text)",
    ),
    "circle.invite": ("Enviar invitación", "Send invitation"),
    "circle.invited": ("Invitación enviada a {email}.", "Invitation sent to {email}."),
    "circle.is_beneficiary": ("La persona atendida", "The person cared for"),
    "circle.grant.view": ("Ver", "View"),
    "circle.grant.message": ("Mensajes", "Messages"),
    "circle.grant.buy": ("Compras", "Purchases"),
    "circle.allow_message": ("Permitir mensajes", "Allow messages"),
    "circle.deny_message": ("Quitar mensajes", "Stop messages"),
    "circle.allow_buy": ("Permitir compras", "Allow purchases"),
    "circle.deny_buy": ("Quitar compras", "Stop purchases"),
    "circle.grants_saved": ("Permisos guardados.", "Permissions saved."),
    "circle.remove": ("Quitar del círculo", "Remove from the circle"),
    "circle.removed": (
        "Ha dejado de formar parte del círculo: ya no ve nada de esta persona.",
        "They are no longer in the circle: they see nothing of this person any more.",
    ),
    "circle.followed_title": ("Familiares que sigo", "Relatives I follow"),
    "circle.invitation_title": ("Invitación al círculo familiar", "Invitation to the family circle"),
    "circle.invites_you": (
        "te invita a seguir los cuidados de",
        "invites you to follow the care of",
    ),
    "circle.invites_you_self": (
        "te invita a ver tus propias visitas e informes,",
        "invites you to see your own visits and reports,",
    ),
    "circle.invitation_for": ("La invitación es para", "The invitation is for"),
    "circle.signed_in_as": ("Has entrado como", "You are logged in as"),
    "circle.accept": ("Aceptar la invitación", "Accept the invitation"),
    "circle.joined": ("Ya formas parte del círculo familiar.", "You are now in the family circle."),
    "circle.new_account": ("Crea tu cuenta con este correo", "Create your account with this address"),
    "circle.signup_and_accept": ("Crear mi cuenta y continuar", "Create my account and continue"),
    "circle.have_account": (
        "¿Ya tienes cuenta con este correo?",
        "Already have an account with this address?",
    ),
    "circle.account_exists": (
        "Ya hay una cuenta con este correo: entra con tu contraseña para aceptar.",
        "There is already an account with this address: log in with your password to accept.",
    ),
    "circle.write_manager": ("Escribir al gestor", "Write to the care manager"),
    "circle.timeline": (
        "Ver la historia (visitas, informes, mensajes)",
        "See the timeline (visits, reports, messages)",
    ),
    "circle.full_project": ("Ver la ficha completa", "See the full file"),
    "circle.visits": ("Visitas e informes", "Visits and reports"),
    "circle.no_visits": ("Todavía no hay visitas.", "No visits yet."),
    "circle.appointment": ("Cita", "Appointment"),
    "circle.report": ("Informe del gestor", "Manager's report"),
    "circle.report_observations": ("Observaciones", "Observations"),
    "circle.report_next": ("Próximos pasos", "Next steps"),
    "circle.no_report": ("Sin informe todavía.", "No report yet."),
    "messages.inbox_title": ("Mensajes", "Messages"),
    "messages.inbox_lead": (
        "Una conversación por cada persona atendida, entre la familia y su gestor.",
        "One conversation for each person cared for, between the family and their care manager.",
    ),
    "messages.no_conversations": ("No tienes conversaciones.", "You have no conversations."),
    "messages.start": ("Sin mensajes: escribe el primero.", "No messages: write the first one."),
    "messages.unread": ("sin leer", "unread"),
    "messages.all": ("Todas las conversaciones", "All conversations"),
    "messages.title_about": ("Mensajes sobre", "Messages about"),
    "messages.lead_family": (
        "Escribe a su gestor: lo leerá el equipo. Para urgencias, llama por teléfono.",
        "Write to their care manager: the team will read it. In an emergency, phone.",
    ),
    "messages.lead_team": (
        "La familia lee tu respuesta en cuanto la envías.",
        "The family reads your answer as soon as you send it.",
    ),
    "messages.team": ("Equipo", "Team"),
    "messages.read_by": ("Leído por", "Read by"),
    "messages.none": ("Todavía no hay mensajes.", "No messages yet."),
    "messages.older": ("Ver mensajes anteriores", "See earlier messages"),
    "messages.write": ("Tu mensaje", "Your message"),
    "messages.send": ("Enviar", "Send"),
    "messages.attach": ("Adjuntar un archivo (PDF, JPG o PNG)", "Attach a file (PDF, JPG or PNG)"),
    "messages.remove_file": ("Quitar", "Remove"),
    "messages.not_found": (
        "Esta conversación no existe o ya no tienes acceso a ella.",
        "This conversation does not exist or you no longer have access to it.",
    ),
    "messages.team_title": ("Mensajes de las familias", "Messages from families"),
    "messages.none_waiting": ("Nada pendiente de leer.", "Nothing waiting to be read."),
}

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
}

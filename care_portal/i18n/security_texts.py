"""Texts of sign-up confirmation and e-mail verification (Spanish first, English)."""

SECURITY = {
    "auth.signup.check_email": (
        "Te hemos enviado un correo a {email}. Ábrelo para confirmar tu dirección y entrar. "
        "Si ya tenías cuenta con ese correo, te explicamos en él cómo entrar.",
        "We have sent an e-mail to {email}. Open it to confirm your address and log in. "
        "If you already had an account with that e-mail, it tells you how to log in.",
    ),
    "auth.verify.title": ("Confirmar correo", "Confirm e-mail"),
    "auth.verify.done": (
        "Tu correo está confirmado. Ya puedes entrar y contratar servicios.",
        "Your e-mail is confirmed. You can now log in and buy services.",
    ),
    "auth.verify.invalid": (
        "Este enlace ya no sirve (caducado o usado). Entra con tu correo y contraseña; "
        "si no la recuerdas, recupérala y tu correo quedará confirmado.",
        "This link no longer works (expired or used). Log in with your e-mail and password; "
        "if you do not remember it, recover it and your e-mail will be confirmed.",
    ),
    "shop.email_unverified": (
        "Antes de tu primera compra, confirma tu correo con el enlace que te enviamos al registrarte. "
        "¿No lo encuentras? Recupera tu contraseña y tu correo quedará confirmado.",
        "Before your first purchase, confirm your e-mail with the link we sent when you signed up. "
        "Cannot find it? Recover your password and your e-mail will be confirmed.",
    ),
    "mail.verify.subject": (
        "Confirma tu correo en Cuidado en Casa",
        "Confirm your e-mail at Cuidado en Casa",
    ),
    "mail.verify.body": (
        "Hola, {name}:\n\nGracias por registrarte. Abre este enlace para confirmar tu correo "
        "(sirve una vez y caduca en {hours} horas):\n\n{link}\n\n"
        "Si no has sido tú, ignora este correo.\n\nEl equipo de Cuidado en Casa",
        "Hello {name},\n\nThank you for signing up. Open this link to confirm your e-mail "
        "(it works once and expires in {hours} hours):\n\n{link}\n\n"
        "If it was not you, ignore this e-mail.\n\nThe Cuidado en Casa team",
    ),
    "mail.signup_existing.subject": (
        "Ya tienes una cuenta en Cuidado en Casa",
        "You already have a Cuidado en Casa account",
    ),
    "mail.signup_existing.body": (
        "Hola, {name}:\n\nAlguien (quizá tú) ha intentado crear una cuenta con este correo, "
        "pero ya tienes una. Entra aquí: {login}\n\n¿No recuerdas la contraseña? Recupérala aquí: "
        "{forgot}\n\nSi no has sido tú, no hace falta que hagas nada.\n\nEl equipo de Cuidado en Casa",
        "Hello {name},\n\nSomeone (maybe you) tried to create an account with this e-mail, but you "
        "already have one. Log in here: {login}\n\nForgot your password? Recover it here: {forgot}\n\n"
        "If it was not you, there is nothing to do.\n\nThe Cuidado en Casa team",
    ),
}

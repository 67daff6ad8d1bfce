"""Delivering one e-mail through SMTP."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid


@dataclass(frozen=True)
class SmtpMailer:
    """Sends plain-text e-mail through an SMTP server."""

    host: str
    port: int
    sender: str
    user: str = ""
    password: str = ""
    starttls: bool = False
    timeout: float = 10.0

    def send(self, *, to: str, subject: str, body: str, attachments: tuple = ()) -> None:
        """Send one message.

        Args:
            to: Recipient address.
            subject: Subject line.
            body: Plain-text body.
            attachments: ``(filename, content_type, text)`` triples (an appointment's .ics).

        Raises:
            OSError: When the server cannot be reached or refuses the message
                (``smtplib.SMTPException`` is a subclass).
        """
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message["Message-ID"] = make_msgid(domain="cuidadoencasa.example")
        message.set_content(body)
        for filename, content_type, text in attachments:
            maintype, _, rest = content_type.partition("/")
            subtype, *params = [part.strip() for part in rest.split(";")]
            extra = dict(p.split("=", 1) for p in params if "=" in p)
            message.add_attachment(
                text.encode(), maintype=maintype, subtype=subtype, filename=filename, params=extra
            )
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as client:
            if self.starttls:
                client.starttls()
            if self.user:
                client.login(self.user, self.password)
            client.send_message(message)

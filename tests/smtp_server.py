"""A real SMTP server (aiosmtpd) that keeps what it receives, for tests."""

from __future__ import annotations

import socket
import time
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


class SmtpServer:
    """Start and stop a local SMTP server; read the messages it received."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self._inbox = _Inbox()
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[EmailMessage]:
        """Messages received so far."""
        return self._inbox.messages

    def start(self) -> SmtpServer:
        """Start listening on 127.0.0.1."""
        self._controller = Controller(self._inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait_for(self, predicate, timeout: float = 20.0) -> EmailMessage:
        """Wait until a received message satisfies ``predicate`` and return it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in self.messages:
                if predicate(message):
                    return message
            time.sleep(0.2)
        raise AssertionError(
            f"no matching e-mail within {timeout}s; got {[m['Subject'] for m in self.messages]}"
        )

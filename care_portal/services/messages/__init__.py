"""Messages between a beneficiary's family circle and the team.

The conversation itself (``conversation``), unread counts and the list of conversations
(``inbox``), and the e-mail about messages left unread (``digest``).
"""

from care_portal.services.messages.conversation import (
    MAX_BODY,
    AttachmentFile,
    ConversationPage,
    ConversationPulse,
    MessageView,
    mark_read,
    open_attachment,
    post_message,
    pulse,
    read_conversation,
)
from care_portal.services.messages.digest import send_unread_digests
from care_portal.services.messages.inbox import (
    ConversationRow,
    list_conversations,
    unread_total,
    waiting_conversations,
)

__all__ = [
    "MAX_BODY",
    "AttachmentFile",
    "ConversationPage",
    "ConversationPulse",
    "ConversationRow",
    "MessageView",
    "list_conversations",
    "mark_read",
    "open_attachment",
    "post_message",
    "pulse",
    "read_conversation",
    "send_unread_digests",
    "unread_total",
    "waiting_conversations",
]

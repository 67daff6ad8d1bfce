"""The help page («Ayuda / Preguntas frecuentes»): questions, steps with links, and a video each."""

from care_portal.pages.help.page import help_page
from care_portal.pages.help.state import HelpState

__all__ = ["HelpState", "help_page"]

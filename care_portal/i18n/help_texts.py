"""The help page's own labels; its questions and steps live in ``care_portal.domain.help_catalog``."""

HELP: dict[str, tuple[str, str]] = {
    "help.title": ("Ayuda · Preguntas frecuentes", "Help · Frequently asked questions"),
    "help.lead": (
        "Las respuestas a las dudas más habituales, paso a paso, con un vídeo que lo enseña.",
        "Answers to the most common questions, step by step, with a video that shows how.",
    ),
    "help.search": ("Buscar una pregunta", "Search the questions"),
    "help.search_hint": ("Por ejemplo: factura, familiar, empleo", "For example: invoice, relative, job"),
    "help.none": (
        "Ninguna pregunta contiene esas palabras. Prueba con otras o escríbenos desde «Sugerencias».",
        "No question holds those words. Try others or write to us from “Suggestions”.",
    ),
    "help.video": ("Ver vídeo", "Watch the video"),
    "help.video_note": (
        "Sin sonido, con subtítulos. Los pasos de arriba cuentan lo mismo que el vídeo.",
        "No sound, with subtitles. The steps above tell the same as the video.",
    ),
}

"""What a help entry is made of: questions, steps (also its video's captions) and the pages they link to."""

from __future__ import annotations

from dataclasses import dataclass

DEMOS_URL = "/demos"  # assets/demos, served by the app itself (same origin)


@dataclass(frozen=True)
class Place:
    """A page a step links to.

    Attributes:
        route: Its path.
        es: The link's text in Spanish («Ir a Alta de familiar»).
        en: The link's text in English.
    """

    route: str
    es: str
    en: str


@dataclass(frozen=True)
class HelpStep:
    """One step of an answer, and one caption of its video.

    Attributes:
        key: Stable name, used by the recording script.
        es: The step in Spanish (one or two short sentences).
        en: The step in English.
        place: Where it happens, or None when it happens outside a page.
    """

    key: str
    es: str
    en: str
    place: Place | None = None


@dataclass(frozen=True)
class HelpEntry:
    """One question of the help page.

    Attributes:
        slug: Anchor and video file name.
        question_es: The question in Spanish.
        question_en: The question in English.
        steps: The answer, step by step.
        video: Whether a recorded video shows these steps.
    """

    slug: str
    question_es: str
    question_en: str
    steps: tuple[HelpStep, ...]
    video: bool = True

    def video_url(self) -> str:
        """Return the WebM video's URL."""
        return f"{DEMOS_URL}/{self.slug}.webm"

    def poster_url(self) -> str:
        """Return the poster image's URL."""
        return f"{DEMOS_URL}/{self.slug}.jpg"

    def track_url(self, lang: str) -> str:
        """Return the subtitles' URL in ``lang`` ("es" or "en")."""
        return f"{DEMOS_URL}/{self.slug}.{lang}.vtt"

"""WebVTT subtitles for the help videos: one cue per step of a help entry."""

from __future__ import annotations

from care_portal.domain.help_catalog import HelpEntry


def vtt_time(seconds: float) -> str:
    """Return ``seconds`` as a WebVTT timestamp (``00:01:02.500``)."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def build_vtt(entry: HelpEntry, starts: list[float], duration: float, lang: str) -> str:
    """Return the WebVTT subtitles of an entry's video: one cue per step.

    Args:
        entry: The help entry.
        starts: When each step begins in the video, in seconds (one per step, increasing).
        duration: The video's length in seconds.
        lang: "es" or "en".

    Raises:
        ValueError: When ``starts`` does not have one time per step.
    """
    if len(starts) != len(entry.steps):
        raise ValueError(f"{entry.slug}: {len(starts)} step times for {len(entry.steps)} steps")
    ends = [*starts[1:], duration]
    cues = ["WEBVTT", ""]
    for number, (step, start, end) in enumerate(zip(entry.steps, starts, ends, strict=True), start=1):
        cues += [f"{number}-{step.key}", f"{vtt_time(start)} --> {vtt_time(end)}", getattr(step, lang), ""]
    return "\n".join(cues)


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    """Return the cues of a WebVTT file as ``(start, end, text)``, for checks.

    Args:
        text: The file's content.
    """

    def seconds(stamp: str) -> float:
        hours, minutes, rest = stamp.strip().split(":")
        return int(hours) * 3600 + int(minutes) * 60 + float(rest)

    cues = []
    for block in text.strip().split("\n\n")[1:]:
        lines = block.strip().splitlines()
        timing = next(i for i, line in enumerate(lines) if "-->" in line)
        start, end = lines[timing].split("-->")
        cues.append((seconds(start), seconds(end), "\n".join(lines[timing + 1 :])))
    return cues

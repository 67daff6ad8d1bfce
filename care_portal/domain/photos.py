"""Photos taken at a visit: only real images, bounded, resized, and without any metadata.

A phone photo carries EXIF (the place it was taken, the device, the time). Nothing of it
is kept: the pixels are turned upright (EXIF orientation), copied into a new image and
saved as JPEG, so no EXIF, GPS, XMP or ICC block survives.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from care_portal.domain.errors import DomainError
from care_portal.domain.upload_limits import PHOTO_MAX_BYTES, megabytes

MAX_PHOTO_BYTES = PHOTO_MAX_BYTES
MAX_SOURCE_PIXELS = 50_000_000
"""A 50-megapixel phone photo is accepted; larger images (or decompression bombs) are refused."""
MIN_SIDE = 64
MAX_SIDE = 1600
"""Stored photos fit in 1600 × 1600 px."""
ACCEPTED_FORMATS = ("JPEG", "MPO", "PNG", "WEBP")
QUALITY = 82
BOMBS = (Image.DecompressionBombError, Image.DecompressionBombWarning)


@dataclass(frozen=True)
class CleanPhoto:
    """A photo ready to store: JPEG bytes without metadata, and its size in pixels."""

    data: bytes
    width: int
    height: int


def clean_photo(data: bytes) -> CleanPhoto:
    """Check an uploaded photo and return it resized, upright and stripped of metadata.

    Args:
        data: The uploaded bytes.

    Returns:
        The photo as a JPEG of at most ``MAX_SIDE`` px a side.

    Raises:
        DomainError: ``reports.photo_empty``, ``reports.photo_too_large``, ``reports.photo_not_image``
            or ``reports.photo_dimensions``.
    """
    if not data:
        raise DomainError("reports.photo_empty", field="photos")
    if len(data) > MAX_PHOTO_BYTES:
        raise DomainError("reports.photo_too_large", field="photos", max_mb=megabytes(MAX_PHOTO_BYTES))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as source:
                if source.format not in ACCEPTED_FORMATS:
                    raise DomainError("reports.photo_not_image", field="photos")
                width, height = source.size
                if width * height > MAX_SOURCE_PIXELS or min(width, height) < MIN_SIDE:
                    raise DomainError("reports.photo_dimensions", field="photos")
                upright = ImageOps.exif_transpose(source).convert("RGB")
                upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    except DomainError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, *BOMBS) as error:
        raise DomainError("reports.photo_not_image", field="photos") from error
    bare = Image.new("RGB", upright.size)
    bare.paste(upright)
    out = io.BytesIO()
    bare.save(out, format="JPEG", quality=QUALITY, optimize=True)
    return CleanPhoto(out.getvalue(), bare.width, bare.height)

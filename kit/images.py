"""The one image pipeline for every upload: evidence, nominations, commendation photos.

An upload is accepted only if Pillow decodes it as a JPEG (of a multi-picture one, the first
picture), PNG or WebP within the size and pixel limits. What is stored is never the uploaded
file: the pixels are re-encoded into a new file (so no EXIF, GPS, comments, further pictures or
trailing payload survive), turned upright, resized, and accompanied by the smaller renditions
a page asks for.
"""

from __future__ import annotations

import io
import uuid
import warnings
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
# Bounds on the shape as well as the area, read from the header like it: a 1 × 40 000 000 PNG
# is 77 KB and within the area, but decoding and resizing forty million rows holds a worker for
# seconds. Cameras stay well inside them: phone photos are 4:3 to 16:9, and a phone panorama (a
# sweep of at most 360° by the 50-75° of height a phone's lens sees) is at most about 7:1 and,
# with the 3 000 or more pixels of height phones keep, under 14 000 pixels long within the area.
MAX_DIMENSION = 16_000
MAX_ASPECT_RATIO = 10
MAX_SIDE = 2000
# MPO is how phones save a multi-picture JPEG (a portrait's depth map, a stereo pair, a motion
# still): a JPEG whose first picture is the photo. Only that one is decoded and kept.
ALLOWED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
JPEG_QUALITY = 85


@dataclass
class ProcessedImage:
    """A re-encoded image and its renditions, ready to save into ImageFields."""

    content: ContentFile
    width: int
    height: int
    renditions: dict[str, ContentFile] = field(default_factory=dict)
    original_name: str = ""


def _reject(name: str, reason: str, code: str) -> ValidationError:
    return ValidationError(
        _("“%(name)s”: %(reason)s") % {"name": name, "reason": reason}, code=code
    )


def _count(value: int) -> str:
    return number_format(value, force_grouping=True)


def _check_shape(name: str, width: int, height: int, max_pixels: int) -> None:
    """Refuse a size from the header alone, before a single pixel is decoded."""
    size = {"w": _count(width), "h": _count(height)}
    if max(width, height) > MAX_DIMENSION:
        raise _reject(
            name,
            _("the image is %(w)s × %(h)s pixels; each side may be at most %(side)s pixels.")
            % {**size, "side": _count(MAX_DIMENSION)},
            "too_long_side",
        )
    if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
        raise _reject(
            name,
            _(
                "the image is %(w)s × %(h)s pixels; its long side may be at most %(ratio)s "
                "times its short side."
            )
            % {**size, "ratio": MAX_ASPECT_RATIO},
            "too_narrow",
        )
    if width * height > max_pixels:
        raise _reject(
            name,
            _("the image is %(w)s × %(h)s pixels; at most %(mp)s megapixels are accepted.")
            % {**size, "mp": max_pixels // 1_000_000},
            "too_many_pixels",
        )


def open_checked(upload, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS):
    """Decode `upload` fully, or raise a ValidationError that names the file and the reason.

    Everything that can be judged from the header (format, sides, shape, area) is judged before
    the pixels are decoded, so a hostile file costs no more than reading its first bytes."""
    name = getattr(upload, "name", "") or _("the file")
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise _reject(
            name,
            _("the file is %(size)s; an image may be at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            "too_large",
        )
    if hasattr(upload, "seek"):
        upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it; here any bomb is an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ALLOWED_FORMATS:
                raise _reject(
                    name,
                    _("this is a %(format)s file; only JPEG, PNG and WebP images are accepted.")
                    % {"format": image.format or "?"},
                    "format",
                )
            _check_shape(name, *image.size, max_pixels)
            image.load()
    except ValidationError:
        raise
    except UnidentifiedImageError:
        raise _reject(
            name, _("this is not an image. Upload a JPEG, PNG or WebP photo."), "not_image"
        ) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _reject(
            name,
            _("the image has too many pixels; at most %(mp)s megapixels are accepted.")
            % {"mp": max_pixels // 1_000_000},
            "too_many_pixels",
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise _reject(
            name, _("the image is damaged or incomplete. Upload the photo again."), "damaged"
        ) from None
    return image


def _clean_pixels(image: Image.Image) -> Image.Image:
    """Only the pixels, upright and in a mode every encoder takes; no metadata at all."""
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda v: v / 256).convert("L")
    image = image.convert("RGBA" if has_alpha else "RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _encode(image: Image.Image) -> tuple[bytes, str]:
    buffer = io.BytesIO()
    if image.mode == "RGBA":
        image.save(buffer, "PNG", optimize=True)
        return buffer.getvalue(), "png"
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue(), "jpg"


def _rendition(image: Image.Image, size: tuple[int, int], crop: bool) -> Image.Image:
    if crop:
        return ImageOps.fit(image, size, Image.Resampling.LANCZOS)
    copy = image.copy()
    copy.thumbnail(size, Image.Resampling.LANCZOS)
    return copy


def process_image(
    upload,
    *,
    max_side: int = MAX_SIDE,
    renditions: dict[str, tuple[int, int, bool]] | None = None,
) -> ProcessedImage:
    """Check, clean and re-encode `upload`; `renditions` maps a name to (width, height, crop)."""
    original_name = getattr(upload, "name", "") or ""
    image = _clean_pixels(open_checked(upload))
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    stem = uuid.uuid4().hex
    data, ext = _encode(image)
    result = ProcessedImage(
        content=ContentFile(data, name=f"{stem}.{ext}"),
        width=image.width,
        height=image.height,
        original_name=original_name[:200],
    )
    for rname, (width, height, crop) in (renditions or {}).items():
        data, ext = _encode(_rendition(image, (width, height), crop))
        result.renditions[rname] = ContentFile(data, name=f"{stem}-{rname}.{ext}")
    return result

"""Real image files made with Pillow, for upload tests (good ones and hostile ones)."""

from __future__ import annotations

import functools
import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825


def jpeg_bytes(size=(640, 480), color=(200, 30, 30), *, gps=False, mode="RGB", quality=90):
    image = Image.new(mode, size, color if mode == "RGB" else (0, 80, 80, 0))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 1  # Orientation
    if gps:
        exif.get_ifd(GPS_IFD).update(
            {1: "N", 2: (10.0, 14.0, 30.0), 3: "E", 4: (106.0, 22.0, 30.0)}
        )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes(), quality=quality)
    return buffer.getvalue()


def mpo_bytes(size=(640, 480)):
    """A phone's multi-picture JPEG: the photo (red, with GPS) and a second picture (blue)."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (10.0, 14.0, 30.0), 3: "E", 4: (106.0, 22.0, 30.0)})
    first, second = Image.new("RGB", size, (200, 30, 30)), Image.new("RGB", size, (30, 30, 200))
    buffer = io.BytesIO()
    first.save(buffer, "MPO", save_all=True, append_images=[second], exif=exif.tobytes())
    return buffer.getvalue()


def png_bytes(size=(64, 64), mode="RGB", color=(10, 120, 200)):
    buffer = io.BytesIO()
    if mode == "I;16":
        Image.new("I;16", size, 40000).save(buffer, "PNG")
    else:
        Image.new(mode, size, color).save(buffer, "PNG")
    return buffer.getvalue()


def png_bomb_bytes(side=10_000):
    """A tiny file that decodes to side × side pixels (100 megapixels by default)."""
    buffer = io.BytesIO()
    Image.new("1", (side, side), 0).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@functools.cache
def thin_png_bytes(size=(1, 40_000_000)):
    """A line of pixels: 1 × 40 000 000 is within 40 megapixels and only about 77 KB, but
    decoding its forty million rows takes seconds. Made once per test run (about a second)."""
    buffer = io.BytesIO()
    Image.new("1", size, 0).save(buffer, "PNG")
    return buffer.getvalue()


def animated_webp_bytes():
    frames = [Image.new("RGB", (80, 60), c) for c in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    return buffer.getvalue()


def gif_html_polyglot_bytes():
    buffer = io.BytesIO()
    Image.new("P", (10, 10)).save(buffer, "GIF", comment=b"<script>alert(1)</script>")
    return buffer.getvalue() + b"<html><script>alert(document.cookie)</script></html>"


def noise_png_bytes(size=(1950, 1950)):
    """Random pixels compress badly: about 11.4 MB as PNG."""
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=0)
    return buffer.getvalue()


SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ELF_BYTES = b"\x7fELF\x02\x01\x01" + b"\x00" * 200


def upload(name: str, data: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def hostile_uploads() -> dict[str, SimpleUploadedFile]:
    """Every upload an attacker or an unlucky user might send, by a short name."""
    good = jpeg_bytes()
    return {
        "png-bomb": upload("bomb.png", png_bomb_bytes(), "image/png"),
        "truncated-jpeg": upload("cut.jpg", good[: len(good) // 2]),
        "text-as-jpeg": upload("notes.jpg", "Báo cáo tiến độ\n".encode() * 50),
        "gif-polyglot": upload("poly.jpg", gif_html_polyglot_bytes()),
        "svg-script": upload("logo.jpg", SVG_WITH_SCRIPT, "image/svg+xml"),
        "pdf-as-jpeg": upload("scan.jpg", PDF_BYTES),
        "exe-as-jpeg": upload("setup.jpg", ELF_BYTES),
        "too-large": upload("huge.png", noise_png_bytes(), "image/png"),
    }

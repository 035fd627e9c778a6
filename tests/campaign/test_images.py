import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from campaign.images import MAX_BYTES, process_image
from tests.images import (
    GPS_IFD,
    animated_webp_bytes,
    hostile_uploads,
    jpeg_bytes,
    png_bytes,
    upload,
)


def reopen(content) -> Image.Image:
    content.seek(0)
    image = Image.open(io.BytesIO(content.read()))
    image.load()
    return image


def test_gps_and_all_exif_are_stripped_from_a_phone_photo():
    original = Image.open(io.BytesIO(jpeg_bytes(gps=True)))
    assert original.getexif().get_ifd(GPS_IFD)  # the test photo really carries GPS
    result = process_image(upload("IMG_0001.jpg", jpeg_bytes(gps=True)))
    stored = reopen(result.content)
    assert stored.format == "JPEG"
    assert not stored.getexif()
    assert "exif" not in stored.info
    assert result.content.name.endswith(".jpg") and "IMG_0001" not in result.content.name
    assert result.original_name == "IMG_0001.jpg"


def test_large_photos_are_resized_and_get_renditions():
    result = process_image(
        upload("big.jpg", jpeg_bytes(size=(4000, 3000))),
        renditions={"thumb": (400, 400, False), "card": (600, 400, True)},
    )
    assert (result.width, result.height) == (2000, 1500)
    assert reopen(result.renditions["thumb"]).size == (400, 300)
    assert reopen(result.renditions["card"]).size == (600, 400)


@pytest.mark.parametrize(
    ("data", "mode"),
    [
        (jpeg_bytes(mode="CMYK"), "RGB"),
        (png_bytes(mode="I;16"), "RGB"),
        (png_bytes(mode="RGBA", color=(1, 2, 3, 100)), "RGBA"),
        (animated_webp_bytes(), "RGB"),
    ],
    ids=["cmyk-jpeg", "16-bit-png", "transparent-png", "animated-webp"],
)
def test_unusual_but_real_images_are_stored_sanitised(data, mode):
    result = process_image(upload("x.img", data))
    stored = reopen(result.content)
    assert stored.mode == mode
    assert getattr(stored, "n_frames", 1) == 1


EXPECTED = {
    "png-bomb": "megapixel",
    "truncated-jpeg": "hỏng hoặc không đầy đủ",
    "text-as-jpeg": "không phải là ảnh",
    "gif-polyglot": "GIF",
    "svg-script": "không phải là ảnh",
    "pdf-as-jpeg": "không phải là ảnh",
    "exe-as-jpeg": "không phải là ảnh",
    "too-large": "tối đa 10,0\xa0MB",
}


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_hostile_uploads_are_rejected_with_a_message_naming_the_file(kind):
    bad = hostile_uploads()[kind]
    if kind == "too-large":
        assert bad.size > MAX_BYTES
    with pytest.raises(ValidationError) as caught:
        process_image(bad)
    message = caught.value.messages[0]
    assert f"“{bad.name}”" in message
    assert EXPECTED[kind] in message

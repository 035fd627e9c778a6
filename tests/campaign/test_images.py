import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image, ImageFile

from kit.images import MAX_BYTES, open_checked, process_image
from tests.images import (
    GPS_IFD,
    animated_webp_bytes,
    hostile_uploads,
    jpeg_bytes,
    mpo_bytes,
    png_bytes,
    thin_png_bytes,
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


def test_a_phones_multi_picture_jpeg_keeps_its_first_picture_only():
    original = Image.open(io.BytesIO(mpo_bytes()))
    assert (original.format, original.n_frames) == ("MPO", 2)  # a real multi-picture file
    result = process_image(upload("IMG_0002.JPG", mpo_bytes()))
    stored = reopen(result.content)
    assert (stored.format, getattr(stored, "n_frames", 1)) == ("JPEG", 1)
    assert stored.getpixel((0, 0))[0] > 150  # the red photo, not the blue second picture
    assert not stored.getexif() and "mp" not in stored.info
    assert result.content.name.endswith(".jpg")


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


@pytest.fixture
def decoded(monkeypatch) -> list[tuple[int, int]]:
    """The sizes of the images whose pixels were decoded."""
    sizes = []
    load = ImageFile.ImageFile.load

    def recording_load(image):
        sizes.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", recording_load)
    return sizes


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((1, 40_000_000), "mỗi cạnh chỉ được dài tối đa 16.000 điểm ảnh"),
        ((60_000, 600), "mỗi cạnh chỉ được dài tối đa 16.000 điểm ảnh"),
        ((12_000, 1_000), "cạnh dài chỉ được dài tối đa 10 lần cạnh ngắn"),
        ((800, 8_100), "cạnh dài chỉ được dài tối đa 10 lần cạnh ngắn"),
    ],
    ids=["line-of-40-megapixels", "60000x600", "12-to-1", "tall-10.1-to-1"],
)
def test_long_or_thin_images_are_refused_from_the_header(decoded, size, expected):
    bad = upload("thin.png", thin_png_bytes(size), "image/png")
    with pytest.raises(ValidationError) as caught:
        process_image(bad)
    message = caught.value.messages[0]
    assert message.startswith("“thin.png”: ")
    assert f"{size[0]:,} × {size[1]:,}".replace(",", ".") in message
    assert expected in message
    assert decoded == []  # not one pixel was decoded


def test_the_shape_limits_are_explained_in_english_too():
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        open_checked(upload("line.png", thin_png_bytes((1, 40_000_000)), "image/png"))
    assert caught.value.messages[0] == (
        "“line.png”: the image is 1 × 40,000,000 pixels; each side may be at most 16,000 pixels."
    )


@pytest.mark.parametrize(
    "size", [(16_000, 1_600), (1_600, 16_000), (8_000, 1_000)], ids=["wide", "tall", "panorama"]
)
def test_images_at_the_shape_limits_are_accepted(size):
    image = open_checked(upload("pano.png", thin_png_bytes(size), "image/png"))
    assert image.size == size

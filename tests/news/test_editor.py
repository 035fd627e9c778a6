"""The body's visual editor offers exactly what the sanitiser keeps, and runs under the CSP."""

import base64
import hashlib
import re
from pathlib import Path

import django_prose_editor
import pytest
from django.conf import settings
from django.urls import reverse
from django_prose_editor.config import allowlist_from_extensions, expand_extensions

from news.editor import TAG_EXTENSIONS, editor_extensions
from news.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize_html

# What the editor's own allow-list names but the sanitiser sets or never sees: nh3 writes every
# link's rel itself, and numbered lists get a start or a style only from the list dialog, which
# is switched off (news/editor.py).
SET_BY_THE_SANITISER = {"a": {"rel"}, "ol": {"start", "type", "data-type"}}


def _editor_allowlist():
    return allowlist_from_extensions(expand_extensions(editor_extensions()))


def test_the_editor_writes_no_tag_the_sanitiser_strips():
    assert _editor_allowlist()["tags"] <= ALLOWED_TAGS


def test_every_kept_tag_has_its_button():
    # Only the tags kept for pasted text have no extension of their own.
    assert ALLOWED_TAGS - _editor_allowlist()["tags"] == {"b", "i"}
    assert set(TAG_EXTENSIONS) | {"h2", "h3", "h4", "b", "i", "thead", "tbody"} == ALLOWED_TAGS


def test_the_editor_writes_no_attribute_the_sanitiser_strips():
    for tag, attributes in _editor_allowlist()["attributes"].items():
        kept = ALLOWED_ATTRIBUTES.get(tag, set()) | SET_BY_THE_SANITISER.get(tag, set())
        assert set(attributes) <= kept, tag


def test_what_the_editor_writes_is_stored_as_written():
    written = (
        "<h2>Thành tích</h2><p>Chị đã <strong>hỗ trợ</strong> <em>12</em> doanh nghiệp:</p>"
        "<ul><li><p>lên sàn thương mại điện tử</p></li></ul><ol><li><p>một</p></li></ol>"
        '<p><a href="https://sct.bentre.gov.vn" rel="noopener noreferrer">Sở</a><br>x</p>'
        "<table><tbody><tr><th><p>Đơn vị</p></th><td><p>12</p></td></tr></tbody></table><hr>"
    )
    assert sanitize_html(written) == written


def _tiptap_style() -> str:
    # tiptap's base rules, as its editor puts them into a <style> (`injectCSS`).
    source = Path(django_prose_editor.__file__).with_name("static") / "django_prose_editor"
    script = (source / "editor.js").read_text()
    name = re.search(r"this\.css=\w+\((\w+),this\.options\.injectNonce\)", script).group(1)
    return re.search(rf"\b{name}=`([^`]*)`", script).group(1)


def test_the_admin_policy_allows_the_editors_own_style_and_nothing_inline():
    digest = base64.b64encode(hashlib.sha256(_tiptap_style().encode()).digest()).decode()
    assert settings.ADMIN_CSP["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert "'unsafe-inline'" not in str(settings.ADMIN_CSP)


@pytest.mark.django_db
def test_the_body_editor_runs_on_the_packages_files_with_a_nonce(client):
    from tests.factories import make_user

    client.force_login(make_user(office=True))
    response = client.get(reverse("admin:news_commendation_add"))
    html = response.content.decode()
    nonce = re.search(r'<script type="importmap" nonce="([^"]+)"', html).group(1)
    assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
    assert 'src="/static/django_prose_editor/configurable.js"' in html
    assert "data-django-prose-editor-configurable" in html
    assert "cdn" not in html.lower() and "https://" not in html.split("<body")[0]
    # The public pages keep their policy without a nonce.
    home = client.get("/")
    assert "nonce-" not in home.headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_seeded_body_reads_on_the_public_page_as_before(client, campaign, unit):
    from tests.factories import make_commendation

    # The body devtools/scale.py writes, as it was stored before the editor came.
    stored = (
        "<p>Chị Lan (Phòng Quản lý Thương mại) đã hỗ trợ doanh nghiệp, được tặng Giấy khen.</p>"
        "<p>Trong đợt thi đua, chị Lan luôn gương mẫu.</p><ul><li>Hoàn thành xuất sắc nhiệm vụ "
        "được giao.</li>\n<li>Được đơn vị đề xuất khen thưởng.</li></ul>"
    )
    commendation = make_commendation(campaign=campaign, unit=unit, body=stored)
    commendation.refresh_from_db()
    assert commendation.body == stored
    assert stored in client.get(commendation.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_table_with_merged_cells_reads_on_the_public_page_as_written(client, campaign, unit):
    from tests.factories import make_commendation

    # What the editor writes after "Gộp ô": a heading over two columns, a unit over two rows.
    written = (
        '<table><tbody><tr><th colspan="2"><p>Kết quả</p></th></tr>'
        '<tr><td rowspan="2"><p>Phòng Quản lý Thương mại</p></td><td><p>12 doanh nghiệp</p></td>'
        "</tr><tr><td><p>30 sản phẩm</p></td></tr></tbody></table>"
    )
    commendation = make_commendation(campaign=campaign, unit=unit, body=written)
    commendation.refresh_from_db()
    assert commendation.body == written
    page = client.get(commendation.get_absolute_url()).content.decode()
    assert written in page
    # Only the spans are kept on a cell: no style, no handler.
    pasted = '<td colspan="2" onclick="x()" style="width:9em" class="c">a</td>'
    table = "<table><tbody><tr>{}</tr></tbody></table>"
    assert sanitize_html(table.format(pasted)) == table.format('<td colspan="2">a</td>')

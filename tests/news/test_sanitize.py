"""The body keeps ordinary formatting and loses everything that could run or restyle the page."""

import pytest

from news.models import Commendation
from news.sanitize import sanitize_html
from tests.factories import make_commendation

pytestmark = pytest.mark.django_db

HOSTILE = """
<p style="color:red" onclick="steal()">Đồng chí <strong>Nguyễn Văn An</strong> đã \
<em>trực chốt</em>.</p>
<script>alert("xss")</script>
<img src="x.jpg" onerror="alert(1)">
<a href="javascript:alert(2)">bấm vào đây</a>
<a href="https://sct.bentre.gov.vn/tin-tuc" onmouseover="alert(3)">Sở Công Thương</a>
<iframe src="https://evil.example/"></iframe>
<ul><li>Trực chốt 60 ngày</li><li>Vận động bình ổn giá</li></ul>
<ol><li>Một</li></ol>
<h2>Thành tích</h2>
<style>body{display:none}</style>
<svg onload="alert(4)"><circle r="5"/></svg>
<object data="x.swf"></object>
<p><span style="font-size:40px">To chữ</span></p>
"""

GONE = ["<script", "alert(", "onerror", "onclick", "onmouseover", "javascript:", "<iframe",
        "style=", "<style", "<svg", "onload", "<object", "<img"]  # fmt: skip
KEPT = [
    "<p>Đồng chí <strong>Nguyễn Văn An</strong> đã <em>trực chốt</em>.</p>",
    "<ul><li>Trực chốt 60 ngày</li><li>Vận động bình ổn giá</li></ul>",
    "<ol><li>Một</li></ol>",
    "<h2>Thành tích</h2>",
    '<a href="https://sct.bentre.gov.vn/tin-tuc" rel="noopener noreferrer">Sở Công Thương</a>',
    "To chữ",
]


def test_stored_body_is_sanitised(campaign):
    commendation = make_commendation(campaign=campaign, body=HOSTILE)
    stored = Commendation.objects.values_list("body", flat=True).get(pk=commendation.pk)
    for fragment in GONE:
        assert fragment not in stored, fragment
    for fragment in KEPT:
        assert fragment in stored, fragment
    assert "<a rel=" in stored  # the javascript: link survives only as harmless text


def test_rendered_article_is_sanitised(client, campaign):
    commendation = make_commendation(campaign=campaign, body=HOSTILE)
    html = client.get(commendation.get_absolute_url()).content.decode()
    body = html[html.index('class="commendation-body"') : html.index("</article>")]
    for fragment in GONE:
        assert fragment not in body, fragment
    for fragment in KEPT:
        assert fragment in body, fragment


def test_a_body_written_around_the_model_is_still_cleaned_when_shown(client, campaign):
    commendation = make_commendation(campaign=campaign)
    Commendation.objects.filter(pk=commendation.pk).update(body=HOSTILE)
    html = client.get(commendation.get_absolute_url()).content.decode()
    body = html[html.index('class="commendation-body"') : html.index("</article>")]
    assert "<script" not in body and "onerror" not in body and "javascript:" not in body
    assert "<strong>Nguyễn Văn An</strong>" in body


def test_sanitising_is_idempotent():
    once = sanitize_html(HOSTILE)
    assert sanitize_html(once) == once
    assert sanitize_html("") == ""

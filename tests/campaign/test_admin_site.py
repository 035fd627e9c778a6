"""The admin reads as the office's tool: the day's work first, the system's tables at the end."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def _sections(html: str) -> list[tuple[str, list[str]]]:
    """Each section of an admin app list as a reader sees it: its heading and its model links."""
    sections = []
    for block in re.split(r'<div class="app-', html)[1:]:
        heading = re.search(r'<a href="[^"]*" class="section">([^<]+)</a>', block)
        row = r'<th scope="row" id="[^"]+">\s*<a href="[^"]+"[^>]*>([^<]+)</a>'
        models = re.findall(row, block)
        sections.append((heading.group(1), models))
    return sections


def _index(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return _sections(response.content.decode().split('id="content-main"')[1])


OFFICE_INDEX = [
    (
        "Tin khen thưởng",
        ["Tin khen thưởng", "Đề xuất khen thưởng", "Danh hiệu thi đua và hình thức khen thưởng"],
    ),
    (
        "Quyết định khen thưởng",
        [
            "Đợt bình xét",
            "Đề nghị khen thưởng",
            "Quyết định khen thưởng",
            "Hồ sơ thành tích",
            "Quy tắc biểu quyết",
            "Hệ số tiền thưởng",
            "Mức lương cơ sở",
            "Bố cục giấy khen",
        ],
    ),
    ("Cam kết", ["Cam kết", "Báo cáo tiến độ", "Minh chứng"]),
    ("Đơn vị", ["Đơn vị", "Vai trò trong đơn vị"]),
    ("Phong trào thi đua", ["Phong trào", "Nội dung thi đua", "Văn bản căn cứ"]),
    ("Chấm điểm thi đua", ["Đợt đánh giá", "Điểm", "Tiêu chí"]),
]


def test_office_sees_the_days_work_first_and_the_system_last(client):
    client.force_login(make_user(office=True))
    sections = _index(client)
    assert [heading for heading, _models in sections[:-1]] == [h for h, _m in OFFICE_INDEX]
    assert sections[:-1] == OFFICE_INDEX
    heading, models = sections[-1]
    assert heading == "Hệ thống"
    # The office may not edit groups, so "Nhóm" is not among them.
    assert models == [
        "Người sử dụng",
        "Nhật ký hoạt động",
        "Thư điện tử",
        "Nhật ký đăng nhập",
        "Nhật ký đăng nhập sai",
        "Lượt đăng nhập sai đang tính",
    ]


def test_a_model_without_permission_is_left_out(client):
    client.force_login(
        make_user(is_staff=True, perms=["pledges.view_pledge", "outbox.view_message"])
    )
    assert _index(client) == [("Cam kết", ["Cam kết"]), ("Hệ thống", ["Thư điện tử"])]


def test_sidebar_and_system_page_follow_the_same_order(client):
    client.force_login(make_user(office=True))
    html = client.get(reverse("admin:news_commendation_changelist")).content.decode()
    sidebar = _sections(html.split('id="nav-sidebar"')[1].split("</nav>")[0])
    assert sidebar == _index(client)
    system = client.get(reverse("admin:system"))
    assert system.status_code == 200
    page = system.content.decode()
    assert _sections(page.split('id="content-main"')[1]) == [_index(client)[-1]]
    assert "Hệ thống" in page.split("<h1")[1].split("</h1>")[0]

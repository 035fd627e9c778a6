"""What the admin and its packages print outside the catalogues reads in Vietnamese."""

import datetime as dt

from django.urls import reverse

from tests.factories import make_pledge

MARCH_25_8AM = dt.datetime(2022, 3, 25, 1, 0, tzinfo=dt.UTC)  # 08:00 in Ho Chi Minh City


def test_a_pledge_history_shows_values_as_the_admin_shows_the_fields(admin_client):
    pledge = make_pledge(status="draft")
    pledge.status = "submitted"
    pledge.submitted_at = MARCH_25_8AM
    pledge.save()

    page = admin_client.get(reverse("admin:pledges_pledge_history", args=[pledge.pk])).text

    assert "Bản nháp" in page and "Đã gửi duyệt" in page  # not draft, submitted
    assert "25/03/2022 08:00" in page  # not 2022-03-25 01:00:00+00:00
    assert "None" not in page  # neither the empty submission time nor the change reason


def test_yes_no_icons_are_named_in_the_readers_language(admin_client):
    page = admin_client.get(reverse("admin:auth_user_changelist")).text

    assert 'alt="Có"' in page
    assert 'alt="True"' not in page and 'alt="False"' not in page


def test_login_records_are_named_in_vietnamese_with_local_time(admin_client):
    from axes.models import AccessLog

    log = AccessLog.objects.create(username="office", user_agent="Firefox", path_info="/admin/")
    AccessLog.objects.filter(pk=log.pk).update(attempt_time=MARCH_25_8AM)

    index = admin_client.get(reverse("admin:index")).text
    page = admin_client.get(reverse("admin:axes_accesslog_change", args=[log.pk])).text

    # The index lists the records among the system's tables by their Vietnamese names; their
    # own pages name their section, not "Axes".
    assert "Nhật ký đăng nhập" in index and "Axes" not in index
    assert "Theo dõi đăng nhập" in page and "Axes" not in page
    assert "Lần đăng nhập của office lúc 25/03/2022 08:00" in page
    assert "Access Log for" not in page

from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation


def test_server_error_page_renders_without_a_database_or_context():
    with translation.override("vi"):
        html = render_to_string("500.html")
    assert "Đã có lỗi" in html
    assert "Cổng thi đua" in html


def test_permission_denied_page_uses_the_portal_look(client, db):
    from django.views.defaults import permission_denied

    request = RequestFactory().get("/")
    request.user = None
    with translation.override("en"):
        from django.contrib.auth.models import AnonymousUser

        request.user = AnonymousUser()
        response = permission_denied(request, exception=None)
    assert response.status_code == 403
    assert "Access denied" in response.content.decode()


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@contextmanager
def database_unreachable():
    """On PostgreSQL the real connection is pointed at a closed port. SQLite's in-memory test
    database cannot be closed without losing it, so there every query fails as an unopenable
    file would."""
    if connection.vendor == "sqlite":

        def unreachable(execute, sql, params, many, context):
            raise OperationalError("unable to open database file")

        with connection.execute_wrapper(unreachable):
            yield
        return
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update({"HOST": "127.0.0.1", "PORT": "1"})
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_when_the_database_is_unreachable(client):
    with database_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert b"database unavailable" in response.content


@pytest.mark.django_db(transaction=True)
def test_pages_answer_a_translated_503_when_the_database_is_unreachable():
    """Not a 500 with a traceback: the visitor is told to retry, in Vietnamese."""
    client = Client(raise_request_exception=False)
    with database_unreachable():
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Cổng thi đua tạm thời không truy cập được" in html
    assert "Traceback" not in html and "OperationalError" not in html


def test_other_errors_get_the_500_page(rf):
    from portal.site import server_error

    try:
        raise ValueError("boom")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "boom" not in response.content.decode()

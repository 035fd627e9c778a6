"""The office reaches its downloads from every page of the dashboard."""

import re

import pytest
from django.urls import reverse

from office.exports.writers import XLSX_CONTENT_TYPE


@pytest.mark.parametrize("name", ["office:matrix", "office:statistics", "office:candidates"])
def test_every_dashboard_page_links_to_the_workbook_and_the_csv_files(
    client, department_tree, name
):
    client.force_login(department_tree.office)
    page = client.get(reverse(name, args=[department_tree.campaign.slug])).content.decode()
    workbook = reverse("exports:workbook", args=[department_tree.campaign.slug])
    assert f'href="{workbook}"' in page
    response = client.get(workbook)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    csv_link = re.search(r'href="(/exports/#export-(\d+))"', page)
    assert csv_link and int(csv_link[2]) == department_tree.campaign.pk
    exports = client.get("/exports/").content.decode()
    assert f'id="export-{department_tree.campaign.pk}"' in exports
    assert reverse("exports:table", args=[department_tree.campaign.slug, "pledges"]) in exports

"""The office reaches its downloads from every page of the dashboard."""

import re

import pytest
from django.urls import reverse

from office.exports.writers import XLSX_CONTENT_TYPE


@pytest.mark.parametrize("name", ["office:matrix", "office:statistics", "office:candidates"])
def test_every_dashboard_page_links_to_the_workbook_and_the_csv_files(client, world, name):
    client.force_login(world.office)
    page = client.get(reverse(name, args=[world.campaign.slug])).content.decode()
    workbook = reverse("exports:workbook", args=[world.campaign.slug])
    assert f'href="{workbook}"' in page
    response = client.get(workbook)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    csv_link = re.search(r'href="(/exports/#export-(\d+))"', page)
    assert csv_link and int(csv_link[2]) == world.campaign.pk
    exports = client.get("/exports/").content.decode()
    assert f'id="export-{world.campaign.pk}"' in exports
    assert reverse("exports:table", args=[world.campaign.slug, "pledges"]) in exports

"""Downloads of a campaign's data for the office: the workbook and one CSV per table.

Office admins only (anyone else signed in gets 403, like the review queue); each download runs
a fixed number of queries whatever the size of the campaign.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache

from campaign.models import Campaign
from kit.roles import office_required
from office.exports.tables import TABLES, TITLES, campaign_tables
from office.exports.writers import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    csv_bytes,
    workbook_bytes,
)


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _stamp() -> str:
    return timezone.localdate().isoformat()


@office_required
def export_list(request):
    campaigns = Campaign.objects.with_span().order_by("-published_on", "-pk")
    tables = list(TITLES.items())
    return render(request, "office/export_list.html", {"campaigns": campaigns, "tables": tables})


@never_cache
@office_required
def workbook_download(request, slug: str):
    campaign = get_object_or_404(Campaign.objects.all(), slug=slug)
    base_url = request.build_absolute_uri("/").rstrip("/")
    content = workbook_bytes(
        campaign_tables(campaign, base_url=base_url),
        title=campaign.title,
        creator=campaign.issuing_body,
    )
    return _attachment(content, XLSX_CONTENT_TYPE, f"{campaign.slug}-{_stamp()}.xlsx")


@never_cache
@office_required
def table_download(request, slug: str, table: str):
    campaign = get_object_or_404(Campaign.objects.all(), slug=slug)
    build = TABLES.get(table)
    if build is None:
        raise Http404
    base_url = request.build_absolute_uri("/").rstrip("/")
    content = csv_bytes(build(campaign, base_url=base_url))
    return _attachment(content, CSV_CONTENT_TYPE, f"{campaign.slug}-{table}-{_stamp()}.csv")

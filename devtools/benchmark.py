"""The reference view of `make bench`, in the shape of the TechEmpower "fortunes" test: one
query for 12 rows, one row added in memory, sorted, and rendered as an HTML table by a Django
template. Served by the same gunicorn and middleware as the portal's pages, it is what their
speed is measured against. Its URL exists only with PORTAL_BENCHMARK on (config/urls.py).
"""

from __future__ import annotations

from django.shortcuts import render

from units.models import Unit

ADDED_ROW = (0, "Additional fortune added at request time.")


def fortunes(request):
    rows = list(Unit.objects.order_by("pk").values_list("pk", "name")[:12])
    rows.append(ADDED_ROW)
    rows.sort(key=lambda row: row[1])
    return render(request, "devtools/fortunes.html", {"fortunes": rows})

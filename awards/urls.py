"""The office's pages of the commendation decisions, under /office/awards/ (office only), and
what unit heads and visitors may read of them.

Each part keeps its own block below; the permission table (tests/test_url_permissions.py) has a
row for every name.
"""

from django.urls import path  # noqa: F401 - each block below adds its own

app_name = "awards"

urlpatterns: list = []

# --- evaluation rounds: the proposal table, the council's minutes and the submission

# --- decisions: print, DOCX, annexed list

# --- certificates

# --- achievement records, unit heads' outcomes, public decisions
from awards.views import records  # noqa: E402 - each block imports its own views

urlpatterns += [
    path("office/awards/records/", records.record_list, name="records"),
    path("office/awards/records/<slug:unit>/", records.unit_record, name="unit-record"),
    path(
        "office/awards/records/<slug:unit>/person/<str:name>/",
        records.person_record,
        name="record",
    ),
    path("records/", records.my_records, name="my-records"),
    path("records/outcomes/", records.outcomes, name="outcomes"),
]

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

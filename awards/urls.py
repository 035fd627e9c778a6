"""The office's pages of the commendation decisions, under /office/awards/ (office only), and
what unit heads and visitors may read of them.

Each part keeps its own block below; the permission table (tests/test_url_permissions.py) has a
row for every name.
"""

from django.urls import path

from awards.views import rounds

app_name = "awards"

urlpatterns: list = []

# --- evaluation rounds: the proposal table, the council's minutes and the submission
urlpatterns += [
    path("office/awards/rounds/", rounds.round_list, name="rounds"),
    path("office/awards/rounds/<int:pk>/", rounds.round_detail, name="round"),
    path(
        "office/awards/rounds/<int:pk>/nominations/",
        rounds.add_nominations,
        name="round-nominations",
    ),
    path("office/awards/rounds/<int:pk>/minutes/", rounds.minutes, name="minutes"),
    path("office/awards/rounds/<int:pk>/submission/", rounds.submission, name="submission"),
]

# --- decisions: print, DOCX, annexed list

# --- certificates

# --- achievement records, unit heads' outcomes, public decisions

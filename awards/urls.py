"""The office's pages of the commendation decisions, under /office/awards/ (office only), and
what unit heads and visitors may read of them.

Each part keeps its own block below; the permission table (tests/test_url_permissions.py) has a
row for every name.
"""

from django.urls import path  # noqa: F401 - each block below adds its own

from awards.views import certificates, public

app_name = "awards"

urlpatterns: list = []

# --- evaluation rounds: the proposal table, the council's minutes and the submission

# --- decisions: print, DOCX, annexed list

# --- certificates
urlpatterns += [
    path(
        "office/awards/decisions/<int:pk>/certificates/",
        certificates.certificates,
        name="certificates",
    ),
    path(
        "office/awards/decisions/<int:pk>/certificates/<int:award_pk>/",
        certificates.certificate,
        name="certificate",
    ),
    path(
        "office/awards/decisions/<int:pk>/certificates/salutations/",
        certificates.certificate_salutations,
        name="certificate-salutations",
    ),
    path(
        "office/awards/certificates/emblem/",
        certificates.certificate_emblem,
        name="certificate-emblem",
    ),
    # A decision the office marked public, for visitors.
    path("decisions/<int:pk>/", public.public_decision, name="public-decision"),
]

# --- achievement records, unit heads' outcomes, public decisions

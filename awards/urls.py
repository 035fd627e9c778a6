"""The office's pages of the commendation decisions, under /office/awards/ (office only), and
what unit heads and visitors may read of them.

Each part keeps its own block below; the permission table (tests/test_url_permissions.py) has a
row for every name.
"""

from django.urls import path

from awards.views import certificates, decisions, public, records, rounds

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
urlpatterns += [
    path(
        "office/awards/rounds/<int:pk>/decision/",
        decisions.decision_create,
        name="decision-create",
    ),
    path("office/awards/decisions/<int:pk>/", decisions.decision_detail, name="decision"),
    path(
        "office/awards/decisions/<int:pk>/issue/", decisions.decision_issue, name="decision-issue"
    ),
    path(
        "office/awards/decisions/<int:pk>/amend/", decisions.decision_amend, name="decision-amend"
    ),
    path(
        "office/awards/decisions/<int:pk>/print/", decisions.decision_print, name="decision-print"
    ),
    path("office/awards/decisions/<int:pk>/docx/", decisions.decision_docx, name="decision-docx"),
    path(
        "office/awards/decisions/<int:pk>/annex.xlsx",
        decisions.decision_annex,
        name="decision-annex",
    ),
]

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

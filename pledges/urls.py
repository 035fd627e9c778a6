from django.urls import path

from pledges import views

app_name = "pledges"

urlpatterns = [
    path("workspace/", views.workspace, name="workspace"),
    path("workspace/start/", views.start, name="start"),
    path("workspace/<slug:unit>/<slug:campaign>/new/", views.pledge_create, name="create"),
    path("workspace/pledges/<int:pk>/edit/", views.pledge_update, name="update"),
    path("workspace/pledges/<int:pk>/delete/", views.pledge_delete, name="delete"),
    path("workspace/pledges/<int:pk>/submit/", views.pledge_submit, name="submit"),
    path("workspace/pledges/<int:pk>/report/", views.progress_report_create, name="report"),
    path("review/", views.review_queue, name="review-queue"),
    path("review/<int:pk>/", views.review, name="review"),
    path("pledges/<int:pk>/", views.pledge_detail, name="detail"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence"),
    path(
        "evidence/<int:pk>/thumb/",
        views.evidence_file,
        {"rendition": "thumb"},
        name="evidence-thumb",
    ),
]

"""The campaign office's dashboard and review reports, under /office/ (office admins only)."""

from django.urls import path

from office import awards, dashboard

app_name = "office"

urlpatterns = [
    path("", dashboard.index, name="index"),
    # Before the campaign's pages, so that no campaign slug can stand for "awards".
    path("awards/rounds/<int:pk>/candidates/", awards.add_candidates, name="round-candidates"),
    path("<slug:slug>/", dashboard.matrix, name="matrix"),
    path("<slug:slug>/statistics/", dashboard.statistics, name="statistics"),
    path("<slug:slug>/candidates/", dashboard.candidates, name="candidates"),
    path("<slug:slug>/report/", dashboard.report, name="report"),
    path("<slug:slug>/report/<slug:unit>/", dashboard.report, name="unit-report"),
]

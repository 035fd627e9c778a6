"""The campaign office's dashboard and review reports, under /office/ (office admins only)."""

from django.urls import path

from office import dashboard

app_name = "office"

urlpatterns = [
    path("", dashboard.index, name="index"),
    path("<slug:slug>/", dashboard.matrix, name="matrix"),
    path("<slug:slug>/statistics/", dashboard.statistics, name="statistics"),
    path("<slug:slug>/candidates/", dashboard.candidates, name="candidates"),
    path("<slug:slug>/report/", dashboard.report, name="report"),
    path("<slug:slug>/report/<slug:unit>/", dashboard.report, name="unit-report"),
]

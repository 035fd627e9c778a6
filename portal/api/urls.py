from django.urls import path

from portal.api import views

app_name = "api"

urlpatterns = [
    path("", views.index, name="index"),
    path("campaigns/", views.campaigns, name="campaigns"),
    path("themes/", views.themes, name="themes"),
    path("units/", views.units, name="units"),
    path("pledges/", views.pledges, name="pledges"),
    path("commendations/", views.commendations, name="commendations"),
    path("scores/", views.scores, name="scores"),
]

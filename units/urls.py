from django.urls import path

from units import views

app_name = "units"

urlpatterns = [
    path("", views.UnitListView.as_view(), name="list"),
    path("<slug:slug>/", views.UnitDetailView.as_view(), name="detail"),
]

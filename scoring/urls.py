from django.urls import path

from scoring import views

app_name = "scoring"

urlpatterns = [
    path("leaderboard/", views.leaderboard_current, name="leaderboard-current"),
    path("leaderboard/<slug:slug>/", views.leaderboard, name="leaderboard"),
    path("leaderboard/<slug:slug>/<int:pk>/", views.leaderboard, name="leaderboard-round"),
]

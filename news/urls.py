from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("news/", views.CommendationListView.as_view(), name="list"),
    path("news/feeds/rss/", feeds.CommendationFeed(), name="feed-rss"),
    path("news/feeds/atom/", feeds.CommendationAtomFeed(), name="feed-atom"),
    path(
        "news/feeds/themes/<slug:slug>/<int:number>/rss/",
        feeds.ThemeRssFeed(),
        name="theme-feed-rss",
    ),
    path(
        "news/feeds/themes/<slug:slug>/<int:number>/atom/",
        feeds.ThemeAtomFeed(),
        name="theme-feed-atom",
    ),
    path("news/<slug:slug>/", views.CommendationDetailView.as_view(), name="detail"),
    path("honour-board/", views.honour_board_current, name="honour-board-current"),
    path("honour-board/<slug:slug>/", views.honour_board, name="honour-board"),
    path("nominations/", views.NominationListView.as_view(), name="nomination-list"),
    path("nominations/new/", views.NominationCreateView.as_view(), name="nomination-create"),
    path("nominations/<int:pk>/", views.NominationDetailView.as_view(), name="nomination-detail"),
    path(
        "nominations/<int:pk>/edit/", views.NominationUpdateView.as_view(), name="nomination-update"
    ),
    path(
        "nominations/<int:pk>/images/<int:image>/",
        views.nomination_image,
        name="nomination-image",
    ),
]

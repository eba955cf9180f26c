from django.urls import path

from home import feeds, views

app_name = "home"
urlpatterns = [
    path("recherche/", views.search, name="search"),
    path("suivre/comite/<int:pk>/", views.committee_follow, name="committee_follow"),
    path("flux/<str:token>/actualites.xml", feeds.news_feed, name="news_feed"),
    path(
        "flux/<str:token>/comites/<int:pk>.xml",
        feeds.news_feed,
        name="committee_feed",
    ),
]

from django.urls import path

from activity import views

app_name = "activity"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/<int:pk>/lue/", views.notification_read, name="read"),
    path("notifications/tout-lu/", views.notification_read_all, name="read_all"),
    path("notifications/preferences/", views.preferences, name="preferences"),
    path(
        "notifications/push/abonnement/",
        views.push_subscribe,
        name="push_subscribe",
    ),
    path(
        "notifications/push/desabonnement/",
        views.push_unsubscribe,
        name="push_unsubscribe",
    ),
    path(
        "notifications/desabonnement/<str:token>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
    path("signaler/<str:label>/<int:pk>/", views.content_report, name="report"),
    path("fil/", views.my_feed, name="mine"),
    path("fil/reseau/", views.network_feed, name="network"),
    path("fil/comites/<int:pk>/", views.committee_feed, name="committee"),
    path(
        "fil/comites/<int:pk>/visibilite/",
        views.committee_feed_settings,
        name="committee_settings",
    ),
    path("fil/membres/<int:pk>/", views.member_feed, name="member"),
    path("fil/publier/", views.post_create, name="post_create"),
    path("fil/publications/<int:pk>/", views.post_detail, name="post_detail"),
    path("fil/publications/<int:pk>/modifier/", views.post_edit, name="post_edit"),
    path("fil/publications/<int:pk>/supprimer/", views.post_delete, name="post_delete"),
    path("fil/publications/<int:pk>/masquer/", views.post_hide, name="post_hide"),
    path(
        "fil/publications/<int:pk>/reagir/",
        views.reaction_toggle,
        name="reaction_toggle",
    ),
    path(
        "fil/publications/<int:pk>/commenter/",
        views.comment_create,
        name="comment_create",
    ),
    path(
        "fil/commentaires/<int:pk>/modifier/", views.comment_edit, name="comment_edit"
    ),
    path(
        "fil/commentaires/<int:pk>/supprimer/",
        views.comment_delete,
        name="comment_delete",
    ),
    path("fil/commentaires/<int:pk>/masquer/", views.comment_hide, name="comment_hide"),
]

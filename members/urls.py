from django.urls import path

from members import views

app_name = "members"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:pk>/", views.profile_detail, name="profile_detail"),
    path("<int:pk>/suivre/", views.member_follow, name="follow"),
    path(
        "<int:pk>/abonnes/",
        views.follow_list,
        {"direction": "followers"},
        name="followers",
    ),
    path(
        "<int:pk>/abonnements/",
        views.follow_list,
        {"direction": "following"},
        name="following",
    ),
    path("mon-profil/", views.profile_edit, name="profile_edit"),
    path(
        "premiers-pas/masquer/",
        views.first_steps_dismiss,
        name="first_steps_dismiss",
    ),
    path("suggestions/", views.mention_suggestions, name="mention_suggestions"),
    path("comites/<int:pk>/", views.committee_manage, name="committee_manage"),
    path("comites/<int:pk>/rejoindre/", views.committee_join, name="committee_join"),
    path("mon-compte/", views.account, name="account"),
    path("mon-compte/adresse/", views.email_change, name="email_change"),
    path("mon-compte/donnees/", views.data_download, name="data_download"),
    path("mon-compte/supprimer/", views.account_delete, name="account_delete"),
    path(
        "mon-compte/adresse/<str:token>/",
        views.email_change_confirm,
        name="email_change_confirm",
    ),
    path(
        "mon-compte/flux/renouveler/", views.feed_token_renew, name="feed_token_renew"
    ),
    path("invitations/", views.invitation_list, name="invitation_list"),
    path(
        "invitations/<int:pk>/revoquer/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
]

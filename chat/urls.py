from django.urls import path

from chat import views

app_name = "chat"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.room, name="room"),
    path("<int:pk>/envoyer/", views.send, name="send"),
    path("<int:pk>/lu/", views.read, name="read"),
    path("<int:pk>/silence/", views.mute, name="mute"),
    path("<int:pk>/quitter/", views.leave, name="leave"),
    path("<int:pk>/acces/", views.access, name="access"),
    path("nouvelle/", views.conversation_new, name="new"),
    path("avec/<int:pk>/", views.conversation_with, name="with"),
    path("messages/<int:pk>/modifier/", views.message_edit, name="edit"),
    path("messages/<int:pk>/supprimer/", views.message_delete, name="delete"),
    path("messages/<int:pk>/reaction/", views.react, name="react"),
    path("fichiers/<int:pk>/", views.attachment, name="attachment"),
    path(
        "fichiers/<int:pk>/vignette/",
        views.attachment_thumbnail,
        name="attachment_thumbnail",
    ),
]

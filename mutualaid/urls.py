from django.urls import path

from mutualaid import views

app_name = "mutualaid"
urlpatterns = [
    path("", views.entry_list, name="list"),
    path("nouveau/", views.entry_create, name="create"),
    path("<int:pk>/", views.entry_detail, name="entry"),
    path("<int:pk>/modifier/", views.entry_edit, name="edit"),
    path("<int:pk>/repondre/", views.answer_create, name="answer"),
    path("<int:pk>/regle/", views.entry_close, name="close"),
    path("<int:pk>/masquer/", views.entry_hide, name="hide"),
    path(
        "<int:pk>/reponses/<int:answer>/discuter/",
        views.conversation_start,
        name="conversation",
    ),
]

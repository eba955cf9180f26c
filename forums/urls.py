from django.urls import path

from forums import views

app_name = "forums"
urlpatterns = [
    path("", views.category_list, name="categories"),
    path("apercu/", views.preview, name="preview"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/journal/", views.moderation_log, name="moderation_log"),
    path("sujets/<int:pk>/", views.topic_detail, name="topic"),
    path("sujets/<int:pk>/non-lu/", views.topic_first_unread, name="first_unread"),
    path("sujets/<int:pk>/lu/", views.topic_read, name="topic_read"),
    path("sujets/<int:pk>/repondre/", views.post_create, name="reply"),
    path("sujets/<int:pk>/suivre/", views.watch, name="topic_watch"),
    path("sujets/<int:pk>/moderer/", views.topic_moderate, name="topic_moderate"),
    path("messages/<int:pk>/", views.post_permalink, name="post"),
    path("messages/<int:pk>/citation/", views.post_quote, name="post_quote"),
    path("messages/<int:pk>/modifier/", views.post_edit, name="post_edit"),
    path("messages/<int:pk>/supprimer/", views.post_delete, name="post_delete"),
    path("messages/<int:pk>/masquer/", views.post_hide, name="post_hide"),
    path("messages/<int:pk>/versions/", views.post_revisions, name="post_revisions"),
    path("messages/<int:pk>/reagir/", views.reaction_toggle, name="reaction_toggle"),
    path("messages/<int:pk>/signaler/", views.post_report, name="post_report"),
    path("<slug:slug>/", views.category_detail, name="category"),
    path("<slug:slug>/nouveau-sujet/", views.topic_create, name="topic_create"),
    path("<slug:slug>/suivre/", views.watch, name="category_watch"),
    path("<slug:slug>/tout-lu/", views.mark_all_read, name="mark_all_read"),
]

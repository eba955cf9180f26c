from django.urls import path

from missions import views

app_name = "missions"
urlpatterns = [
    path("", views.mission_list, name="list"),
    path("miennes/", views.mission_mine, name="mine"),
    path("repondues/", views.mission_answered, name="answered"),
    path("nouvelle/", views.mission_create, name="create"),
    path("<int:pk>/", views.mission_detail, name="detail"),
    path("<int:pk>/modifier/", views.mission_edit, name="edit"),
    path("<int:pk>/interesse/", views.answer_create, name="answer"),
    path("<int:pk>/retirer/", views.answer_withdraw, name="withdraw"),
    path("<int:pk>/cloturer/", views.mission_close, name="close"),
    path("<int:pk>/conversation/", views.conversation_open, name="conversation"),
    path("<int:pk>/masquer/", views.mission_hide, name="hide"),
]

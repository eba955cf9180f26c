from django.urls import path

from activity import views

app_name = "activity"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/lue/", views.notification_read, name="read"),
    path("tout-lu/", views.notification_read_all, name="read_all"),
    path("preferences/", views.preferences, name="preferences"),
]

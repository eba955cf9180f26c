from django.urls import path

from members import views

app_name = "members"
urlpatterns = [
    path("invitations/", views.invitation_list, name="invitation_list"),
    path(
        "invitations/<int:pk>/revoquer/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
]

"""Account pages that live beside allauth's, under the same prefix."""

from django.urls import path

from members import views

urlpatterns = [
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
]

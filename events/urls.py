from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("<int:pk>/reponse/", views.rsvp, name="rsvp"),
    path("<int:pk>/agenda.ics", views.event_ics, name="ics"),
    path("<int:pk>/participants.csv", views.attendees_csv, name="attendees_csv"),
    path("<int:pk>/covoiturage/proposer/", views.offer_create, name="offer_create"),
    path("<int:pk>/covoiturage/chercher/", views.ride_request, name="ride_request"),
    path("covoiturage/<int:pk>/retirer/", views.offer_withdraw, name="offer_withdraw"),
    path("covoiturage/<int:pk>/demander/", views.seat_request, name="seat_request"),
    path("covoiturage/places/<int:pk>/", views.seat_answer, name="seat_answer"),
    path("calendrier/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]

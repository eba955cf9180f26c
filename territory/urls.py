from django.urls import path

from territory import views

app_name = "territory"
urlpatterns = [
    path("", views.broadband_map, name="broadband_map"),
    path("tester/", views.speed_test, name="speed_test"),
    path("saisir/", views.manual_entry, name="manual_entry"),
    path("mes-tests/", views.my_tests, name="my_tests"),
    path("mes-tests/<int:pk>/supprimer/", views.test_delete, name="test_delete"),
    path("mesure/ping/", views.ping, name="ping"),
    path("mesure/descente/", views.download, name="download"),
    path("mesure/montee/", views.upload, name="upload"),
]

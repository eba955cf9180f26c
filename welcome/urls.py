from django.urls import path

from welcome import views

app_name = "welcome"
urlpatterns = [
    # The family's side, public.
    path("venir-dans-le-gers/", views.apply, name="apply"),
    path("venir-dans-le-gers/merci/", views.thanks, name="thanks"),
    path("venir-dans-le-gers/lien/", views.link_request, name="link_request"),
    path("venir-dans-le-gers/lien/<str:token>/", views.link, name="link"),
    path("venir-dans-le-gers/mon-projet/", views.my_project, name="my_project"),
    path("venir-dans-le-gers/mon-projet/retirer/", views.withdraw, name="withdraw"),
    # The programme team's and the committees' side.
    path("nouveaux-arrivants/", views.index, name="index"),
    path("nouveaux-arrivants/chiffres/", views.dashboard, name="dashboard"),
    path(
        "nouveaux-arrivants/chiffres/<slug:table>.csv",
        views.dashboard_csv,
        name="dashboard_csv",
    ),
    path("nouveaux-arrivants/<int:pk>/", views.project, name="project"),
    path("nouveaux-arrivants/<int:pk>/etape/", views.move, name="move"),
    path("nouveaux-arrivants/<int:pk>/comite/", views.route, name="route"),
    path("nouveaux-arrivants/<int:pk>/parrain/", views.sponsor, name="sponsor"),
    path("nouveaux-arrivants/<int:pk>/note/", views.note, name="note"),
    path("nouveaux-arrivants/<int:pk>/conversation/", views.join, name="join"),
    path("nouveaux-arrivants/<int:pk>/inviter/", views.invite, name="invite"),
    path("nouveaux-arrivants/etape/<int:pk>/", views.item, name="item"),
]

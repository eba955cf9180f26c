from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from intranet import pwa, views
from members import views as member_views

handler400 = "intranet.views.bad_request"
handler500 = "intranet.views.server_error"

urlpatterns = [
    path("health/", views.health, name="health"),
    # The app on a phone: at the root, so that the worker looks after every page.
    path("manifest.webmanifest", pwa.manifest, name="pwa_manifest"),
    path("sw.js", pwa.worker, name="pwa_worker"),
    path("hors-ligne/", pwa.offline, name="pwa_offline"),
    path("langue/", member_views.language_set, name="language_set"),
    # Every login goes through allauth's form, which counts failed attempts; the
    # Wagtail admin's own form would be a second, unthrottled door.
    path(
        "admin/login/",
        login_not_required(
            RedirectView.as_view(pattern_name="account_login", query_string=True)
        ),
    ),
    # Same for the login form Wagtail shows in front of private pages.
    path(
        "_util/login/",
        login_not_required(
            RedirectView.as_view(pattern_name="account_login", query_string=True)
        ),
    ),
    # Wagtail's page choosers and page types report, showing another committee's
    # pages only as published and readable (committees.rights).
    path("admin/choose-page/", home_views.page_browse),
    path("admin/choose-page/<int:parent_page_id>/", home_views.page_browse),
    path("admin/choose-page/search/", home_views.page_search),
    path(
        "admin/choose-page/chosen-multiple/",
        home_views.page_chosen_multiple,
        name="wagtailadmin_choose_page_chosen_multiple",
    ),
    path("admin/reports/page-types-usage/", home_views.page_types_usage_report),
    path(
        "admin/reports/page-types-usage/results/",
        home_views.page_types_usage_results,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("comptes/", include("members.account_urls")),
    # allauth's page for extra e-mail addresses: a member's address is the one
    # they were invited with (changing it comes with its own verification).
    path("comptes/email/", home_views.not_found),
    path("comptes/", include("allauth.urls")),
    path("membres/", include("members.urls")),
    path("confidentialite/", member_views.privacy, name="privacy"),
    path("", include("activity.urls")),
    path("forums/", include("forums.urls")),
    path("rencontres/", include("events.urls")),
    path("discussions/", include("chat.urls")),
    path("debit/", include("territory.urls")),
    path("missions/", include("missions.urls")),
    path("entraide/", include("mutualaid.urls")),
    path("", include("welcome.urls")),
    path("", include("home.urls")),
    # Uploaded files are served by Django behind the login wall; in production
    # nginx can take over with X-Accel-Redirect later without changing URLs.
    re_path(r"^media/(?P<path>.*)$", views.media),
    # Pages decide themselves who may read them (see home.wagtail_hooks).
    re_path(r"^((?:[\w\-]+/)*)$", home_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]

"""Another URLconf, for `test_links`: the members' URLs under another prefix."""

from django.urls import include, path

urlpatterns = [path("ailleurs/membres/", include("members.urls"))]

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from events import admin_views
from events.models import EventPage
from intranet.links import reverse


@hooks.register("register_admin_urls")
def series_urls():
    return [
        path(
            "rencontres/<int:pk>/repeter/",
            admin_views.series_create,
            name="events_series_create",
        )
    ]


@hooks.register("register_page_header_buttons")
def series_button(page, user, view_name, next_url=None):
    if page.specific_class is EventPage and (
        page.get_parent().permissions_for_user(user).can_add_subpage()
    ):
        yield Button(
            _("Repeat (series)"),
            reverse("events_series_create", args=[page.pk]),
            icon_name="date",
            priority=35,
        )

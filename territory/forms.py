from django import forms
from django.utils.translation import gettext_lazy as _

from communes.models import Commune
from territory.models import (
    MAX_LATENCY_MS,
    MAX_MBPS,
    Place,
    Technology,
    WorkspacePage,
)


def _figure(label, top, help_text=""):
    return forms.FloatField(
        label=label,
        min_value=0,
        max_value=top,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        error_messages={
            "min_value": _("A measure cannot be negative."),
            "max_value": _("This value is not possible (at most %(limit_value)s)."),
        },
    )


class SpeedTestForm(forms.Form):
    """A test's figures and what the member confirms (the commune, the
    technology, the place); the same fields measured here or copied by hand."""

    commune = forms.ModelChoiceField(
        queryset=Commune.objects.order_by("name"),
        label=_("Commune of the line"),
        empty_label=_("Choose a commune"),
    )
    technology = forms.ChoiceField(
        label=_("Technology"), choices=Technology.choices, widget=forms.RadioSelect
    )
    place = forms.ChoiceField(
        label=_("Where"),
        choices=Place.choices,
        initial=Place.HOME,
        widget=forms.RadioSelect,
    )
    workspace = forms.ModelChoiceField(
        queryset=WorkspacePage.objects.live().order_by("title"),
        label=_("Which workspace"),
        required=False,
        empty_label=_("None of the directory's"),
        help_text=_("If you test in a workspace of the directory: its page shows it."),
    )
    download_mbps = _figure(_("Download (Mb/s)"), MAX_MBPS)
    upload_mbps = _figure(_("Upload (Mb/s)"), MAX_MBPS)
    latency_ms = _figure(_("Latency (ms)"), MAX_LATENCY_MS)


class ManualTestForm(SpeedTestForm):
    measured_on = forms.DateField(
        label=_("Date of the test"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class WorkspaceFilterForm(forms.Form):
    commune = forms.ModelChoiceField(
        queryset=Commune.objects.order_by("name"),
        label=_("Near"),
        required=False,
        empty_label=_("Anywhere in the Gers"),
    )
    distance = forms.TypedChoiceField(
        label=_("Within"),
        choices=[
            ("", _("any distance")),
            ("10", _("10 km")),
            ("20", _("20 km")),
            ("30", _("30 km")),
            ("50", _("50 km")),
        ],
        coerce=int,
        empty_value=0,
        required=False,
    )
    equipment = forms.MultipleChoiceField(
        label=_("With"),
        choices=[
            ("has_meeting_room", _("meeting room")),
            ("has_videoconference", _("video-conference")),
            ("has_printer", _("printer")),
            ("has_lockers", _("lockers")),
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class MeetingForm(forms.Form):
    day = forms.DateField(
        label=_("Day"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(
        label=_("A word for the others"),
        max_length=300,
        required=False,
        help_text=_("E.g. “Working there all day, lunch together at noon?”"),
    )

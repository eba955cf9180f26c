from django import forms
from django.utils.translation import gettext_lazy as _

from communes.models import Commune
from events.models import MAX_CAR_SEATS, MAX_GUESTS
from events.services import MAX_SERIES, Repeat


class RsvpForm(forms.Form):
    going = forms.TypedChoiceField(
        label=_("Your answer"),
        choices=[("yes", _("I'm going")), ("no", _("I'm not going"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    # The service checks the meetup's own limit; the form only the shape.
    guests = forms.IntegerField(
        label=_("Guests"),
        required=False,
        initial=0,
        min_value=0,
        max_value=MAX_GUESTS,
        error_messages={"min_value": _("The number of guests cannot be negative.")},
    )


class _CommuneField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Commune.objects.order_by("name"),
            label=_("Leaving from"),
            empty_label=_("Choose a commune"),
            **kwargs,
        )


class OfferForm(forms.Form):
    commune = _CommuneField()
    departure = forms.TimeField(
        label=_("Departure time"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    seats = forms.IntegerField(
        label=_("Seats offered"), min_value=1, max_value=MAX_CAR_SEATS, initial=3
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Meeting point, way back, room for a bike…"),
    )


class RideForm(forms.Form):
    commune = _CommuneField()
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class SeriesForm(forms.Form):
    rule = forms.ChoiceField(
        label=_("Repeats"), choices=Repeat.choices, widget=forms.RadioSelect
    )
    count = forms.IntegerField(
        label=_("Number of dates, this one included"),
        min_value=2,
        max_value=MAX_SERIES,
        initial=6,
    )
    publish = forms.BooleanField(
        label=_("Publish the new dates at once"),
        required=False,
        help_text=_("Otherwise they are saved as drafts."),
    )

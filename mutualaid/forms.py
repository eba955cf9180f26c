from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from communes.models import Commune
from communes.selectors import commune_choices
from mutualaid.models import Category, HelpEntry


class EntryForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of entry"),
        choices=[
            (HelpEntry.Kind.REQUEST, _("I ask for help")),
            (HelpEntry.Kind.OFFER, _("I offer help")),
        ],
        widget=forms.RadioSelect,
        initial=HelpEntry.Kind.REQUEST,
    )
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    title = forms.CharField(
        label=_("In one line"),
        max_length=120,
        help_text=_(
            "E.g. “Borrow a projector for Saturday” or “Ride to Auch station”."
        ),
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    commune = forms.TypedChoiceField(
        label=_("Commune"),
        coerce=int,
        help_text=_("Where it takes place: yours unless you choose another."),
    )
    skill = forms.CharField(
        label=_("Skill (optional)"),
        required=False,
        max_length=50,
        help_text=_("For advice: the skill it needs, as members name it."),
        widget=forms.TextInput(attrs={"list": "skill-suggestions"}),
    )
    days = forms.TypedChoiceField(
        label=_("Until"),
        coerce=int,
        choices=[
            (7, _("in a week")),
            (14, _("in two weeks")),
            (30, _("in a month")),
            (90, _("in three months")),
        ],
        initial=HelpEntry.DEFAULT_DAYS,
    )

    def __init__(
        self, *args, commune: int | None = None, expires: date | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["commune"].choices = [("", "—"), *commune_choices()]
        if commune is not None:
            self.fields["commune"].initial = commune
        if expires is not None:  # changing an entry: its date may stay
            days = self.fields["days"]
            days.choices = [
                ("", _("as now (%(date)s)") % {"date": date_format(expires)}),
                *days.choices,
            ]
            days.required, days.empty_value, days.initial = False, None, ""

    def clean_commune(self):
        try:
            return Commune.objects.get(pk=self.cleaned_data["commune"])
        except Commune.DoesNotExist:
            raise forms.ValidationError(_("Choose a commune of the Gers.")) from None


class AnswerForm(forms.Form):
    message = forms.CharField(
        label=_("Your message for its author"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Offers and requests")), *HelpEntry.Kind.choices],
    )
    categorie = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All")), *Category.choices],
    )
    etat = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("open", _("Open")),
            ("closed", _("Settled or expired")),
            ("mine", _("Mine")),
        ],
    )

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from committees.models import CommitteePage
from communes.models import Commune
from welcome.models import (
    Broadband,
    ChecklistItem,
    HousingType,
    Person,
    SchoolLevel,
    Stage,
    Tenure,
    Timeline,
    WorkMode,
)

MAX_COMMUNES = 10


class AdultForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "profession", "work_mode"]
        labels = {"work_mode": _("Work")}
        help_texts = {
            "email": _("To invite them to the network once you have settled."),
            "profession": _("E.g. “UX designer”, “accountant”, “baker”."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "profession", "work_mode"):
            self.fields[name].required = True
        self.fields["work_mode"].choices = [("", "—"), *WorkMode.choices]


class ChildForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "school_level"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_level"].required = True
        self.fields["school_level"].choices = [("", "—"), *SchoolLevel.choices]

    def has_changed(self) -> bool:
        # A slot left empty is no child: only a school level makes one.
        return bool(self.data.get(self.add_prefix("school_level"))) or bool(
            self.data.get(self.add_prefix("first_name"), "").strip()
        )


class BaseAdultFormSet(forms.BaseFormSet):
    default_error_messages = {
        "too_few_forms": _("Tell us about at least one adult."),
        "too_many_forms": _(
            "Two adults at most: tell us about others in your questions."
        ),
    }


AdultFormSet = forms.formset_factory(
    AdultForm,
    formset=BaseAdultFormSet,
    extra=1,
    min_num=1,
    max_num=2,
    validate_min=True,
    validate_max=True,
)
ChildFormSet = forms.formset_factory(ChildForm, extra=4, max_num=4, validate_max=True)


def _committees():
    return CommitteePage.objects.live().select_related("commune").order_by("title")


class CommitteeChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.commune.name


class ProjectForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send your private link to follow your project there."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    current_location = forms.CharField(
        label=_("Where do you live now?"),
        max_length=120,
        help_text=_("Town and country, e.g. “Lyon, France”."),
    )
    committees = CommitteeChoice(
        label=_("Villages with a welcome committee"),
        queryset=CommitteePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    communes = forms.CharField(
        label=_("Other communes of the Gers"),
        max_length=600,
        required=False,
        help_text=_("Their names, separated by commas, e.g. “Marciac, Lectoure”."),
    )
    timeline = forms.ChoiceField(
        label=_("When would you like to come?"),
        choices=Timeline.choices,
        widget=forms.RadioSelect,
    )
    tenure = forms.ChoiceField(
        label=_("Rent or buy?"), choices=Tenure.choices, widget=forms.RadioSelect
    )
    housing_type = forms.ChoiceField(
        label=_("What kind of home?"), choices=HousingType.choices
    )
    broadband = forms.ChoiceField(
        label=_("Your internet needs"),
        choices=Broadband.choices,
        widget=forms.RadioSelect,
    )
    questions = forms.CharField(
        label=_("Your questions"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Schools, doctors, coworking, a business to take over…"),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the chamber of commerce's programme team, and the volunteers "
            "of the committee that will welcome us, use this information to help our "
            "project."
        ),
        error_messages={"required": _("We can only help you with your agreement.")},
    )
    # A field people never see (it is hidden from them and from screen readers):
    # robots that fill in every field give themselves away.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committees"].queryset = _committees().order_by("commune__name")
        self.fields["housing_type"].choices = [("", "—"), *HousingType.choices]

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean_communes(self) -> list[Commune]:
        names = [
            name.strip()
            for name in self.cleaned_data["communes"].replace(";", ",").split(",")
        ]
        names = [name for name in names if name]
        if len(names) > MAX_COMMUNES:
            raise ValidationError(
                _("Name at most %(max)d communes."), params={"max": MAX_COMMUNES}
            )
        found = {c.slug: c for c in Commune.objects.filter(
            slug__in=[slugify(name) for name in names])}  # fmt: skip
        unknown = [name for name in names if slugify(name) not in found]
        if unknown:
            raise ValidationError(
                _("We do not know %(names)s in the Gers: check the spelling."),
                params={"names": ", ".join(f"« {name} »" for name in unknown)},
            )
        return list(
            {found[slugify(name)].pk: found[slugify(name)] for name in names}.values()
        )


class LinkRequestForm(forms.Form):
    email = forms.EmailField(label=_("The e-mail address of your project"))


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MoveForm(forms.Form):
    to = forms.ChoiceField(label=_("Move to"), choices=Stage.choices)
    expected = forms.ChoiceField(choices=Stage.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason (to close the project)"), max_length=300, required=False
    )


class RouteForm(forms.Form):
    committee = forms.ModelChoiceField(
        label=_("Committee"), queryset=CommitteePage.objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = _committees()


class SponsorForm(forms.Form):
    sponsor = forms.ModelChoiceField(label=_("Sponsor"), queryset=None)

    def __init__(self, *args, project, **kwargs):
        from welcome.selectors import sponsor_choices

        super().__init__(*args, **kwargs)
        self.fields["sponsor"].queryset = sponsor_choices(project=project)


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Private note of the team"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ChecklistItemForm(forms.ModelForm):
    """One step of a family's checklist. `people` are those who may hold it,
    read once for all the steps of the page."""

    owner = forms.TypedChoiceField(label=_("Who"), required=False, coerce=int)

    class Meta:
        model = ChecklistItem
        fields = ["status", "due_on", "notes"]
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {person.pk: person for person in people}
        self.fields["owner"].choices = [("", _("Nobody yet"))] + [
            (pk, person.get_full_name()) for pk, person in self.people.items()
        ]
        self.fields["owner"].empty_value = None
        self.initial.setdefault("owner", self.instance.owner_id)
        self.order_fields(["status", "owner", "due_on", "notes"])

    def clean_owner(self):
        pk = self.cleaned_data["owner"]
        return None if pk is None else self.people[pk]

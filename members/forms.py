import html
from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.db import models
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from committees.models import CommitteeMembership
from communes.models import Commune
from intranet.text import printable, search_terms
from members import selectors
from members.models import LANGUAGE_CHOICES, OfferNeed, Profile, User


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    committee = forms.ModelChoiceField(
        label=_("Committee"),
        queryset=None,
        required=False,
        help_text=_("The new member joins this committee when they accept."),
    )
    message = forms.CharField(
        label=_("Personal message (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=1000,
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = selectors.committees_user_can_invite_to(
            user=user
        )
        self.fields["committee"].empty_label = _("None: the whole network")
        if not user.has_perm("members.add_invitation"):
            # A référent invites into one of their committees, never network-wide.
            self.fields["committee"].required = True
            self.fields["committee"].empty_label = None


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            candidate = User(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=User._meta.get_field("language").choices)


def _https_urls(model_field, **kwargs):
    """URL fields guess https:// when a member types "example.org"."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class ProfileForm(forms.ModelForm):
    skills = forms.CharField(
        label=_("Skills"),
        required=False,
        max_length=600,
        help_text=_("Separated by commas, e.g. “Translation, German, Subtitling”."),
        widget=forms.TextInput(attrs={"list": "skill-suggestions"}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_photo = forms.FileField(
        label=_("New photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        ),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)

    class Meta:
        model = Profile
        formfield_callback = _https_urls
        fields = [
            "display_name",
            "headline",
            "profession",
            "bio",
            "commune",
            "arrival_year",
            "languages",
            "phone",
            "website",
            "linkedin",
            "other_link",
            "open_to_collaborate",
            "helps_newcomers",
            "email_visibility",
            "phone_visibility",
            "commune_visibility",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 6}),
            "email_visibility": forms.RadioSelect,
            "phone_visibility": forms.RadioSelect,
            "commune_visibility": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    FIELDSETS = [
        (
            _("Who I am"),
            ["display_name", "headline", "profession", "bio", "commune",
             "arrival_year", "languages"],
        ),
        (_("Skills"), ["skills", "open_to_collaborate", "helps_newcomers"]),
        (_("Contact and links"), ["phone", "website", "linkedin", "other_link"]),
        (_("Photo"), ["new_photo", "remove_photo"]),
        (_("Privacy"), ["email_visibility", "phone_visibility", "commune_visibility"]),
    ]  # fmt: skip

    def fieldsets(self):
        return [
            (legend, [self[name] for name in names]) for legend, names in self.FIELDSETS
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["skills"] = ", ".join(
                self.instance.skills.order_by("name").values_list("name", flat=True)
            )
        self.fields["commune"].queryset = Commune.objects.order_by("name")
        self.fields["commune"].help_text = _("The commune you live in, in the Gers.")

    def clean_arrival_year(self):
        year = self.cleaned_data["arrival_year"]
        if year is not None and not 1950 <= year <= timezone.localdate().year:
            raise forms.ValidationError(_("Give a year between 1950 and this year."))
        return year

    def clean_skills(self):
        skills = [
            " ".join(part.split())[:50]
            for part in self.cleaned_data["skills"].split(",")
        ]
        # One spelling per skill, whatever the case: the first one typed wins.
        unique = {}
        for skill in skills:
            if skill:
                unique.setdefault(skill.casefold(), skill)
        skills = list(unique.values())
        if len(skills) > 30:
            raise forms.ValidationError(_("At most 30 skills."))
        return skills


class OfferNeedForm(forms.Form):
    """One line of what a member offers or looks for: a few words, and the skill
    it is about when there is one (from the same list as the profile's skills)."""

    text = forms.CharField(
        label=_("In a few words"),
        max_length=OfferNeed._meta.get_field("text").max_length,
        required=False,
        # A visible hint where the columns' headings are hidden (phones).
        widget=forms.TextInput(attrs={"placeholder": _("In a few words")}),
    )
    skill = forms.CharField(
        label=_("Skill (optional)"),
        max_length=50,
        required=False,
        widget=forms.TextInput(
            attrs={"list": "skill-suggestions", "placeholder": _("Skill (optional)")}
        ),
    )

    def clean_text(self):
        return " ".join(printable(self.cleaned_data["text"]).split())

    def clean_skill(self):
        return " ".join(self.cleaned_data["skill"].split())[:50]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("skill") and not cleaned.get("text"):
            self.add_error("text", _("Say in a few words what it is."))
        return cleaned


class BaseOfferNeedFormSet(forms.BaseFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # Every line is read, even one equal to its initial value (a blank line
        # is valid all the same): a form sent without INITIAL_FORMS would
        # otherwise skip the lines it did not change, and lose them.
        form.empty_permitted = False
        return form

    def entries(self) -> list[tuple[str, str]]:
        """(text, skill) of the lines filled in, in order."""
        return [
            (form.cleaned_data["text"], form.cleaned_data.get("skill", ""))
            for form in self.forms
            if form.cleaned_data.get("text")
        ]


# Two blank lines to fill in, up to eight per kind (a script adds lines; without
# it, saving brings two new blank lines).
OfferNeedFormSet = forms.formset_factory(
    OfferNeedForm,
    formset=BaseOfferNeedFormSet,
    extra=2,
    max_num=OfferNeed.MAX_PER_KIND,
    absolute_max=OfferNeed.MAX_PER_KIND,
    validate_max=True,
)


def offer_need_formsets(data, profile) -> dict[str, BaseOfferNeedFormSet]:
    """The profile's offers and needs, as two formsets (prefixes `offers`,
    `needs`). A form sent without a kind's lines (no management data: an older
    page, a script) leaves that kind unbound, and its lines as they are."""
    current: dict[str, list[dict]] = {OfferNeed.Kind.OFFER: [], OfferNeed.Kind.NEED: []}
    if profile is not None:
        for entry in profile.offers_needs.all():
            current[entry.kind].append(
                {"text": entry.text, "skill": entry.skill.name if entry.skill else ""}
            )
    return {
        kind: OfferNeedFormSet(
            data if data is not None and f"{kind}s-TOTAL_FORMS" in data else None,
            initial=current[kind],
            prefix=f"{kind}s",
        )
        for kind in (OfferNeed.Kind.OFFER, OfferNeed.Kind.NEED)
    }


class PlainSelect(forms.Select):
    """A select whose options are written in Python rather than through one
    template each: the directory's lists of communes and skills run to hundreds
    of options, and rendering them was most of the page's template time."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = mark_safe(  # noqa: S308  # every key and label escaped by _text
            "".join(
                f'<option value="{_text(key)}"'
                f"{' selected' if str(key) in chosen else ''}>{_text(label)}</option>"
                for key, label in self.choices
            )
        )
        final_attrs = self.build_attrs(self.attrs, attrs)
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(final_attrs), options
        )


class _PlainInput:
    """An `<input>` written in Python, as Django's `input.html` writes it (the same
    attributes in the same order): the directory's filters are on every visit."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        written = format_html('<input type="{}" name="{}"', widget["type"], name)
        if widget["value"] is not None:
            written += format_html(' value="{}"', str(widget["value"]))
        for key, given in widget["attrs"].items():
            if given is True:
                written += format_html(" {}", key)
            elif given is not False:
                written += format_html(' {}="{}"', key, str(given))
        return mark_safe(written + ">")  # noqa: S308  # each part escaped above


class PlainTextInput(_PlainInput, forms.TextInput):
    pass


class PlainCheckboxInput(_PlainInput, forms.CheckboxInput):
    pass


def _text(value: Any) -> str:
    """`conditional_escape` without the wrapper that lets it take lazy text: the
    cost of a long list of options."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class DirectoryForm(forms.Form):
    """The directory's filters; every field is optional and lives in the URL."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("A name, a profession, a skill…"),
        widget=PlainTextInput,
    )
    comite = forms.TypedChoiceField(
        label=_("Committee"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=PlainSelect,
    )
    commune = forms.TypedChoiceField(
        label=_("Commune"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=PlainSelect,
    )
    competence = forms.ChoiceField(label=_("Skill"), required=False, widget=PlainSelect)
    collabore = forms.BooleanField(
        label=_("Open to collaborate"), required=False, widget=PlainCheckboxInput
    )
    aide = forms.BooleanField(
        label=_("Happy to help newcomers"), required=False, widget=PlainCheckboxInput
    )
    tri = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("name", _("Name")), ("recent", _("Newest members"))],
        widget=PlainSelect,
    )

    def __init__(self, *args, committees, communes, skills, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["comite"].choices = everything + committees
        self.fields["commune"].choices = everything + [
            (commune.pk, f"{commune.name} ({count})") for commune, count in communes
        ]
        self.fields["competence"].choices = everything + [
            (slug, name) for slug, name in skills
        ]

    def filters(self):
        from members.directory import Filters

        self.is_valid()  # a filter with a bad value is dropped, the others kept
        data = getattr(self, "cleaned_data", {})
        return Filters(
            q=search_terms(data.get("q")),
            committee=data.get("comite"),
            commune=data.get("commune"),
            skill=data.get("competence", ""),
            collaborate=data.get("collabore", False),
            helps=data.get("aide", False),
            sort=data.get("tri") or "name",
        )


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=CommitteeMembership.Role.choices)
    is_editor = forms.BooleanField(
        label=_("Editor of the committee's pages"), required=False
    )


class AddMemberForm(MembershipForm):
    # Chosen among the results of a search by name (never a list of every member).
    user = forms.ModelChoiceField(
        label=_("Member"),
        queryset=User.objects.none(),
        error_messages={
            "required": _("Search for the member by name, then choose them."),
            "invalid_choice": _(
                "This member cannot be added: already in the committee or no "
                "longer active."
            ),
        },
    )

    field_order = ["user", "role", "is_editor"]

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(is_active=True)
            .exclude(committee_memberships__committee=committee)
            .order_by("last_name", "first_name")
        )


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("A word for the référents (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(
        label=_("New e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("We ask for it again to be sure it is you."),
    )


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and my personal data will be erased, "
            "and that this cannot be undone."
        )
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Your password is not correct."))
        return password

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communes.models import Commune
from members.forms import PlainSelect
from missions import selectors
from missions.models import Mission
from missions.services import MAX_SKILLS, MESSAGE_MAX

REMOTE = ""


class MissionForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=160,
        help_text=_("E.g. “Translating a tourism website into German”."),
    )
    kind = forms.ChoiceField(
        label=_("What I am looking for"),
        choices=Mission.Kind.choices,
        widget=forms.RadioSelect,
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "The client, the work, what you expect of a partner. "
            "Markdown: **bold**, *italic*, [link](https://…), lists."
        ),
    )
    skills = forms.CharField(
        label=_("Skills wanted"),
        max_length=600,
        help_text=_(
            "Among the skills members give on their profiles, separated by commas."
        ),
        widget=forms.TextInput(attrs={"list": "skill-suggestions"}),
    )
    commune = forms.ModelChoiceField(
        label=_("Where"),
        queryset=Commune.objects.order_by("name"),
        required=False,
        empty_label=_("Remote"),
        widget=PlainSelect,
        help_text=_("The commune where the work is done, or remote."),
    )
    starts_on = forms.DateField(
        label=_("Start"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    duration = forms.ChoiceField(label=_("Duration"), choices=Mission.Duration.choices)
    budget = forms.ChoiceField(
        label=_("Budget"),
        required=False,
        choices=[("", _("Not said"))] + list(Mission.Budget.choices),
    )
    closes_on = forms.DateField(
        label=_("Answers until"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("After this date the mission closes by itself."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.initial.setdefault("starts_on", today + timedelta(days=14))
        self.initial.setdefault("closes_on", today + timedelta(days=21))
        self.initial.setdefault("kind", Mission.Kind.TEAM)
        self.initial.setdefault("duration", Mission.Duration.WEEKS)

    def clean_skills(self):
        names = []
        seen = set()
        for part in self.cleaned_data["skills"].split(","):
            name = " ".join(part.split())[:100]
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
        if not names:
            raise forms.ValidationError(_("Name at least one skill wanted."))
        if len(names) > MAX_SKILLS:
            raise forms.ValidationError(
                _("At most %(max)s skills.") % {"max": MAX_SKILLS}
            )
        skills, unknown = selectors.skills_named(names=names)
        if unknown:
            raise forms.ValidationError(
                _(
                    "No member offers “%(names)s” yet: choose among the skills "
                    "suggested."
                )
                % {"names": "”, “".join(unknown)}
            )
        return skills


class AnswerForm(forms.Form):
    message = forms.CharField(
        label=_("Your message to the author"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A few words: what you would bring, when you are free."),
    )


class CloseForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (Mission.Status.FILLED, Mission.Status.FILLED.label),
            (Mission.Status.CANCELLED, Mission.Status.CANCELLED.label),
        ]
    )


class FilterForm(forms.Form):
    skill = forms.ChoiceField(label=_("Skill"), required=False, widget=PlainSelect)
    where = forms.ChoiceField(label=_("Where"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Every kind"))] + list(Mission.Kind.choices),
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("match", _("Best match")), ("new", _("Newest"))],
    )

    def __init__(self, *args, skills, has_commune: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].choices = [("", _("Every skill")), *skills]
        where = [("", _("Anywhere")), ("remote", _("Remote only"))]
        if has_commune:
            where += [
                (str(km), _("Within %(km)s km of my commune") % {"km": km})
                for km in selectors.DISTANCES
            ]
        self.fields["where"].choices = where

    def filters(self) -> selectors.Filters:
        data = self.cleaned_data if self.is_valid() else {}
        where = data.get("where", "")
        return selectors.Filters(
            skill=data.get("skill", ""),
            near=int(where) if where.isdigit() else None,
            remote=where == "remote",
            kind=data.get("kind", ""),
            sort=data.get("sort") or "match",
        )

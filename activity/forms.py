from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from activity.services import MAX_LENGTH
from committees.selectors import memberships_of

NETWORK = ""

BODY_HELP = _(
    "Up to 2,000 characters. **bold**, *italics* and links work; mention a member "
    "with @ followed by their first and last name."
)


def _body(label):
    return forms.CharField(
        label=label,
        max_length=MAX_LENGTH,
        help_text=BODY_HELP,
        widget=forms.Textarea(
            attrs={
                "rows": 3,
                "data-mentions": reverse_lazy("members:mention_suggestions"),
                "data-mentions-label": _("Members to mention"),
            }
        ),
        error_messages={
            "required": _("Write something before publishing."),
            "max_length": _(
                "%(show_value)d characters: the limit is %(limit_value)d. "
                "Shorten it a little."
            ),
        },
    )


class PostForm(forms.Form):
    body = _body(_("Your post"))
    audience = forms.ChoiceField(label=_("Who is it for?"), required=False)
    image = forms.FileField(
        label=_("An image (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    image_alt = forms.CharField(
        label=_("Description of the image"),
        required=False,
        max_length=250,
        help_text=_("What it shows, for those who cannot see it."),
    )

    def __init__(self, *args, user, committee=None, memberships=None, **kwargs):
        """`memberships`: the member's, when the request read them already."""
        super().__init__(*args, **kwargs)
        if memberships is None:
            memberships = memberships_of(user=user)
        self.committees = {
            str(m.committee_id): m.committee for m in memberships if m.committee.live
        }
        choices = [(NETWORK, _("The whole network"))] + [
            (key, committee.title) for key, committee in self.committees.items()
        ]
        self.fields["audience"].choices = choices
        if committee is not None and str(committee.pk) in self.committees:
            self.fields["audience"].initial = str(committee.pk)
        for name in ("body", "image_alt"):
            self.fields[name].widget.attrs["autocomplete"] = "off"

    def clean_audience(self):
        value = self.cleaned_data["audience"]
        return self.committees.get(value) if value else None


class PostEditForm(forms.Form):
    body = _body(_("Your post"))
    image = PostForm.base_fields["image"]
    image_alt = PostForm.base_fields["image_alt"]
    remove_image = forms.BooleanField(label=_("Remove the image"), required=False)


class CommentForm(forms.Form):
    body = _body(_("Your comment"))


class CommitteeFeedForm(forms.Form):
    members_only = forms.BooleanField(
        label=_("Only the committee's members see the posts written to it"),
        required=False,
        help_text=_("Otherwise every member of the network sees them."),
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with it?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what is wrong with it.")},
    )

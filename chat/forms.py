from django import forms
from django.utils.translation import gettext_lazy as _

from intranet.text import search_terms
from members.models import User


class ConversationForm(forms.Form):
    """Start a conversation: the people ticked so far, and a name to look for."""

    people = forms.ModelMultipleChoiceField(
        queryset=User.objects.filter(is_active=True),
        required=False,
        error_messages={
            "invalid_choice": _("One of the people chosen is no longer a member."),
            "invalid_pk_value": _("One of the people chosen is no longer a member."),
        },
    )
    q = forms.CharField(label=_("Find a member"), required=False, max_length=60)

    def clean_q(self) -> str:
        return search_terms(self.cleaned_data["q"], max_length=60)

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from forums.services import BODY_MAX, TITLE_MAX


def _body():
    return forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX,
        help_text=_(
            "Markdown: **bold**, *italics*, lists, > quotes, links. Mention a member "
            "with @ followed by their first and last name."
        ),
        widget=forms.Textarea(
            attrs={
                "rows": 8,
                "data-mentions": reverse_lazy("members:mention_suggestions"),
                "data-mentions-label": _("Members to mention"),
            }
        ),
        error_messages={
            "required": _("Write a message before sending."),
            "max_length": _(
                "The message has %(show_value)d characters; at most %(limit_value)d."
            ),
        },
    )


class TopicForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        error_messages={
            "required": _("Give the topic a title."),
            "max_length": _(
                "The title has %(show_value)d characters; at most %(limit_value)d."
            ),
        },
    )
    body = _body()


class PostForm(forms.Form):
    body = _body()


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this message?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what is wrong with this message.")},
    )


class RetitleForm(forms.Form):
    title = TopicForm.base_fields["title"]


class MoveForm(forms.Form):
    category = forms.ModelChoiceField(label=_("Move to"), queryset=None)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories

"""Errors shown to the member as messages on the next page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def form_errors(form: forms.BaseForm) -> list[str]:
    """A form's errors, each named by its field ("Titre : trop long")."""
    return [
        f"{form.fields[name].label} : {error}"
        if name in form.fields and form.fields[name].label
        else str(error)
        for name, errors in form.errors.items()
        for error in errors
    ]


def tell(
    request: HttpRequest, error: ValidationError | forms.BaseForm | Exception
) -> None:
    """Each message of a ValidationError, an invalid form or another error, as an
    error message for the member."""
    if isinstance(error, forms.BaseForm):
        texts = form_errors(error)
    else:
        texts = getattr(error, "messages", None) or [str(error)]
    for text in texts:
        messages.error(request, text)

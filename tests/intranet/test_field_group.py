"""`{% field_group %}` writes what Django's `as_field_group` writes (but for blank
lines), for the forms that use it, empty, filled in and wrong, in both languages."""

import re

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from forums.forms import PostForm, TopicForm
from members.forms import DirectoryForm

_TAG = Template("{% load form_tags %}{% field_group field %}")


def _lines(html: str) -> list[str]:
    return [line.strip() for line in re.split(r"\n", str(html)) if line.strip()]


def _directory(data=None) -> DirectoryForm:
    return DirectoryForm(
        data,
        committees=[(3, "Auch & environs")],
        communes=[],
        skills=[("comptabilite", "Comptabilité")],
    )


class _Odd(forms.Form):
    """What the project's forms do not have yet, and the tag must still get right."""

    required_css_class = "required"
    label_suffix = " →"
    asked = forms.CharField(label="Vraiment ?")
    named = forms.CharField(label="<Nom>", help_text="<b>gras</b>")
    own_id = forms.CharField(widget=forms.TextInput(attrs={"id": "ici"}))
    maybe = forms.CharField(required=False)
    colour = forms.ChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )


FORMS = {
    "directory, empty": lambda: _directory(),
    "directory, filled in": lambda: _directory(
        {"q": "é <x>", "comite": "3", "collabore": "on", "tri": "recent"}
    ),
    "directory, wrong": lambda: _directory({"comite": "zz", "tri": "nope"}),
    "topic, empty": lambda: TopicForm(),
    "topic, wrong": lambda: TopicForm({"title": "", "body": "x" * 20_000}),
    "post": lambda: PostForm({"body": "Bonjour"}),
    "odd, unbound": lambda: _Odd(),
    "odd, wrong": lambda: _Odd({}),
    "odd, no ids": lambda: _Odd(auto_id=False),
}


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", FORMS)
def test_the_tag_writes_what_django_writes(name, language):
    with translation.override(language):
        form = FORMS[name]()
        form.is_valid() if form.is_bound else None
        for field in form:
            ours = _TAG.render(Context({"field": field}))
            assert _lines(ours) == _lines(field.as_field_group()), field.name


@pytest.mark.parametrize(
    ("plain", "django_widget", "value"),
    [
        ("PlainTextInput", forms.TextInput, None),
        ("PlainTextInput", forms.TextInput, "l'été <b>&"),
        ("PlainCheckboxInput", forms.CheckboxInput, True),
        ("PlainCheckboxInput", forms.CheckboxInput, False),
    ],
)
def test_the_directorys_plain_inputs_write_what_django_writes(
    plain, django_widget, value
):
    from members import forms as member_forms

    attrs = {"maxlength": 100, "required": True, "disabled": False, "id": "id_q"}
    ours = getattr(member_forms, plain)(attrs={"data-x": '"x"'})
    theirs = django_widget(attrs={"data-x": '"x"'})
    assert ours.render("q", value, attrs) == theirs.render("q", value, attrs)

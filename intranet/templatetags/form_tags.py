"""`{% field_group field %}`: what `{{ field.as_field_group }}` writes, written here.

Django writes a field's group (label, help text, errors, widget) through four to
six templates, and a filter form of seven fields cost the members directory more
than half its CPU. The HTML is the same as Django's `field.html` but for blank
lines (tested on the project's forms); a field shown in a `<fieldset>` (radio
buttons, a list of checkboxes) goes to Django's templates as before.
"""

from django import template
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def field_group(field: BoundField) -> SafeString:
    if field.use_fieldset:
        return field.as_field_group()
    parts: list[str] = [_label(field)] if field.label else []
    if field.help_text:
        identifier = field.auto_id
        parts.append(
            format_html(
                '<div class="helptext"{}>{}</div>',
                format_html(' id="{}_helptext"', identifier) if identifier else "",
                mark_safe(field.help_text),  # noqa: S308  # as Django's `|safe`
            )
        )
    if field.errors:
        parts.append(str(field.errors))
    parts.append(str(field))
    return mark_safe("\n".join(parts))  # noqa: S308  # each part escaped above


def _label(field: BoundField) -> SafeString:
    """As `BoundField.label_tag()`: the label, its suffix unless it ends with a
    punctuation mark, `for` the widget's id and the form's required class."""
    contents = field.label
    suffix = field.field.label_suffix
    if suffix is None:
        suffix = field.form.label_suffix
    # Translators: as Django's: a label ending with one of these gets no suffix.
    if suffix and contents and contents[-1] not in gettext(":?.!"):
        contents = format_html("{}{}", contents, suffix)
    identifier = field.field.widget.attrs.get("id") or field.auto_id
    if not identifier:
        return format_html("{}", contents)
    attributes = ""
    target = field.field.widget.id_for_label(identifier)
    if target:
        attributes = format_html(' for="{}"', target)
    if field.field.required and hasattr(field.form, "required_css_class"):
        attributes += format_html(' class="{}"', field.form.required_css_class)
    return format_html("<label{}>{}</label>", attributes, contents)
